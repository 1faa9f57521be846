import { sql } from 'kysely';
import type { NewRow, Queryable, Row } from '../../kernel/db';

export function listPositionRows(db: Queryable, departmentIds: readonly string[]): Promise<Row<'positions'>[]> {
  if (departmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('positions').selectAll().where('department_id', 'in', [...departmentIds]).orderBy('sort').orderBy('name').execute();
}

export function lockPosition(db: Queryable, departmentId: string, positionId: string): Promise<Row<'positions'> | undefined> {
  return db.selectFrom('positions').selectAll().where('id', '=', positionId).where('department_id', '=', departmentId).forUpdate().executeTakeFirst();
}

export function findPositionByName(db: Queryable, departmentId: string, name: string): Promise<Row<'positions'> | undefined> {
  return db.selectFrom('positions').selectAll().where('department_id', '=', departmentId).where('name', '=', name).executeTakeFirst();
}

export async function insertPositions(db: Queryable, rows: NewRow<'positions'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('positions').values(rows.slice(i, i + 1000)).execute();
}

export async function updatePositionRow(db: Queryable, id: string, expectedVersion: number, changes: { name?: string; sort?: number }): Promise<boolean> {
  const result = await db
    .updateTable('positions')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePositionRow(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('positions').where('id', '=', id).execute();
}
