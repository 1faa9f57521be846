import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { usePageTitle } from '../shared/ui/page-title';

/** The frame of the sign-in, registration and setup screens: one card, one h1. */
export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="zt-auth-page">
      <Card className="zt-auth-card">
        <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 0 }}>
          {title}
        </Typography.Title>
        {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
        {children}
        {footer ? <div style={{ marginTop: 16 }}>{footer}</div> : null}
      </Card>
    </div>
  );
}
