import { useMemo } from 'react';
import { Alert, Button, Form, Input, Space, Steps, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorTitle, totpConfirmInput, type MeView, type totpSetupView } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { currentLocale, useRules } from '../shared/forms/rules';
import { QueryState } from '../shared/ui/query-state';

type SetupView = z.infer<typeof totpSetupView>;
type Values = { code: string };
const formFields = Object.keys(totpConfirmInput.shape);

/** Scan (or type) the secret, prove it works with one code; the factor is on only after that. */
export function TotpEnrolment({ onEnabled }: { onEnabled: (stage: MeView['stage']) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const wrongCode = errorTitle('TOTP_INVALID', currentLocale(i18n.language));
  const messages = useMemo(() => ({ 'totp.wrong': wrongCode }), [wrongCode]);
  const problem = useFormProblem(form, formFields, messages);
  // Starting setup issues a new secret: do it once per visit, never again on focus or reconnect.
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: () => api.post<SetupView>('/api/auth/totp/setup'),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
    retry: false,
    meta: { isOneShot: true },
  });
  const confirm = useMutation({
    mutationFn: (v: Values) => api.post<{ stage: MeView['stage'] }>('/api/auth/totp/confirm', { code: v.code }),
    onMutate: () => problem.clear(),
    onSuccess: (result) => onEnabled(result.stage),
    onError: problem.handle,
  });

  return (
    <QueryState query={setup} rows={6}>
      {(view) => (
        <>
          <Steps
            orientation="vertical"
            size="small"
            aria-label={t('auth.setup.steps')}
            items={[
              { title: t('auth.setup.step1'), status: 'process' },
              {
                title: t('auth.setup.step2'),
                status: 'process',
                content: (
                  <Space orientation="vertical" style={{ marginTop: 8 }}>
                    <img className="zt-qr" src={view.qrDataUrl} alt={t('auth.setup.qrAlt')} width={220} height={220} />
                    <Typography.Text>{t('auth.setup.secret')}</Typography.Text>
                    <Typography.Text className="zt-secret" copyable={{ text: view.secret }} strong>
                      {view.secret.replace(/(.{4})/g, '$1 ').trim()}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('auth.setup.step3'), status: 'process' },
            ]}
          />
          {problem.error ? problem.alert : null}
          <Form<Values> form={form} layout="vertical" onFinish={(v) => confirm.mutate(v)}>
            <Form.Item name="code" label={t('auth.setup.code')} rules={[rules.required(), rules.schema(totpConfirmInput.shape.code)]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {t('auth.setup.totpSubmit')}
            </Button>
          </Form>
          <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('auth.security.totpOnHelp')} />
        </>
      )}
    </QueryState>
  );
}
