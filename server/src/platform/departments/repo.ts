import type { Queryable, Row } from '../../kernel/db';

export function findDepartment(db: Queryable, id: string): Promise<Row<'departments'> | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPosition(db: Queryable, id: string): Promise<Row<'positions'> | undefined> {
  return db.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
}
