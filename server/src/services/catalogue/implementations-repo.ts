import { forgetVersions } from './version-cache';
import { sql } from 'kysely';
import type { NewRow, Queryable, Row } from '../../kernel/db';

export function findImplementation(db: Queryable, id: string): Promise<Row<'service_item_implementations'> | undefined> {
  return db.selectFrom('service_item_implementations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockImplementation(db: Queryable, id: string): Promise<Row<'service_item_implementations'> | undefined> {
  return db.selectFrom('service_item_implementations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function implementationsOf(db: Queryable, itemIds: readonly string[]): Promise<Row<'service_item_implementations'>[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_item_implementations')
    .selectAll()
    .where('service_item_id', 'in', [...new Set(itemIds)])
    .orderBy('region_code')
    .orderBy('implementation_code')
    .execute();
}

export async function countImplementations(db: Queryable, itemId: string): Promise<number> {
  const row = await db.selectFrom('service_item_implementations').select((eb) => eb.fn.countAll<string>().as('n')).where('service_item_id', '=', itemId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next free 2-digit serial of this department's implementations of the item. */
export async function nextSerial(db: Queryable, itemId: string, departmentId: string): Promise<number> {
  const row = await db
    .selectFrom('service_item_implementations')
    .select(sql<number>`coalesce(max(serial), 0) + 1`.as('n'))
    .where('service_item_id', '=', itemId)
    .where('department_id', '=', departmentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertImplementation(db: Queryable, row: NewRow<'service_item_implementations'>): Promise<void> {
  await db.insertInto('service_item_implementations').values(row).execute();
}

export async function updateImplementationRow(db: Queryable, id: string, expectedVersion: number, changes: { is_active?: boolean }): Promise<boolean> {
  forgetVersions();
  const result = await db
    .updateTable('service_item_implementations')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteImplementationRow(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('service_item_implementations').where('id', '=', id).execute();
}
