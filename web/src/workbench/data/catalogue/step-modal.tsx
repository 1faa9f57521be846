import { useEffect } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dataCatalogueMessages, returnDataResourceInput, type DataResourceView } from '@zhengtong/contracts';
import { api, isApiError } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { cataloguePaths } from './api';

export type Step = 'submit' | 'publish' | 'return' | 'retire';
type Values = { text?: string };
const formFields = ['note', 'reason'];
const needsReason = (step: Step) => step === 'return' || step === 'retire';

/**
 * 提交审核 / 审核发布 / 退回修改 / 停用: the modal says what the step does before the button that does it; returning and
 * retiring need a reason (it goes into the history). The version the reader saw goes along; when someone acted
 * first (409) the modal says so and offers to reload.
 */
export function StepModal({ step, view, onClose, onDone, onReload }: { step: Step | undefined; view: DataResourceView; onClose: () => void; onDone: (next: DataResourceView) => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields, dataCatalogueMessages[currentLocale(i18n.language)]);

  useEffect(() => {
    if (!step) return;
    problem.clear();
    form.resetFields();
  }, [step]); // a fresh form for each step

  const act = useMutation({
    mutationFn: (v: Values) => {
      if (!step) throw new Error('no step');
      const text = (v.text ?? '').trim();
      const body = needsReason(step) ? { version: view.version, reason: text } : step === 'publish' ? { version: view.version, note: text } : { version: view.version };
      return api.post<DataResourceView>(cataloguePaths.step(view.id, step), body);
    },
    onMutate: () => problem.clear(),
    onSuccess: onDone,
    onError: problem.handle,
  });
  const isConflict = isApiError(problem.error) && problem.error.status === 409;
  const number = view.pending?.number ?? view.latest?.number ?? view.publishedVersion ?? 1;
  return (
    <Modal
      open={step !== undefined}
      title={step ? t(`dataCatalogue.steps.${step}.title`, { name: view.name, number }) : ''}
      okText={step ? t(`dataCatalogue.steps.${step}.confirm`) : ''}
      okButtonProps={{ danger: step === 'retire' || step === 'return', loading: act.isPending, disabled: isConflict }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {step ? <Alert type={step === 'retire' ? 'warning' : 'info'} showIcon title={t(`dataCatalogue.steps.${step}.warning`)} style={{ marginBottom: 16 }} /> : null}
      {isConflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={problem.error instanceof Error ? problem.error.message : t('dataCatalogue.steps.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('dataCatalogue.steps.reload')}
            </Button>
          }
        />
      ) : (
        problem.alert
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        {step && step !== 'submit' ? (
          <Form.Item
            name="text"
            label={needsReason(step) ? t('dataCatalogue.steps.reason') : `${t('dataCatalogue.steps.note')} ${t('common.optional')}`}
            extra={t(`dataCatalogue.steps.${step}.help`)}
            rules={needsReason(step) ? [rules.required(), rules.schema(returnDataResourceInput.shape.reason)] : []}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} autoFocus showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
