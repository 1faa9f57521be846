import { useEffect } from 'react';
import { DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { createSealInput, sealKindNames, sealKinds, type SealKind, type SealView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { DepartmentPicker } from '../shared/department-picker';
import { FormDrawer } from '../shared/form-drawer';

type Values = { departmentId?: string; kind?: SealKind; name?: string; validFrom?: Dayjs | null; validTo?: Dayjs | null };
const formFields = Object.keys(createSealInput.shape);
const isoDate = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** 制作印章: the department and kind; the name and validity have defaults the server fills in. */
export function SealForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (seal: SealView) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const idempotency = useIdempotencyKey();

  useEffect(() => {
    if (!open) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    form.setFieldsValue({ kind: 'approval' });
  }, [open]); // a fresh form and key each time the drawer opens

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<SealView>(
        '/api/seals',
        { departmentId: v.departmentId, kind: v.kind, name: v.name?.trim() || undefined, validFrom: isoDate(v.validFrom), validTo: isoDate(v.validTo) },
        idempotency.headers,
      ),
    onMutate: () => problem.clear(),
    onSuccess: onCreated,
    onError: problem.handle,
  });

  const beforeToday = (d: Dayjs) => d.isBefore(dayjs(), 'day');
  return (
    <FormDrawer open={open} title={t('seals.create')} onClose={onClose} onSave={() => form.submit()} isSaving={save.isPending}>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError={{ focus: true }}>
        <Form.Item name="departmentId" label={t('seals.form.department')} rules={[rules.requiredChoice()]}>
          <DepartmentPicker />
        </Form.Item>
        <Form.Item name="kind" label={t('seals.form.kind')} rules={[rules.requiredChoice()]}>
          <Select options={sealKinds.map((k) => ({ value: k, label: sealKindNames[k][locale] }))} />
        </Form.Item>
        <Form.Item name="name" label={`${t('seals.form.name')} ${t('common.optional')}`} extra={t('seals.form.nameHelp')} rules={[rules.schema(createSealInput.shape.name)]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="validFrom" label={`${t('seals.form.validFrom')} ${t('common.optional')}`} extra={t('seals.form.validityHelp')}>
            <DatePicker disabledDate={beforeToday} />
          </Form.Item>
          <Form.Item name="validTo" label={`${t('seals.form.validTo')} ${t('common.optional')}`}>
            <DatePicker disabledDate={beforeToday} />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('seals.form.keyNote')}</Typography.Paragraph>
      </Form>
    </FormDrawer>
  );
}
