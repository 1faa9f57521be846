import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, Result, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { loginInput, type LoginInput } from '@zhengtong/contracts';
import { api, isApiError } from '../shared/api/client';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { useRules } from '../shared/forms/rules';
import { AuthCard } from './auth-card';
import { destinationAfterSignIn, safeReturnTo } from './return-to';
import { useMe, type LoginResult } from './session';
import { useSignedIn } from './use-signed-in';
import { useSignOut } from './use-sign-out';

type Values = { username: string; password: string; totp?: string };
const formFields = Object.keys(loginInput.shape);

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const [needsTotp, setNeedsTotp] = useState(false);
  const totpRef = useRef<InputRef>(null);
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const signedIn = useSignedIn();
  const me = useMe();
  const signOut = useSignOut();

  const login = useMutation({
    mutationFn: (input: LoginInput) => api.post<LoginResult>('/api/auth/login', input),
    onMutate: () => problem.clear(),
    onSuccess: (result) => signedIn(result.me, returnTo),
    onError: (error) => {
      if (isApiError(error, 'TOTP_REQUIRED')) {
        setNeedsTotp(true);
        // Wait for the field to mount before moving focus to it.
        window.setTimeout(() => totpRef.current?.focus(), 0);
        return;
      }
      if (isApiError(error, 'TOTP_INVALID')) {
        form.setFields([{ name: 'totp', errors: [error.problem.title] }]);
        totpRef.current?.focus();
        return;
      }
      problem.handle(error);
    },
  });

  const account = me.data;
  if (account && account.stage === 'full') {
    const destination = destinationAfterSignIn(account, returnTo);
    return (
      <AuthCard title={t('auth.login.title')}>
        <Result
          status="success"
          title={t('common.signedInAs', { name: account.displayName })}
          extra={
            <Space wrap>
              <Button
                type="primary"
                onClick={() => (destination.isDocument ? window.location.assign(destination.path) : signedIn(account, returnTo))}
              >
                {t('common.actions.confirm')}
              </Button>
              <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
                {t('common.actions.signOut')}
              </Button>
            </Space>
          }
        />
      </AuthCard>
    );
  }

  const isLocked = isApiError(problem.error, 'ACCOUNT_LOCKED');
  return (
    <AuthCard
      title={t('auth.login.title')}
      intro={returnTo ? t('auth.login.returnNotice') : t('auth.login.intro')}
      footer={
        <Typography.Paragraph>
          {t('auth.login.noAccount')} <Link to="/register/citizen">{t('auth.login.registerCitizen')}</Link>
          {' · '}
          <Link to="/register/enterprise">{t('auth.login.registerEnterprise')}</Link>
        </Typography.Paragraph>
      }
    >
      {problem.alert}
      {isLocked ? <Alert type="info" showIcon title={t('auth.login.lockedHelp')} style={{ marginBottom: 16 }} /> : null}
      {needsTotp && !problem.error ? (
        <Alert type="info" showIcon role="status" title={t('auth.login.totpPrompt')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => login.mutate({ username: values.username, password: values.password, totp: needsTotp ? values.totp : undefined })}
      >
        <Form.Item name="username" label={t('auth.login.username')} extra={t('auth.login.usernameHelp')} rules={[rules.required()]}>
          <Input autoComplete="username" autoFocus spellCheck={false} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.login.password')} rules={[rules.required()]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {needsTotp ? (
          <Form.Item
            name="totp"
            label={t('auth.login.totp')}
            extra={t('auth.login.totpHelp')}
            rules={[rules.required(), rules.schema(loginInput.shape.totp.unwrap())]}
          >
            <Input ref={totpRef} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
