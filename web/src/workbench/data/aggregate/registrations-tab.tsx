import { useState } from 'react';
import { App, Button, Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AggregateResourceView } from '@zhengtong/contracts';
import { formatDateTime } from '../../../shared/format';
import { QueryState } from '../../../shared/ui/query-state';
import { aggregateKeys, useAggregateResources } from './api';
import { RegistrationDrawer } from './registration-drawer';

/** 资源登记 (the platform): what is open to aggregate queries, with its dimensions, measures, k and noise. */
export function RegistrationsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useAggregateResources({ includeInactive: true });
  const [editing, setEditing] = useState<AggregateResourceView | null>(null);
  const [isOpen, setOpen] = useState(false);
  // Each opening gets a drawer (and form) of its own, so one registration's values never linger into the next.
  const [session, setSession] = useState(0);
  const open = (registration: AggregateResourceView | null) => {
    setEditing(registration);
    setSession((n) => n + 1);
    setOpen(true);
  };
  const registerButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
      {t('dataAggregate.resources.register')}
    </Button>
  );

  const columns: TableProps<AggregateResourceView>['columns'] = [
    {
      title: t('dataAggregate.resources.columns.resource'),
      key: 'resource',
      width: 240,
      render: (_v, r) => (
        <>
          <strong>{r.resourceName}</strong>
          <div className="zt-code zt-muted">{r.resourceCode}</div>
          <div className="zt-muted">{r.providerName}</div>
        </>
      ),
    },
    { title: t('dataAggregate.resources.columns.dimensions'), key: 'dimensions', width: 220, render: (_v, r) => r.dimensions.map((d) => <Tag key={d.key}>{d.name}</Tag>) },
    {
      title: t('dataAggregate.resources.columns.measures'),
      key: 'measures',
      width: 260,
      render: (_v, r) =>
        r.measures.length === 0
          ? t('dataAggregate.resources.none')
          : r.measures.map((m) => (
              <div key={m.key}>
                {m.name} <span className="zt-muted">{t('dataAggregate.resources.clamp', { min: m.clampMin, max: m.clampMax })}</span>
              </div>
            )),
    },
    { title: t('dataAggregate.resources.columns.k'), dataIndex: 'k', width: 110, align: 'right' },
    {
      title: t('dataAggregate.resources.columns.noise'),
      key: 'noise',
      width: 130,
      render: (_v, r) => (r.isNoisy ? <Tag color="orange">{t('dataAggregate.epsilonValue', { epsilon: r.epsilon })}</Tag> : <Tag>{t('dataAggregate.exact')}</Tag>),
    },
    {
      title: t('dataAggregate.resources.columns.status'),
      key: 'status',
      width: 140,
      render: (_v, r) =>
        r.isStale ? (
          <Tooltip title={t('dataAggregate.resources.staleHelp')}>
            <Tag color="red">{t('dataAggregate.resources.status.stale')}</Tag>
          </Tooltip>
        ) : r.isActive ? (
          <Tag color="green">{t('dataAggregate.resources.status.active')}</Tag>
        ) : (
          <Tag>{t('dataAggregate.resources.status.inactive')}</Tag>
        ),
    },
    {
      title: t('dataAggregate.resources.columns.updated'),
      key: 'updated',
      width: 170,
      render: (_v, r) => (
        <>
          {formatDateTime(r.updatedAt)}
          <div className="zt-muted">{r.updatedByName}</div>
        </>
      ),
    },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 90,
      render: (_v, r) => (
        <Button size="small" onClick={() => open(r)} aria-label={t('dataAggregate.resources.editNamed', { name: r.resourceName })}>
          {t('dataAggregate.resources.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>{registerButton}</Space>
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={t('dataAggregate.resources.empty')} emptyAction={registerButton}>
        {(data) => <Table<AggregateResourceView> rowKey="resourceId" columns={columns} dataSource={data.items} loading={list.isFetching} scroll={{ x: 1400 }} pagination={false} />}
      </QueryState>
      <RegistrationDrawer
        key={session}
        open={isOpen}
        existing={editing}
        onClose={() => setOpen(false)}
        onSaved={(saved) => {
          setOpen(false);
          void message.success(editing ? t('dataAggregate.registration.saved') : t('dataAggregate.registration.created', { name: saved.resourceName }));
          void queryClient.invalidateQueries({ queryKey: aggregateKeys.all });
        }}
      />
    </>
  );
}
