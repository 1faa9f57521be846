import { Layout } from 'antd';
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { AccountMenu, ElderlySwitch, LanguageSwitch } from './header-tools';
import { MainContent } from './main-content';
import { SkipLink } from './skip-link';
import { SiteFooter } from './site-footer';
import { NotificationBell } from '../../portal/cases/notification-bell';

/** 办事大厅: public; a visitor can read everything here without signing in. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const account = me.data;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="zt-header zt-header-portal">
        <Link to="/" className="zt-brand">
          <span className="zt-brand-mark" aria-hidden="true">
            政
          </span>
          <span>
            {t('common.appName')} · {t('common.faces.portal')}
          </span>
        </Link>
        <nav className="zt-header-nav" aria-label={t('common.nav.main')}>
          <NavLink to="/" end>
            {t('portal.nav.home')}
          </NavLink>
          <NavLink to="/services">{t('services.search.title')}</NavLink>
          <NavLink to="/open">{t('openData.tile.portalNav')}</NavLink>
          {account && account.accountType !== 'staff' ? <NavLink to="/my/cases">{t('cases.my.title')}</NavLink> : null}
          {account && account.accountType !== 'staff' ? <NavLink to="/my" end>{t('portal.my.title')}</NavLink> : null}
          {account?.accountType === 'staff' ? <NavLink to="/workbench">{t('common.faces.workbench')}</NavLink> : null}
        </nav>
        <div className="zt-header-tools">
          <LanguageSwitch />
          <ElderlySwitch />
          <NotificationBell me={account} />
          <AccountMenu me={account} />
        </div>
      </Layout.Header>
      <MainContent>
        <Outlet />
      </MainContent>
      <SiteFooter />
    </Layout>
  );
}
