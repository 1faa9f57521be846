import { useEffect } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { licenseStatusChangeInput, type LicenseStaffAction, type LicenseView } from '@zhengtong/contracts';
import { api, isApiError } from '../../shared/api/client';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { licensePaths } from '../../portal/licenses/api';
import { useLicenseMessages } from '../../portal/licenses/license-messages';
import { useRules } from '../../shared/forms/rules';

type Values = { reason: string };
const formFields = ['reason'];

/**
 * 暂扣 / 恢复 / 注销 with the reason kept in the history. The modal is the confirmation: it says what the action does
 * before the button that does it. The licence's version goes along; when someone else acted first (409) the modal
 * says so and offers to reload instead of leaving the clerk guessing.
 */
export function StatusActionModal({ action, view, onClose, onDone, onReload }: { action: LicenseStaffAction | undefined; view: LicenseView; onClose: () => void; onDone: (next: LicenseView) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields, useLicenseMessages());

  useEffect(() => {
    if (!action) return;
    problem.clear();
    form.resetFields();
  }, [action]); // a fresh form for each action

  const act = useMutation({
    mutationFn: (v: Values) => {
      if (!action) throw new Error('no action');
      return api.post<LicenseView>(licensePaths.action(view.id, action), { reason: v.reason.trim(), version: view.version });
    },
    onMutate: () => problem.clear(),
    onSuccess: onDone,
    onError: problem.handle,
  });
  const isConflict = isApiError(problem.error) && problem.error.status === 409;
  const isDanger = action === 'revoke' || action === 'suspend';
  return (
    <Modal
      open={action !== undefined}
      title={action ? t(`licenses.actions.${action}.title`, { name: view.typeName, holder: view.holderName }) : ''}
      okText={action ? t(`licenses.actions.${action}.confirm`) : ''}
      okButtonProps={{ danger: isDanger, loading: act.isPending, disabled: isConflict }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {action ? <Alert type={action === 'revoke' ? 'error' : action === 'suspend' ? 'warning' : 'info'} showIcon title={t(`licenses.actions.${action}.warning`)} style={{ marginBottom: 16 }} /> : null}
      {/* A 409 gets its own words and a way out; any other failure the server's. */}
      {isConflict ? null : problem.alert}
      {isConflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('licenses.actions.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('licenses.actions.reload')}
            </Button>
          }
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        <Form.Item name="reason" label={t('licenses.actions.reason')} extra={action ? t(`licenses.actions.${action}.reasonHelp`) : undefined} rules={[rules.required(), rules.schema(licenseStatusChangeInput.shape.reason)]}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 5 }} autoFocus showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
