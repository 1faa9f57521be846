import { openDatasetTypes, resourceFormats, updateCycles, type OpenDatasetFacets, type OpenDatasetList, type OpenDatasetListQuery } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { loadOpenDatasets, metadataModified, summaryOf, type OpenDataset } from './datasets';
import { openFields, restrictedFields } from './fields';

// 数据集检索 on the portal: words in any order against the name, summary, code, keywords, themes, provider and item
// names; filters by provider, theme, format, update cycle, open type and featured. Each facet counts the datasets
// that pass every other filter, so choosing a provider still shows which themes the others would add.

type Filters = Pick<OpenDatasetListQuery, 'provider' | 'theme' | 'format' | 'updateCycle' | 'openType' | 'featured'>;
type Dimension = keyof Filters;

/** Lower case, full-width forms folded (ＣＳＶ → csv), for matching what people type against what is stored. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function searchWords(q: string | undefined): string[] {
  return q ? fold(q).split(/[\s,，、;；]+/).filter((w) => w !== '') : [];
}

function haystack(d: OpenDataset): string {
  const r = d.resource;
  const items = [...openFields(r), ...restrictedFields(r)].map((f) => f.name);
  const c = r.classification;
  return fold([r.name, r.code, r.summary, r.providerName, c.category, c.item, c.directory, c.detail, ...r.keywords, ...r.themes, ...items].join(' '));
}

export function matchesWords(d: OpenDataset, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = haystack(d);
  return words.every((w) => text.includes(w));
}

function passes(d: OpenDataset, f: Filters, ignore?: Dimension): boolean {
  const r = d.resource;
  return (
    (ignore === 'provider' || !f.provider || r.providerDepartmentId === f.provider) &&
    (ignore === 'theme' || !f.theme || r.themes.includes(f.theme)) &&
    (ignore === 'format' || !f.format || r.format === f.format) &&
    (ignore === 'updateCycle' || !f.updateCycle || r.updateCycle === f.updateCycle) &&
    (ignore === 'openType' || !f.openType || r.openType === f.openType) &&
    (ignore === 'featured' || f.featured === undefined || d.settings.isFeatured === f.featured)
  );
}

function tally(rows: readonly OpenDataset[], f: Filters, dimension: Dimension, valuesOf: (d: OpenDataset) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of rows) if (passes(d, f, dimension)) for (const v of new Set(valuesOf(d))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function ordered<T extends string>(counts: Map<string, number>, order: readonly T[]): { value: T; count: number }[] {
  return order.filter((v) => counts.has(v)).map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

function facetsOf(rows: readonly OpenDataset[], f: Filters): OpenDatasetFacets {
  const providerNames = new Map(rows.map((d) => [d.resource.providerDepartmentId, d.resource.providerName]));
  const providers = [...tally(rows, f, 'provider', (d) => [d.resource.providerDepartmentId])].map(([value, count]) => ({ value, name: providerNames.get(value) ?? value, count }));
  providers.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  const themes = [...tally(rows, f, 'theme', (d) => d.resource.themes)].map(([value, count]) => ({ value, count }));
  themes.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
  return {
    providers,
    themes,
    formats: ordered(tally(rows, f, 'format', (d) => [d.resource.format]), resourceFormats),
    updateCycles: ordered(tally(rows, f, 'updateCycle', (d) => [d.resource.updateCycle]), updateCycles),
    openTypes: ordered(tally(rows, f, 'openType', (d) => [d.resource.openType]), openDatasetTypes),
  };
}

function byName(a: OpenDataset, b: OpenDataset): number {
  return a.resource.name.localeCompare(b.resource.name, 'zh-CN') || a.resource.code.localeCompare(b.resource.code);
}

const newestFirst = (a: OpenDataset, b: OpenDataset) => metadataModified(b).getTime() - metadataModified(a).getTime() || byName(a, b);

export function sortDatasets(rows: OpenDataset[], sort: OpenDatasetListQuery['sort']): OpenDataset[] {
  switch (sort) {
    case 'featured':
      return rows.sort((a, b) => {
        if (a.settings.isFeatured !== b.settings.isFeatured) return a.settings.isFeatured ? -1 : 1;
        if (a.settings.isFeatured) return a.settings.featuredRank - b.settings.featuredRank || byName(a, b);
        return newestFirst(a, b);
      });
    case 'name':
      return rows.sort(byName);
    case 'updated':
      return rows.sort(newestFirst);
    case 'downloads':
      return rows.sort((a, b) => b.usage.downloads - a.usage.downloads || byName(a, b));
  }
}

export async function listOpenDatasets(db: Queryable, query: OpenDatasetListQuery): Promise<OpenDatasetList> {
  const words = searchWords(query.q);
  const found = (await loadOpenDatasets(db)).filter((d) => matchesWords(d, words));
  const chosen = sortDatasets(found.filter((d) => passes(d, query)), query.sort);
  const start = (query.page - 1) * query.pageSize;
  return { items: chosen.slice(start, start + query.pageSize).map(summaryOf), total: chosen.length, facets: facetsOf(found, query) };
}
