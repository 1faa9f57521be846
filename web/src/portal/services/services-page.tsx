import { useEffect, useState } from 'react';
import { Card, Col, Input, List, Pagination, Row, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ServiceSearchResult } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { textIn } from '../../shared/schema-form/logic';
import { useServiceSearch, type ServiceFilters } from './api';
import { ServiceHit } from './service-hit';
import { useDebounced } from '../../shared/schema-form/use-debounced';

const PAGE_SIZE = 10;
type FilterKey = 'audience' | 'lifeEvent' | 'departmentId';

function filtersFrom(params: URLSearchParams): ServiceFilters {
  const audience = params.get('audience');
  return {
    q: params.get('q') ?? undefined,
    audience: audience === 'person' || audience === 'enterprise' ? audience : undefined,
    lifeEvent: params.get('lifeEvent') ?? undefined,
    departmentId: params.get('departmentId') ?? undefined,
    page: Number(params.get('page') ?? '1') || 1,
    pageSize: PAGE_SIZE,
  };
}

/** A link that sets (or, when already chosen, clears) one filter; keyboard and screen readers see a plain link. */
function FacetLink({ params, name, value, label, count }: { params: URLSearchParams; name: FilterKey; value: string | null; label: string; count?: number }) {
  const next = new URLSearchParams(params);
  next.delete('page');
  const isChosen = (params.get(name) ?? null) === value;
  if (value === null) next.delete(name);
  else next.set(name, value);
  return (
    <Link to={`/services?${next.toString()}`} aria-current={isChosen ? 'true' : undefined} className="zt-facet">
      <span>{label}</span>
      {count !== undefined ? <span className="zt-facet-count">{count}</span> : null}
    </Link>
  );
}

function Facets({ params, data }: { params: URLSearchParams; data: ServiceSearchResult }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const groups: { key: FilterKey; title: string; items: { value: string; label: string; count: number }[] }[] = [
    { key: 'audience', title: t('services.search.facets.audience'), items: data.facets.audiences.map((a) => ({ value: a.audience, label: t(`services.audiences.${a.audience}`), count: a.count })) },
    { key: 'lifeEvent', title: t('services.search.facets.lifeEvent'), items: data.facets.lifeEvents.map((e) => ({ value: e.code, label: textIn(e.name, locale), count: e.count })) },
    { key: 'departmentId', title: t('services.search.facets.department'), items: data.facets.departments.map((d) => ({ value: d.id, label: d.name, count: d.count })) },
  ];
  return (
    <nav aria-label={t('services.search.facets.label')}>
      {groups.map((g) => (
        <Card key={g.key} size="small" title={<h2 style={{ fontSize: '1em', margin: 0 }}>{g.title}</h2>} style={{ marginBottom: 12 }}>
          <ul className="zt-facet-list">
            <li>
              <FacetLink params={params} name={g.key} value={null} label={t('common.all')} />
            </li>
            {g.items.filter((i) => i.count > 0 || params.get(g.key) === i.value).map((i) => (
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

/** 事项搜索与分类浏览: the result list, narrowed by audience, life event and department. */
export function ServicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [text, setText] = useState(filters.q ?? '');
  const typed = useDebounced(text.trim(), 350);
  const results = useServiceSearch(filters);

  // Typing narrows the list as it goes, without a history entry per word.
  useEffect(() => {
    if (typed === (filters.q ?? '')) return;
    const next = new URLSearchParams(params);
    next.delete('page');
    if (typed) next.set('q', typed);
    else next.delete('q');
    setParams(next, { replace: true });
  }, [typed]); // only when the typed words settle

  const setPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <div className="zt-content">
      <PageHeader title={t('services.search.title')} description={t('services.search.intro')} />
      <div role="search" style={{ marginBottom: 16, maxWidth: 720 }}>
        <Input.Search
          size="large"
          aria-label={t('services.search.label')}
          placeholder={t('services.search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setText(v)}
          enterButton={t('common.actions.search')}
          allowClear
          autoComplete="off"
        />
      </div>
      <QueryState query={results} rows={8}>
        {(data) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={7}>
              <Facets params={params} data={data} />
            </Col>
            <Col xs={24} md={17}>
              <Card>
                <div aria-live="polite">
                  <Typography.Paragraph strong>
                    {filters.q ? t('services.search.foundFor', { count: data.total, q: filters.q }) : t('services.search.found', { count: data.total })}
                    {data.searchedFor && filters.q && data.searchedFor !== filters.q ? <Typography.Text type="secondary"> {t('services.search.searchedFor', { words: data.searchedFor })}</Typography.Text> : null}
                  </Typography.Paragraph>
                </div>
                {data.items.length === 0 ? (
                  <div>
                    <Typography.Paragraph>{t('services.search.noneHelp')}</Typography.Paragraph>
                    <Typography.Paragraph type="secondary">{t('services.search.hotline')}</Typography.Paragraph>
                  </div>
                ) : (
                  <List
                    itemLayout="vertical"
                    dataSource={data.items}
                    renderItem={(hit) => (
                      <List.Item key={hit.id}>
                        <ServiceHit hit={hit} headingLevel={2} />
                      </List.Item>
                    )}
                  />
                )}
                {data.total > PAGE_SIZE ? (
                  <Pagination style={{ marginTop: 16 }} current={filters.page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} showTotal={(total) => t('common.states.total', { total })} />
                ) : null}
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </div>
  );
}
