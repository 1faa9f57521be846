import { Layout } from 'antd';
import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { can } from '../../shared/permissions';
import { visibleAdminSections } from '../../admin/sections';
import { AccountMenu, ElderlySwitch, LanguageSwitch } from './header-tools';

/** The header of the staff faces (工作台, 管理后台): the faces this account may enter, and its tools. */
export function StaffHeader({ face }: { face: 'workbench' | 'admin' }) {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <Layout.Header className="zt-header zt-header-workbench">
      <Link to={face === 'admin' ? '/admin' : '/workbench'} className="zt-brand">
        <span className="zt-brand-mark" aria-hidden="true">
          政
        </span>
        <span>
          {t('common.appName')} · {t(`common.faces.${face}`)}
        </span>
      </Link>
      <nav className="zt-header-nav" aria-label={t('common.nav.faces')}>
        <NavLink to="/workbench" end>
          {t('common.faces.workbench')}
        </NavLink>
        {can(me, 'case.read') ? <NavLink to="/workbench/cases">{t('workbench.cases.navTitle')}</NavLink> : null}
        {can(me, 'case.window') ? <NavLink to="/workbench/window">{t('workbench.window.title')}</NavLink> : null}
        {can(me, 'case.oversee') ? <NavLink to="/workbench/license-free-rate">{t('cases.licenseFreeRate.title')}</NavLink> : null}
        {can(me, 'license.read') ? <NavLink to="/workbench/licenses">{t('licenses.staff.title')}</NavLink> : null}
        {can(me, 'identity-code.scan') ? <NavLink to="/workbench/identity-codes">{t('identityCodes.scan.navTitle')}</NavLink> : null}
        {can(me, 'cockpit.view') ? <NavLink to="/cockpit">{t('common.faces.cockpit')}</NavLink> : null}
        {visibleAdminSections(me).length > 0 ? <NavLink to="/admin">{t('common.faces.admin')}</NavLink> : null}
        <NavLink to="/" end className="zt-hide-elderly">
          {t('common.faces.portal')}
        </NavLink>
      </nav>
      <div className="zt-header-tools">
        <LanguageSwitch ghost />
        <ElderlySwitch />
        <AccountMenu me={me} ghost />
      </div>
    </Layout.Header>
  );
}
