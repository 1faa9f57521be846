import { useId } from 'react';
import { Button, Dropdown, Switch, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeView } from '@zhengtong/contracts';
import { usePreferences } from '../preferences';
import { homePathFor } from '../../auth/return-to';
import { useSignOut } from '../../auth/use-sign-out';
import { ButtonLink } from '../../shared/ui/button-link';

/** Shows the other language in its own words (the convention on bilingual government sites). */
export function LanguageSwitch({ ghost }: { ghost?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  const next = language === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button type={ghost ? 'default' : 'text'} ghost={ghost} lang={next === 'en-US' ? 'en' : 'zh-CN'} onClick={() => setLanguage(next)} data-testid="language-switch">
      {t(`common.languageNames.${next}`)}
    </Button>
  );
}

export function ElderlySwitch() {
  const { t } = useTranslation();
  const { isElderly, setElderly } = usePreferences();
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <Switch id={id} checked={isElderly} onChange={setElderly} aria-describedby={helpId} />
      <label htmlFor={id} style={{ cursor: 'pointer', fontWeight: 600 }}>
        {t('common.elderlyMode')}
      </label>
      <span id={helpId} className="zt-visually-hidden">
        {t('common.elderlyModeHelp')}
      </span>
    </span>
  );
}

export function AccountMenu({ me, ghost, showRegister = true }: { me: MeView | null | undefined; ghost?: boolean; showRegister?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  if (!me) {
    return (
      <>
        <ButtonLink type="primary" to="/login">
          {t('common.actions.signIn')}
        </ButtonLink>
        {showRegister ? (
          <ButtonLink to="/register" ghost={ghost}>
            {t('common.actions.register')}
          </ButtonLink>
        ) : null}
      </>
    );
  }
  const home = homePathFor(me);
  const securityPath = me.accountType === 'staff' ? '/workbench/security' : '/my/security';
  const items: MenuProps['items'] = [
    { key: home, label: me.accountType === 'staff' ? t('common.faces.workbench') : t('portal.my.title') },
    { key: securityPath, label: t('auth.security.title') },
    { type: 'divider' },
    { key: 'sign-out', label: t('common.actions.signOut'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'sign-out') signOut.mutate();
    else void navigate(key);
  };
  const label = me.enterpriseName && me.accountType === 'citizen' ? `${me.displayName} · ${me.enterpriseName}` : me.displayName;
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button ghost={ghost} icon={<UserOutlined />} aria-label={t('common.signedInAs', { name: label })} data-testid="account-menu">
        <Typography.Text ellipsis style={{ maxWidth: 220, color: 'inherit' }}>
          {label}
        </Typography.Text>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
