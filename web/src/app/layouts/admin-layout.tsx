import { Suspense } from 'react';
import { Grid, Layout, Menu } from 'antd';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInMe, FullPageSpin } from '../../auth/require-session';
import { visibleAdminSections, type AdminSection } from '../../admin/sections';
import { MainContent } from './main-content';
import { SkipLink } from './skip-link';
import { StaffHeader } from './staff-header';
import { usePreferences } from '../preferences';

function SideMenu({ sections, selected }: { sections: AdminSection[]; selected: string | undefined }) {
  const { t } = useTranslation();
  const { isElderly } = usePreferences();
  return (
    <Layout.Sider className="zt-admin-sider" width={isElderly ? 300 : 220} theme="light">
      <nav aria-label={t('admin.menuLabel')}>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={sections.map((s) => ({
            key: s.path,
            icon: s.icon,
            label: (
              <Link to={s.path} aria-current={selected === s.path ? 'page' : undefined}>
                {t(`admin.sections.${s.key}.title`)}
              </Link>
            ),
          }))}
          style={{ borderInlineEnd: 0 }}
        />
      </nav>
    </Layout.Sider>
  );
}

/** On narrow screens (and at 200% zoom) the menu becomes a wrapping row of links, reachable by keyboard. */
function TopMenu({ sections }: { sections: AdminSection[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.menuLabel')} className="zt-header-nav" style={{ padding: '8px 12px', background: '#fff', borderBottom: '1px solid #e5e7eb' }}>
      {sections.map((s) => (
        <NavLink key={s.path} to={s.path}>
          {t(`admin.sections.${s.key}.title`)}
        </NavLink>
      ))}
    </nav>
  );
}

/** 管理后台: a menu of only the sections this account's permissions open. */
export function AdminLayout() {
  const me = useSignedInMe();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const sections = visibleAdminSections(me);
  const first = sections[0];
  if (pathname === '/admin' && first) return <Navigate to={first.path} replace />;
  const selected = sections.find((s) => pathname.startsWith(s.path))?.path;
  const isWide = screens.md !== false;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <StaffHeader face="admin" />
      {isWide ? null : <TopMenu sections={sections} />}
      <Layout hasSider={isWide}>
        {isWide ? <SideMenu sections={sections} selected={selected} /> : null}
        <MainContent>
          <div className="zt-content" style={{ maxWidth: 1280 }}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </div>
        </MainContent>
      </Layout>
    </Layout>
  );
}
