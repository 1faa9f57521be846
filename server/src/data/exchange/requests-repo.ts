import { sql } from 'kysely';
import type { Queryable } from '../../kernel/db';
import { tables, type ExchangeRow, type NewExchangeRow } from './tables';

// SQL of share requests and their history. Department names come from the platform's departments table by join
// (names only), as the other domains' repos do.

export type RequestRow = ExchangeRow<'share_requests'> & { consumer_name: string; provider_name: string; grant_id: string | null };

export function requestsWithNames(db: Queryable) {
  return tables(db)
    .selectFrom('share_requests as r')
    .innerJoin('departments as c', 'c.id', 'r.consumer_department_id')
    .innerJoin('departments as p', 'p.id', 'r.provider_department_id')
    .leftJoin('exchange_grants as g', 'g.request_id', 'r.id')
    .selectAll('r')
    .select(['c.name as consumer_name', 'p.name as provider_name', 'g.id as grant_id']);
}

export async function findRequest(db: Queryable, id: string): Promise<RequestRow | undefined> {
  return requestsWithNames(db).where('r.id', '=', id).executeTakeFirst();
}

/** The row under a lock until the transaction ends: two reviewers of one request act one after the other. */
export async function lockRequest(db: Queryable, id: string): Promise<ExchangeRow<'share_requests'> | undefined> {
  return tables(db).selectFrom('share_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function nextNumber(db: Queryable, prefix: 'GX' | 'XQ', year: string): Promise<string> {
  const sequence = prefix === 'GX' ? sql.raw('share_request_number_seq') : sql.raw('share_demand_number_seq');
  const { rows } = await sql<{ n: string }>`select nextval('${sequence}')::text as n`.execute(db);
  return `${prefix}${year}${(rows[0]?.n ?? '0').padStart(6, '0')}`;
}

export async function insertRequest(db: Queryable, row: NewExchangeRow<'share_requests'>): Promise<void> {
  await tables(db).insertInto('share_requests').values(row).execute();
}

export async function appendAction(
  db: Queryable,
  row: Omit<NewExchangeRow<'share_request_actions'>, 'seq'>,
): Promise<void> {
  await tables(db)
    .insertInto('share_request_actions')
    .values({
      ...row,
      seq: sql<number>`(select coalesce(max(seq), 0) + 1 from share_request_actions where request_id = ${row.request_id})`,
    })
    .execute();
}

export async function listActions(db: Queryable, requestId: string) {
  return tables(db)
    .selectFrom('share_request_actions as a')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select('d.name as department_name')
    .where('a.request_id', '=', requestId)
    .orderBy('a.seq')
    .execute();
}
