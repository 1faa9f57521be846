import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeStatistics } from '@zhengtong/contracts';
import { Chart, type ChartOption } from '../../../cockpit/chart';

/** Calls per day as bars, with the day's p95 latency as a line on its own axis. */
export function CallsChart({ stats }: { stats: ExchangeStatistics }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('dataMetrics.exchange.calls'), t('dataMetrics.exchange.errors'), t('dataMetrics.exchange.p95')] },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: stats.byDay.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', name: t('dataMetrics.exchange.callsAxis'), minInterval: 1 },
        { type: 'value', name: 'ms', splitLine: { show: false } },
      ],
      series: [
        { name: t('dataMetrics.exchange.calls'), type: 'bar', data: stats.byDay.map((d) => d.calls) },
        { name: t('dataMetrics.exchange.errors'), type: 'bar', data: stats.byDay.map((d) => d.errors) },
        { name: t('dataMetrics.exchange.p95'), type: 'line', yAxisIndex: 1, data: stats.byDay.map((d) => d.p95Ms) },
      ],
    }),
    [stats, t],
  );
  return <Chart option={option} label={t('dataMetrics.exchange.chartLabel', { days: stats.byDay.length, calls: stats.totals.calls })} />;
}
