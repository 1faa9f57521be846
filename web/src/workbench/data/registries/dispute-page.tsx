import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Space, Timeline, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { correctRegistryDisputeInput, dataRegistriesMessages, rejectRegistryDisputeInput, type RegistryDisputeView } from '@zhengtong/contracts';
import { api, isApiError } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { formatDate, formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { registryKeys, registryPaths, useDispute } from '../../../portal/my/registry-api';
import { DisputeStatusTag, DueText, ValueText } from '../../../portal/my/registry-labels';
import { useSignedInMe } from '../../../auth/require-session';
import { can } from '../../../shared/permissions';
import { subjectPath } from './subject-search';

type Decision = 'correct' | 'reject' | 'withdraw';
type FactKey = 'registry' | 'subject' | 'field' | 'disputed' | 'claimed' | 'corrected' | 'reason' | 'raiser' | 'handling' | 'raisedAt' | 'dueAt' | 'status' | 'decision' | 'decidedBy' | 'decidedAt';
type Values = { value?: string; note?: string; reason?: string };
const formFields = ['value', 'note', 'reason'];

/**
 * 核实并更正 / 不予更正 / 撤回, each confirmed in a modal that says what it does. The dispute's version goes along; when
 * someone else acted first (409) the modal says so and offers to reload.
 */
function DecisionModal({ decision, view, onClose, onDone, onReload }: { decision: Decision | undefined; view: RegistryDisputeView; onClose: () => void; onDone: (next: RegistryDisputeView) => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields, dataRegistriesMessages[currentLocale(i18n.language)]);
  useEffect(() => {
    if (!decision) return;
    problem.clear();
    form.resetFields();
  }, [decision]); // a fresh form for each decision

  const act = useMutation({
    mutationFn: (v: Values) => {
      if (!decision) throw new Error('no decision');
      const body =
        decision === 'correct'
          ? { version: view.version, ...(v.value?.trim() && v.value.trim() !== view.claimedValue ? { value: v.value.trim() } : {}), note: v.note?.trim() ?? '' }
          : decision === 'reject'
            ? { version: view.version, reason: v.reason?.trim() ?? '' }
            : { version: view.version };
      return api.post<RegistryDisputeView>(registryPaths.decide(view.id, decision), body);
    },
    onMutate: () => problem.clear(),
    onSuccess: onDone,
    onError: problem.handle,
  });
  const isConflict = isApiError(problem.error) && problem.error.status === 409;
  const titles: Record<Decision, string> = {
    correct: t('dataRegistries.dispute.correctTitle', { field: view.fieldName }),
    reject: t('dataRegistries.dispute.rejectTitle'),
    withdraw: t('dataRegistries.dispute.withdrawTitle'),
  };
  const intros: Record<Decision, string> = {
    correct: t('dataRegistries.dispute.correctIntro'),
    reject: t('dataRegistries.dispute.rejectIntro'),
    withdraw: t('dataRegistries.dispute.withdrawIntro'),
  };
  return (
    <Modal
      open={decision !== undefined}
      title={decision ? titles[decision] : ''}
      okText={decision ? t(`dataRegistries.dispute.${decision}`) : ''}
      okButtonProps={{ danger: decision === 'reject', loading: act.isPending, disabled: isConflict }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {decision ? <Alert type={decision === 'correct' ? 'info' : 'warning'} showIcon title={intros[decision]} style={{ marginBottom: 16 }} /> : null}
      {isConflict ? null : problem.alert}
      {isConflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('dataRegistries.dispute.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('dataRegistries.dispute.reload')}
            </Button>
          }
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => act.mutate(v)} initialValues={{ value: view.claimedValue }}>
        {decision === 'correct' ? (
          <>
            <Form.Item name="value" label={t('dataRegistries.dispute.correctValue')} extra={t('dataRegistries.dispute.correctValueHelp')} rules={[rules.required(), rules.schema(correctRegistryDisputeInput.shape.value.unwrap())]}>
              <Input maxLength={500} autoFocus />
            </Form.Item>
            <Form.Item name="note" label={t('dataRegistries.dispute.note')} rules={[rules.schema(correctRegistryDisputeInput.shape.note)]}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} showCount />
            </Form.Item>
          </>
        ) : null}
        {decision === 'reject' ? (
          <Form.Item name="reason" label={t('dataRegistries.dispute.rejectReason')} rules={[rules.required(), rules.schema(rejectRegistryDisputeInput.shape.reason)]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} showCount autoFocus />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function DisputeDetail({ view, onReload }: { view: RegistryDisputeView; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision>();
  const canBrowse = can(useSignedInMe(), 'registry.read');
  const f = (key: FactKey) => t(`dataRegistries.dispute.facts.${key}`);
  return (
    <>
      <PageHeader
        title={t('dataRegistries.dispute.title', { number: view.number })}
        extra={
          <Space wrap>
            {view.canDecide ? (
              <>
                <Button type="primary" onClick={() => setDecision('correct')}>
                  {t('dataRegistries.dispute.correct')}
                </Button>
                <Button danger onClick={() => setDecision('reject')}>
                  {t('dataRegistries.dispute.reject')}
                </Button>
              </>
            ) : null}
            {view.canWithdraw ? <Button onClick={() => setDecision('withdraw')}>{t('dataRegistries.dispute.withdraw')}</Button> : null}
          </Space>
        }
      />
      {view.isOverdue ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('dataRegistries.dispute.overdueAlert', { date: formatDate(view.dueAt) })} /> : null}
      {view.isMasked ? <Typography.Paragraph type="secondary">{t('dataRegistries.dispute.masked')}</Typography.Paragraph> : null}
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'status', label: f('status'), children: <DisputeStatusTag status={view.status} /> },
            { key: 'registry', label: f('registry'), children: t(`dataRegistries.registries.${view.registry}`) },
            {
              key: 'subject',
              label: f('subject'),
              children: canBrowse ? (
                <Link to={subjectPath(view.registry, view.subjectId)} className="zt-code">
                  {view.subjectKey}
                </Link>
              ) : (
                <span className="zt-code">{view.subjectKey}</span>
              ),
            },
            { key: 'field', label: f('field'), children: view.fieldName },
            { key: 'disputed', label: f('disputed'), children: <ValueText value={view.disputedValue} /> },
            { key: 'claimed', label: f('claimed'), children: <ValueText value={view.claimedValue} /> },
            ...(view.correctedValue !== null ? [{ key: 'corrected', label: f('corrected'), children: <ValueText value={view.correctedValue} /> }] : []),
            { key: 'reason', label: f('reason'), span: 2, children: view.reason },
            { key: 'raiser', label: f('raiser'), children: `${view.raiserDepartmentName ?? view.raiserName}(${t(`dataRegistries.raiserKinds.${view.raiserKind}`)})` },
            { key: 'handling', label: f('handling'), children: view.handlingDepartmentName },
            { key: 'raisedAt', label: f('raisedAt'), children: formatDateTime(view.raisedAt) },
            { key: 'dueAt', label: f('dueAt'), children: <DueText dueAt={view.dueAt} isOverdue={view.isOverdue} /> },
            ...(view.decidedAt
              ? [
                  { key: 'decidedBy', label: f('decidedBy'), children: view.decidedByName ?? '—' },
                  { key: 'decidedAt', label: f('decidedAt'), children: formatDateTime(view.decidedAt) },
                  { key: 'decision', label: f('decision'), span: 2, children: view.decisionNote || '—' },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('dataRegistries.dispute.history')} style={{ marginTop: 16 }}>
        <Timeline
          items={view.history.map((h) => ({
            key: h.id,
            color: h.action === 'overdue' ? 'red' : h.action === 'correct' ? 'green' : 'blue',
            children: (
              <>
                <Space wrap>
                  <strong>{t(`dataRegistries.actions.${h.action}`)}</strong>
                  <span>{h.actorName}</span>
                  <span className="zt-muted">{formatDateTime(h.at)}</span>
                </Space>
                {h.note ? <div>{h.note}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      <DecisionModal
        decision={decision}
        view={view}
        onClose={() => setDecision(undefined)}
        onReload={() => {
          setDecision(undefined);
          onReload();
        }}
        onDone={(next) => {
          const done = decision;
          setDecision(undefined);
          queryClient.setQueryData(registryKeys.dispute(next.id), next);
          void queryClient.invalidateQueries({ queryKey: registryKeys.all });
          if (done) void message.success(t(`dataRegistries.dispute.done.${done}`));
        }}
      />
    </>
  );
}

/** 异议详情 (工作台): the dispute, its history, and — for the verifying department — 核实并更正 / 不予更正. */
export function DisputePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dispute = useDispute(id);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/workbench/data/registries?tab=disputes">{t('dataRegistries.dispute.back')}</Link> }, { title: dispute.data?.number ?? '' }]}
      />
      <QueryState query={dispute} rows={8}>
        {(view) => <DisputeDetail view={view} onReload={() => void dispute.refetch()} />}
      </QueryState>
    </>
  );
}
