import { useState } from 'react';
import { Card, DatePicker, Form, Progress, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from 'react-i18next';
import type { LicenseFreeRateQuery, LicenseFreeRateView } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { currentLocale } from '../shared/forms/rules';
import { PageHeader } from '../shared/ui/page-header';
import { QueryState } from '../shared/ui/query-state';
import { caseKeys, casePaths } from '../portal/cases/api';
import { dateWords } from '../portal/cases/plain-words';

dayjs.extend(utc);

type ItemRow = LicenseFreeRateView['items'][number];
type Range = [Dayjs, Dayjs];

const DEFAULT_DAYS = 30;

/** The last 30 days up to today, as Beijing dates (the server counts submissions by Beijing date). */
function defaultRange(): Range {
  const today = dayjs().utcOffset(8 * 60).startOf('day');
  return [today.subtract(DEFAULT_DAYS - 1, 'day'), today];
}

/** 33.3% — one decimal is enough to compare items; the counts beside it give the exact figures. */
function percent(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

function useLicenseFreeRate(query: LicenseFreeRateQuery) {
  return useQuery({ queryKey: caseKeys.licenseFreeRate(query), queryFn: () => api.get<LicenseFreeRateView>(casePaths.licenseFreeRate, query), placeholderData: keepPreviousData });
}

/**
 * 免证办率 for leaders (case.oversee): of the materials that cases submitted in their region required, how many the
 * system fetched from electronic licences instead — overall, large, then per item in the order the server ranks them.
 */
export function LicenseFreeRatePage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [range, setRange] = useState<Range>(defaultRange);
  const query: LicenseFreeRateQuery = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const rate = useLicenseFreeRate(query);

  const columns: TableProps<ItemRow>['columns'] = [
    { title: t('cases.licenseFreeRate.columns.item'), dataIndex: 'itemName', render: (name: string) => <strong>{name}</strong> },
    { title: t('cases.licenseFreeRate.columns.cases'), dataIndex: 'cases', align: 'right', width: 110 },
    { title: t('cases.licenseFreeRate.columns.required'), dataIndex: 'required', align: 'right', width: 130 },
    { title: t('cases.licenseFreeRate.columns.fetched'), dataIndex: 'fetched', align: 'right', width: 130 },
    {
      title: t('cases.licenseFreeRate.columns.rate'),
      dataIndex: 'rate',
      width: 220,
      render: (value: number) => (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <strong style={{ minWidth: '4.5em', textAlign: 'right' }}>{percent(value, locale)}</strong>
          <Progress percent={Math.round(value * 100)} showInfo={false} size="small" aria-hidden="true" style={{ flex: 1, margin: 0 }} />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('cases.licenseFreeRate.title')} description={t('cases.licenseFreeRate.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" initialValues={{ range }} onValuesChange={(changed: { range?: [Dayjs | null, Dayjs | null] | null }) => {
          const [from, to] = changed.range ?? [];
          if (from && to) setRange([from, to]);
        }}>
          <Form.Item name="range" label={t('cases.licenseFreeRate.range')} extra={t('cases.licenseFreeRate.rangeHelp')} style={{ marginBottom: 0 }}>
            <DatePicker.RangePicker allowClear={false} format="YYYY-MM-DD" size="large" style={{ maxWidth: 420, width: '100%' }} />
          </Form.Item>
        </Form>
      </Card>
      <QueryState query={rate} rows={8}>
        {(data) => (
          <>
            <Card style={{ marginBottom: 16 }} aria-live="polite">
              <Statistic
                title={<span style={{ fontSize: '1.15em' }}>{t('cases.licenseFreeRate.overall')}</span>}
                value={percent(data.overall.rate, locale)}
                styles={{ content: { fontSize: '3em', fontWeight: 600, lineHeight: 1.2 } }}
                data-testid="license-free-rate-overall"
              />
              <Progress percent={Math.round(data.overall.rate * 100)} showInfo={false} aria-hidden="true" style={{ maxWidth: 480 }} />
              <Typography.Paragraph style={{ fontSize: '1.1em', marginBottom: 4 }}>
                {t('cases.licenseFreeRate.overallDetail', { count: data.overall.cases, required: data.overall.required, fetched: data.overall.fetched })}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('cases.licenseFreeRate.period', { from: dateWords(data.from, locale), to: dateWords(data.to, locale) })}</Typography.Text>
            </Card>
            <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('cases.licenseFreeRate.byItem')}</h2>}>
              <Table<ItemRow>
                rowKey="serviceItemId"
                columns={columns}
                dataSource={data.items}
                pagination={false}
                loading={rate.isFetching && rate.isPlaceholderData}
                scroll={{ x: 720 }}
                locale={{ emptyText: t('cases.licenseFreeRate.empty') }}
              />
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
