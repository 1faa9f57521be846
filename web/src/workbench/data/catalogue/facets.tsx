import { Button, Card, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DataResourceFacets } from '@zhengtong/contracts';
import { useLabels } from './labels';

export type FacetKey = 'provider' | 'theme' | 'shareType' | 'openType' | 'format' | 'level' | 'catalogueType' | 'status';
type Entry = { value: string; label: string; count: number };

/** One dimension: its values with their counts; choosing the chosen value again clears it. Buttons, so keyboard users tab through. */
function FacetGroup({ title, entries, chosen, onChoose }: { title: string; entries: Entry[]; chosen: string | undefined; onChoose: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  if (entries.length === 0 && !chosen) return null;
  return (
    <section aria-label={title} style={{ marginBottom: 12 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {title}
      </Typography.Text>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {entries.map((e) => {
          const isChosen = e.value === chosen;
          return (
            <li key={e.value}>
              <Button
                type={isChosen ? 'primary' : 'text'}
                size="small"
                aria-pressed={isChosen}
                icon={isChosen ? <CheckOutlined /> : undefined}
                onClick={() => onChoose(isChosen ? undefined : e.value)}
                style={{ width: '100%', justifyContent: 'space-between', textAlign: 'start', height: 'auto', whiteSpace: 'normal' }}
                title={isChosen ? t('dataCatalogue.facets.clearOne', { name: e.label }) : undefined}
              >
                <span style={{ flex: 1 }}>{e.label}</span>
                <span className={isChosen ? undefined : 'zt-muted'}>{e.count}</span>
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** 分面: provider, theme, share type, open type, format, level, catalogue type and status, each counted over the other filters. */
export function Facets({ facets, chosen, onChoose, showStatus }: { facets: DataResourceFacets; chosen: Partial<Record<FacetKey, string>>; onChoose: (key: FacetKey, value: string | undefined) => void; showStatus: boolean }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const groups: { key: FacetKey; entries: Entry[] }[] = [
    ...(showStatus ? [{ key: 'status' as const, entries: facets.statuses.map((f) => ({ value: f.value, label: label('status', f.value), count: f.count })) }] : []),
    { key: 'provider', entries: facets.providers.map((f) => ({ value: f.value, label: f.name, count: f.count })) },
    { key: 'theme', entries: facets.themes.map((f) => ({ value: f.value, label: f.value, count: f.count })) },
    { key: 'shareType', entries: facets.shareTypes.map((f) => ({ value: f.value, label: label('shareType', f.value), count: f.count })) },
    { key: 'openType', entries: facets.openTypes.map((f) => ({ value: f.value, label: label('openType', f.value), count: f.count })) },
    { key: 'level', entries: facets.levels.map((f) => ({ value: f.value, label: label('level', f.value), count: f.count })) },
    { key: 'format', entries: facets.formats.map((f) => ({ value: f.value, label: label('format', f.value), count: f.count })) },
    { key: 'catalogueType', entries: facets.catalogueTypes.map((f) => ({ value: f.value, label: label('catalogueType', f.value), count: f.count })) },
  ];
  return (
    <Card size="small" title={t('dataCatalogue.facets.title')}>
      {groups.map((g) => (
        <FacetGroup key={g.key} title={t(`dataCatalogue.facets.${g.key}`)} entries={g.entries} chosen={chosen[g.key]} onChoose={(v) => onChoose(g.key, v)} />
      ))}
    </Card>
  );
}
