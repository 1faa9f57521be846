import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './change-password-form';
import { AuthCard } from './auth-card';
import { SetupGate } from './setup-gate';
import { fetchMe, meKey } from './session';
import { useSignedIn } from './use-signed-in';

export function SetupPasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const signedIn = useSignedIn();
  return (
    <SetupGate stage="password-change">
      {(me, returnTo) => (
        <AuthCard title={t('auth.setup.passwordTitle')} intro={t('auth.setup.passwordIntro')}>
          <ChangePasswordForm
            me={me}
            onChanged={async () => {
              void message.success(t('auth.setup.passwordChanged'));
              const next = await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
              if (next) signedIn(next, returnTo);
            }}
          />
        </AuthCard>
      )}
    </SetupGate>
  );
}
