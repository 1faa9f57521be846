import { regionAncestorCodes, type OfferedImplementation, type SearchMatchKind, type ServiceSearchQuery, type ServiceSearchResult } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable, Row } from '../../kernel/db';
import { regionContains, regionPrefix } from '../../kernel/authz';
import { listDepartmentTree } from '../../platform/departments';
import { implementationsOf } from './implementations-repo';
import { itemsById, knownLifeEvents } from './items-repo';
import { loadRefs } from './refs';
import { offeredItems, RANK, type OfferedItemRow } from './search-repo';
import { normalizeSearchText, searchTerms, type SearchTerms } from './search-text';
import { versionsInForce } from './versions-repo';

type Filters = Pick<ServiceSearchQuery, 'audience' | 'lifeEvent' | 'departmentId'>;

function fitsAudience(row: OfferedItemRow, audience: Filters['audience']): boolean {
  return !audience || row.audience === audience || row.audience === 'both';
}

function passes(row: OfferedItemRow, f: Filters, ignore?: keyof Filters): boolean {
  return (
    (ignore === 'audience' || fitsAudience(row, f.audience)) &&
    (ignore === 'lifeEvent' || !f.lifeEvent || row.life_events.includes(f.lifeEvent)) &&
    (ignore === 'departmentId' || !f.departmentId || row.department_ids.includes(f.departmentId))
  );
}

function score(row: OfferedItemRow, terms: SearchTerms | undefined): number {
  if (!terms || terms.grams.length === 0) return row.rank;
  return row.rank + Math.round((100 * row.gram_hits) / terms.grams.length);
}

/** Departments whose name the query mentions ("公安局", "去市场监管局办什么"), so their items are found too. */
async function departmentsNamed(db: Queryable, terms: SearchTerms | undefined): Promise<string[]> {
  if (!terms || Array.from(terms.core).length < 2) return [];
  // The region filter applies to implementations afterwards; a county resident may mean the city's bureau.
  const departments = await listDepartmentTree(db);
  return departments
    .filter((d) => {
      const names = [d.name, d.shortName ?? ''].map(normalizeSearchText).filter((n) => Array.from(n).length >= 2);
      return names.some((n) => n.includes(terms.core) || terms.whole.includes(n));
    })
    .map((d) => d.id);
}

/** Why an item matched, in the portal's words ("营业执照" is another name of 个体工商户设立登记). */
function explain(item: Row<'service_items'>, row: OfferedItemRow, terms: SearchTerms | undefined, departmentNames: Map<string, string>): { matchedBy: SearchMatchKind | null; matchedTerm: string | null } {
  if (!terms) return { matchedBy: null, matchedTerm: null };
  const words = [terms.whole, terms.core];
  // The first original word whose normalised form matched the way its rank says.
  const find = (list: readonly string[], normalized: readonly string[], test: (n: string) => boolean) => {
    const i = normalized.findIndex(test);
    return i >= 0 ? (list[i] ?? null) : null;
  };
  const exact = (n: string) => words.includes(n);
  const inQuery = (n: string) => terms.whole.includes(n);
  const part = (n: string) => n.includes(terms.core);
  switch (row.rank) {
    case RANK.name:
    case RANK.namePart:
      return { matchedBy: 'name', matchedTerm: item.name };
    case RANK.aliasExact:
      return { matchedBy: 'alias', matchedTerm: find(item.aliases, item.search_aliases, exact) };
    case RANK.aliasInQuery:
      return { matchedBy: 'alias', matchedTerm: find(item.aliases, item.search_aliases, inQuery) };
    case RANK.aliasPart:
      return { matchedBy: 'alias', matchedTerm: find(item.aliases, item.search_aliases, part) };
    case RANK.keywordExact:
      return { matchedBy: 'keyword', matchedTerm: find(item.keywords, item.search_keywords, exact) };
    case RANK.keywordInQuery:
      return { matchedBy: 'keyword', matchedTerm: find(item.keywords, item.search_keywords, inQuery) };
    case RANK.keywordPart:
      return { matchedBy: 'keyword', matchedTerm: find(item.keywords, item.search_keywords, part) };
    case RANK.department:
      return { matchedBy: 'department', matchedTerm: row.department_ids.map((id) => departmentNames.get(id)).find((n) => n !== undefined) ?? null };
    default:
      return { matchedBy: 'partial', matchedTerm: null };
  }
}

/** Public: the portal's search and browse over the items on offer now. */
export async function searchServices(kernel: Kernel, { query }: { query: ServiceSearchQuery }): Promise<ServiceSearchResult> {
  const db = kernel.db;
  const at = new Date();
  const terms = query.q ? searchTerms(query.q) : undefined;
  const regionCode = query.regionCode;
  const region = regionCode ? { chain: [...regionAncestorCodes(regionCode), regionCode], prefix: regionPrefix(regionCode) } : undefined;
  const named = await departmentsNamed(db, terms);
  const rows = await offeredItems(db, terms, named, { at, region });

  const filters: Filters = { audience: query.audience, lifeEvent: query.lifeEvent, departmentId: query.departmentId };
  const hits = rows.filter((r) => passes(r, filters)).sort((a, b) => score(b, terms) - score(a, terms) || a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  const page = hits.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);

  const lifeEventCounts = new Map<string, number>();
  const departmentCounts = new Map<string, number>();
  const audienceCounts = { person: 0, enterprise: 0 };
  for (const r of rows) {
    if (passes(r, filters, 'lifeEvent')) for (const code of r.life_events) lifeEventCounts.set(code, (lifeEventCounts.get(code) ?? 0) + 1);
    if (passes(r, filters, 'departmentId')) for (const id of r.department_ids) departmentCounts.set(id, (departmentCounts.get(id) ?? 0) + 1);
    if (passes(r, filters, 'audience')) {
      if (fitsAudience(r, 'person')) audienceCounts.person += 1;
      if (fitsAudience(r, 'enterprise')) audienceCounts.enterprise += 1;
    }
  }

  const items = await itemsById(db, page.map((r) => r.id));
  const implementations = (await implementationsOf(db, page.map((r) => r.id))).filter(
    (i) => i.is_active && (!regionCode || regionContains(i.region_code, regionCode) || regionContains(regionCode, i.region_code)),
  );
  const inForce = await versionsInForce(db, implementations.map((i) => i.id), at);
  const refs = await loadRefs(db, { departmentIds: [...departmentCounts.keys(), ...implementations.map((i) => i.department_id)], regionCodes: implementations.map((i) => i.region_code) });
  const departmentNames = new Map([...departmentCounts.keys()].map((id) => [id, refs.department(id).name]));
  const events = await knownLifeEvents(db);

  return {
    items: page.flatMap((r) => {
      const item = items.get(r.id);
      if (!item) return [];
      const offered: OfferedImplementation[] = implementations.flatMap((i) => {
        const v = i.service_item_id === r.id ? inForce.get(i.id) : undefined;
        if (!v) return [];
        const department = refs.department(i.department_id);
        const area = refs.region(i.region_code);
        return [{
          id: i.id,
          versionId: v.id,
          department: { id: department.id, name: department.name },
          region: { code: area.code, name: area.name },
          caseKind: v.case_kind,
          promisedLimit: { days: v.promised_limit_days, unit: v.promised_limit_unit, note: v.promised_limit_note },
          channels: v.channels as OfferedImplementation['channels'],
          visitsRequired: v.visits_required,
          isCharged: v.is_charged,
          allowsPledge: v.allows_pledge,
          allowsGaps: v.allows_gaps,
        }];
      });
      return [{
        id: item.id,
        basicCode: item.basic_code,
        name: item.name,
        type: item.type,
        audience: item.audience,
        lifeEvents: r.life_events,
        description: item.description,
        ...explain(item, r, terms, departmentNames),
        implementations: offered,
      }];
    }),
    total: hits.length,
    facets: {
      lifeEvents: events.filter((e) => lifeEventCounts.has(e.code)).map((e) => ({ code: e.code, name: { 'zh-CN': e.name_zh, 'en-US': e.name_en }, count: lifeEventCounts.get(e.code) ?? 0 })),
      departments: [...departmentCounts].map(([id, count]) => ({ id, name: refs.department(id).name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
      audiences: (['person', 'enterprise'] as const).map((audience) => ({ audience, count: audienceCounts[audience] })),
    },
    searchedFor: terms?.core ?? '',
  };
}
