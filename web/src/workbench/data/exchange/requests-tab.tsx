import { useState, type ReactNode } from 'react';
import { Input, Select, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shareRequestStatuses, shareRequestStatusNames, type ShareRequestStatus, type ShareRequestSummary } from '@zhengtong/contracts';
import { currentLocale } from '../../../shared/forms/rules';
import { formatDate, formatDateTime } from '../../../shared/format';
import { ButtonLink } from '../../../shared/ui/button-link';
import { QueryState } from '../../../shared/ui/query-state';
import { useShareRequests } from './api';
import { Deadline, RequestStatusTag } from './tags';

const PAGE_SIZE = 20;

/**
 * A list of share requests: the consumer's own (`mine`), the platform's queue (`review`) or the provider's (`answer`),
 * nearest deadline first in the queues. Each row opens the request, where the decisions are taken.
 */
export function RequestsTab({ view, emptyText, emptyAction }: { view: 'mine' | 'review' | 'answer'; emptyText: string; emptyAction?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<ShareRequestStatus | undefined>(undefined);
  const [q, setQ] = useState('');
  const list = useShareRequests({ view, page, pageSize: PAGE_SIZE, status, q: q || undefined });
  const isQueue = view !== 'mine';
  const columns: TableProps<ShareRequestSummary>['columns'] = [
    {
      title: t('dataExchange.requests.columns.request'),
      key: 'request',
      width: 260,
      render: (_v, r) => (
        <>
          <Link to={`/workbench/data/share-requests/${r.id}`} style={{ fontWeight: 600 }}>
            {r.resourceName}
          </Link>
          <div className="zt-code zt-muted" style={{ fontSize: '0.85em' }}>
            {r.number} · {r.resourceCode}
          </div>
        </>
      ),
    },
    view === 'mine'
      ? { title: t('dataExchange.requests.columns.provider'), dataIndex: 'providerName', width: 200 }
      : { title: t('dataExchange.requests.columns.consumer'), dataIndex: 'consumerName', width: 200 },
    {
      title: t('dataExchange.requests.columns.kind'),
      dataIndex: 'isConditional',
      width: 120,
      render: (v: boolean) => (v ? t('dataExchange.requests.conditional') : t('dataExchange.requests.unconditional')),
    },
    { title: t('dataExchange.requests.columns.status'), dataIndex: 'status', width: 130, render: (v: ShareRequestStatus) => <RequestStatusTag status={v} /> },
    { title: t('dataExchange.requests.columns.deadline'), key: 'deadline', width: 230, render: (_v, r) => <Deadline dueAt={r.dueAt} isOverdue={r.isOverdue} /> },
    { title: t('dataExchange.requests.columns.period'), key: 'period', width: 210, render: (_v, r) => `${formatDate(`${r.validFrom}T12:00:00+08:00`)} ~ ${formatDate(`${r.validTo}T12:00:00+08:00`)}` },
    { title: t('dataExchange.requests.columns.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 100,
      render: (_v, r) => (
        <ButtonLink size="small" type={isQueue ? 'primary' : 'default'} to={`/workbench/data/share-requests/${r.id}`} aria-label={t('dataExchange.requests.openNamed', { number: r.number })}>
          {isQueue ? t('dataExchange.requests.handle') : t('dataExchange.requests.open')}
        </ButtonLink>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('dataExchange.requests.search')}
          placeholder={t('dataExchange.requests.search')}
          allowClear
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 320, maxWidth: '100%' }}
        />
        {view === 'mine' ? (
          <Select<ShareRequestStatus>
            aria-label={t('dataExchange.requests.columns.status')}
            placeholder={t('dataExchange.requests.columns.status')}
            allowClear
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={shareRequestStatuses.map((s) => ({ value: s, label: shareRequestStatusNames[s][locale] }))}
            style={{ width: 160 }}
          />
        ) : null}
      </Space>
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={q || status ? t('dataExchange.requests.emptyFiltered') : emptyText} emptyAction={q || status ? undefined : emptyAction}>
        {(data) => (
          <Table<ShareRequestSummary>
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
