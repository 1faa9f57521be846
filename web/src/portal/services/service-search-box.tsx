import { useId, useState } from 'react';
import { Card, Input, List, Spin, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../shared/api/client';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useServiceSearch } from './api';
import { guidePath, MatchNote } from './service-hit';
import { useDebounced } from '../../shared/schema-form/use-debounced';

const SUGGESTIONS = 6;

/**
 * The 办事大厅's search: results appear under the box while typing (after a short pause), Enter opens the full
 * result list. The server forgives everyday words (营业执照, 怎么办低保); the page only shows what it found and why.
 */
export function ServiceSearchBox({ hotWords = [] }: { hotWords?: readonly string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const results = useServiceSearch({ q, pageSize: SUGGESTIONS }, { enabled: q !== '' });
  const showAll = (value: string) => void navigate(withQuery('/services', { q: value.trim() }));
  const isStale = q !== text.trim() || results.isFetching;
  return (
    <div role="search" className="zt-search">
      <label htmlFor={id} className="zt-search-label">
        {t('services.search.label')}
      </label>
      <Input.Search
        id={id}
        size="large"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={showAll}
        enterButton={t('common.actions.search')}
        placeholder={t('services.search.placeholder')}
        allowClear
        autoComplete="off"
        aria-describedby={`${id}-status`}
        data-testid="service-search"
      />
      {hotWords.length > 0 ? (
        <div className="zt-hot-words">
          <span>{t('services.search.hot')}</span>
          {hotWords.map((w) => (
            <Link key={w} to={withQuery('/services', { q: w })}>
              {w}
            </Link>
          ))}
        </div>
      ) : null}
      <div id={`${id}-status`} aria-live="polite" className="zt-search-results">
        {q === '' ? null : (
          <Card size="small">
            {results.isError ? <ProblemAlert error={results.error} /> : null}
            {results.isPending ? (
              <Spin />
            ) : results.data ? (
              <>
                <Typography.Text strong>{results.data.total === 0 ? t('services.search.noneFor', { q }) : t('services.search.found', { count: results.data.total })}</Typography.Text>
                {isStale ? <Spin size="small" style={{ marginInlineStart: 8 }} /> : null}
                {results.data.items.length > 0 ? (
                  <List
                    size="small"
                    dataSource={results.data.items}
                    renderItem={(hit) => (
                      <List.Item>
                        <div>
                          <Link to={guidePath(hit, hit.implementations[0]?.id)} style={{ fontWeight: 600 }}>
                            {hit.name}
                          </Link>
                          <div>
                            <MatchNote hit={hit} />
                            {hit.implementations[0] ? (
                              <Typography.Text type="secondary">
                                {hit.matchedTerm && hit.matchedBy !== 'name' ? ' · ' : ''}
                                {hit.implementations[0].department.name}
                              </Typography.Text>
                            ) : null}
                          </div>
                        </div>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    {t('services.search.noneHelp')}
                  </Typography.Paragraph>
                )}
                {results.data.total > results.data.items.length ? <Link to={withQuery('/services', { q })}>{t('services.search.showAll', { count: results.data.total })}</Link> : null}
              </>
            ) : null}
          </Card>
        )}
      </div>
    </div>
  );
}
