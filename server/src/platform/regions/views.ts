import { regionAncestorCodes, type RegionView } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { regionNames, type RegionRow } from './repo';

/** Views of regions with their full names; ancestors' names come from the codes' own prefixes in one query. */
export async function toRegionViews(db: Queryable, rows: readonly RegionRow[]): Promise<RegionView[]> {
  const known = new Map(rows.map((r) => [r.code, r.name]));
  const missing = [...new Set(rows.flatMap((r) => regionAncestorCodes(r.code)))].filter((code) => !known.has(code));
  for (const [code, region] of await regionNames(db, missing)) known.set(code, region.name);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    fullName: [...regionAncestorCodes(r.code).map((code) => known.get(code) ?? ''), r.name].join(''),
    sort: r.sort,
    hasChildren: r.has_children,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** Siblings in their display order (sort, then code), each parent before its children, as a tree shows them. */
export function inTreeOrder(rows: readonly RegionRow[]): RegionRow[] {
  const codes = new Set(rows.map((r) => r.code));
  const children = new Map<string | null, RegionRow[]>();
  for (const row of rows) {
    const key = row.parent_code !== null && codes.has(row.parent_code) ? row.parent_code : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  const ordered: RegionRow[] = [];
  const visit = (parent: string | null) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push(row);
      visit(row.code);
    }
  };
  visit(null);
  return ordered;
}
