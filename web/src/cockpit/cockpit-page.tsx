import { useMemo } from 'react';
import { Card, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlatformOverview } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { QueryState } from '../shared/ui/query-state';
import { usePageTitle } from '../shared/ui/page-title';
import { usePreferences } from '../app/preferences';
import { Chart, type ChartOption } from './chart';
import { DataTable } from './data-table';

const REFRESH_MS = 60_000;
const axisColor = '#c3d2ea';
const gridColor = '#1c3a66';

function useOptions(data: PlatformOverview, isElderly: boolean) {
  const { t } = useTranslation();
  return useMemo(() => {
    const fontSize = isElderly ? 18 : 13;
    const textStyle = { color: '#eef3fc', fontSize };
    const axis = { axisLine: { lineStyle: { color: axisColor } }, axisLabel: { color: axisColor, fontSize }, splitLine: { lineStyle: { color: gridColor } } };
    const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };
    const regions: ChartOption = {
      textStyle,
      grid,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', ...axis },
      yAxis: { type: 'category', data: data.departmentsByRegion.map((r) => r.regionName), ...axis },
      series: [{ type: 'bar', name: t('cockpit.departments'), data: data.departmentsByRegion.map((r) => r.count), itemStyle: { color: '#3d8bfd' } }],
    };
    const logins: ChartOption = {
      textStyle,
      grid,
      tooltip: { trigger: 'axis' },
      legend: { textStyle, top: 0 },
      xAxis: { type: 'category', data: data.loginsByDay.map((d) => d.day.slice(5)), ...axis },
      yAxis: { type: 'value', minInterval: 1, ...axis },
      series: [
        { type: 'line', name: t('cockpit.loginSuccess'), data: data.loginsByDay.map((d) => d.success), itemStyle: { color: '#52c41a' } },
        { type: 'line', name: t('cockpit.loginFailure'), data: data.loginsByDay.map((d) => d.failure), itemStyle: { color: '#ff7875' } },
      ],
    };
    const actions: ChartOption = {
      textStyle,
      grid,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', ...axis },
      yAxis: { type: 'category', data: data.auditByAction.map((a) => a.action), ...axis },
      series: [{ type: 'bar', name: t('cockpit.auditCount'), data: data.auditByAction.map((a) => a.count), itemStyle: { color: '#faad14' } }],
    };
    return { regions, logins, actions };
  }, [data, isElderly, t]);
}

function Overview({ data }: { data: PlatformOverview }) {
  const { t } = useTranslation();
  const { isElderly } = usePreferences();
  const options = useOptions(data, isElderly);
  const totals = [
    { key: 'citizen', title: t('cockpit.citizens'), value: data.accounts.citizen },
    { key: 'enterprise', title: t('cockpit.enterprises'), value: data.accounts.enterprise },
    { key: 'staff', title: t('cockpit.staff'), value: data.accounts.staff },
  ];
  return (
    <>
      <section aria-label={t('cockpit.accounts')} className="zt-cockpit-grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', marginBottom: 16 }}>
        {totals.map((s) => (
          <Card key={s.key}>
            <Statistic title={s.title} value={s.value} />
          </Card>
        ))}
      </section>
      <div className="zt-cockpit-grid">
        <Card title={<h2 style={{ fontSize: '1em', margin: 0, color: 'inherit' }}>{t('cockpit.loginsByDay')}</h2>}>
          <Chart option={options.logins} label={t('cockpit.loginsByDay')} />
          <DataTable
            caption={t('cockpit.loginsByDay')}
            headers={[t('cockpit.day'), t('cockpit.loginSuccess'), t('cockpit.loginFailure')]}
            rows={data.loginsByDay.map((d) => [d.day, d.success, d.failure])}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: '1em', margin: 0, color: 'inherit' }}>{t('cockpit.departmentsByRegion')}</h2>}>
          <Chart option={options.regions} label={t('cockpit.departmentsByRegion')} />
          <DataTable
            caption={t('cockpit.departmentsByRegion')}
            headers={[t('cockpit.region'), t('cockpit.departments')]}
            rows={data.departmentsByRegion.map((r) => [r.regionName, r.count])}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: '1em', margin: 0, color: 'inherit' }}>{t('cockpit.auditByAction')}</h2>}>
          <Chart option={options.actions} label={t('cockpit.auditByAction')} />
          <DataTable
            caption={t('cockpit.auditByAction')}
            headers={[t('cockpit.action'), t('cockpit.auditCount')]}
            rows={data.auditByAction.map((a) => [a.action, a.count])}
          />
        </Card>
      </div>
    </>
  );
}

/** 驾驶舱: the platform's own numbers for leaders and the command centre, refreshed every minute. */
export function CockpitPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.faces.cockpit'));
  const overview = useQuery({
    queryKey: ['cockpit', 'platform-overview'],
    queryFn: () => api.get<PlatformOverview>('/api/cockpit/platform-overview'),
    refetchInterval: REFRESH_MS,
  });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 0 }}>
        {t('cockpit.title')}
      </Typography.Title>
      <QueryState query={overview} rows={8}>
        {(data) => <Overview data={data} />}
      </QueryState>
    </>
  );
}
