import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataQualityScore, DemandSatisfaction, ExchangeStatistics } from '@zhengtong/contracts';
import { currentLocale } from '../../../shared/forms/rules';
import { millis, percentOf, score } from './format';

type ResourceRow = ExchangeStatistics['byResource'][number];
type ConsumerRow = ExchangeStatistics['byConsumer'][number];
type ProviderRow = DemandSatisfaction['byProvider'][number];

function useCallColumns<T extends ResourceRow | ConsumerRow>(): NonNullable<TableProps<T>['columns']> {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return [
    { title: t('dataMetrics.exchange.calls'), dataIndex: 'calls', align: 'right', width: 100 },
    { title: t('dataMetrics.exchange.keys'), dataIndex: 'keys', align: 'right', width: 100 },
    { title: t('dataMetrics.exchange.foundRate'), dataIndex: 'foundRate', align: 'right', width: 110, render: (v: number | null) => percentOf(v, locale) },
    { title: t('dataMetrics.exchange.errors'), dataIndex: 'errors', align: 'right', width: 100 },
    { title: t('dataMetrics.exchange.p50'), dataIndex: 'p50Ms', align: 'right', width: 110, render: millis },
    { title: t('dataMetrics.exchange.p95'), dataIndex: 'p95Ms', align: 'right', width: 110, render: millis },
  ];
}

export function CallsByResource({ rows }: { rows: ResourceRow[] }) {
  const { t } = useTranslation();
  const columns: TableProps<ResourceRow>['columns'] = [
    { title: t('dataMetrics.exchange.resource'), dataIndex: 'resourceName', render: (name: string | null, r) => <><strong>{name ?? r.resourceCode}</strong> <span className="zt-muted">{r.resourceCode}</span></> },
    { title: t('dataMetrics.exchange.provider'), dataIndex: 'providerName', render: (v: string | null) => v ?? '—' },
    ...useCallColumns<ResourceRow>(),
  ];
  return <Table<ResourceRow> rowKey="resourceCode" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: t('dataMetrics.exchange.empty') }} />;
}

export function CallsByConsumer({ rows }: { rows: ConsumerRow[] }) {
  const { t } = useTranslation();
  const columns: TableProps<ConsumerRow>['columns'] = [
    { title: t('dataMetrics.exchange.consumer'), dataIndex: 'consumerName', render: (v: string | null) => <strong>{v ?? t('dataMetrics.exchange.unknownConsumer')}</strong> },
    ...useCallColumns<ConsumerRow>(),
  ];
  return <Table<ConsumerRow> rowKey={(r) => r.consumerDepartmentId ?? 'unknown'} columns={columns} dataSource={rows} pagination={false} scroll={{ x: 800 }} locale={{ emptyText: t('dataMetrics.exchange.empty') }} />;
}

export function DemandsByProvider({ rows }: { rows: ProviderRow[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const columns: TableProps<ProviderRow>['columns'] = [
    { title: t('dataMetrics.demands.provider'), dataIndex: 'providerName', render: (v: string) => <strong>{v}</strong> },
    { title: t('dataMetrics.demands.total'), dataIndex: 'total', align: 'right', width: 110 },
    { title: t('dataMetrics.demands.satisfied'), dataIndex: 'satisfied', align: 'right', width: 110 },
    { title: t('dataMetrics.demands.rate'), dataIndex: 'rate', align: 'right', width: 130, render: (v: number | null) => percentOf(v, locale) },
  ];
  return <Table<ProviderRow> rowKey="providerDepartmentId" columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: t('dataMetrics.demands.empty') }} />;
}

export function QualityByResource({ rows }: { rows: DataQualityScore[] }) {
  const { t } = useTranslation();
  const columns: TableProps<DataQualityScore>['columns'] = [
    { title: t('dataMetrics.quality.resource'), dataIndex: 'name', render: (name: string, r) => <><strong>{name}</strong> <span className="zt-muted">{r.code}</span></> },
    { title: t('dataMetrics.quality.provider'), dataIndex: 'providerName' },
    { title: t('dataMetrics.quality.records'), dataIndex: 'recordCount', align: 'right', width: 100 },
    { title: t('dataMetrics.quality.completeness'), dataIndex: 'completeness', align: 'right', width: 110, render: score },
    { title: t('dataMetrics.quality.validity'), dataIndex: 'validity', align: 'right', width: 110, render: score },
    { title: t('dataMetrics.quality.timeliness'), dataIndex: 'timeliness', align: 'right', width: 110, render: score },
    { title: t('dataMetrics.quality.score'), dataIndex: 'score', align: 'right', width: 100, render: (v: number | null) => <strong>{score(v)}</strong> },
  ];
  return <Table<DataQualityScore> rowKey="resourceId" columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 900 }} locale={{ emptyText: t('dataMetrics.quality.empty') }} />;
}
