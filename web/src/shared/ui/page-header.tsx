import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { usePageTitle } from './page-title';

/** The screen's one h1, its tab title, and its main actions. */
export function PageHeader({ title, description, extra }: { title: string; description?: ReactNode; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <div className="zt-page-header">
        <Typography.Title level={1} style={{ fontSize: '1.75em' }}>
          {title}
        </Typography.Title>
        {extra ? <div>{extra}</div> : null}
      </div>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {description}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
