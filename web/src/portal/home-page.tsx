import type { ReactNode } from 'react';
import { Card, Space, Typography } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  FileSearchOutlined,
  DesktopOutlined,
  IdcardOutlined,
  LoginOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeView } from '@zhengtong/contracts';
import { useMe } from '../auth/session';
import { homePathFor } from '../auth/return-to';
import { ButtonLink } from '../shared/ui/button-link';
import { usePageTitle } from '../shared/ui/page-title';
import { ServiceSearchBox } from './services/service-search-box';
import { DepartmentBrowser, LifeEventBrowser } from './services/browse-sections';

type Entry = { to: string; icon: ReactNode; title: string; text: string; testId?: string };

function useEntries(me: MeView | null | undefined): Entry[] {
  const { t } = useTranslation();
  if (!me) {
    return [
      { to: '/login', icon: <LoginOutlined />, title: t('portal.home.signIn'), text: t('portal.home.signInText') },
      { to: '/register/citizen', icon: <UserAddOutlined />, title: t('auth.register.citizenTitle'), text: t('auth.register.citizenCard') },
      { to: '/register/enterprise', icon: <BankOutlined />, title: t('auth.register.enterpriseTitle'), text: t('auth.register.enterpriseCard') },
      { to: '/workbench', icon: <DesktopOutlined />, title: t('portal.home.staffEntry'), text: t('portal.home.staffEntryText') },
    ];
  }
  switch (me.accountType) {
    case 'staff':
      return [{ to: '/workbench', icon: <DesktopOutlined />, title: t('common.faces.workbench'), text: t('portal.home.staffEntryText') }];
    case 'citizen':
      return [
        { to: '/my/cases', icon: <FileSearchOutlined />, title: t('cases.my.title'), text: t('portal.home.casesText') },
        { to: '/my/notifications', icon: <BellOutlined />, title: t('cases.notifications.title'), text: t('portal.home.notificationsText') },
        { to: '/my', icon: <IdcardOutlined />, title: t('portal.my.profile.title'), text: t('portal.home.profileText') },
        { to: '/my/data-use', icon: <AuditOutlined />, title: t('portal.my.dataUse.title'), text: t('portal.home.dataUseText') },
        { to: '/my/acting', icon: <BankOutlined />, title: t('portal.my.acting.title'), text: t('portal.home.actingText') },
        { to: '/my/security', icon: <SafetyOutlined />, title: t('auth.security.title'), text: t('portal.home.securityText') },
      ];
    case 'enterprise':
      return [
        { to: '/my/cases', icon: <FileSearchOutlined />, title: t('cases.my.title'), text: t('portal.home.casesText') },
        { to: '/my/notifications', icon: <BellOutlined />, title: t('cases.notifications.title'), text: t('portal.home.notificationsText') },
        { to: '/my', icon: <IdcardOutlined />, title: t('portal.my.profile.enterpriseTitle'), text: t('portal.home.enterpriseProfileText') },
        { to: '/my/agents', icon: <TeamOutlined />, title: t('portal.my.agents.title'), text: t('portal.home.agentsText') },
        { to: '/my/security', icon: <SafetyOutlined />, title: t('auth.security.title'), text: t('portal.home.securityText') },
      ];
  }
}

/**
 * 办事大厅 home: one search box first (most people arrive knowing what they need, in their own words), then the
 * catalogue by life event and by department, and for a signed-in person their own things.
 */
export function PortalHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('common.faces.portal'));
  const me = useMe().data;
  const entries = useEntries(me);
  return (
    <>
      <section className="zt-hero" aria-labelledby="portal-title">
        <div className="zt-content" style={{ padding: '0 24px' }}>
          <Typography.Title id="portal-title" level={1} style={{ fontSize: '2em', marginTop: 0 }}>
            {t('portal.home.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ fontSize: '1.15em', maxWidth: 720 }}>
            {me ? t('portal.home.greeting', { name: me.displayName }) : t('portal.home.subtitle')}
          </Typography.Paragraph>
          <ServiceSearchBox hotWords={t('services.search.hotWords').split(',')} />
          <Space wrap style={{ marginTop: 16 }}>
            {me ? (
              <ButtonLink size="large" to={homePathFor(me)}>
                {me.accountType === 'staff' ? t('common.faces.workbench') : t('portal.my.title')}
              </ButtonLink>
            ) : (
              <>
                <ButtonLink size="large" to="/login">
                  {t('common.actions.signIn')}
                </ButtonLink>
                <ButtonLink size="large" ghost to="/register">
                  {t('common.actions.register')}
                </ButtonLink>
              </>
            )}
          </Space>
        </div>
      </section>
      <div className="zt-content">
        <LifeEventBrowser />
        <DepartmentBrowser />
        <Typography.Title level={2} style={{ fontSize: '1.35em' }}>
          {me ? t('portal.home.mySection') : t('portal.home.startSection')}
        </Typography.Title>
        <ul className="zt-card-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {entries.map((e) => (
            <li key={e.to}>
              <Link to={e.to} className="zt-card-link">
                <Card hoverable>
                  <Typography.Title level={3} style={{ fontSize: '1.15em', marginTop: 0 }}>
                    <span aria-hidden="true">{e.icon}</span> {e.title}
                  </Typography.Title>
                  <Typography.Text type="secondary">{e.text}</Typography.Text>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
        {me ? null : (
          <Card style={{ marginTop: 24 }} className="zt-hide-elderly">
            <Typography.Title level={2} style={{ fontSize: '1.2em', marginTop: 0 }}>
              {t('portal.home.aboutTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('portal.home.aboutSso')}</Typography.Paragraph>
            <Typography.Paragraph>{t('portal.home.aboutPrivacy')}</Typography.Paragraph>
          </Card>
        )}
      </div>
    </>
  );
}
