import { useEffect } from 'react';
import { App, Form, Input, InputNumber } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createDepartmentInput, departmentNameSchema, departmentShortNameSchema, type DepartmentDetail, type DepartmentView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { useSignedInMe } from '../../auth/require-session';
import { CreditCodeField } from '../../auth/fields/credit-code-field';
import { DepartmentPicker } from '../shared/department-picker';
import { RegionPicker } from '../shared/region-picker';
import { FormDrawer } from '../shared/form-drawer';

type Values = { name: string; shortName?: string; creditCode: string; regionCode: string; parentId?: string | null; sort?: number };
const formFields = Object.keys(createDepartmentInput.shape);

export function DepartmentForm({ department, onClose, onSaved }: { department: DepartmentView | 'new' | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const idempotency = useIdempotencyKey();
  const existing = department === 'new' ? undefined : department;

  useEffect(() => {
    if (!department) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    if (existing) {
      form.setFieldsValue({
        name: existing.name,
        shortName: existing.shortName ?? undefined,
        creditCode: existing.creditCode,
        regionCode: existing.regionCode,
        parentId: existing.parentId,
        sort: existing.sort,
      });
    } else if (me.regionCode) form.setFieldsValue({ regionCode: me.regionCode });
  }, [department]); // reset only when the drawer opens for another department

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name, shortName: v.shortName?.trim() ? v.shortName : null, creditCode: v.creditCode, regionCode: v.regionCode, parentId: v.parentId ?? null, sort: v.sort };
      return existing
        ? api.patch<DepartmentDetail>(`/api/departments/${existing.id}`, { ...body, version: existing.version })
        : api.post<DepartmentDetail>('/api/departments', body, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: () => {
      void message.success(t('common.states.saved'));
      onSaved();
    },
    onError: problem.handle,
  });

  return (
    <FormDrawer open={department !== undefined} title={existing ? t('admin.common.editNamed', { name: existing.name }) : t('admin.departments.create')} onClose={onClose} onSave={() => form.submit()} isSaving={save.isPending}>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError={{ focus: true }}>
        <Form.Item name="name" label={t('admin.departments.name')} rules={[rules.required(), rules.schema(departmentNameSchema)]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="shortName" label={`${t('admin.departments.shortName')} ${t('common.optional')}`} rules={[rules.schema(departmentShortNameSchema)]}>
          <Input maxLength={20} />
        </Form.Item>
        <CreditCodeField name="creditCode" label={t('admin.departments.creditCode')} />
        <Form.Item name="regionCode" label={t('admin.departments.region')} rules={[rules.requiredChoice()]}>
          <RegionPicker rootCode={me.regionCode} />
        </Form.Item>
        <Form.Item name="parentId" label={`${t('admin.departments.parent')} ${t('common.optional')}`}>
          <DepartmentPicker excludeId={existing?.id} allowClear />
        </Form.Item>
        <Form.Item name="sort" label={`${t('admin.regions.sort')} ${t('common.optional')}`}>
          <InputNumber min={0} max={999999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
