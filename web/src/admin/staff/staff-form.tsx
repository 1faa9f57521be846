import { useEffect } from 'react';
import { Alert, App, Checkbox, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createStaffInput, phoneSchema, realNameSchema, usernameSchema, type PositionView, type StaffView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { PasswordFields } from '../../auth/fields/password-fields';
import { DepartmentPicker } from '../shared/department-picker';
import { FormDrawer } from '../shared/form-drawer';

type Values = {
  username: string;
  name: string;
  departmentId: string;
  positionId?: string | null;
  phone?: string;
  initialPassword: string;
  initialPasswordConfirm: string;
  totpRequired?: boolean;
};
const formFields = Object.keys(createStaffInput.shape);

function PositionSelect({ id, value, onChange, departmentId }: { id?: string; value?: string | null; onChange?: (v: string | null) => void; departmentId?: string }) {
  const { t } = useTranslation();
  const positions = useQuery({
    queryKey: ['departments', departmentId ?? '', 'positions'],
    queryFn: () => api.get<{ items: PositionView[] }>(`/api/departments/${departmentId ?? ''}/positions`),
    enabled: Boolean(departmentId),
  });
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      disabled={!departmentId}
      loading={positions.isFetching}
      placeholder={departmentId ? t('admin.staff.choosePosition') : t('admin.staff.chooseDepartmentFirst')}
      options={(positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}

/** New staff get an initial password they must change at first sign-in; roles are granted by the security admin. */
export function StaffForm({ staff, onClose, onSaved }: { staff: StaffView | 'new' | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, [...formFields, 'status']);
  const idempotency = useIdempotencyKey();
  const existing = staff === 'new' ? undefined : staff;
  const departmentId = Form.useWatch('departmentId', form);
  const username = Form.useWatch('username', form) ?? '';

  useEffect(() => {
    if (!staff) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    if (existing) {
      form.setFieldsValue({ username: existing.username, name: existing.name, departmentId: existing.departmentId, positionId: existing.positionId, totpRequired: existing.totpRequired });
    }
  }, [staff]); // reset only when the drawer opens for another person

  const save = useMutation({
    mutationFn: (v: Values) =>
      existing
        ? api.patch<StaffView>(`/api/staff/${existing.accountId}`, {
            name: v.name,
            departmentId: v.departmentId,
            positionId: v.positionId ?? null,
            ...(v.phone ? { phone: v.phone } : {}),
            totpRequired: v.totpRequired ?? false,
            version: existing.version,
          })
        : api.post<StaffView>(
            '/api/staff',
            {
              username: v.username,
              name: v.name,
              departmentId: v.departmentId,
              positionId: v.positionId ?? undefined,
              phone: v.phone || undefined,
              initialPassword: v.initialPassword,
              totpRequired: v.totpRequired ?? false,
            },
            idempotency.headers,
          ),
    onMutate: () => problem.clear(),
    onSuccess: () => {
      void message.success(t('common.states.saved'));
      onSaved();
    },
    onError: problem.handle,
  });

  return (
    <FormDrawer open={staff !== undefined} title={existing ? t('admin.common.editNamed', { name: existing.name }) : t('admin.staff.create')} onClose={onClose} onSave={() => form.submit()} isSaving={save.isPending}>
      {problem.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        scrollToFirstError={{ focus: true }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('departmentId' in changed) form.setFieldValue('positionId', null);
        }}
      >
        <Form.Item name="username" label={t('admin.staff.username')} extra={t('admin.staff.usernameHelp')} rules={[rules.required(), rules.schema(usernameSchema)]}>
          <Input disabled={Boolean(existing)} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.staff.name')} rules={[rules.required(), rules.schema(realNameSchema)]}>
          <Input />
        </Form.Item>
        <Form.Item name="departmentId" label={t('admin.staff.department')} rules={[rules.requiredChoice()]}>
          <DepartmentPicker />
        </Form.Item>
        <Form.Item name="positionId" label={`${t('admin.staff.position')} ${t('common.optional')}`}>
          <PositionSelect departmentId={departmentId} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={`${t('admin.staff.phone')} ${t('common.optional')}`}
          extra={existing ? t('admin.staff.phoneKeep') : undefined}
          rules={[rules.schema(phoneSchema)]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        {existing ? null : (
          <>
            <Alert type="info" showIcon title={t('admin.staff.initialPasswordHelp')} style={{ marginBottom: 16 }} />
            <PasswordFields
              name="initialPassword"
              confirmName="initialPasswordConfirm"
              label={t('admin.staff.initialPassword')}
              confirmLabel={t('auth.register.passwordConfirm')}
              namesToAvoid={[username]}
            />
          </>
        )}
        <Form.Item name="totpRequired" valuePropName="checked">
          <Checkbox>{t('admin.staff.totpRequired')}</Checkbox>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
