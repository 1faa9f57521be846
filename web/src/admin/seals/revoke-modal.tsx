import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { revokeSealInput, type SealView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';

type Values = { reason: string };
const formFields = ['reason'];

/** 注销印章, with the reason that is published beside the key; the seal's version guards against a concurrent change. */
export function RevokeModal({ seal, onClose, onRevoked }: { seal: SealView | undefined; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);

  useEffect(() => {
    if (!seal) return;
    problem.clear();
    form.resetFields();
  }, [seal]); // a fresh form for each seal

  const revoke = useMutation({
    mutationFn: (v: Values) => api.post<SealView>(`/api/seals/${seal?.id ?? ''}/revoke`, { reason: v.reason.trim(), version: seal?.version }),
    onMutate: () => problem.clear(),
    onSuccess: onRevoked,
    onError: problem.handle,
  });

  return (
    <Modal
      open={seal !== undefined}
      title={seal ? t('seals.revoke.title', { name: seal.name }) : ''}
      okText={t('seals.revoke.confirm')}
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('seals.revoke.warning')} style={{ marginBottom: 16 }} />
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => revoke.mutate(v)}>
        <Form.Item name="reason" label={t('seals.revoke.reason')} extra={t('seals.revoke.reasonHelp')} rules={[rules.required(), rules.schema(revokeSealInput.shape.reason)]}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
