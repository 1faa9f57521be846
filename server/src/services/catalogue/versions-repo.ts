import { forgetVersions } from './version-cache';
import { sql } from 'kysely';
import type { NewRow, Queryable, Row, RowUpdate } from '../../kernel/db';
import { newId } from '../../kernel/ids';

export type VersionRow = Row<'service_item_versions'>;

export function findVersion(db: Queryable, id: string): Promise<VersionRow | undefined> {
  return db.selectFrom('service_item_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockVersion(db: Queryable, id: string): Promise<VersionRow | undefined> {
  return db.selectFrom('service_item_versions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function versionsOfImplementation(db: Queryable, implementationId: string): Promise<VersionRow[]> {
  return db.selectFrom('service_item_versions').selectAll().where('implementation_id', '=', implementationId).orderBy('version', 'desc').execute();
}

export function latestVersion(db: Queryable, implementationId: string): Promise<VersionRow | undefined> {
  return db.selectFrom('service_item_versions').selectAll().where('implementation_id', '=', implementationId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The published version in force at `at` for each implementation given (at most one each, by the database's rules). */
export async function versionsInForce(db: Queryable, implementationIds: readonly string[], at: Date): Promise<Map<string, VersionRow>> {
  const map = new Map<string, VersionRow>();
  if (implementationIds.length === 0) return map;
  const rows = await db
    .selectFrom('service_item_versions')
    .selectAll()
    .where('implementation_id', 'in', [...new Set(implementationIds)])
    .where('status', '=', 'published')
    .where('effective_from', '<=', at)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', at)]))
    .execute();
  for (const row of rows) map.set(row.implementation_id, row);
  return map;
}

/** Short summaries of every version of the implementations given, newest first. */
export function versionSummaries(db: Queryable, implementationIds: readonly string[]) {
  if (implementationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_item_versions')
    .select(['id', 'implementation_id', 'version', 'status', 'effective_from', 'effective_to'])
    .where('implementation_id', 'in', [...new Set(implementationIds)])
    .orderBy('version', 'desc')
    .execute();
}

export async function insertVersion(db: Queryable, row: NewRow<'service_item_versions'>): Promise<void> {
  await db.insertInto('service_item_versions').values(row).execute();
}

export async function updateVersionRow(db: Queryable, id: string, expectedRevision: number, changes: RowUpdate<'service_item_versions'>): Promise<boolean> {
  forgetVersions(id);
  const result = await db
    .updateTable('service_item_versions')
    .set({ ...changes, revision: sql<number>`revision + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteVersionRow(db: Queryable, id: string): Promise<void> {
  forgetVersions(id);
  await db.deleteFrom('service_item_versions').where('id', '=', id).execute();
}

export async function countPublishedEver(db: Queryable, implementationId: string): Promise<number> {
  const row = await db
    .selectFrom('service_item_versions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('implementation_id', '=', implementationId)
    .where('status', 'in', ['published', 'retired'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function appendAction(db: Queryable, row: Omit<NewRow<'service_item_version_actions'>, 'id'>): Promise<void> {
  await db.insertInto('service_item_version_actions').values({ id: newId(), ...row }).execute();
}

export function actionsOf(db: Queryable, versionId: string): Promise<Row<'service_item_version_actions'>[]> {
  return db.selectFrom('service_item_version_actions').selectAll().where('version_id', '=', versionId).orderBy('at').orderBy('id').execute();
}

/** Published versions whose end has passed: their successor is in force now (or they were ended by retirement). */
export function dueForSupersede(db: Queryable, now: Date, limit: number): Promise<VersionRow[]> {
  return db
    .selectFrom('service_item_versions')
    .selectAll()
    .where('status', '=', 'published')
    .where('effective_to', '<=', now)
    .orderBy('effective_to')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export type VersionListFilter = {
  regionPrefix: string;
  status?: VersionRow['status'];
  implementationId?: string;
  departmentId?: string;
};

export async function listVersionRows(db: Queryable, filter: VersionListFilter, page: { limit: number; offset: number }) {
  let q = db
    .selectFrom('service_item_versions as v')
    .innerJoin('service_item_implementations as i', 'i.id', 'v.implementation_id')
    .innerJoin('service_items as s', 's.id', 'i.service_item_id')
    .select([
      'v.id',
      'v.implementation_id',
      'v.version',
      'v.status',
      'v.effective_from',
      'v.effective_to',
      'v.change_note',
      'v.submitted_at',
      'v.updated_at',
      'i.implementation_code',
      'i.department_id',
      'i.region_code',
      's.id as service_item_id',
      's.name as service_item_name',
    ])
    .where('i.region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.status) q = q.where('v.status', '=', filter.status);
  if (filter.implementationId) q = q.where('v.implementation_id', '=', filter.implementationId);
  if (filter.departmentId) q = q.where('i.department_id', '=', filter.departmentId);
  const count = await db.selectFrom(q.as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  // The review queue shows the longest-waiting submissions first; other lists the most recently changed.
  const ordered = filter.status === 'review' ? q.orderBy('v.submitted_at', 'asc') : q.orderBy('v.updated_at', 'desc');
  const rows = await ordered.orderBy('v.id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(count.n) };
}
