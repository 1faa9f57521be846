import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuthCard } from './auth-card';
import { SetupGate } from './setup-gate';
import { fetchMe, meKey } from './session';
import { TotpEnrolment } from './totp-enrolment';
import { useSignedIn } from './use-signed-in';

export function SetupTotpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const signedIn = useSignedIn();
  return (
    <SetupGate stage="totp-enrol" allowFull={(me) => me.accountType === 'staff' && !me.totpEnabled}>
      {(_me, returnTo) => (
        <AuthCard title={t('auth.setup.totpTitle')} intro={t('auth.setup.totpIntro')}>
          <TotpEnrolment
            onEnabled={async () => {
              void message.success(t('auth.setup.totpDone'));
              const next = await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
              if (next) signedIn(next, returnTo);
            }}
          />
        </AuthCard>
      )}
    </SetupGate>
  );
}
