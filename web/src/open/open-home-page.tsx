import { useEffect, useState } from 'react';
import { Card, Col, Input, List, Pagination, Row, Select, Space, Tag, Typography } from 'antd';
import { ApiOutlined, StarFilled } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { openDatasetSorts, openDatasetTypes, resourceFormats, updateCycles, type OpenDatasetList, type OpenDatasetSort, type OpenDatasetSummary } from '@zhengtong/contracts';
import { currentLocale } from '../shared/forms/rules';
import { formatDate } from '../shared/format';
import { PageHeader } from '../shared/ui/page-header';
import { QueryState } from '../shared/ui/query-state';
import { useDebounced } from '../shared/schema-form/use-debounced';
import { openPages, openPaths, useOpenDatasets, type DatasetFilters } from './api';
import { openLabel } from './labels';

const PAGE_SIZE = 10;
type FilterKey = 'provider' | 'theme' | 'format' | 'updateCycle' | 'openType';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

function filtersFrom(params: URLSearchParams): DatasetFilters {
  return {
    q: params.get('q') ?? undefined,
    provider: params.get('provider') ?? undefined,
    theme: params.get('theme') ?? undefined,
    format: oneOf(resourceFormats, params.get('format')),
    updateCycle: oneOf(updateCycles, params.get('updateCycle')),
    openType: oneOf(openDatasetTypes, params.get('openType')),
    sort: oneOf(openDatasetSorts, params.get('sort')) ?? 'featured',
    page: Number(params.get('page') ?? '1') || 1,
    pageSize: PAGE_SIZE,
  };
}

/** A link that sets (or, when chosen, clears) one filter: keyboard and screen readers see a plain link. */
function FacetLink({ params, name, value, label, count }: { params: URLSearchParams; name: FilterKey; value: string | null; label: string; count?: number }) {
  const next = new URLSearchParams(params);
  next.delete('page');
  const isChosen = (params.get(name) ?? null) === value;
  if (value === null) next.delete(name);
  else next.set(name, value);
  return (
    <Link to={`${openPages.home}?${next.toString()}`} aria-current={isChosen ? 'true' : undefined} className="zt-facet">
      <span>{label}</span>
      {count !== undefined ? <span className="zt-facet-count">{count}</span> : null}
    </Link>
  );
}

function Facets({ params, data }: { params: URLSearchParams; data: OpenDatasetList }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const f = data.facets;
  const groups: { key: FilterKey; title: string; items: { value: string; label: string; count: number }[] }[] = [
    { key: 'provider', title: t('openData.home.facets.providers'), items: f.providers.map((p) => ({ value: p.value, label: p.name, count: p.count })) },
    { key: 'theme', title: t('openData.home.facets.themes'), items: f.themes.map((p) => ({ value: p.value, label: p.value, count: p.count })) },
    { key: 'openType', title: t('openData.home.facets.openTypes'), items: f.openTypes.map((p) => ({ value: p.value, label: openLabel.openType(p.value, locale), count: p.count })) },
    { key: 'updateCycle', title: t('openData.home.facets.updateCycles'), items: f.updateCycles.map((p) => ({ value: p.value, label: openLabel.updateCycle(p.value, locale), count: p.count })) },
    { key: 'format', title: t('openData.home.facets.formats'), items: f.formats.map((p) => ({ value: p.value, label: openLabel.format(p.value, locale), count: p.count })) },
  ];
  return (
    <nav aria-label={t('openData.home.facets.label')}>
      {groups.map((g) => (
        <Card key={g.key} size="small" title={<h2 style={{ fontSize: '1em', margin: 0 }}>{g.title}</h2>} style={{ marginBottom: 12 }}>
          <ul className="zt-facet-list">
            <li>
              <FacetLink params={params} name={g.key} value={null} label={t('common.all')} />
            </li>
            {g.items.map((i) => (
              <li key={i.value}>
                <FacetLink params={params} name={g.key} value={i.value} label={i.label} count={i.count} />
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </nav>
  );
}

/** One dataset in a list: what it is, who provides it, how fresh and how much. */
export function DatasetHit({ d, headingLevel = 2 }: { d: OpenDatasetSummary; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return (
    <div className="zt-hit">
      <Typography.Title level={headingLevel} style={{ fontSize: '1.15em', margin: 0 }}>
        <Link to={openPages.dataset(d.code)}>{d.name}</Link>
      </Typography.Title>
      <Space wrap size={[4, 4]} style={{ margin: '6px 0' }}>
        {d.isFeatured ? (
          <Tag color="gold" icon={<StarFilled aria-hidden />}>
            {t('openData.hit.featured')}
          </Tag>
        ) : null}
        <Tag color={d.openType === 'open' ? 'green' : 'orange'}>{openLabel.openType(d.openType, locale)}</Tag>
        <Tag>{openLabel.updateCycle(d.updateCycle, locale)}</Tag>
        {d.themes.map((theme) => (
          <Tag key={theme} color="blue">
            {theme}
          </Tag>
        ))}
      </Space>
      {d.summary ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
          {d.summary}
        </Typography.Paragraph>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
        {[d.providerName, t('openData.hit.records', { count: d.recordCount }), d.recordsUpdatedAt ? t('openData.hit.updated', { date: formatDate(d.recordsUpdatedAt) }) : null, t('openData.hit.downloads', { count: d.downloads })]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}

function Featured() {
  const { t } = useTranslation();
  const featured = useOpenDatasets({ featured: true, sort: 'featured', page: 1, pageSize: 6 });
  const items = featured.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="open-featured" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="open-featured" style={{ fontSize: '1.3em' }}>
        {t('openData.home.featured')}
      </Typography.Title>
      <div className="zt-card-grid">
        {items.map((d) => (
          <Card key={d.code} size="small">
            <DatasetHit d={d} headingLevel={3} />
          </Card>
        ))}
      </div>
    </section>
  );
}

function Developers() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 style={{ fontSize: '1em', margin: 0 }}><ApiOutlined aria-hidden /> {t('openData.home.developers.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('openData.home.developers.text')}</Typography.Paragraph>
      <ul className="zt-facet-list">
        <li>
          <Link to={openPages.developer}>{t('openData.home.developers.center')}</Link>
        </li>
        <li>
          <a href={`${openPaths.ckanSearch}?rows=10`}>{t('openData.home.developers.ckan')}</a>
        </li>
        <li>
          <a href={openPaths.catalogue}>{t('openData.home.developers.dcat')}</a>
        </li>
      </ul>
    </Card>
  );
}

/** 数据开放 (public): search the open datasets, narrow them by facets, see the featured ones first. */
export function OpenHomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [text, setText] = useState(filters.q ?? '');
  const typed = useDebounced(text.trim(), 350);
  const results = useOpenDatasets(filters);
  const isFiltered = Boolean(filters.q || filters.provider || filters.theme || filters.format || filters.updateCycle || filters.openType);

  useEffect(() => {
    if (typed === (filters.q ?? '')) return;
    const next = new URLSearchParams(params);
    next.delete('page');
    if (typed) next.set('q', typed);
    else next.delete('q');
    setParams(next, { replace: true });
  }, [typed]); // only when the typed words settle

  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (name !== 'page') next.delete('page');
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  return (
    <div className="zt-content">
      <PageHeader title={t('openData.home.title')} description={t('openData.home.intro')} />
      <div role="search" style={{ marginBottom: 16, maxWidth: 720 }}>
        <Input.Search
          size="large"
          aria-label={t('openData.home.searchLabel')}
          placeholder={t('openData.home.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setText(v)}
          enterButton={t('common.actions.search')}
          allowClear
          autoComplete="off"
        />
      </div>
      {isFiltered ? null : <Featured />}
      <QueryState query={results} rows={8}>
        {(data) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={7}>
              <Facets params={params} data={data} />
              <Developers />
            </Col>
            <Col xs={24} md={17}>
              <Card>
                <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
                  <div aria-live="polite">
                    <Typography.Paragraph strong>{filters.q ? t('openData.home.foundFor', { count: data.total, q: filters.q }) : t('openData.home.found', { count: data.total })}</Typography.Paragraph>
                  </div>
                  <Select<OpenDatasetSort>
                    aria-label={t('openData.home.sortLabel')}
                    value={filters.sort}
                    onChange={(v) => set('sort', v === 'featured' ? undefined : v)}
                    options={openDatasetSorts.map((s) => ({ value: s, label: t(`openData.home.sorts.${s}`) }))}
                    style={{ minWidth: 140 }}
                  />
                </div>
                {data.items.length === 0 ? (
                  <Typography.Paragraph>{t('openData.home.none')}</Typography.Paragraph>
                ) : (
                  <List
                    itemLayout="vertical"
                    dataSource={data.items}
                    renderItem={(d) => (
                      <List.Item key={d.code}>
                        <DatasetHit d={d} />
                      </List.Item>
                    )}
                  />
                )}
                {data.total > PAGE_SIZE ? (
                  <Pagination style={{ marginTop: 16 }} current={filters.page} pageSize={PAGE_SIZE} total={data.total} onChange={(p) => set('page', String(p))} showSizeChanger={false} showTotal={(total) => t('common.states.total', { total })} />
                ) : null}
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </div>
  );
}
