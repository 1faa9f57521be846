import { useEffect } from 'react';
import { Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dataRegistriesMessages, raiseRegistryDisputeInput, type RegistryDisputeView, type RegistryValue } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { ValueText } from './registry-labels';

type Values = { claimedValue: string; reason: string };
const formFields = ['claimedValue', 'reason'];

export type DisputedField = { key: string; name: string; value: RegistryValue; departmentName: string | null };

/**
 * 有异议: the value the raiser believes is right and why, sent to the field's authoritative department. Used by the
 * citizen's and enterprise's own record (`/api/my/registry/disputes`) and by departments in the workbench.
 */
export function RaiseDisputeModal({ field, path, onClose, onDone }: { field: DisputedField | undefined; path: string; onClose: () => void; onDone: (view: RegistryDisputeView) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields, dataRegistriesMessages[currentLocale(i18n.language)]);

  useEffect(() => {
    if (!field) return;
    problem.clear();
    form.resetFields();
  }, [field?.key]); // a fresh form for each field

  const raise = useMutation({
    mutationFn: (v: Values) => api.post<RegistryDisputeView>(path, { fieldKey: field?.key, claimedValue: v.claimedValue.trim(), reason: v.reason.trim() }),
    onMutate: () => problem.clear(),
    onSuccess: onDone,
    onError: problem.handle,
  });

  return (
    <Modal
      open={field !== undefined}
      title={field ? t('dataRegistries.raise.title', { field: field.name }) : ''}
      okText={t('dataRegistries.raise.submit')}
      okButtonProps={{ loading: raise.isPending }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {field ? (
        <>
          <Typography.Paragraph type="secondary">{t('dataRegistries.raise.intro', { department: field.departmentName ?? '—' })}</Typography.Paragraph>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[{ key: 'current', label: t('dataRegistries.raise.current'), children: <ValueText value={field.value} /> }]} />
        </>
      ) : null}
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => raise.mutate(v)}>
        <Form.Item name="claimedValue" label={t('dataRegistries.raise.claimed')} rules={[rules.required(), rules.schema(raiseRegistryDisputeInput.shape.claimedValue)]}>
          <Input maxLength={500} autoFocus />
        </Form.Item>
        <Form.Item name="reason" label={t('dataRegistries.raise.reason')} rules={[rules.required(), rules.schema(raiseRegistryDisputeInput.shape.reason)]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} showCount placeholder={t('dataRegistries.raise.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
