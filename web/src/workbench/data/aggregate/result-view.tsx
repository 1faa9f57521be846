import { useCallback, useMemo } from 'react';
import { Alert, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AggregateQueryResult, AggregateResultMeasure } from '@zhengtong/contracts';
import { Chart, type ChartOption } from '../../../cockpit/chart';

type Row = { id: string; key: (string | null)[]; values: (number | null)[]; isSuppressed: boolean };

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** The column title of a statistic: 计数(人), or 求和 · 家庭人口. */
export function useMeasureLabel() {
  const { t } = useTranslation();
  return useCallback(
    (m: Pick<AggregateResultMeasure, 'fn' | 'fieldName' | 'field'>) =>
      m.fn === 'count' ? t('dataAggregate.result.countLabel') : t('dataAggregate.result.measureLabel', { fn: t(`dataAggregate.fn.${m.fn}`), field: m.fieldName ?? m.field ?? '' }),
    [t],
  );
}

function ResultChart({ result }: { result: AggregateQueryResult }) {
  const { t } = useTranslation();
  const label = useMeasureLabel();
  const first = result.measures[0];
  const description = first ? t('dataAggregate.result.chart', { groupBy: result.groupBy.map((g) => g.name).join('、'), measure: label(first) }) : '';
  const option = useMemo<ChartOption>(() => {
    const names = result.groups.map((g) => g.key.map((k) => k ?? t('dataAggregate.result.emptyValue')).join(' / '));
    return {
      // ECharts writes its aria description over the container's label: give it ours.
      aria: { enabled: true, label: { description } },
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: first?.fn === 'avg' ? 0 : 1 },
      series: [{ name: first ? label(first) : '', type: 'bar', data: result.groups.map((g) => g.values[0] ?? null), barMaxWidth: 48 }],
    };
  }, [result, first, label, description, t]);
  if (!first || result.groupBy.length === 0 || result.groups.length === 0) return null;
  return <Chart option={option} label={description} />;
}

/** The answer: the shown groups, one line for the withheld ones ("< k, 已隐藏"), and a bar chart of the first statistic. */
export function ResultView({ result }: { result: AggregateQueryResult }) {
  const { t } = useTranslation();
  const label = useMeasureLabel();
  const rows: Row[] = [
    ...result.groups.map((g, i) => ({ id: `g${i}`, key: g.key, values: g.values, isSuppressed: false })),
    ...(result.suppressedGroups > 0 ? [{ id: 'suppressed', key: [], values: [], isSuppressed: true }] : []),
  ];
  const keyColumns: TableProps<Row>['columns'] =
    result.groupBy.length > 0
      ? result.groupBy.map((g, i) => ({
          title: g.name,
          key: `key-${g.key}`,
          onCell: (row: Row) => (row.isSuppressed ? { colSpan: i === 0 ? result.groupBy.length : 0 } : {}),
          render: (_v: unknown, row: Row) =>
            row.isSuppressed ? (
              <Typography.Text type="secondary">{t('dataAggregate.result.suppressedRow', { count: result.suppressedGroups })}</Typography.Text>
            ) : (
              (row.key[i] ?? <Typography.Text type="secondary">{t('dataAggregate.result.emptyValue')}</Typography.Text>)
            ),
        }))
      : [];
  const valueColumns: TableProps<Row>['columns'] = result.measures.map((m, i) => ({
    title: label(m),
    key: `value-${i}`,
    align: 'right' as const,
    render: (_v: unknown, row: Row) => {
      if (row.isSuppressed) return <Tag>{t('dataAggregate.result.suppressedCell', { k: result.k })}</Tag>;
      const value = row.values[i];
      if (value === null || value === undefined) {
        return (
          <Tooltip title={t('dataAggregate.result.noValueHelp')}>
            <span aria-label={t('dataAggregate.result.noValueHelp')}>{t('dataAggregate.result.noValue')}</span>
          </Tooltip>
        );
      }
      return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{numberFormat.format(value)}</span>;
    },
  }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {result.isNoisy ? <Tag color="orange">{t('dataAggregate.noisy')}</Tag> : <Tag color="green">{t('dataAggregate.exact')}</Tag>}
        <Tag>{t('dataAggregate.kValue', { k: result.k })}</Tag>
        {result.suppressedGroups > 0 ? <Tag color="default">{t('dataAggregate.result.suppressed', { count: result.suppressedGroups })}</Tag> : null}
        {result.isNoisy ? <Typography.Text type="secondary">{t('dataAggregate.result.spent', { epsilon: result.epsilonSpent })}</Typography.Text> : null}
      </Space>
      <Typography.Text type="secondary">{result.isNoisy ? t('dataAggregate.result.noisy', { epsilon: result.epsilonSpent }) : t('dataAggregate.result.exact')}</Typography.Text>
      {result.groups.length === 0 ? <Alert type="info" showIcon title={t('dataAggregate.result.noGroups')} /> : null}
      <Table<Row> rowKey="id" columns={[...keyColumns, ...valueColumns]} dataSource={rows} pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} size="middle" scroll={{ x: 'max-content' }} />
      {result.suppressedGroups > 0 ? <Typography.Paragraph type="secondary">{t('dataAggregate.result.suppressedNote')}</Typography.Paragraph> : null}
      <ResultChart result={result} />
    </Space>
  );
}
