import { useState } from 'react';
import { Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { aggregateQueryOutcomes, type AggregateFilter, type AggregateQueryLogView, type AggregateQueryOutcome } from '@zhengtong/contracts';
import { formatDateTime } from '../../../shared/format';
import { QueryState } from '../../../shared/ui/query-state';
import { useAggregateResources, useQueryLog } from './api';
import { useMeasureLabel } from './result-view';

const PAGE_SIZE = 20;

const outcomeColor: Record<AggregateQueryOutcome, string> = { answered: 'green', noBudget: 'red', budgetExhausted: 'orange' };

function filterText(f: AggregateFilter, name: (key: string) => string): string {
  return `${name(f.field)} = ${f.op === 'eq' ? f.value : f.values.join(' / ')}`;
}

/**
 * The query log: every query of the region for the platform (`all`), the department's own for a consumer (`mine`) —
 * who asked, about what, why, what it cost and how much was withheld; never the answers.
 */
export function LogTab({ scope }: { scope: 'all' | 'mine' }) {
  const { t } = useTranslation();
  const measureLabel = useMeasureLabel();
  const [page, setPage] = useState(1);
  const [resourceId, setResourceId] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<AggregateQueryOutcome | undefined>();
  const log = useQueryLog({ resourceId, outcome, page, pageSize: PAGE_SIZE });
  const resources = useAggregateResources({ includeInactive: scope === 'all' });
  const registrations = resources.data?.items ?? [];
  // The log keeps field keys; the registrations know their names.
  const nameOf = (resource: string) => (key: string) => {
    const r = registrations.find((x) => x.resourceId === resource);
    return r?.dimensions.find((d) => d.key === key)?.name ?? r?.measures.find((m) => m.key === key)?.name ?? key;
  };
  const isFiltered = Boolean(resourceId || outcome);

  const columns: TableProps<AggregateQueryLogView>['columns'] = [
    { title: t('dataAggregate.log.columns.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('dataAggregate.log.columns.who'),
      key: 'who',
      width: 200,
      render: (_v, q) => (
        <>
          {q.actorName}
          <div className="zt-muted">{q.departmentName}</div>
        </>
      ),
    },
    {
      title: t('dataAggregate.log.columns.resource'),
      key: 'resource',
      width: 220,
      render: (_v, q) => (
        <>
          {q.resourceName}
          <div className="zt-code zt-muted">{q.resourceCode}</div>
        </>
      ),
    },
    {
      title: t('dataAggregate.log.columns.shape'),
      key: 'shape',
      width: 280,
      render: (_v, q) => {
        const name = nameOf(q.resourceId);
        return (
          <>
            <div>{q.measures.map((m) => measureLabel({ fn: m.fn, field: m.fn === 'count' ? null : m.field, fieldName: m.fn === 'count' ? null : name(m.field) })).join('、')}</div>
            <div className="zt-muted">{q.groupBy.length > 0 ? t('dataAggregate.log.groupedBy', { fields: q.groupBy.map(name).join('、') }) : t('dataAggregate.log.ungrouped')}</div>
            {q.filters.length > 0 ? <div className="zt-muted">{t('dataAggregate.log.filtered', { filters: q.filters.map((f) => filterText(f, name)).join(';') })}</div> : null}
          </>
        );
      },
    },
    { title: t('dataAggregate.log.columns.purpose'), dataIndex: 'purpose', width: 240, render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> },
    { title: t('dataAggregate.log.columns.epsilon'), key: 'epsilon', width: 100, align: 'right', render: (_v, q) => (q.isNoisy ? q.epsilonSpent : <Tag>{t('dataAggregate.exact')}</Tag>) },
    { title: t('dataAggregate.log.columns.groups'), key: 'groups', width: 120, align: 'right', render: (_v, q) => t('dataAggregate.log.groups', { returned: q.groupsReturned, suppressed: q.groupsSuppressed }) },
    { title: t('dataAggregate.log.columns.outcome'), dataIndex: 'outcome', width: 150, render: (v: AggregateQueryOutcome) => <Tag color={outcomeColor[v]}>{t(`dataAggregate.outcome.${v}`)}</Tag> },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<string>
          aria-label={t('dataAggregate.log.filterResource')}
          placeholder={t('dataAggregate.log.filterResource')}
          allowClear
          value={resourceId}
          onChange={(v) => {
            setResourceId(v);
            setPage(1);
          }}
          options={registrations.map((r) => ({ value: r.resourceId, label: r.resourceName }))}
          style={{ width: 240 }}
        />
        <Select<AggregateQueryOutcome>
          aria-label={t('dataAggregate.log.filterOutcome')}
          placeholder={t('dataAggregate.log.filterOutcome')}
          allowClear
          value={outcome}
          onChange={(v) => {
            setOutcome(v);
            setPage(1);
          }}
          options={aggregateQueryOutcomes.map((o) => ({ value: o, label: t(`dataAggregate.outcome.${o}`) }))}
          style={{ width: 180 }}
        />
      </Space>
      <QueryState query={log} isEmpty={(d) => d.total === 0} emptyText={isFiltered ? t('dataAggregate.log.emptyFiltered') : scope === 'mine' ? t('dataAggregate.history.empty') : t('dataAggregate.log.empty')}>
        {(data) => (
          <Table<AggregateQueryLogView>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={log.isFetching}
            scroll={{ x: 1400 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
    </>
  );
}
