import { useState } from 'react';
import { Card, Input, Select, Space, Table, Tabs } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { workflowStepKeys, type CaseSummary, type TrafficLight, type WorkbenchResult } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { caseKeys, casePaths } from '../../portal/cases/api';
import { CaseStatusTag, LightBadge } from '../../portal/cases/case-status';
import { dateWords } from '../../portal/cases/plain-words';
import { catalogueLabel } from '../../portal/services/labels';

const PAGE_SIZE = 20;
type View = 'todo' | 'suspended' | 'all' | 'closed';
const views: readonly View[] = ['todo', 'suspended', 'all', 'closed'];
const lights: readonly TrafficLight[] = ['red', 'yellow', 'green'];

function Counts({ counts, light, onLight }: { counts: WorkbenchResult['counts']; light: TrafficLight | undefined; onLight: (l: TrafficLight | undefined) => void }) {
  const { t } = useTranslation();
  const tiles: { key: 'todo' | 'red' | 'yellow' | 'green'; count: number }[] = [
    { key: 'todo', count: counts.todo },
    { key: 'red', count: counts.red },
    { key: 'yellow', count: counts.yellow },
    { key: 'green', count: counts.green },
  ];
  return (
    <div className="zt-count-row" role="group" aria-label={t('workbench.cases.countsLabel')}>
      {tiles.map((tile) => {
        const isChosen = tile.key === 'todo' ? light === undefined : light === tile.key;
        return (
          <button
            key={tile.key}
            type="button"
            className="zt-count-tile"
            data-light={tile.key}
            aria-pressed={isChosen}
            onClick={() => onLight(tile.key === 'todo' ? undefined : tile.key)}
          >
            <span className="zt-count-number">{tile.count}</span>
            <span>{t(`workbench.cases.counts.${tile.key}`)}</span>
          </button>
        );
      })}
      <div className="zt-count-tile zt-count-static" data-light="paused">
        <span className="zt-count-number">{counts.suspended}</span>
        <span>{t('workbench.cases.counts.suspended')}</span>
      </div>
    </div>
  );
}

/** 办件工作台: this department's and role's cases, the most urgent first, with red / yellow / green counts. */
export function CaseQueuePage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [params, setParams] = useSearchParams();
  const view = (views as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'todo';
  const lightParam = params.get('light');
  const light = lights.includes(lightParam as TrafficLight) ? (lightParam as TrafficLight) : undefined;
  const step = params.get('step') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const query = { view, light, step, q: q || undefined, page, pageSize: PAGE_SIZE };
  const queue = useQuery({ queryKey: caseKeys.queue(query), queryFn: () => api.get<WorkbenchResult>(casePaths.queue, query), placeholderData: keepPreviousData, refetchInterval: 60_000 });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const columns: TableProps<CaseSummary>['columns'] = [
    { title: t('workbench.cases.columns.light'), key: 'light', width: 150, render: (_v, c) => <LightBadge light={c.light} workingDaysLeft={c.workingDaysLeft} /> },
    {
      title: t('workbench.cases.columns.number'),
      dataIndex: 'caseNumber',
      width: 200,
      render: (v: string | null, c) => (
        <Link to={`/workbench/cases/${c.id}`} className="zt-code" aria-label={t('workbench.cases.openNamed', { number: v ?? '', name: c.itemName })}>
          {v ?? t('cases.my.noNumber')}
        </Link>
      ),
    },
    { title: t('workbench.cases.columns.item'), dataIndex: 'itemName', width: 220, render: (v: string, c) => <Link to={`/workbench/cases/${c.id}`}>{v}</Link> },
    { title: t('workbench.cases.columns.applicant'), dataIndex: 'applicantName', width: 140 },
    { title: t('workbench.cases.columns.step'), dataIndex: 'step', width: 100, render: (v: string | null) => (v ? catalogueLabel.step(v, locale) : '—') },
    { title: t('workbench.cases.columns.status'), dataIndex: 'status', width: 150, render: (v: CaseSummary['status']) => <CaseStatusTag status={v} /> },
    { title: t('workbench.cases.columns.due'), dataIndex: 'dueAt', width: 130, render: (v: string | null) => (v ? dateWords(v, locale) : '—') },
    { title: t('workbench.cases.columns.submitted'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: t('workbench.cases.columns.channel'), dataIndex: 'channel', width: 90, render: (v: CaseSummary['channel']) => t(`workbench.cases.channels.${v}`) },
  ];
  return (
    <>
      <PageHeader title={t('workbench.cases.title')} description={t('workbench.cases.intro')} />
      {queue.data ? <Counts counts={queue.data.counts} light={light} onLight={(l) => set({ light: l, view: 'todo' })} /> : null}
      <Card>
        <Tabs activeKey={view} onChange={(v) => set({ view: v === 'todo' ? undefined : v, light: undefined })} items={views.map((v) => ({ key: v, label: t(`workbench.cases.views.${v}`) }))} />
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('workbench.cases.search')}
            placeholder={t('workbench.cases.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            allowClear
            style={{ width: 260 }}
          />
          <Select
            allowClear
            aria-label={t('workbench.cases.columns.step')}
            placeholder={t('workbench.cases.columns.step')}
            value={step}
            onChange={(v: string | undefined) => set({ step: v })}
            options={workflowStepKeys.map((k) => ({ value: k, label: catalogueLabel.step(k, locale) }))}
            style={{ width: 160 }}
          />
          <Select
            allowClear
            aria-label={t('workbench.cases.columns.light')}
            placeholder={t('workbench.cases.columns.light')}
            value={light}
            onChange={(v: TrafficLight | undefined) => set({ light: v })}
            options={lights.map((l) => ({ value: l, label: t(`cases.lights.${l}`) }))}
            style={{ width: 160 }}
          />
        </Space>
        <QueryState query={queue} isEmpty={(d) => d.total === 0 && !q && !light && !step} emptyText={t(`workbench.cases.empty.${view}`)}>
          {(data) => (
            <Table<CaseSummary>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              loading={queue.isFetching}
              scroll={{ x: 1400 }}
              rowClassName={(c) => `zt-row-${c.light}`}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: (p) => set({ page: String(p) }), showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
