import type { Queryable, Row } from '../../kernel/db';

export function findRegion(db: Queryable, code: string): Promise<Row<'regions'> | undefined> {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}
