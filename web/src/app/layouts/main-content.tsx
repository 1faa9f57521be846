import { useEffect, useRef, type ReactNode } from 'react';
import { Layout } from 'antd';
import { useLocation } from 'react-router';

/**
 * The page's <main>, target of the skip link. After an in-app navigation focus moves here, so keyboard and
 * screen-reader users start reading the new page instead of staying on the link they pressed — unless the new
 * page already put focus inside itself (an autofocused field).
 */
export function MainContent({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const isFirst = useRef(true);
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    const main = ref.current;
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: false });
  }, [pathname]);
  return (
    <Layout.Content id="main" ref={ref} tabIndex={-1} className={className}>
      {children}
    </Layout.Content>
  );
}

