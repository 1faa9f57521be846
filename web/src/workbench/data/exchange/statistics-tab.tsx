import { useState } from 'react';
import { Card, Col, DatePicker, Row, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ExchangeStatsRow } from '@zhengtong/contracts';
import { beijingToday } from '../../../portal/licenses/grant-dates';
import { QueryState } from '../../../shared/ui/query-state';
import { useDemandRate, useStatistics } from './api';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const millis = (ms: number | null) => (ms === null ? '—' : `${ms} ms`);

function useMeasureColumns<T extends ExchangeStatsRow>(): NonNullable<TableProps<T>['columns']> {
  const { t } = useTranslation();
  return [
    { title: t('dataExchange.statistics.calls'), dataIndex: 'calls', width: 90, align: 'right' },
    { title: t('dataExchange.statistics.keys'), dataIndex: 'keys', width: 100, align: 'right' },
    { title: t('dataExchange.statistics.foundRate'), dataIndex: 'foundRate', width: 100, align: 'right', render: (v: number | null) => percent(v) },
    { title: t('dataExchange.statistics.errors'), dataIndex: 'errors', width: 90, align: 'right' },
    { title: t('dataExchange.statistics.p50'), dataIndex: 'p50Ms', width: 100, align: 'right', render: (v: number | null) => millis(v) },
    { title: t('dataExchange.statistics.p95'), dataIndex: 'p95Ms', width: 100, align: 'right', render: (v: number | null) => millis(v) },
  ];
}

/** 调用统计: calls, keys asked, found rate, refusals and latency of the period, by day, resource and consumer; 共享需求满足率. */
export function StatisticsTab() {
  const { t } = useTranslation();
  const today = dayjs(beijingToday());
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useStatistics(period);
  const demands = useDemandRate(period);
  const measures = useMeasureColumns<ExchangeStatsRow>();
  return (
    <>
      <DatePicker.RangePicker
        aria-label={t('dataExchange.statistics.range')}
        value={range}
        allowClear={false}
        disabledDate={(d) => d.isAfter(today, 'day')}
        onChange={(v) => {
          if (v?.[0] && v[1]) setRange([v[0], v[1]]);
        }}
        style={{ marginBottom: 16 }}
      />
      <QueryState query={stats} rows={6}>
        {(s) => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('dataExchange.statistics.calls')} value={s.totals.calls} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('dataExchange.statistics.foundRate')} value={percent(s.totals.foundRate)} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('dataExchange.statistics.errors')} value={s.totals.errors} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('dataExchange.statistics.latency')} value={`${millis(s.totals.p50Ms)} / ${millis(s.totals.p95Ms)}`} />
                </Card>
              </Col>
            </Row>
            {s.totals.calls === 0 ? <Typography.Paragraph type="secondary">{t('dataExchange.statistics.empty')}</Typography.Paragraph> : null}
            <Card title={t('dataExchange.statistics.byResource')} style={{ marginBottom: 16 }}>
              <Table
                rowKey="resourceCode"
                size="small"
                dataSource={s.byResource}
                pagination={false}
                scroll={{ x: 900 }}
                columns={[
                  { title: t('dataExchange.statistics.resource'), key: 'resource', width: 260, render: (_v, r) => <>{r.resourceName ?? '—'} <span className="zt-code zt-muted">{r.resourceCode || '—'}</span></> },
                  { title: t('dataExchange.statistics.provider'), dataIndex: 'providerName', width: 180, render: (v: string | null) => v ?? '—' },
                  ...(measures as NonNullable<TableProps<(typeof s.byResource)[number]>['columns']>),
                ]}
              />
            </Card>
            <Card title={t('dataExchange.statistics.byConsumer')} style={{ marginBottom: 16 }}>
              <Table
                rowKey={(r) => r.consumerDepartmentId ?? 'unknown'}
                size="small"
                dataSource={s.byConsumer}
                pagination={false}
                scroll={{ x: 800 }}
                columns={[
                  { title: t('dataExchange.statistics.consumer'), dataIndex: 'consumerName', width: 240, render: (v: string | null) => v ?? t('dataExchange.statistics.unauthenticated') },
                  ...(measures as NonNullable<TableProps<(typeof s.byConsumer)[number]>['columns']>),
                ]}
              />
            </Card>
            <Card title={t('dataExchange.statistics.byDay')} style={{ marginBottom: 16 }}>
              <Table
                rowKey="day"
                size="small"
                dataSource={s.byDay}
                pagination={{ pageSize: 15, hideOnSinglePage: true }}
                scroll={{ x: 700 }}
                columns={[{ title: t('dataExchange.statistics.day'), dataIndex: 'day', width: 120 }, ...(measures as NonNullable<TableProps<(typeof s.byDay)[number]>['columns']>)]}
              />
            </Card>
          </>
        )}
      </QueryState>
      <Card title={t('dataExchange.statistics.demands')}>
        <QueryState query={demands} rows={2}>
          {(d) => (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}>
                  <Statistic title={t('dataExchange.statistics.demandRate')} value={percent(d.rate)} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('dataExchange.statistics.demandCounts')} value={t('dataExchange.statistics.demandCountsText', { satisfied: d.satisfied, total: d.total })} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('dataExchange.statistics.demandOpen')} value={d.open} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('dataExchange.statistics.demandOverdue')} value={d.overdue} />
                </Col>
              </Row>
              {d.byProvider.length > 0 ? (
                <Table
                  rowKey="providerDepartmentId"
                  size="small"
                  dataSource={d.byProvider}
                  pagination={false}
                  style={{ marginTop: 16 }}
                  columns={[
                    { title: t('dataExchange.statistics.provider'), dataIndex: 'providerName' },
                    { title: t('dataExchange.statistics.demandTotal'), dataIndex: 'total', width: 100, align: 'right' },
                    { title: t('dataExchange.statistics.demandSatisfied'), dataIndex: 'satisfied', width: 100, align: 'right' },
                    { title: t('dataExchange.statistics.demandRate'), dataIndex: 'rate', width: 120, align: 'right', render: (v: number | null) => percent(v) },
                  ]}
                />
              ) : null}
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
