import { useState } from 'react';
import { Alert, Button, DatePicker, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { exchangeCallResultNames, exchangeCallResults, type ExchangeCallResult, type ExchangeCallView } from '@zhengtong/contracts';
import { currentLocale } from '../../../shared/forms/rules';
import { formatDateTimeSeconds } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/error-result';
import { QueryState } from '../../../shared/ui/query-state';
import { useCalls, useChainVerdict } from './api';
import { CallResultTag } from './tags';

const PAGE_SIZE = 20;
export type CallView = 'consumer' | 'provider' | 'all';

/** 校验日志完整性: the SM3 chain recomputed by the server; the first altered or missing row is named. */
function ChainCheck() {
  const { t } = useTranslation();
  const [isAsked, setAsked] = useState(false);
  const verdict = useChainVerdict(isAsked);
  if (!isAsked) {
    return (
      <Button icon={<SafetyCertificateOutlined />} onClick={() => setAsked(true)}>
        {t('dataExchange.calls.verify')}
      </Button>
    );
  }
  if (verdict.isError) return <ErrorResult error={verdict.error} onRetry={() => void verdict.refetch()} isRetrying={verdict.isFetching} />;
  if (!verdict.data) return <Button loading>{t('dataExchange.calls.verify')}</Button>;
  const v = verdict.data;
  return (
    <Alert
      role="status"
      type={v.isIntact ? 'success' : 'error'}
      showIcon
      title={v.isIntact ? t('dataExchange.calls.verifyOk', { checked: v.checked, unsealed: v.unsealed }) : t('dataExchange.calls.verifyBroken', { id: v.brokenId ?? '', reason: v.reason ?? '' })}
      action={
        <Button size="small" onClick={() => void verdict.refetch()} loading={verdict.isFetching}>
          {t('dataExchange.calls.verifyAgain')}
        </Button>
      }
    />
  );
}

/** 调用记录: every call to the query API, refusals included, as each party may see them; sealed rows are chained. */
export function CallsTab({ views, canVerify }: { views: readonly CallView[]; canVerify: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [view, setView] = useState<CallView>(views[0] ?? 'consumer');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<ExchangeCallResult | undefined>(undefined);
  const [resourceCode, setResourceCode] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = {
    view,
    page,
    pageSize: PAGE_SIZE,
    result,
    resourceCode: resourceCode || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useCalls(query);
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const columns: TableProps<ExchangeCallView>['columns'] = [
    { title: t('dataExchange.calls.columns.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
    { title: t('dataExchange.calls.columns.consumer'), dataIndex: 'consumerName', width: 180, render: (v: string | null, c) => v ?? <span className="zt-muted zt-code">{c.clientId ?? '—'}</span> },
    { title: t('dataExchange.calls.columns.resource'), key: 'resource', width: 200, render: (_v, c) => (c.resourceCode ? <><span className="zt-code">{c.resourceCode}</span>{c.providerName ? <div className="zt-muted">{c.providerName}</div> : null}</> : '—') },
    { title: t('dataExchange.calls.columns.purpose'), dataIndex: 'purpose', width: 200, render: (v: string | null) => v ?? '—' },
    { title: t('dataExchange.calls.columns.keys'), key: 'keys', width: 110, render: (_v, c) => `${c.foundCount} / ${c.keyCount}` },
    { title: t('dataExchange.calls.columns.result'), dataIndex: 'result', width: 140, render: (v: ExchangeCallResult, c) => <><CallResultTag result={v} /><span className="zt-muted">{c.status}</span></> },
    { title: t('dataExchange.calls.columns.latency'), dataIndex: 'latencyMs', width: 100, render: (v: number) => `${v} ms` },
    { title: t('dataExchange.calls.columns.sealed'), dataIndex: 'isSealed', width: 100, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('dataExchange.calls.sealed') : t('dataExchange.calls.pending')}</Tag> },
  ];
  const isFiltered = Boolean(result || resourceCode || range);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} align="start">
        {views.length > 1 ? <Segmented<CallView> value={view} onChange={reset(setView)} options={views.map((v) => ({ value: v, label: t(`dataExchange.calls.views.${v}`) }))} /> : null}
        <Input.Search aria-label={t('dataExchange.calls.resourceFilter')} placeholder={t('dataExchange.calls.resourceFilter')} allowClear onSearch={(v) => reset(setResourceCode)(v.trim())} style={{ width: 220 }} />
        <Select<ExchangeCallResult>
          aria-label={t('dataExchange.calls.columns.result')}
          placeholder={t('dataExchange.calls.columns.result')}
          allowClear
          value={result}
          onChange={reset(setResult)}
          options={exchangeCallResults.map((r) => ({ value: r, label: exchangeCallResultNames[r][locale] }))}
          style={{ width: 170 }}
        />
        <DatePicker.RangePicker aria-label={t('dataExchange.calls.range')} value={range} onChange={(v) => reset(setRange)(v as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      {canVerify ? <div style={{ marginBottom: 12 }}><ChainCheck /></div> : null}
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={isFiltered ? t('dataExchange.calls.emptyFiltered') : t(`dataExchange.calls.empty.${view}`)}>
        {(data) => (
          <Table<ExchangeCallView>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 1200 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
    </>
  );
}
