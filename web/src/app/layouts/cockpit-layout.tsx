import { useEffect, useState } from 'react';
import { ConfigProvider, Layout, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useMe } from '../../auth/session';
import { cockpitTheme } from '../theme';
import { AccountMenu, ElderlySwitch, LanguageSwitch } from './header-tools';
import { MainContent } from './main-content';
import { SkipLink } from './skip-link';

function Clock() {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(dayjs()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return <Typography.Text type="secondary">{now.format('YYYY-MM-DD HH:mm')}</Typography.Text>;
}

/** 驾驶舱: a dark, wall-screen friendly frame. */
export function CockpitLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <ConfigProvider theme={cockpitTheme()}>
      <Layout className="zt-cockpit">
        <SkipLink />
        <Layout.Header className="zt-header zt-header-cockpit">
          <Link to="/cockpit" className="zt-brand">
            <span className="zt-brand-mark" aria-hidden="true">
              政
            </span>
            <span>
              {t('common.appName')} · {t('common.faces.cockpit')}
            </span>
          </Link>
          <nav className="zt-header-nav" aria-label={t('common.nav.faces')}>
            <Link to="/workbench">{t('common.faces.workbench')}</Link>
          </nav>
          <div className="zt-header-tools">
            <Clock />
            <LanguageSwitch />
            <ElderlySwitch />
            <AccountMenu me={me} />
          </div>
        </Layout.Header>
        <MainContent className="zt-cockpit">
          <div style={{ padding: 24 }}>
            <Outlet />
          </div>
        </MainContent>
      </Layout>
    </ConfigProvider>
  );
}
