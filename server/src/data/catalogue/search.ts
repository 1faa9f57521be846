import type { DataResourceDefinition, DataResourceFacets, DataResourceList, DataResourceListQuery, DataResourceStatus } from '@zhengtong/contracts';
import { catalogueTypes, dataLevels, dataResourceStatuses, openTypes, resourceFormats, shareTypes } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { assertBrowses, isManagerOf, isReviewerOf } from './access';
import { latestDefinitions, normalizeSearch } from './repo';
import { summaryOf } from './views';
import { tables } from './tables';

// 资源检索: a city's catalogue holds hundreds to a few thousand resources, so the rows a reader may see are loaded
// once (a handful of short columns each), filtered and counted in memory. Each facet counts the rows that pass
// every other filter, so choosing one value of a dimension still shows what the others would give.

type Filters = Pick<DataResourceListQuery, 'provider' | 'theme' | 'shareType' | 'openType' | 'format' | 'level' | 'catalogueType' | 'status'>;
type Dimension = keyof Filters;

async function candidateRows(db: Queryable) {
  return tables(db)
    .selectFrom('data_resources as r')
    .innerJoin('departments as d', 'd.id', 'r.provider_department_id')
    .leftJoin('data_resource_versions as o', (join) => join.onRef('o.resource_id', '=', 'r.id').on('o.status', 'in', ['draft', 'review']))
    .select([
      'r.id',
      'r.code',
      'r.name',
      'r.provider_department_id',
      'r.region_code',
      'r.source_kind',
      'r.status',
      'r.published_version',
      'r.level',
      'r.share_type',
      'r.open_type',
      'r.format',
      'r.catalogue_type',
      'r.themes',
      'r.search_text',
      'r.record_count',
      'r.records_updated_at',
      'r.updated_at',
      'd.name as provider_name',
      'o.number as open_number',
      'o.status as open_status',
    ])
    .execute();
}

type Candidate = Awaited<ReturnType<typeof candidateRows>>[number];
type Visible = Candidate & { statuses: DataResourceStatus[]; pending: { number: number; status: 'draft' | 'review' } | null };

function passes(row: Visible, f: Filters, ignore?: Dimension): boolean {
  return (
    (ignore === 'provider' || !f.provider || row.provider_department_id === f.provider) &&
    (ignore === 'theme' || !f.theme || row.themes.includes(f.theme)) &&
    (ignore === 'shareType' || !f.shareType || row.share_type === f.shareType) &&
    (ignore === 'openType' || !f.openType || row.open_type === f.openType) &&
    (ignore === 'format' || !f.format || row.format === f.format) &&
    (ignore === 'level' || !f.level || row.level === f.level) &&
    (ignore === 'catalogueType' || !f.catalogueType || row.catalogue_type === f.catalogueType) &&
    (ignore === 'status' || !f.status || row.statuses.includes(f.status))
  );
}

function counts<T extends string>(rows: Visible[], f: Filters, dimension: Dimension, valuesOf: (r: Visible) => readonly string[], order: readonly T[]) {
  const tally = new Map<string, number>();
  for (const r of rows) if (passes(r, f, dimension)) for (const v of new Set(valuesOf(r))) tally.set(v, (tally.get(v) ?? 0) + 1);
  return order.filter((v) => tally.has(v)).map((value) => ({ value, count: tally.get(value) ?? 0 }));
}

/** The rows the actor may see, with what a status filter matches (a published resource with a new version in review matches both). */
async function visibleRows(db: Queryable, actor: Actor): Promise<Visible[]> {
  const rows = await candidateRows(db);
  return rows.flatMap((r) => {
    const seesWork = isManagerOf(actor, r) || isReviewerOf(actor, r);
    if (!seesWork && r.published_version === null) return [];
    const pending = seesWork && r.open_number !== null && (r.open_status === 'draft' || r.open_status === 'review') ? { number: r.open_number, status: r.open_status } : null;
    const statuses: DataResourceStatus[] = [r.status];
    if (pending && !statuses.includes(pending.status)) statuses.push(pending.status);
    return [{ ...r, statuses, pending }];
  });
}

function matchesText(row: Visible, terms: string[]): boolean {
  return terms.every((t) => row.search_text.includes(t) || row.code.toLowerCase().includes(t));
}

/** The rows a query selects, in display order (name matches first, then by code), and the facets. */
export async function selectResources(db: Queryable, actor: Actor, query: Omit<DataResourceListQuery, 'page' | 'pageSize'>) {
  assertBrowses(actor);
  const all = await visibleRows(db, actor);
  const q = query.q ? normalizeSearch(query.q) : '';
  const terms = q.split(' ').filter((t) => t !== '');
  const matching = terms.length > 0 ? all.filter((r) => matchesText(r, terms)) : all;
  const hits = matching.filter((r) => passes(r, query));
  const inName = (r: Visible) => (q !== '' && normalizeSearch(r.name).includes(q) ? 0 : 1);
  hits.sort((a, b) => inName(a) - inName(b) || a.code.localeCompare(b.code));

  const providerNames = new Map(matching.map((r) => [r.provider_department_id, r.provider_name]));
  const providerCounts = counts(matching, query, 'provider', (r) => [r.provider_department_id], [...providerNames.keys()]);
  const themeOrder = [...new Set(matching.flatMap((r) => r.themes))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const facets: DataResourceFacets = {
    providers: providerCounts.map((c) => ({ ...c, name: providerNames.get(c.value) ?? '' })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
    themes: counts(matching, query, 'theme', (r) => r.themes, themeOrder),
    shareTypes: counts(matching, query, 'shareType', (r) => [r.share_type], shareTypes),
    openTypes: counts(matching, query, 'openType', (r) => [r.open_type], openTypes),
    formats: counts(matching, query, 'format', (r) => [r.format], resourceFormats),
    levels: counts(matching, query, 'level', (r) => [r.level], dataLevels),
    catalogueTypes: counts(matching, query, 'catalogueType', (r) => [r.catalogue_type], catalogueTypes),
    statuses: counts(matching, query, 'status', (r) => r.statuses, dataResourceStatuses),
  };
  return { hits, facets };
}

export async function searchResources(kernel: Kernel, { actor, query }: { actor: Actor; query: DataResourceListQuery }): Promise<DataResourceList> {
  const { hits, facets } = await selectResources(kernel.db, actor, query);
  const page = hits.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const definitions = await pageDefinitions(kernel.db, page);
  return {
    items: page.map((r) => summaryOf(r, r.provider_name, definitions.get(r.id) ?? null, r.pending)),
    total: hits.length,
    facets,
  };
}

/** The definition a list shows: the published one, or before publication the newest draft. */
async function pageDefinitions(db: Queryable, page: Visible[]): Promise<Map<string, DataResourceDefinition>> {
  const found = new Map<string, DataResourceDefinition>();
  const published = page.filter((r) => r.published_version !== null).map((r) => r.id);
  if (published.length > 0) {
    const rows = await tables(db).selectFrom('data_resources').select(['id', 'definition']).where('id', 'in', published).execute();
    for (const r of rows) if (r.definition) found.set(r.id, r.definition);
  }
  const drafts = page.filter((r) => r.published_version === null).map((r) => r.id);
  for (const [id, v] of await latestDefinitions(db, drafts)) found.set(id, v.definition);
  return found;
}
