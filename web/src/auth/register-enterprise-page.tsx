import { App, Button, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { realNameSchema, registerEnterpriseInput, type RegisterEnterpriseInput } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { useRules } from '../shared/forms/rules';
import { AuthCard } from './auth-card';
import { CreditCodeField } from './fields/credit-code-field';
import { IdNumberField } from './fields/id-number-field';
import { PasswordFields } from './fields/password-fields';
import type { LoginResult } from './session';
import { useSignedIn } from './use-signed-in';

type Values = RegisterEnterpriseInput & { passwordConfirm: string };
const formFields = Object.keys(registerEnterpriseInput.shape);

export function RegisterEnterprisePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const signedIn = useSignedIn();
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const legalRepName = Form.useWatch('legalRepName', form) ?? '';

  const register = useMutation({
    mutationFn: (input: RegisterEnterpriseInput) => api.post<LoginResult>('/api/registrations/enterprise', input),
    onMutate: () => problem.clear(),
    onSuccess: (result) => {
      void message.success(t('auth.register.success'));
      signedIn(result.me, undefined);
    },
    onError: problem.handle,
  });

  return (
    <AuthCard
      title={t('auth.register.enterpriseTitle')}
      intro={t('auth.register.enterpriseIntro')}
      footer={
        <Typography.Paragraph>
          {t('auth.register.haveAccount')} <Link to="/login">{t('common.actions.signIn')}</Link>
          {' · '}
          <Link to="/register/citizen">{t('auth.register.citizenTitle')}</Link>
        </Typography.Paragraph>
      }
    >
      {problem.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        scrollToFirstError={{ focus: true, block: 'center' }}
        onFinish={(v) =>
          register.mutate({ name: v.name, creditCode: v.creditCode, legalRepName: v.legalRepName, legalRepIdNumber: v.legalRepIdNumber, password: v.password })
        }
      >
        <Form.Item name="name" label={t('auth.register.enterpriseName')} rules={[rules.required(), rules.schema(registerEnterpriseInput.shape.name)]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <CreditCodeField name="creditCode" label={t('auth.register.creditCode')} />
        <Form.Item name="legalRepName" label={t('auth.register.legalRepName')} rules={[rules.required(), rules.schema(realNameSchema)]}>
          <Input autoComplete="name" />
        </Form.Item>
        <IdNumberField name="legalRepIdNumber" label={t('auth.register.legalRepIdNumber')} />
        <PasswordFields label={t('auth.register.password')} confirmLabel={t('auth.register.passwordConfirm')} namesToAvoid={[creditCode, legalRepName]} />
        <Button type="primary" htmlType="submit" block loading={register.isPending}>
          {t('auth.register.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
