import { sql } from 'kysely';
import type { NewRow, Queryable, Row } from '../../kernel/db';

export function findRegion(db: Queryable, code: string): Promise<Row<'regions'> | undefined> {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export type RegionRow = Row<'regions'> & { has_children: boolean };

const hasChildren = sql<boolean>`exists (select 1 from regions c where c.parent_code = regions.code)`.as('has_children');

function withChildFlag(db: Queryable) {
  return db.selectFrom('regions').selectAll('regions').select(hasChildren);
}

export function findRegionRow(db: Queryable, code: string): Promise<RegionRow | undefined> {
  return withChildFlag(db).where('code', '=', code).executeTakeFirst();
}

/** Direct children of a region, or the top level (provinces) when parent is null. */
export function listChildren(db: Queryable, parentCode: string | null, limit: number): Promise<RegionRow[]> {
  const base = withChildFlag(db);
  const scoped = parentCode === null ? base.where('parent_code', 'is', null) : base.where('parent_code', '=', parentCode);
  return scoped.orderBy('sort').orderBy('code').limit(limit).execute();
}

/** Every region whose code starts with `prefix` (the whole subtree), optionally only some levels. */
export function listByPrefix(db: Queryable, prefix: string, options: { levels?: readonly string[]; limit: number }): Promise<RegionRow[]> {
  let q = withChildFlag(db).where('code', 'like', `${prefix}%`);
  if (options.levels) q = q.where('level', 'in', options.levels as Row<'regions'>['level'][]);
  return q.orderBy('code').limit(options.limit).execute();
}

export function searchRegions(db: Queryable, options: { text: string; level?: Row<'regions'>['level']; limit: number }): Promise<RegionRow[]> {
  const pattern = `%${escapeLike(options.text)}%`;
  let q = withChildFlag(db).where((eb) => eb.or([eb('name', 'like', pattern), eb('code', 'like', `${escapeLike(options.text)}%`)]));
  if (options.level) q = q.where('level', '=', options.level);
  return q.orderBy('code').limit(options.limit).execute();
}

export async function regionNames(db: Queryable, codes: readonly string[]): Promise<Map<string, Pick<Row<'regions'>, 'code' | 'name' | 'level'>>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('regions').select(['code', 'name', 'level']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function countChildren(db: Queryable, code: string): Promise<number> {
  const row = await db.selectFrom('regions').select((eb) => eb.fn.countAll<string>().as('n')).where('parent_code', '=', code).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function lockRegion(db: Queryable, code: string): Promise<Row<'regions'> | undefined> {
  return db.selectFrom('regions').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertRegions(db: Queryable, rows: NewRow<'regions'>[]): Promise<void> {
  // Chunks keep each statement well below PostgreSQL's 65535 bind parameters.
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('regions').values(rows.slice(i, i + 1000)).execute();
}

export async function updateRegion(db: Queryable, code: string, expectedVersion: number, changes: { name?: string; sort?: number }): Promise<boolean> {
  const result = await db
    .updateTable('regions')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('code', '=', code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRegion(db: Queryable, code: string): Promise<void> {
  await db.deleteFrom('regions').where('code', '=', code).execute();
}

/** Regions among `codes` that exist, with what an import compares. */
export async function regionsByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, Row<'regions'>>> {
  const map = new Map<string, Row<'regions'>>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db.selectFrom('regions').selectAll().where('code', 'in', unique.slice(i, i + 5000)).execute();
    for (const row of rows) map.set(row.code, row);
  }
  return map;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
