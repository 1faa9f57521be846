import { App, Button, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { phoneSchema, realNameSchema, registerCitizenInput, type RegisterCitizenInput } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { useRules } from '../shared/forms/rules';
import { AuthCard } from './auth-card';
import { IdNumberField } from './fields/id-number-field';
import { PasswordFields } from './fields/password-fields';
import type { LoginResult } from './session';
import { useSignedIn } from './use-signed-in';

type Values = RegisterCitizenInput & { passwordConfirm: string };
const formFields = Object.keys(registerCitizenInput.shape);

export function RegisterCitizenPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const signedIn = useSignedIn();
  const name = Form.useWatch('name', form) ?? '';
  const phone = Form.useWatch('phone', form) ?? '';

  const register = useMutation({
    mutationFn: (input: RegisterCitizenInput) => api.post<LoginResult>('/api/registrations/citizen', input),
    onMutate: () => problem.clear(),
    onSuccess: (result) => {
      void message.success(t('auth.register.success'));
      signedIn(result.me, undefined);
    },
    onError: problem.handle,
  });

  return (
    <AuthCard
      title={t('auth.register.citizenTitle')}
      intro={t('auth.register.citizenIntro')}
      footer={
        <Typography.Paragraph>
          {t('auth.register.haveAccount')} <Link to="/login">{t('common.actions.signIn')}</Link>
          {' · '}
          <Link to="/register/enterprise">{t('auth.register.enterpriseTitle')}</Link>
        </Typography.Paragraph>
      }
    >
      {problem.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        scrollToFirstError={{ focus: true, block: 'center' }}
        onFinish={(values) => register.mutate({ name: values.name, idNumber: values.idNumber, phone: values.phone, password: values.password })}
      >
        <Form.Item name="name" label={t('auth.register.name')} extra={t('auth.register.nameHelp')} rules={[rules.required(), rules.schema(realNameSchema)]}>
          <Input autoComplete="name" />
        </Form.Item>
        <IdNumberField name="idNumber" label={t('auth.register.idNumber')} />
        <Form.Item name="phone" label={t('auth.register.phone')} rules={[rules.required(), rules.schema(phoneSchema)]}>
          <Input inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <PasswordFields label={t('auth.register.password')} confirmLabel={t('auth.register.passwordConfirm')} namesToAvoid={[name, phone]} />
        <Button type="primary" htmlType="submit" block loading={register.isPending}>
          {t('auth.register.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
