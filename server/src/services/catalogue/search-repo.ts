import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../kernel/db';
import type { SearchTerms } from './search-text';

/** An item on offer, with what search filtering and faceting need. */
export type OfferedItemRow = {
  id: string;
  name: string;
  sort: number;
  audience: 'person' | 'enterprise' | 'both';
  rank: number;
  gram_hits: number;
  life_events: string[];
  department_ids: string[];
};

export type OfferFilter = {
  at: Date;
  /** Implementations serving this region: at or above it (ancestor codes) or below it (code prefix). */
  region?: { chain: string[]; prefix: string };
};

// Match ranks: the order the portal promises (exact name > alias > keyword > partial), bigram share breaking ties.
// A word the query contains ("办营业执照" ⊃ 营业执照) counts nearly as much as the exact word; a query that is only part
// of a word (执照 ⊂ 营业执照) is a partial match, the name's parts first.
export const RANK = {
  name: 1000,
  aliasExact: 900,
  aliasInQuery: 850,
  keywordExact: 700,
  keywordInQuery: 650,
  namePart: 500,
  aliasPart: 480,
  keywordPart: 460,
  department: 300,
} as const;

function rankOf(terms: SearchTerms | undefined, departmentIds: readonly string[]): RawBuilder<number> {
  if (!terms) return sql<number>`0`;
  const words = [terms.whole, terms.core];
  const department = departmentIds.length === 0
    ? sql`false`
    : sql`exists (select 1 from service_item_implementations d where d.service_item_id = s.id and d.department_id = any(${[...departmentIds]}::uuid[]))`;
  return sql<number>`case
    when s.search_name = any(${words}::text[]) then ${RANK.name}
    when s.search_aliases && ${words}::text[] then ${RANK.aliasExact}
    when exists (select 1 from unnest(s.search_aliases) a where strpos(${terms.whole}, a) > 0) then ${RANK.aliasInQuery}
    when s.search_keywords && ${words}::text[] then ${RANK.keywordExact}
    when exists (select 1 from unnest(s.search_keywords) k where strpos(${terms.whole}, k) > 0) then ${RANK.keywordInQuery}
    when strpos(s.search_name, ${terms.core}) > 0 or strpos(${terms.whole}, s.search_name) > 0 then ${RANK.namePart}
    when exists (select 1 from unnest(s.search_aliases) a where strpos(a, ${terms.core}) > 0) then ${RANK.aliasPart}
    when exists (select 1 from unnest(s.search_keywords) k where strpos(k, ${terms.core}) > 0) then ${RANK.keywordPart}
    when ${department} then ${RANK.department}
    else 0 end`;
}

function gramHitsOf(terms: SearchTerms | undefined): RawBuilder<number> {
  if (!terms || terms.grams.length === 0) return sql<number>`0`;
  return sql<number>`(select count(*) from unnest(${terms.grams}::text[]) g where strpos(s.search_text, g) > 0)`;
}

/**
 * Every item with an implementation in force (and in the region asked for) that matches the query, with its rank.
 * A city's catalogue holds a few thousand items at most, so filters and facets are applied to this list in memory.
 */
export async function offeredItems(db: Queryable, terms: SearchTerms | undefined, departmentIds: readonly string[], filter: OfferFilter): Promise<OfferedItemRow[]> {
  const region = filter.region
    ? sql`and (i.region_code = any(${filter.region.chain}::text[]) or i.region_code like ${`${filter.region.prefix}%`})`
    : sql``;
  const rank = rankOf(terms, departmentIds);
  const gramHits = gramHitsOf(terms);
  const matches = terms ? sql`where m.rank > 0 or m.gram_hits >= ${terms.minGrams}` : sql``;
  const result = await sql<OfferedItemRow>`
    with offer as (
      select i.service_item_id, array_agg(distinct i.department_id::text) as department_ids
      from service_item_implementations i
      join service_item_versions v on v.implementation_id = i.id and v.status = 'published'
        and v.effective_from <= ${filter.at} and (v.effective_to is null or v.effective_to > ${filter.at})
      where i.is_active ${region}
      group by i.service_item_id
    ), m as (
      select s.id, s.name, s.sort, s.audience, ${rank} as rank, ${gramHits} as gram_hits, o.department_ids,
        coalesce((select array_agg(x.life_event_code order by x.life_event_code) from service_item_life_events x where x.service_item_id = s.id), '{}') as life_events
      from service_items s join offer o on o.service_item_id = s.id
    )
    select m.id, m.name, m.sort, m.audience, m.rank::int as rank, m.gram_hits::int as gram_hits, m.life_events, m.department_ids
    from m ${matches}`.execute(db);
  return result.rows;
}
