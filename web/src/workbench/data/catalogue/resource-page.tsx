import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Space, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DataResourceActionView, DataResourceVersionView, DataResourceView } from '@zhengtong/contracts';
import { formatDateTime } from '../../../shared/format';
import { ButtonLink } from '../../../shared/ui/button-link';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { catalogueKeys, useResource, useResourceVersion } from './api';
import { DefinitionFacts, FieldsTable } from './definition-view';
import { RecordsPanel } from './records-panel';
import { StepModal, type Step } from './step-modal';
import { StatusTag, VersionStatusTag, useLabels } from './labels';

/** Record loads and deletions keep their counts as JSON in the note; everything else is the person's own words. */
function useNoteText() {
  const { t } = useTranslation();
  return (a: DataResourceActionView): string => {
    if (a.action !== 'loadRecords' && a.action !== 'deleteRecords') return a.note;
    try {
      const n = JSON.parse(a.note) as Record<string, number>;
      return a.action === 'loadRecords' ? t('dataCatalogue.history.loaded', { created: n.created ?? 0, updated: n.updated ?? 0, unchanged: n.unchanged ?? 0 }) : t('dataCatalogue.history.deleted', { deleted: n.deleted ?? 0 });
    } catch {
      return a.note;
    }
  };
}

function History({ history }: { history: DataResourceActionView[] }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const noteText = useNoteText();
  const columns: TableProps<DataResourceActionView>['columns'] = [
    { title: t('dataCatalogue.history.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('dataCatalogue.history.action'), key: 'action', width: 160, render: (_v, a) => (a.versionNumber ? `${label('action', a.action)} · ${t('dataCatalogue.versions.number', { number: a.versionNumber })}` : label('action', a.action)) },
    { title: t('dataCatalogue.history.actor'), dataIndex: 'actorName', width: 160 },
    { title: t('dataCatalogue.history.note'), key: 'note', render: (_v, a) => noteText(a) || '—' },
  ];
  return <Table<DataResourceActionView> rowKey="id" size="small" columns={columns} dataSource={history} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 760 }} />;
}

function VersionDetail({ view, number }: { view: DataResourceView; number: number }) {
  const { label } = useLabels();
  const version = useResourceVersion(view.id, number);
  return (
    <QueryState query={version} rows={4}>
      {(v) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <DefinitionFacts definition={v.definition} code={view.code} providerName={view.providerName} sourceKind={label('sourceKind', view.sourceKind)} />
          <FieldsTable definition={v.definition} departmentNames={view.departmentNames} providerName={view.providerName} />
        </Space>
      )}
    </QueryState>
  );
}

function Versions({ view }: { view: DataResourceView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number>();
  const columns: TableProps<DataResourceVersionView>['columns'] = [
    { title: t('dataCatalogue.versions.version'), dataIndex: 'number', width: 90, render: (v: number) => t('dataCatalogue.versions.number', { number: v }) },
    { title: t('dataCatalogue.versions.status'), dataIndex: 'status', width: 110, render: (v: DataResourceVersionView['status']) => <VersionStatusTag status={v} /> },
    { title: t('dataCatalogue.versions.created'), key: 'created', width: 200, render: (_v, r) => `${formatDateTime(r.createdAt)} ${r.createdByName ?? ''}` },
    { title: t('dataCatalogue.versions.decided'), key: 'decided', width: 200, render: (_v, r) => (r.decidedAt ? `${formatDateTime(r.decidedAt)} ${r.decidedByName ?? ''}` : '—') },
    { title: t('dataCatalogue.versions.notes'), key: 'notes', render: (_v, r) => [r.note, r.decisionNote].filter((x) => x !== '').join(' / ') || '—' },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 100,
      render: (_v, r) => (
        <Button size="small" onClick={() => setOpen(open === r.number ? undefined : r.number)} aria-expanded={open === r.number} aria-label={t('dataCatalogue.versions.showNamed', { number: r.number })}>
          {open === r.number ? t('dataCatalogue.versions.hide') : t('dataCatalogue.versions.show')}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<DataResourceVersionView> rowKey="number" size="small" columns={columns} dataSource={view.versions} pagination={false} scroll={{ x: 900 }} />
      {open !== undefined ? <VersionDetail view={view} number={open} /> : null}
    </Space>
  );
}

function Resource({ view, onReload }: { view: DataResourceView; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { label } = useLabels();
  const [step, setStep] = useState<Step>();
  const latest = view.latest;
  const hasNewer = latest !== null && latest.number !== view.publishedVersion;
  const shown = view.published ?? latest?.definition;
  const steps: { step: Step; primary?: boolean; danger?: boolean }[] = [
    ...(view.can.submit ? [{ step: 'submit' as const, primary: true }] : []),
    ...(view.can.publish ? [{ step: 'publish' as const, primary: true }] : []),
    ...(view.can.return ? [{ step: 'return' as const }] : []),
    ...(view.can.retire ? [{ step: 'retire' as const, danger: true }] : []),
  ];
  const workTab = hasNewer && latest
    ? [{
        key: 'latest',
        label: t('dataCatalogue.detail.latestTab', { number: latest.number, status: label('versionStatus', latest.status) }),
        children: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <DefinitionFacts definition={latest.definition} code={view.code} providerName={view.providerName} sourceKind={label('sourceKind', view.sourceKind)} />
            <FieldsTable definition={latest.definition} departmentNames={view.departmentNames} providerName={view.providerName} />
          </Space>
        ),
      }]
    : [];
  return (
    <>
      <PageHeader
        title={view.name}
        extra={
          <Space wrap>
            {view.can.edit ? <ButtonLink to={`/workbench/data/resources/${view.id}/edit`}>{latest && (latest.status === 'draft') ? t('dataCatalogue.detail.editDraft') : t('dataCatalogue.detail.newVersion')}</ButtonLink> : null}
            {steps.map((s) => (
              <Button key={s.step} type={s.primary ? 'primary' : 'default'} danger={s.danger} onClick={() => setStep(s.step)}>
                {t(`dataCatalogue.steps.${s.step}.action`)}
              </Button>
            ))}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag status={view.status} />
        <span className="zt-code">{view.code}</span>
        <span>{view.providerName}</span>
        {view.publishedVersion ? <span className="zt-muted">{t('dataCatalogue.detail.publishedVersion', { number: view.publishedVersion })}</span> : null}
      </Space>
      {latest?.status === 'returned' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dataCatalogue.detail.returned', { number: latest.number, reason: latest.decisionNote })} /> : null}
      {latest?.status === 'review' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('dataCatalogue.detail.inReview', { number: latest.number })} /> : null}
      {view.status === 'retired' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dataCatalogue.detail.retired')} /> : null}
      <Card>
        <Tabs
          items={[
            {
              key: 'current',
              label: view.published ? t('dataCatalogue.detail.publishedTab') : t('dataCatalogue.detail.draftTab'),
              children: shown ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <DefinitionFacts definition={shown} code={view.code} providerName={view.providerName} sourceKind={label('sourceKind', view.sourceKind)} />
                  <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 8 }}>
                    {t('dataCatalogue.fields.title', { count: shown.fields.length })}
                  </Typography.Title>
                  <FieldsTable definition={shown} departmentNames={view.departmentNames} providerName={view.providerName} />
                </Space>
              ) : null,
            },
            ...(view.published ? workTab : []),
            { key: 'records', label: t('dataCatalogue.detail.recordsTab'), children: <RecordsPanel view={view} /> },
            { key: 'versions', label: t('dataCatalogue.detail.versionsTab', { count: view.versions.length }), children: <Versions view={view} /> },
            ...(view.history.length > 0 ? [{ key: 'history', label: t('dataCatalogue.detail.historyTab'), children: <History history={view.history} /> }] : []),
          ]}
        />
      </Card>
      <StepModal
        step={step}
        view={view}
        onClose={() => setStep(undefined)}
        onReload={() => {
          setStep(undefined);
          onReload();
        }}
        onDone={(next) => {
          const done = step;
          setStep(undefined);
          queryClient.setQueryData(catalogueKeys.one(next.id), next);
          void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
          if (done) void message.success(t(`dataCatalogue.steps.${done}.done`));
        }}
      />
    </>
  );
}

/** 数据资源详情: the published definition and its items, the version being worked on, records and quality, versions, history. */
export function ResourcePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const resource = useResource(id);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/workbench/data/resources">{t('dataCatalogue.list.title')}</Link> }, { title: resource.data?.name ?? t('dataCatalogue.detail.title') }]} />
      <QueryState query={resource} rows={10}>
        {(view) => <Resource view={view} onReload={() => void resource.refetch()} />}
      </QueryState>
    </>
  );
}
