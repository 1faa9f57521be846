import { useState } from 'react';
import { Checkbox, Segmented, Select, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { registryDisputeScopes, registryDisputeStatuses, type RegistryDisputeScope, type RegistryDisputeStatus, type RegistryDisputeSummary } from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { formatDateTime } from '../../../shared/format';
import { can } from '../../../shared/permissions';
import { ButtonLink } from '../../../shared/ui/button-link';
import { QueryState } from '../../../shared/ui/query-state';
import { useDisputes } from '../../../portal/my/registry-api';
import { DisputeStatusTag, DueText } from '../../../portal/my/registry-labels';

const PAGE_SIZE = 20;

export const disputePath = (id: string) => `/workbench/data/registries/disputes/${id}`;

/** 异议核实 queue: open disputes by deadline first, overdue flagged; a data admin starts with their department's. */
export function DisputesPanel() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [scope, setScope] = useState<RegistryDisputeScope>(can(me, 'data-dispute.handle') ? 'handling' : 'all');
  const [status, setStatus] = useState<RegistryDisputeStatus | undefined>('open');
  const [isOverdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const list = useDisputes({ scope, status, isOverdue: isOverdue || undefined, page, pageSize: PAGE_SIZE });
  const columns: TableProps<RegistryDisputeSummary>['columns'] = [
    {
      title: t('dataRegistries.disputes.columns.number'),
      dataIndex: 'number',
      width: 190,
      render: (v: string, d) => (
        <Link to={disputePath(d.id)} className="zt-code">
          {v}
        </Link>
      ),
    },
    {
      title: t('dataRegistries.disputes.columns.subject'),
      key: 'subject',
      width: 220,
      render: (_v, d) => (
        <>
          <span className="zt-code">{d.subjectKey}</span>
          <div className="zt-muted">{t(`dataRegistries.registries.${d.registry}`)}</div>
        </>
      ),
    },
    { title: t('dataRegistries.disputes.columns.field'), dataIndex: 'fieldName', width: 130 },
    {
      title: t('dataRegistries.disputes.columns.raiser'),
      key: 'raiser',
      width: 170,
      render: (_v, d) => (
        <>
          {d.raiserDepartmentName ?? d.raiserName}
          <div className="zt-muted">{t(`dataRegistries.raiserKinds.${d.raiserKind}`)}</div>
        </>
      ),
    },
    { title: t('dataRegistries.disputes.columns.handling'), dataIndex: 'handlingDepartmentName', width: 130 },
    { title: t('dataRegistries.disputes.columns.raisedAt'), dataIndex: 'raisedAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('dataRegistries.disputes.columns.dueAt'), key: 'dueAt', width: 180, render: (_v, d) => (d.status === 'open' ? <DueText dueAt={d.dueAt} isOverdue={d.isOverdue} /> : '—') },
    { title: t('dataRegistries.disputes.columns.status'), dataIndex: 'status', width: 120, render: (v: RegistryDisputeStatus) => <DisputeStatusTag status={v} /> },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 90,
      render: (_v, d) => (
        <ButtonLink size="small" to={disputePath(d.id)} aria-label={t('dataRegistries.disputes.openNamed', { number: d.number })}>
          {t('dataRegistries.disputes.open')}
        </ButtonLink>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<RegistryDisputeScope>
          aria-label={t('dataRegistries.page.tabs.disputes')}
          value={scope}
          onChange={(v) => {
            setScope(v);
            setPage(1);
          }}
          options={registryDisputeScopes.map((s) => ({ value: s, label: t(`dataRegistries.disputes.scope.${s}`) }))}
        />
        <Select<RegistryDisputeStatus>
          aria-label={t('dataRegistries.disputes.statusLabel')}
          placeholder={t('dataRegistries.disputes.statusLabel')}
          allowClear
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={registryDisputeStatuses.map((s) => ({ value: s, label: t(`dataRegistries.status.${s}`) }))}
          style={{ width: 160 }}
        />
        <Checkbox
          checked={isOverdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          {t('dataRegistries.disputes.overdueOnly')}
        </Checkbox>
      </Space>
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={t('dataRegistries.disputes.empty')}>
        {(data) => (
          <Table<RegistryDisputeSummary>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 1400 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
    </>
  );
}
