import { Alert, Button, Space } from 'antd';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../auth/require-session';
import { useActAs } from './use-act-as';

/** 我的: the signed-in citizen's or enterprise's own account pages. */
export function MyLayout() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const actAs = useActAs();
  const links = [
    { to: '/my/cases', label: t('cases.my.title'), end: false },
    { to: '/my/licenses', label: t('licenses.wallet.title'), end: false },
    { to: '/my/notifications', label: t('cases.notifications.title'), end: false },
    { to: '/my', label: me.accountType === 'enterprise' ? t('portal.my.profile.enterpriseTitle') : t('portal.my.profile.title'), end: true },
    { to: '/my/identity-code', label: t('identityCodes.my.title'), end: false },
    { to: '/my/registry', label: me.accountType === 'enterprise' ? t('dataRegistries.my.enterpriseTitle') : t('dataRegistries.my.title'), end: false },
    ...(me.accountType === 'citizen' ? [{ to: '/my/data-use', label: t('portal.my.dataUse.title'), end: false }] : []),
    me.accountType === 'enterprise'
      ? { to: '/my/agents', label: t('portal.my.agents.title'), end: false }
      : { to: '/my/acting', label: t('portal.my.acting.title'), end: false },
    { to: '/my/security', label: t('auth.security.title'), end: false },
  ];
  const isActing = me.accountType === 'citizen' && me.enterpriseId !== null;
  return (
    <div className="zt-content">
      {isActing ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('portal.my.acting.banner', { enterprise: me.enterpriseName ?? '' })}
          action={
            <Button size="small" onClick={() => actAs.mutate(null)} loading={actAs.isPending}>
              {t('portal.my.acting.stop')}
            </Button>
          }
        />
      ) : null}
      <nav aria-label={t('portal.my.navLabel')} style={{ marginBottom: 16 }}>
        <Space wrap className="zt-header-nav" style={{ padding: 0 }}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.end} style={{ background: '#fff', border: '1px solid #d9d9d9' }}>
              {l.label}
            </NavLink>
          ))}
        </Space>
      </nav>
      <Outlet />
    </div>
  );
}
