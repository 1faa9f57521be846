import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Space, Steps, Timeline, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { formatDateTime } from '../../shared/format';
import { answerText } from '../../shared/schema-form/logic';
import { ErrorResult } from '../../shared/ui/error-result';
import { usePageTitle } from '../../shared/ui/page-title';
import { QueryState } from '../../shared/ui/query-state';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { caseKeys, casePaths, useCase, type ApplicantCase } from './api';
import { AnswersView } from './answers-view';
import { ApplyFlow } from './apply-flow';
import { CaseStatusTag, LightBadge } from './case-status';
import { FilePreview, type PreviewTarget } from './file-preview';
import { LicenseSource } from './license-source';
import { caseStages, dateWords, isClosed, stageOf } from './plain-words';
import { SupplementPanel } from './supplement-panel';
import { RevokedNotice } from './revoked-notice';
import { useVersionForm, type VersionForm } from './version-form';

function WithdrawButton({ view, onDone }: { view: ApplicantCase; onDone: (next: ApplicantCase) => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const rules = useRules();
  const problem = useFormProblem(form, ['reason']);
  const idempotency = useIdempotencyKey();
  const withdraw = useMutation({
    mutationFn: (reason: string) => api.post<CaseView>(casePaths.withdraw(view.id), { version: view.version, reason }, idempotency.headers),
    onMutate: () => problem.clear(),
    onSuccess: (next) => {
      idempotency.renew();
      setOpen(false);
      if (next.perspective === 'applicant') onDone(next);
    },
    onError: problem.handle,
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('cases.detail.withdraw')}
      </Button>
      <Modal open={isOpen} title={t('cases.detail.withdrawTitle')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('cases.detail.withdraw')} okButtonProps={{ danger: true, loading: withdraw.isPending }} cancelText={t('common.actions.cancel')} destroyOnHidden>
        <Typography.Paragraph>{t('cases.detail.withdrawText')}</Typography.Paragraph>
        {problem.alert}
        <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate(v.reason)}>
          <Form.Item name="reason" label={t('cases.detail.withdrawReason')} rules={[rules.required()]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ResultCard({ view, versionForm }: { view: ApplicantCase; versionForm: VersionForm | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const result = view.result;
  if (!result) return null;
  const words = { yes: t('schemaForm.yes'), no: t('schemaForm.no'), none: t('schemaForm.notAnswered') };
  const fields = versionForm?.resultFields ?? [];
  return (
    <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('cases.detail.result')}</h2>} style={{ marginBottom: 16 }}>
      <Alert type={result.kind === 'approved' ? 'success' : 'error'} showIcon title={t(`cases.results.${result.kind}`)} description={result.reason ?? undefined} style={{ marginBottom: 12 }} />
      <RevokedNotice result={result} />
      {fields.length > 0 ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={fields.filter((f) => result.values[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label[locale] || f.label['zh-CN'], children: answerText(f, result.values[f.key], locale, words) }))}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('cases.detail.decidedAt', { at: formatDateTime(result.decidedAt) })}</Typography.Paragraph>
      {view.allowedActions.includes('downloadDecision') && result.hasLetter ? (
        <Button type="primary" icon={<DownloadOutlined />} href={casePaths.decision(view.id)} target="_blank" rel="noreferrer" data-testid="download-decision">
          {t('cases.detail.decision')}
        </Button>
      ) : null}
    </Card>
  );
}

function CaseScreen({ view, onChange }: { view: ApplicantCase; onChange: (next: ApplicantCase) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const versionForm = useVersionForm(view.id);
  const [preview, setPreview] = useState<PreviewTarget>();
  const stage = stageOf(view.status, view.step);
  const closed = isClosed(view.status);
  usePageTitle(t('cases.detail.pageTitle', { name: view.itemName }));

  if (view.status === 'draft' && view.allowedActions.includes('edit')) {
    return (
      <>
        <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
          {t('cases.apply.pageTitle', { name: view.itemName })}
        </Typography.Title>
        {versionForm.isPending ? null : versionForm.data ? (
          <ApplyFlow target={{ ...versionForm.data, versionId: view.itemVersionId, itemName: view.itemName, departmentName: view.departmentName }} initial={view} />
        ) : versionForm.isError ? (
          <ErrorResult error={versionForm.error} onRetry={() => void versionForm.refetch()} />
        ) : (
          <Alert type="warning" showIcon title={t('cases.detail.versionGone')} />
        )}
      </>
    );
  }

  return (
    <>
      <div className="zt-page-header">
        <div>
          <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
            {view.itemName}
          </Typography.Title>
          <Space wrap size={[12, 4]} style={{ marginTop: 6 }}>
            <CaseStatusTag status={view.status} />
            {view.caseNumber ? (
              <span>
                {t('cases.apply.caseNumber')} <strong className="zt-code">{view.caseNumber}</strong>
              </span>
            ) : null}
            {!closed && view.light !== 'none' ? <LightBadge light={view.light} workingDaysLeft={view.workingDaysLeft} /> : null}
          </Space>
        </div>
        <Space wrap className="zt-no-print">
          {view.allowedActions.includes('downloadReceipt') ? (
            <Button icon={<PrinterOutlined />} href={casePaths.receipt(view.id)} target="_blank" rel="noreferrer">
              {t('cases.detail.receipt')}
            </Button>
          ) : null}
          {view.allowedActions.includes('withdraw') ? <WithdrawButton view={view} onDone={onChange} /> : null}
        </Space>
      </div>

      <Card style={{ marginBottom: 16 }} className={view.nextStep.who === 'applicant' ? 'zt-next-step zt-next-step-you' : 'zt-next-step'}>
        <Typography.Text type="secondary">{t(`cases.detail.nextWho.${view.nextStep.who}`)}</Typography.Text>
        <Typography.Paragraph strong style={{ fontSize: '1.2em', margin: '4px 0 0' }} data-testid="next-step">
          {view.nextStep.text}
        </Typography.Paragraph>
        {view.nextStep.dueAt ? <Typography.Text>{t('cases.detail.dueBy', { date: dateWords(view.nextStep.dueAt, locale) })}</Typography.Text> : null}
      </Card>

      {view.status === 'suspended' && view.supplementRequest ? <SupplementPanel view={view} versionForm={versionForm.data} onDone={onChange} /> : null}

      <ResultCard view={view} versionForm={versionForm.data} />

      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('cases.detail.progress')}</h2>} style={{ marginBottom: 16 }}>
            <Steps
              orientation="vertical"
              size="small"
              current={caseStages.indexOf(stage.stage)}
              status={stage.isStopped ? (view.status === 'suspended' ? 'wait' : 'error') : view.status === 'completed' || view.status === 'denied' ? 'finish' : 'process'}
              items={caseStages.map((s) => ({ title: t(`cases.stages.${s}`) }))}
              style={{ marginBottom: 16 }}
            />
            <Typography.Title level={3} style={{ fontSize: '1.05em' }}>
              {t('cases.detail.timeline')}
            </Typography.Title>
            <Timeline
              aria-label={t('cases.detail.timeline')}
              items={[...view.timeline].reverse().map((e, i) => ({
                key: `${e.at}-${i}`,
                children: (
                  <>
                    <div>{e.text}</div>
                    {e.note ? <div className="zt-pre zt-muted">{e.note}</div> : null}
                    <div className="zt-muted" style={{ fontSize: '0.9em' }}>
                      {formatDateTime(e.at)}
                    </div>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('cases.detail.application')}</h2>} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'department', label: t('services.guide.department'), children: view.departmentName },
                { key: 'applicant', label: t('cases.detail.applicant'), children: view.applicantName },
                ...(view.submittedAt ? [{ key: 'submitted', label: t('cases.detail.submittedAt'), children: formatDateTime(view.submittedAt) }] : []),
                ...(view.dueAt && !closed ? [{ key: 'due', label: t('cases.detail.dueAt'), children: dateWords(view.dueAt, locale) }] : []),
                ...(view.completedAt ? [{ key: 'completed', label: t('cases.detail.completedAt'), children: formatDateTime(view.completedAt) }] : []),
              ]}
            />
            <AnswersView form={versionForm.data?.form} values={view.values} />
          </Card>
          <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('cases.apply.steps.materials')}</h2>} style={{ marginBottom: 16 }}>
            <ul className="zt-plain-list">
              {view.materials.map((m) => (
                <li key={m.key}>
                  <strong>{m.name}</strong>
                  {t('common.colon')}
                  {m.mode === 'license' ? t('cases.materials.summary.license') : m.mode === 'pledge' ? t('cases.materials.state.pledge') : m.mode === 'gap' ? (m.gapFulfilledAt ? t('cases.materials.gapFulfilled') : m.gapDueAt ? t('cases.materials.gapDue', { date: dateWords(m.gapDueAt, locale) }) : t('cases.materials.gapText')) : m.files.length === 0 ? t('cases.materials.notHandedIn') : null}
                  {m.files.map((f) => (
                    <Button key={f.id} type="link" size="small" onClick={() => setPreview({ url: casePaths.materialFile(view.id, f.id), fileName: f.fileName, format: f.format })}>
                      {f.fileName}
                    </Button>
                  ))}
                  {m.license ? <LicenseSource license={m.license} /> : null}
                </li>
              ))}
            </ul>
            {/* The holder sees every use of their licences (免证办 included) in 证照夹. */}
            {view.materials.some((m) => m.license) ? <Link to="/my/licenses">{t('cases.licenses.walletLink')}</Link> : null}
          </Card>
        </Col>
      </Row>
      <FilePreview target={preview} onClose={() => setPreview(undefined)} />
    </>
  );
}

/** 办件详情 for the applicant: where it stands, what to do next and by when, the history in plain words. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const view = useCase(id);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} className="zt-no-print" items={[{ title: <Link to="/my/cases">{t('cases.my.title')}</Link> }, { title: view.data?.itemName ?? t('cases.detail.title') }]} />
      <QueryState query={view} rows={10}>
        {(data) =>
          data.perspective === 'applicant' ? (
            <CaseScreen
              view={data}
              onChange={(next) => {
                queryClient.setQueryData(caseKeys.one(id), next);
                void queryClient.invalidateQueries({ queryKey: caseKeys.all });
                void message.success(t('cases.detail.updated'));
              }}
            />
          ) : (
            <Alert type="info" showIcon title={t('cases.detail.staffView')} action={<Link to={`/workbench/cases/${id}`}>{t('common.faces.workbench')}</Link>} />
          )
        }
      </QueryState>
    </>
  );
}
