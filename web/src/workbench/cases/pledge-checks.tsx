import { useState } from 'react';
import { App, Button, Form, Input, List, Modal, Radio, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { pledgeCheckInput, type CaseMaterialView, type CaseView, type PledgeCheckOutcome } from '@zhengtong/contracts';
import { useSignedInMe } from '../../auth/require-session';
import { api, isApiError } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { can } from '../../shared/permissions';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { casePaths, type StaffCase } from '../../portal/cases/api';

type Values = { outcome: PledgeCheckOutcome; note: string };

const outcomeColor: Record<PledgeCheckOutcome, string> = { confirmed: 'green', false: 'red' };

/** 告知承诺 事后核查: the promises that replaced materials, and recording whether each was true. */
export function PledgeChecks({ view, onDone, onStale }: { view: StaffCase; onDone: (next: CaseView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useSignedInMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const [checking, setChecking] = useState<CaseMaterialView>();
  const idempotency = useIdempotencyKey();
  const problem = useFormProblem(form, ['outcome', 'note']);
  const save = useMutation({
    mutationFn: (v: Values) => api.post<CaseView>(casePaths.pledgeCheck(view.id, checking?.key ?? ''), { version: view.version, outcome: v.outcome, note: v.note.trim() }, idempotency.headers),
    onMutate: () => problem.clear(),
    onSuccess: (next) => {
      idempotency.renew();
      setChecking(undefined);
      void message.success(t('workbench.cases.pledges.done'));
      onDone(next);
    },
    onError: (error) => {
      if (isApiError(error, 'STALE_VERSION')) {
        setChecking(undefined);
        modal.warning({ title: error.problem.title, content: error.problem.detail, okText: t('workbench.cases.reload') });
        onStale();
        return;
      }
      problem.handle(error);
    },
  });
  const pledged = view.materials.filter((m) => m.mode === 'pledge' && m.pledgedAt);
  if (pledged.length === 0) return null;
  const mayCheck = can(me, 'case.review') && view.status !== 'submitted';
  const open = (m: CaseMaterialView) => {
    form.resetFields();
    problem.clear();
    idempotency.renew();
    setChecking(m);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('workbench.cases.pledges.text')}</Typography.Paragraph>
      <List
        dataSource={pledged}
        renderItem={(m) => (
          <List.Item
            actions={
              !m.pledgeCheck && mayCheck
                ? [
                    <Button key="check" onClick={() => open(m)} aria-label={`${t('workbench.cases.pledges.record')} ${m.name}`}>
                      {t('workbench.cases.pledges.record')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  {m.name}{' '}
                  {m.pledgeCheck ? <Tag color={outcomeColor[m.pledgeCheck.outcome]}>{t(`workbench.cases.pledges.${m.pledgeCheck.outcome}`)}</Tag> : <Tag color="gold">{t('workbench.cases.pledges.unchecked')}</Tag>}
                </>
              }
              description={m.pledgeCheck ? `${formatDateTime(m.pledgeCheck.checkedAt)} · ${m.pledgeCheck.note}` : `${t('workbench.cases.pledges.pledgedAt')} ${formatDateTime(m.pledgedAt)}`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={checking !== undefined}
        title={`${t('workbench.cases.pledges.record')}:${checking?.name ?? ''}`}
        onCancel={() => setChecking(undefined)}
        onOk={() => form.submit()}
        okText={t('workbench.cases.pledges.save')}
        okButtonProps={{ loading: save.isPending }}
        cancelText={t('common.actions.cancel')}
        destroyOnHidden
      >
        {problem.alert}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="outcome" label={t('workbench.cases.pledges.outcome')} rules={[rules.requiredChoice()]}>
            <Radio.Group>
              <Radio value="confirmed">{t('workbench.cases.pledges.confirmed')}</Radio>
              <Radio value="false">{t('workbench.cases.pledges.false')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('workbench.cases.pledges.note')} extra={t('workbench.cases.pledges.noteHelp')} rules={[rules.required(), rules.schema(pledgeCheckInput.shape.note)]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
