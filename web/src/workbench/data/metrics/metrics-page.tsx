import { useState } from 'react';
import { Card, Col, DatePicker, Form, Row, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/forms/rules';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { useDataQuality, useDemandSatisfaction, useExchangeStatistics, type MetricsPeriod } from './api';
import { CallsChart } from './calls-chart';
import { millis, percentOf, score } from './format';
import { CallsByConsumer, CallsByResource, DemandsByProvider, QualityByResource } from './metrics-tables';

dayjs.extend(utc);

type Range = [Dayjs, Dayjs];
const DEFAULT_DAYS = 30;

function defaultRange(): Range {
  const today = dayjs().utcOffset(8 * 60).startOf('day');
  return [today.subtract(DEFAULT_DAYS - 1, 'day'), today];
}

const big = { content: { fontSize: '2.4em', fontWeight: 600, lineHeight: 1.2 } };
const heading = (text: string) => <h2 style={{ fontSize: '1.1em', margin: 0 }}>{text}</h2>;

/**
 * 数据指标 for the chief data officer (the region) and each department's data admin (their own resources):
 * 共享需求满足率, the query API's volumes and latencies, and the quality of the published resources.
 */
export function DataMetricsPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [range, setRange] = useState<Range>(defaultRange);
  const period: MetricsPeriod = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useExchangeStatistics(period);
  const demands = useDemandSatisfaction(period);
  const quality = useDataQuality();

  return (
    <>
      <PageHeader title={t('dataMetrics.title')} description={t('dataMetrics.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="vertical"
          initialValues={{ range }}
          onValuesChange={(changed: { range?: [Dayjs | null, Dayjs | null] | null }) => {
            const [from, to] = changed.range ?? [];
            if (from && to) setRange([from, to]);
          }}
        >
          <Form.Item name="range" label={t('dataMetrics.range')} extra={t('dataMetrics.rangeHelp')} style={{ marginBottom: 0 }}>
            <DatePicker.RangePicker allowClear={false} format="YYYY-MM-DD" size="large" style={{ maxWidth: 420, width: '100%' }} />
          </Form.Item>
        </Form>
      </Card>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card aria-live="polite" style={{ height: '100%' }}>
            <QueryState query={demands} rows={2}>
              {(d) => (
                <>
                  <Statistic title={t('dataMetrics.demands.rateTitle')} value={percentOf(d.rate, locale)} styles={big} data-testid="metrics-demand-rate" />
                  <Typography.Text type="secondary">{t('dataMetrics.demands.detail', { total: d.total, satisfied: d.satisfied, open: d.open, overdue: d.overdue })}</Typography.Text>
                </>
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card aria-live="polite" style={{ height: '100%' }}>
            <QueryState query={stats} rows={2}>
              {(s) => (
                <>
                  <Statistic title={t('dataMetrics.exchange.callsTitle')} value={s.totals.calls} styles={big} data-testid="metrics-calls" />
                  <Typography.Text type="secondary">
                    {t('dataMetrics.exchange.detail', { errors: s.totals.errors, found: percentOf(s.totals.foundRate, locale), p50: millis(s.totals.p50Ms), p95: millis(s.totals.p95Ms) })}
                  </Typography.Text>
                </>
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card aria-live="polite" style={{ height: '100%' }}>
            <QueryState query={quality} rows={2}>
              {(q) => (
                <>
                  <Statistic title={t('dataMetrics.quality.overallTitle')} value={score(q.overall.score)} styles={big} data-testid="metrics-quality" />
                  <Typography.Text type="secondary">
                    {t('dataMetrics.quality.detail', { completeness: score(q.overall.completeness), validity: score(q.overall.validity), timeliness: score(q.overall.timeliness), count: q.items.length })}
                  </Typography.Text>
                </>
              )}
            </QueryState>
          </Card>
        </Col>
      </Row>

      <QueryState query={stats} rows={6}>
        {(s) => (
          <>
            <Card title={heading(t('dataMetrics.exchange.byDay'))} style={{ marginBottom: 16 }}>
              {s.byDay.length > 0 ? <CallsChart stats={s} /> : <Typography.Text type="secondary">{t('dataMetrics.exchange.empty')}</Typography.Text>}
            </Card>
            <Card title={heading(t('dataMetrics.exchange.byResource'))} style={{ marginBottom: 16 }}>
              <CallsByResource rows={s.byResource} />
            </Card>
            <Card title={heading(t('dataMetrics.exchange.byConsumer'))} style={{ marginBottom: 16 }}>
              <CallsByConsumer rows={s.byConsumer} />
            </Card>
          </>
        )}
      </QueryState>
      <Card title={heading(t('dataMetrics.demands.byProvider'))} style={{ marginBottom: 16 }}>
        <QueryState query={demands} rows={3}>
          {(d) => <DemandsByProvider rows={d.byProvider} />}
        </QueryState>
      </Card>
      <Card title={heading(t('dataMetrics.quality.byResource'))}>
        <QueryState query={quality} rows={6}>
          {(q) => <QualityByResource rows={q.items} />}
        </QueryState>
      </Card>
    </>
  );
}
