import { useState } from 'react';
import { Alert, App, Button, Descriptions, Segmented, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { registryConflictStatuses, type RegistryConflictStatus, type RegistryConflictSummary, type RegistryConflictView, type RegistryKind } from '@zhengtong/contracts';
import { formatDateTime } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ui/problem-alert';
import { QueryState } from '../../../shared/ui/query-state';
import { registryKeys, runCrossCheck, useConflicts, useConflictSummary } from '../../../portal/my/registry-api';
import { ConflictStatusTag, ValueText } from '../../../portal/my/registry-labels';
import { subjectPath } from './subject-search';

const PAGE_SIZE = 20;

function Summary({ registry, summary }: { registry: RegistryKind; summary: RegistryConflictSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => runCrossCheck(registry),
    onSuccess: (r) => {
      void message.success(t('dataRegistries.conflicts.ran', { subjects: r.subjects, opened: r.opened, resolved: r.resolved }));
      void queryClient.invalidateQueries({ queryKey: registryKeys.all });
    },
  });
  const last = summary.lastRun;
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        title={t('dataRegistries.conflicts.summaryTitle')}
        extra={
          summary.isCatalogued ? (
            <Button icon={<SyncOutlined />} onClick={() => run.mutate()} loading={run.isPending}>
              {t('dataRegistries.conflicts.runNow')}
            </Button>
          ) : null
        }
        items={[
          { key: 'open', label: t('dataRegistries.conflicts.open'), children: summary.open },
          { key: 'pending', label: t('dataRegistries.conflicts.pending'), children: summary.pendingSubjects },
          {
            key: 'last',
            label: t('dataRegistries.conflicts.lastRun'),
            children: last ? t('dataRegistries.conflicts.lastRunText', { at: formatDateTime(last.finishedAt), subjects: last.subjects, opened: last.opened, resolved: last.resolved }) : t('dataRegistries.conflicts.neverRun'),
          },
          {
            key: 'byField',
            label: t('dataRegistries.conflicts.byField'),
            span: 3,
            children: summary.byField.length > 0 ? <Space wrap>{summary.byField.map((f) => <Tag key={f.fieldKey}>{`${f.fieldName} ${f.open}`}</Tag>)}</Space> : '—',
          },
          {
            key: 'bySource',
            label: t('dataRegistries.conflicts.bySource'),
            span: 3,
            children: summary.bySource.length > 0 ? <Space wrap>{summary.bySource.map((s) => <Tag key={s.source}>{`${s.sourceName} ${s.open}`}</Tag>)}</Space> : '—',
          },
        ]}
      />
      <ProblemAlert error={run.error} />
      {summary.isCatalogued ? null : <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('dataRegistries.conflicts.notCatalogued')} />}
    </>
  );
}

/** 多源校核 report: sources whose values differ from the authority's, open or resolved, masked. */
export function ConflictsPanel({ registry }: { registry: RegistryKind }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RegistryConflictStatus>('open');
  const [fieldKey, setFieldKey] = useState<string>();
  const [source, setSource] = useState<string>();
  const [page, setPage] = useState(1);
  const summary = useConflictSummary(registry);
  const list = useConflicts(registry, { status, fieldKey, source, page, pageSize: PAGE_SIZE });
  const columns: TableProps<RegistryConflictView>['columns'] = [
    {
      title: t('dataRegistries.conflicts.columns.subject'),
      key: 'subject',
      width: 220,
      render: (_v, c) => (
        <>
          <Link to={subjectPath(registry, c.subjectId)} className="zt-code">
            {c.subjectKey}
          </Link>
          {c.subjectName ? <div className="zt-muted">{c.subjectName}</div> : null}
        </>
      ),
    },
    { title: t('dataRegistries.conflicts.columns.field'), dataIndex: 'fieldName', width: 130 },
    {
      title: t('dataRegistries.conflicts.columns.source'),
      key: 'source',
      width: 240,
      render: (_v, c) => (
        <>
          <Tag>{c.sourceName}</Tag>
          <ValueText value={c.sourceValue} />
        </>
      ),
    },
    {
      title: t('dataRegistries.conflicts.columns.authority'),
      key: 'authority',
      width: 240,
      render: (_v, c) => (
        <>
          <Tag color="blue">{c.authoritativeSourceName}</Tag>
          <ValueText value={c.authoritativeValue} />
        </>
      ),
    },
    {
      title: status === 'open' ? t('dataRegistries.conflicts.columns.detectedAt') : t('dataRegistries.conflicts.columns.resolvedAt'),
      key: 'at',
      width: 160,
      render: (_v, c) => formatDateTime(status === 'open' ? c.detectedAt : c.resolvedAt),
    },
    {
      title: t('dataRegistries.conflicts.columns.status'),
      key: 'status',
      width: 150,
      render: (_v, c) => (
        <Space direction="vertical" size={0}>
          <ConflictStatusTag status={c.status} />
          {c.resolution ? <span className="zt-muted">{t(`dataRegistries.resolution.${c.resolution}`)}</span> : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <QueryState query={summary} rows={3}>
        {(s) => (
          <>
            <Summary registry={registry} summary={s} />
            <Space wrap style={{ margin: '12px 0' }}>
              <Segmented<RegistryConflictStatus>
                aria-label={t('dataRegistries.conflicts.statusLabel')}
                value={status}
                onChange={(v) => {
                  setStatus(v);
                  setPage(1);
                }}
                options={registryConflictStatuses.map((v) => ({ value: v, label: t(`dataRegistries.conflictStatus.${v}`) }))}
              />
              <Select<string>
                aria-label={t('dataRegistries.conflicts.fieldLabel')}
                placeholder={t('dataRegistries.conflicts.fieldLabel')}
                allowClear
                value={fieldKey}
                onChange={(v) => {
                  setFieldKey(v);
                  setPage(1);
                }}
                options={s.byField.map((f) => ({ value: f.fieldKey, label: f.fieldName }))}
                style={{ width: 180 }}
              />
              <Select<string>
                aria-label={t('dataRegistries.conflicts.sourceLabel')}
                placeholder={t('dataRegistries.conflicts.sourceLabel')}
                allowClear
                value={source}
                onChange={(v) => {
                  setSource(v);
                  setPage(1);
                }}
                options={s.bySource.map((x) => ({ value: x.source, label: x.sourceName }))}
                style={{ width: 180 }}
              />
            </Space>
          </>
        )}
      </QueryState>
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={status === 'open' ? t('dataRegistries.conflicts.empty') : t('dataRegistries.conflicts.emptyResolved')}>
        {(data) => (
          <Table<RegistryConflictView>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 1140 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
    </>
  );
}
