import { sql } from 'kysely';
import type { NewRow, Queryable, Row, RowUpdate } from '../../kernel/db';
import type { OrgNode } from './hierarchy';

export function findDepartment(db: Queryable, id: string): Promise<Row<'departments'> | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPosition(db: Queryable, id: string): Promise<Row<'positions'> | undefined> {
  return db.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
}

function departmentRows(db: Queryable) {
  return db
    .selectFrom('departments as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .leftJoin('departments as p', 'p.id', 'd.parent_id')
    .selectAll('d')
    .select([
      'r.name as region_name',
      'r.level as region_level',
      'p.name as parent_name',
      sql<string>`(select count(*) from departments c where c.parent_id = d.id)`.as('child_count'),
      sql<string>`(select count(*) from positions ps where ps.department_id = d.id)`.as('position_count'),
    ]);
}

export type DepartmentRow = Awaited<ReturnType<ReturnType<typeof departmentRows>['executeTakeFirstOrThrow']>>;

export function findDepartmentRow(db: Queryable, id: string): Promise<DepartmentRow | undefined> {
  return departmentRows(db).where('d.id', '=', id).executeTakeFirst();
}

export type DepartmentFilter = {
  /** Region code prefix (a subtree) or an exact region code. */
  region?: { prefix: string } | { exact: string };
  text?: string;
  isActive?: boolean;
  parentId?: string;
};

function filtered(db: Queryable, filter: DepartmentFilter) {
  let q = departmentRows(db);
  const region = filter.region;
  if (region && 'prefix' in region) q = q.where('d.region_code', 'like', `${region.prefix}%`);
  if (region && 'exact' in region) q = q.where('d.region_code', '=', region.exact);
  if (filter.isActive !== undefined) q = q.where('d.is_active', '=', filter.isActive);
  if (filter.parentId) q = q.where('d.parent_id', '=', filter.parentId);
  const text = filter.text;
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    q = q.where((eb) => eb.or([eb('d.name', 'like', pattern), eb('d.short_name', 'like', pattern), eb('d.credit_code', '=', text.toUpperCase())]));
  }
  return q;
}

export async function listDepartmentRows(db: Queryable, filter: DepartmentFilter, page: { limit: number; offset: number }): Promise<{ rows: DepartmentRow[]; total: number }> {
  const base = filtered(db, filter);
  const count = await db.selectFrom(base.as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.orderBy('d.region_code').orderBy('d.sort').orderBy('d.name').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(count.n) };
}

export function listDepartmentOptions(db: Queryable, options: { prefix: string; includeInactive: boolean; limit: number }) {
  let q = db
    .selectFrom('departments')
    .select(['id', 'name', 'short_name', 'parent_id', 'region_code', 'is_active'])
    .where('region_code', 'like', `${options.prefix}%`);
  if (!options.includeInactive) q = q.where('is_active', '=', true);
  return q.orderBy('region_code').orderBy('sort').orderBy('name').limit(options.limit).execute();
}

/** Everything an import compares against: every department in a subtree of regions (all when prefix is ''). */
export function listDepartmentsForSheet(db: Queryable, prefix: string) {
  return db.selectFrom('departments').selectAll().where('region_code', 'like', `${prefix}%`).orderBy('region_code').orderBy('sort').orderBy('name').execute();
}

export function findByCreditCode(db: Queryable, creditCode: string): Promise<Row<'departments'> | undefined> {
  return db.selectFrom('departments').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
}

export function findByName(db: Queryable, regionCode: string, name: string): Promise<Row<'departments'> | undefined> {
  return db.selectFrom('departments').selectAll().where('region_code', '=', regionCode).where('name', '=', name).executeTakeFirst();
}

export function lockDepartment(db: Queryable, id: string): Promise<Row<'departments'> | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertDepartments(db: Queryable, rows: NewRow<'departments'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('departments').values(rows.slice(i, i + 500)).execute();
}

/** Applies changes only if the row still has `expectedVersion`; false when someone else changed it first. */
export async function updateDepartmentRow(db: Queryable, id: string, expectedVersion: number, changes: RowUpdate<'departments'>): Promise<boolean> {
  const result = await db
    .updateTable('departments')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDepartmentRow(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('positions').where('department_id', '=', id).execute();
  await db.deleteFrom('departments').where('id', '=', id).execute();
}

/** A department and every department above it, nearest first, as the tree rules see them. */
export async function selfAndAncestors(db: Queryable, id: string): Promise<OrgNode[]> {
  const { rows } = await sql<{ id: string; parent_id: string | null; region_code: string; is_active: boolean }>`
    with recursive up (id, parent_id, region_code, is_active, depth) as (
      select id, parent_id, region_code, is_active, 0 from departments where id = ${id}
      union all
      select d.id, d.parent_id, d.region_code, d.is_active, up.depth + 1
      from departments d join up on d.id = up.parent_id
      where up.depth < 100
    )
    select id, parent_id, region_code, is_active from up order by depth`.execute(db);
  return rows.map(toNode);
}

export async function childrenOf(db: Queryable, id: string): Promise<OrgNode[]> {
  const rows = await db.selectFrom('departments').select(['id', 'parent_id', 'region_code', 'is_active']).where('parent_id', '=', id).execute();
  return rows.map(toNode);
}

export function toNode(row: { id: string; parent_id: string | null; region_code: string; is_active: boolean }): OrgNode {
  return { id: row.id, parentId: row.parent_id, regionCode: row.region_code, isActive: row.is_active };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
