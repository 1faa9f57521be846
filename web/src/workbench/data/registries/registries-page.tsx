import { Card, Col, Row, Segmented, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { registryKinds, type RegistryKind, type RegistryOverview } from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { formatDateTime } from '../../../shared/format';
import { can } from '../../../shared/permissions';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { useRegistryOverview } from '../../../portal/my/registry-api';
import { ConflictsPanel } from './conflicts-panel';
import { DisputesPanel } from './disputes-panel';
import { SubjectSearch } from './subject-search';

const tabs = ['subjects', 'conflicts', 'disputes'] as const;
type Tab = (typeof tabs)[number];

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

function Overview({ data }: { data: RegistryOverview }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {data.items.map((r) => (
        <Col xs={24} lg={12} key={r.registry}>
          <Card size="small" title={t(`dataRegistries.registries.${r.registry}`)}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {r.resource ? t('dataRegistries.overview.resource', { code: r.resource.code, name: r.resource.name, provider: r.resource.providerName, version: r.resource.version }) : t('dataRegistries.overview.notCatalogued')}
            </Typography.Paragraph>
            <Space size="large" wrap>
              <Statistic title={t('dataRegistries.overview.subjects')} value={r.subjects} />
              <Statistic title={t('dataRegistries.overview.openConflicts')} value={r.openConflicts} />
              <Statistic
                title={t('dataRegistries.overview.openDisputes')}
                value={r.openDisputes}
                suffix={r.overdueDisputes > 0 ? <Tag color="error">{t('dataRegistries.overview.overdue', { count: r.overdueDisputes })}</Tag> : undefined}
              />
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {r.lastCheckAt ? t('dataRegistries.overview.lastCheck', { at: formatDateTime(r.lastCheckAt) }) : t('dataRegistries.overview.neverChecked')}
            </Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 人口库 / 法人库 (工作台): overview, subject search, the cross-check report and the disputes queue. */
export function RegistriesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canRead = can(me, 'registry.read');
  const [params, setParams] = useSearchParams();
  const tab = canRead ? oneOf(tabs, params.get('tab'), 'subjects') : 'disputes';
  const registry = oneOf<RegistryKind>(registryKinds, params.get('registry'), 'person');
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const overview = useRegistryOverview();
  const registryPicker = (
    <Segmented<RegistryKind>
      aria-label={t('dataRegistries.page.title')}
      value={registry}
      onChange={(v) => set({ registry: v })}
      options={registryKinds.map((k) => ({ value: k, label: t(`dataRegistries.registries.${k}`) }))}
      style={{ marginBottom: 12 }}
    />
  );
  const items = [
    ...(canRead
      ? [
          {
            key: 'subjects' as Tab,
            label: t('dataRegistries.page.tabs.subjects'),
            children: (
              <>
                {registryPicker}
                <SubjectSearch key={registry} registry={registry} />
              </>
            ),
          },
          {
            key: 'conflicts' as Tab,
            label: t('dataRegistries.page.tabs.conflicts'),
            children: (
              <>
                {registryPicker}
                <ConflictsPanel key={registry} registry={registry} />
              </>
            ),
          },
        ]
      : []),
    { key: 'disputes' as Tab, label: t('dataRegistries.page.tabs.disputes'), children: <DisputesPanel /> },
  ];
  return (
    <>
      <PageHeader title={t('dataRegistries.page.title')} description={t('dataRegistries.page.intro')} />
      {canRead ? (
        <QueryState query={overview} rows={3}>
          {(data) => <Overview data={data} />}
        </QueryState>
      ) : null}
      <Card>
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k })} items={items} destroyOnHidden />
      </Card>
    </>
  );
}
