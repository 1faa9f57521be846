import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { caseActionNames, roleNames, type CaseActionView, type CaseView, type StaffAction } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { answerText } from '../../shared/schema-form/logic';
import { usePageTitle } from '../../shared/ui/page-title';
import { QueryState } from '../../shared/ui/query-state';
import { caseKeys, casePaths, useCase, type StaffCase } from '../../portal/cases/api';
import { AnswersView } from '../../portal/cases/answers-view';
import { CaseStatusTag, LightBadge } from '../../portal/cases/case-status';
import { dateWords, isClosed, supplementLines } from '../../portal/cases/plain-words';
import { useVersionForm } from '../../portal/cases/version-form';
import { catalogueLabel } from '../../portal/services/labels';
import { ActionModal } from './action-modal';
import { MaterialsViewer } from './materials-viewer';
import { PersonalDataButton } from './personal-data';
import { PledgeChecks } from './pledge-checks';
import { RevokedNotice } from '../../portal/cases/revoked-notice';

// The order the buttons appear in: the usual next step first, the exceptional ones after.
const actionOrder: readonly StaffAction[] = ['accept', 'approve', 'complete', 'countersign', 'requestSupplement', 'startInspection', 'startSpecial', 'endSpecial', 'transfer', 'refuse', 'deny'];
const dangerActions: ReadonlySet<StaffAction> = new Set(['refuse', 'deny']);
const primaryActions: ReadonlySet<StaffAction> = new Set(['accept', 'approve', 'complete', 'countersign']);

function History({ history }: { history: readonly CaseActionView[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const roleLabel = (role: string) => (role in roleNames ? roleNames[role as keyof typeof roleNames][locale] : role === 'applicant' ? t('workbench.cases.history.applicant') : role === 'system' ? t('workbench.cases.history.system') : role);
  const columns: TableProps<CaseActionView>['columns'] = [
    { title: '#', dataIndex: 'seq', width: 50 },
    { title: t('workbench.cases.history.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('workbench.cases.history.action'), dataIndex: 'action', width: 140, render: (v: CaseActionView['action']) => <strong>{caseActionNames[v][locale]}</strong> },
    { title: t('workbench.cases.columns.step'), dataIndex: 'step', width: 90, render: (v: string | null) => (v ? catalogueLabel.step(v, locale) : '—') },
    {
      title: t('workbench.cases.history.actor'),
      key: 'actor',
      width: 200,
      render: (_v, a) => (
        <>
          {a.actorName}
          <div className="zt-muted">{[roleLabel(a.actorRole), a.departmentName].filter(Boolean).join(' · ')}</div>
        </>
      ),
    },
    { title: t('workbench.cases.history.status'), key: 'status', width: 200, render: (_v, a) => <span>{a.fromStatus ? <CaseStatusTag status={a.fromStatus} /> : null}→ <CaseStatusTag status={a.toStatus} /></span> },
    { title: t('workbench.cases.history.clock'), dataIndex: 'clock', width: 100, render: (v: CaseActionView['clock']) => (v === 'none' ? '—' : t(`workbench.cases.clock.${v}`)) },
    { title: t('workbench.cases.history.note'), dataIndex: 'note', render: (v: string) => <span className="zt-pre">{v}</span> },
  ];
  return <Table<CaseActionView> rowKey="seq" size="small" columns={columns} dataSource={[...history]} pagination={false} scroll={{ x: 1100 }} />;
}

function StaffCaseScreen({ view, onReload }: { view: StaffCase; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const versionForm = useVersionForm(view.id);
  const [action, setAction] = useState<StaffAction>();
  usePageTitle(t('workbench.cases.pageTitle', { number: view.caseNumber ?? '', name: view.itemName }));
  const allowed = actionOrder.filter((a) => view.allowedActions.includes(a));
  const lines = view.supplementRequest ? supplementLines(view.supplementRequest.items, { materials: view.materials, fields: versionForm.data?.form.fields ?? [] }, locale) : [];
  const words = { yes: t('schemaForm.yes'), no: t('schemaForm.no'), none: t('schemaForm.notAnswered') };
  const onDone = (next: CaseView) => {
    setAction(undefined);
    queryClient.setQueryData(caseKeys.one(view.id), next);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'queue'] });
    void message.success(t('workbench.cases.done'));
  };
  return (
    <>
      <div className="zt-page-header">
        <div>
          <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
            {view.itemName}
          </Typography.Title>
          <Space wrap size={[12, 4]} style={{ marginTop: 6 }}>
            <span className="zt-code" style={{ fontSize: '1.1em' }}>
              {view.caseNumber ?? t('cases.my.noNumber')}
            </span>
            <CaseStatusTag status={view.status} />
            {view.step ? <Tag>{t('workbench.cases.atStep', { step: catalogueLabel.step(view.step, locale) })}</Tag> : null}
            {!isClosed(view.status) ? <LightBadge light={view.light} workingDaysLeft={view.workingDaysLeft} /> : null}
          </Space>
        </div>
        <Space wrap>
          <Button icon={<PrinterOutlined />} href={casePaths.receipt(view.id)} target="_blank" rel="noreferrer" disabled={!view.caseNumber}>
            {t('workbench.window.printReceipt')}
          </Button>
        </Space>
      </div>

      <Card style={{ marginBottom: 16 }} title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('workbench.cases.actionsTitle')}</h2>}>
        {allowed.length === 0 ? (
          <Typography.Text type="secondary">{view.currentRole ? t('workbench.cases.notYours', { role: roleNames[view.currentRole][locale] }) : t('workbench.cases.nothingToDo')}</Typography.Text>
        ) : (
          <Space wrap>
            {allowed.map((a) => (
              <Button key={a} type={primaryActions.has(a) ? 'primary' : 'default'} danger={dangerActions.has(a)} onClick={() => setAction(a)} data-testid={`action-${a}`}>
                {t(`workbench.cases.actions.${a}.button`)}
              </Button>
            ))}
          </Space>
        )}
        {view.countersignPending.length > 0 ? <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('workbench.cases.countersignPending', { count: view.countersignPending.length })}</Typography.Paragraph> : null}
      </Card>

      {view.supplementRequest ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('workbench.cases.supplementAsked', { date: dateWords(view.supplementRequest.requestedAt, locale) })}
          description={
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {lines.map((l, i) => (
                <li key={`${l.key}-${i}`}>
                  {l.what ? <strong>
                    {l.what}
                    {t('common.colon')}
                  </strong> : null}
                  {l.reason}
                </li>
              ))}
            </ol>
          }
        />
      ) : null}

      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('workbench.cases.caseTitle')}</h2>} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'applicant', label: t('cases.detail.applicant'), children: `${view.applicant.name}${view.applicant.agentName ? `(${t('workbench.cases.agent', { name: view.applicant.agentName })})` : ''}` },
                { key: 'type', label: t('workbench.cases.applicantType'), children: t(`services.audiences.${view.applicant.type}`) },
                ...(view.applicant.idNumber ? [{ key: 'id', label: t('auth.register.idNumber'), children: view.applicant.idNumber }] : []),
                ...(view.applicant.creditCode ? [{ key: 'credit', label: t('workbench.window.creditCode'), children: view.applicant.creditCode }] : []),
                ...(view.applicant.phone ? [{ key: 'phone', label: t('auth.register.phone'), children: view.applicant.phone }] : []),
                { key: 'registered', label: t('workbench.cases.registered'), children: view.applicant.isRegistered ? t('schemaForm.yes') : t('workbench.cases.unregistered') },
                { key: 'department', label: t('services.guide.department'), children: view.departmentName },
                { key: 'kind', label: t('services.guide.caseKind'), children: catalogueLabel.caseKind(view.caseKind, locale) },
                { key: 'channel', label: t('workbench.cases.columns.channel'), children: t(`workbench.cases.channels.${view.channel}`) },
                ...(view.submittedAt ? [{ key: 'submitted', label: t('cases.detail.submittedAt'), children: formatDateTime(view.submittedAt) }] : []),
                ...(view.acceptedAt ? [{ key: 'accepted', label: t('cases.tracking.acceptedAt'), children: formatDateTime(view.acceptedAt) }] : []),
                ...(view.dueAt ? [{ key: 'due', label: t('workbench.cases.promisedDue'), children: dateWords(view.dueAt, locale) }] : []),
                ...(view.legalDueAt ? [{ key: 'legal', label: t('workbench.cases.legalDue'), children: dateWords(view.legalDueAt, locale) }] : []),
                ...(view.suspendedDays > 0 ? [{ key: 'suspended', label: t('workbench.cases.suspendedDays'), children: t('workbench.cases.days', { count: view.suspendedDays }) }] : []),
              ]}
            />
            <PersonalDataButton caseId={view.id} fields={[...(versionForm.data?.form.fields ?? []), ...(versionForm.data?.resultFields ?? [])]} />
          </Card>
          {view.result ? (
            <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('cases.detail.result')}</h2>} style={{ marginBottom: 16 }}>
              <Alert type={view.result.kind === 'approved' ? 'success' : 'error'} showIcon title={t(`cases.results.${view.result.kind}`)} description={view.result.reason ?? undefined} style={{ marginBottom: 8 }} />
              <RevokedNotice result={view.result} />
              <Descriptions
                size="small"
                column={1}
                items={(versionForm.data?.resultFields ?? []).filter((f) => view.result?.values[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label[locale] || f.label['zh-CN'], children: answerText(f, view.result?.values[f.key], locale, words) }))}
              />
              {view.result.hasLetter ? (
                <Button href={casePaths.decision(view.id)} target="_blank" rel="noreferrer" style={{ marginTop: 8 }}>
                  {t('cases.detail.decision')}
                </Button>
              ) : null}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={14}>
          <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('cases.detail.application')}</h2>} style={{ marginBottom: 16 }}>
            <AnswersView form={versionForm.data?.form} values={view.values} highlight={lines.filter((l) => l.target === 'field').map((l) => l.key)} />
          </Card>
        </Col>
      </Row>
      <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('cases.apply.steps.materials')}</h2>} style={{ marginBottom: 16 }}>
        <MaterialsViewer caseId={view.id} materials={view.materials} />
      </Card>
      {view.materials.some((m) => m.mode === 'pledge' && m.pledgedAt) ? (
        <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('workbench.cases.pledges.title')}</h2>} style={{ marginBottom: 16 }}>
          <PledgeChecks view={view} onDone={onDone} onStale={onReload} />
        </Card>
      ) : null}
      <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('workbench.cases.historyTitle')}</h2>}>
        <History history={view.history} />
      </Card>
      <ActionModal action={action} view={view} versionForm={versionForm.data} onClose={() => setAction(undefined)} onDone={onDone} onStale={onReload} />
    </>
  );
}

/** 办件办理: everything a caseworker needs to act on one case, and the buttons for what they may do now. */
export function StaffCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const view = useCase(id);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/workbench">{t('common.faces.workbench')}</Link> }, { title: <Link to="/workbench/cases">{t('workbench.cases.title')}</Link> }, { title: view.data?.caseNumber ?? t('cases.detail.title') }]} />
      <QueryState query={view} rows={12}>
        {(data) => (data.perspective === 'staff' ? <StaffCaseScreen view={data} onReload={() => void view.refetch()} /> : <Alert type="info" showIcon title={t('workbench.cases.applicantView')} />)}
      </QueryState>
    </>
  );
}
