import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { LockOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MeView } from '@zhengtong/contracts';
import { PageHeader } from '../shared/ui/page-header';
import { ButtonLink } from '../shared/ui/button-link';
import { ChangePasswordForm } from './change-password-form';
import { useSignOut } from './use-sign-out';

const IDLE_MINUTES_FALLBACK = 30;

/** Password, second factor and sessions: the same screen for citizens (我的) and staff (工作台). */
export function AccountSecurity({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const signOutEverywhere = useSignOut({ everywhere: true });
  const minutesLeft = Math.max(1, Math.round((Date.parse(me.sessionExpiresAt) - Date.now()) / 60_000)) || IDLE_MINUTES_FALLBACK;
  return (
    <>
      <PageHeader title={t('auth.security.title')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card
          title={
            <span>
              <LockOutlined /> {t('auth.security.passwordCard')}
            </span>
          }
        >
          <Typography.Paragraph type="secondary">{t('auth.security.passwordHelp')}</Typography.Paragraph>
          <div style={{ maxWidth: 480 }}>
            <ChangePasswordForm me={me} onChanged={() => void message.success(t('auth.setup.passwordChanged'))} />
          </div>
        </Card>
        {me.accountType === 'staff' ? (
          <Card
            title={
              <span>
                <SafetyCertificateOutlined /> {t('auth.security.totpCard')}
              </span>
            }
          >
            <Space orientation="vertical">
              <div>
                <Tag color={me.totpEnabled ? 'success' : 'default'}>{me.totpEnabled ? t('auth.security.totpOn') : t('auth.security.totpOff')}</Tag>
              </div>
              <Typography.Text>{me.totpEnabled ? t('auth.security.totpOnHelp') : t('auth.security.totpOffHelp')}</Typography.Text>
              {me.totpEnabled ? null : (
                <ButtonLink type="primary" to="/setup/totp">
                  {t('auth.security.totpEnrol')}
                </ButtonLink>
              )}
            </Space>
          </Card>
        ) : null}
        <Card
          title={
            <span>
              <LogoutOutlined /> {t('auth.security.sessionsCard')}
            </span>
          }
        >
          <Typography.Paragraph>{t('auth.security.sessionExpires', { minutes: minutesLeft })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('auth.security.logoutEverywhereHelp')}</Typography.Paragraph>
          <Popconfirm
            title={t('auth.security.logoutEverywhereConfirm')}
            okText={t('common.actions.confirm')}
            cancelText={t('common.actions.cancel')}
            onConfirm={() => signOutEverywhere.mutate()}
          >
            <Button danger loading={signOutEverywhere.isPending}>
              {t('auth.security.logoutEverywhere')}
            </Button>
          </Popconfirm>
        </Card>
      </Space>
    </>
  );
}
