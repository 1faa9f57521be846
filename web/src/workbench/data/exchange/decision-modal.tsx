import { useEffect } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dataExchangeMessages, maskingKindNames, type ShareRequestView } from '@zhengtong/contracts';
import { api, isApiError } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { exchangePaths } from './api';

export type DecisionKind = 'review' | 'answer' | 'withdraw';

type Values = { decision: 'approve' | 'refuse'; reason: string; rateLimitPerSecond?: number; dailyQuota?: number; unmaskedFields?: string[] };
const formFields = ['decision', 'reason', 'rateLimitPerSecond', 'dailyQuota', 'unmaskedFields'];

/**
 * The platform's review, the provider's answer, or the requester's withdrawal, with the request's version: when
 * someone else decided first (409) the modal says so and offers to reload. The modal is its own confirmation.
 */
export function DecisionModal({ kind, request, onClose, onDone, onReload }: { kind: DecisionKind | undefined; request: ShareRequestView; onClose: () => void; onDone: (next: ShareRequestView) => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields, dataExchangeMessages[locale]);
  const decision = Form.useWatch('decision', form);

  useEffect(() => {
    if (!kind) return;
    problem.clear();
    form.resetFields();
    form.setFieldsValue({
      decision: kind === 'withdraw' ? 'refuse' : 'approve',
      rateLimitPerSecond: request.rateLimitPerSecond ?? 10,
      dailyQuota: request.dailyQuota ?? request.expectedDailyVolume,
      unmaskedFields: request.unmaskedRequested,
    });
  }, [kind]); // a fresh form for each decision

  const act = useMutation({
    mutationFn: (v: Values) => {
      if (!kind) throw new Error('no decision');
      const base = { version: request.version, reason: (v.reason ?? '').trim() };
      switch (kind) {
        case 'withdraw':
          return api.post<ShareRequestView>(exchangePaths.decide(request.id, 'withdraw'), base);
        case 'review':
          return api.post<ShareRequestView>(exchangePaths.decide(request.id, 'review'), {
            ...base,
            decision: v.decision,
            ...(v.decision === 'approve' ? { rateLimitPerSecond: v.rateLimitPerSecond, dailyQuota: v.dailyQuota } : {}),
          });
        case 'answer':
          return api.post<ShareRequestView>(exchangePaths.decide(request.id, 'answer'), { ...base, decision: v.decision, unmaskedFields: v.decision === 'approve' ? (v.unmaskedFields ?? []) : [] });
      }
    },
    onMutate: () => problem.clear(),
    onSuccess: onDone,
    onError: problem.handle,
  });
  const isConflict = isApiError(problem.error) && problem.error.status === 409;
  const personal = request.fields.filter((f) => f.masking !== 'none' && f.masking !== 'hidden');
  const isRefusing = kind === 'withdraw' || decision === 'refuse';
  return (
    <Modal
      open={kind !== undefined}
      title={kind ? t(`dataExchange.decision.${kind}Title`, { number: request.number }) : ''}
      okText={kind === 'withdraw' ? t('dataExchange.decision.withdraw') : t('dataExchange.decision.submit')}
      okButtonProps={{ danger: isRefusing, loading: act.isPending, disabled: isConflict }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {isConflict ? null : problem.alert}
      {isConflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('dataExchange.decision.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('dataExchange.decision.reload')}
            </Button>
          }
        />
      ) : null}
      {kind === 'review' && request.isConditional ? <Alert type="info" showIcon title={t('dataExchange.decision.forwardNote')} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        {kind !== 'withdraw' ? (
          <Form.Item name="decision" label={t('dataExchange.decision.decision')} rules={[rules.requiredChoice()]}>
            <Radio.Group>
              <Radio value="approve">{t('dataExchange.decision.approve')}</Radio>
              <Radio value="refuse">{t('dataExchange.decision.refuse')}</Radio>
            </Radio.Group>
          </Form.Item>
        ) : null}
        {kind === 'review' && decision === 'approve' ? (
          <Space wrap size="large">
            <Form.Item name="rateLimitPerSecond" label={t('dataExchange.decision.rateLimit')} rules={[rules.requiredChoice()]}>
              <InputNumber min={1} max={10_000} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="dailyQuota" label={t('dataExchange.decision.dailyQuota')} extra={t('dataExchange.decision.dailyQuotaHelp', { volume: request.expectedDailyVolume })} rules={[rules.requiredChoice()]}>
              <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 200 }} />
            </Form.Item>
          </Space>
        ) : null}
        {kind === 'answer' && decision === 'approve' && personal.length > 0 ? (
          <Form.Item name="unmaskedFields" label={t('dataExchange.decision.unmasked')} extra={t('dataExchange.decision.unmaskedHelp')}>
            <Checkbox.Group options={personal.map((f) => ({ value: f.key, label: `${f.name}(${t('dataExchange.decision.maskedAs', { kind: maskingKindNames[f.masking][locale] })})` }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={isRefusing ? t('dataExchange.decision.reason') : `${t('dataExchange.decision.remark')} ${t('common.optional')}`}
          extra={isRefusing && kind !== 'withdraw' ? t('dataExchange.decision.reasonHelp') : undefined}
          rules={isRefusing && kind !== 'withdraw' ? [rules.required()] : []}
        >
          <Input.TextArea maxLength={kind === 'withdraw' ? 500 : 1000} autoSize={{ minRows: 2, maxRows: 5 }} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
