import { useState } from 'react';
import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfferedImplementation, ServiceSearchHit } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { QueryState } from '../../shared/ui/query-state';
import { useServiceSearch } from '../../portal/services/api';
import { MatchNote } from '../../portal/services/service-hit';
import { catalogueLabel } from '../../portal/services/labels';
import { useDebounced } from '../../shared/schema-form/use-debounced';

export type PickedItem = { itemId: string; implementationId: string };

/** 一窗受理: any item of any department, found by the same forgiving search the public uses. */
export function ItemPicker({ onPick }: { onPick: (picked: PickedItem) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const results = useServiceSearch({ q: q || undefined, pageSize: 10 });
  const choose = (hit: ServiceSearchHit, impl: OfferedImplementation) => onPick({ itemId: hit.id, implementationId: impl.id });
  return (
    <>
      <Input.Search
        size="large"
        autoFocus
        aria-label={t('workbench.window.searchItem')}
        placeholder={t('workbench.window.searchItem')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        allowClear
        style={{ maxWidth: 560, marginBottom: 12 }}
        data-testid="window-item-search"
      />
      <QueryState query={results} isEmpty={(d) => d.total === 0} emptyText={t('services.search.noneHelp')}>
        {(data) => (
          <List
            dataSource={data.items}
            renderItem={(hit) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Space wrap size={8}>
                    <Typography.Text strong style={{ fontSize: '1.05em' }}>
                      {hit.name}
                    </Typography.Text>
                    <Tag>{catalogueLabel.audience(hit.audience, locale)}</Tag>
                    <MatchNote hit={hit} />
                  </Space>
                  <div style={{ marginTop: 6 }}>
                    {hit.implementations.length === 0 ? <Typography.Text type="secondary">{t('services.search.notOffered')}</Typography.Text> : null}
                    <Space wrap>
                      {hit.implementations.map((impl) => (
                        <Button key={impl.id} onClick={() => choose(hit, impl)} disabled={!impl.channels.includes('window')} aria-label={t('workbench.window.pickNamed', { name: hit.name, department: impl.department.name })}>
                          {impl.region.name} · {impl.department.name}
                        </Button>
                      ))}
                    </Space>
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </>
  );
}
