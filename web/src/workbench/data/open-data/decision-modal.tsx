import { useEffect } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approveOpenApplicationInput, refuseOpenApplicationInput, type OpenApplicationView } from '@zhengtong/contracts';
import { api, isApiError } from '../../../shared/api/client';
import { useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { openKeys, openPaths } from '../../../open/api';

export type Decision = { action: 'approve' | 'refuse'; application: OpenApplicationView };
type Values = { months?: number; note?: string; reason?: string };
const formFields = ['months', 'note', 'reason'];

/**
 * 批准 / 不予批准 an application. The modal says what the decision opens (or that the applicant reads the reason)
 * before the button; when another officer decided first (409) it says so and offers to reload.
 */
export function DecisionModal({ decision, onClose }: { decision: Decision | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!decision) return;
    problem.clear();
    form.resetFields();
    form.setFieldsValue({ months: decision.application.months });
  }, [decision]); // a fresh form for each decision

  const decide = useMutation({
    mutationFn: (v: Values) => {
      if (!decision) throw new Error('no decision');
      const { action, application } = decision;
      const body = action === 'approve' ? { version: application.version, months: v.months, note: (v.note ?? '').trim() } : { version: application.version, reason: (v.reason ?? '').trim() };
      return api.post<OpenApplicationView>(openPaths.decide(application.id, action), body);
    },
    onMutate: () => problem.clear(),
    onSuccess: () => {
      void message.success(t('openData.admin.applications.decided'));
      void queryClient.invalidateQueries({ queryKey: openKeys.all });
      onClose();
    },
    onError: problem.handle,
  });
  const isConflict = isApiError(problem.error) && problem.error.status === 409;
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: openKeys.all });
    onClose();
  };
  const a = decision?.application;
  const isApprove = decision?.action === 'approve';
  const names = { applicant: a?.applicantName ?? '', dataset: a?.datasetName ?? '' };
  return (
    <Modal
      open={decision !== undefined}
      title={isApprove ? t('openData.admin.applications.approveTitle', names) : t('openData.admin.applications.refuseTitle', names)}
      okText={isApprove ? t('openData.admin.applications.approve') : t('openData.admin.applications.refuse')}
      okButtonProps={{ danger: !isApprove, loading: decide.isPending, disabled: isConflict }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type={isApprove ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        title={isApprove ? t('openData.admin.applications.approveText', { fields: a?.restrictedFields.join('、') ?? '' }) : t('openData.admin.applications.refuseText')}
      />
      {isConflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('openData.admin.applications.conflict')}
          action={
            <Button size="small" onClick={reload}>
              {t('openData.admin.applications.reload')}
            </Button>
          }
        />
      ) : (
        problem.alert
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => decide.mutate(v)}>
        {isApprove ? (
          <>
            <Form.Item name="months" label={t('openData.admin.applications.months')} extra={t('openData.admin.applications.monthsHelp', { count: a?.months ?? 0 })} rules={[rules.requiredChoice()]}>
              <InputNumber min={1} max={a?.months ?? 1} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="note" label={t('openData.admin.applications.note')} extra={t('openData.admin.applications.noteHelp')} rules={[rules.schema(approveOpenApplicationInput.shape.note)]}>
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('openData.admin.applications.reason')} rules={[rules.required(), rules.schema(refuseOpenApplicationInput.shape.reason)]}>
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} autoFocus />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
