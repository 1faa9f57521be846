import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changePasswordInput, type MeView } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { useRules } from '../shared/forms/rules';
import { PasswordFields } from './fields/password-fields';

type Values = { currentPassword: string; newPassword: string; newPasswordConfirm: string };
const formFields = Object.keys(changePasswordInput.shape);

export function ChangePasswordForm({ me, onChanged }: { me: MeView; onChanged: (stage: MeView['stage']) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const change = useMutation({
    mutationFn: (v: Values) => api.post<{ stage: MeView['stage'] }>('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onMutate: () => problem.clear(),
    onSuccess: (result) => {
      form.resetFields();
      onChanged(result.stage);
    },
    onError: problem.handle,
  });
  return (
    <>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => change.mutate(v)} scrollToFirstError={{ focus: true }}>
        <Form.Item name="currentPassword" label={t('auth.setup.currentPassword')} rules={[rules.required()]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields
          name="newPassword"
          confirmName="newPasswordConfirm"
          label={t('auth.setup.newPassword')}
          confirmLabel={t('auth.setup.confirmPassword')}
          namesToAvoid={[me.displayName]}
        />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('auth.setup.passwordSubmit')}
        </Button>
      </Form>
    </>
  );
}
