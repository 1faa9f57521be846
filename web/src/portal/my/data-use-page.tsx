import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { DataAccessView, dataAccessPage, MyExchangeUseView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';

type Page = z.infer<typeof dataAccessPage>;
type ExchangePage = { items: MyExchangeUseView[]; total: number };
const PAGE_SIZE = 20;

/** Staff who read, looked up or unmasked my data on the platform (the audit trail). */
function StaffUses() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['me', 'data-access', page],
    queryFn: () => api.get<Page>('/api/me/data-access', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<DataAccessView>['columns'] = [
    { title: t('portal.my.dataUse.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 180 },
    {
      title: t('portal.my.dataUse.who'),
      key: 'who',
      render: (_v, r) => (r.isSystem ? t('portal.my.dataUse.system') : [r.departmentName, r.staffName].filter(Boolean).join(' · ') || t('common.none')),
    },
    { title: t('portal.my.dataUse.kind'), dataIndex: 'kind', render: (v: DataAccessView['kind']) => t(`portal.my.dataUse.kinds.${v}`) },
    { title: t('portal.my.dataUse.purpose'), dataIndex: 'purpose', render: (v: string | null) => v ?? t('portal.my.dataUse.noPurpose') },
    {
      title: t('portal.my.dataUse.result'),
      dataIndex: 'result',
      render: (v: DataAccessView['result']) => <Tag color={v === 'success' ? 'blue' : 'red'}>{t(`common.auditResults.${v}`)}</Tag>,
    },
  ];
  return (
    <QueryState query={query} isEmpty={(d) => d.total === 0} emptyText={t('portal.my.dataUse.empty')}>
      {(data) => (
        <Table<DataAccessView>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={query.isFetching}
          scroll={{ x: 720 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
        />
      )}
    </QueryState>
  );
}

/** Other departments' systems that read my record through the sharing exchange (共享交换), and why. */
function ExchangeUses() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['me', 'data-exchange-uses', page],
    queryFn: () => api.get<ExchangePage>('/api/my/data-exchange-uses', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<MyExchangeUseView>['columns'] = [
    { title: t('dataExchange.tracker.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 180 },
    { title: t('dataExchange.tracker.consumer'), dataIndex: 'consumerName', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('dataExchange.tracker.resource'),
      key: 'resource',
      render: (_v, r) => (
        <>
          {r.resourceName ?? r.resourceCode ?? t('common.none')}
          {r.providerName ? <div className="zt-muted">{t('dataExchange.tracker.from', { provider: r.providerName })}</div> : null}
        </>
      ),
    },
    { title: t('dataExchange.tracker.purpose'), dataIndex: 'purpose', render: (v: string | null) => v ?? t('portal.my.dataUse.noPurpose') },
  ];
  return (
    <QueryState query={query} isEmpty={(d) => d.total === 0} emptyText={t('dataExchange.tracker.empty')}>
      {(data) => (
        <Table<MyExchangeUseView>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={query.isFetching}
          scroll={{ x: 720 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
        />
      )}
    </QueryState>
  );
}

/** 数据使用记录: which department used my personal data, when, and for what (like Estonia's data tracker). */
export function DataUsePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('portal.my.dataUse.title')} description={t('portal.my.dataUse.intro')} />
      <section aria-labelledby="data-use-staff">
        <Typography.Title level={2} id="data-use-staff" style={{ fontSize: '1.25em' }}>
          {t('dataExchange.tracker.staffTitle')}
        </Typography.Title>
        <StaffUses />
      </section>
      <section aria-labelledby="data-use-exchange" style={{ marginTop: 32 }}>
        <Typography.Title level={2} id="data-use-exchange" style={{ fontSize: '1.25em' }}>
          {t('dataExchange.tracker.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('dataExchange.tracker.intro')}</Typography.Paragraph>
        <ExchangeUses />
      </section>
    </>
  );
}
