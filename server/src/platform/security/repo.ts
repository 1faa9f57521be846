import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { OutboxEventQuery } from '@zhengtong/contracts';
import { OUTBOX_MAX_ATTEMPTS } from '../../kernel/outbox';
import type { DB, Queryable, Row } from '../../kernel/db';

// The settings key identity's readSecurityPolicy and writeSecurityPolicy use.
const POLICY_KEY = 'security.policy';

/** When and by whom the policy was last saved, with a version token exact to the microsecond. */
export function findPolicyMeta(db: Queryable) {
  return db
    .selectFrom('settings')
    .select(['updated_at', 'updated_by', sql<string>`(extract(epoch from updated_at) * 1000000)::bigint::text`.as('version')])
    .where('key', '=', POLICY_KEY)
    .executeTakeFirst();
}

export type OutboxFilter = Pick<OutboxEventQuery, 'topic' | 'status'>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(eb: ExpressionBuilder<DB, 'outbox_events'>, f: OutboxFilter & { beforeId?: string }): Expression<SqlBool>[] {
  const all: Expression<SqlBool>[] = [];
  if (f.topic) all.push(f.topic.endsWith('.') ? eb('topic', 'like', `${escapeLike(f.topic)}%`) : eb('topic', '=', f.topic));
  switch (f.status) {
    case undefined:
      break;
    case 'pending':
      all.push(eb('processed_at', 'is', null), eb('attempts', '<', OUTBOX_MAX_ATTEMPTS));
      break;
    case 'processed':
      all.push(eb('processed_at', 'is not', null));
      break;
    case 'failed':
      all.push(eb('processed_at', 'is', null), eb('attempts', '>=', OUTBOX_MAX_ATTEMPTS));
      break;
    default: {
      const unreachable: never = f.status;
      throw new Error(`unknown outbox status ${String(unreachable)}`);
    }
  }
  if (f.beforeId) all.push(eb('id', '<', f.beforeId));
  return all;
}

export function findOutboxEvents(db: Queryable, filter: OutboxFilter, page: { beforeId?: string; limit: number }): Promise<Row<'outbox_events'>[]> {
  return db
    .selectFrom('outbox_events')
    .selectAll()
    .where((eb) => eb.and(conditions(eb, { ...filter, beforeId: page.beforeId })))
    .orderBy('id', 'desc')
    .limit(page.limit)
    .execute();
}

export async function countOutboxEvents(db: Queryable, filter: OutboxFilter, cap: number): Promise<number> {
  const matching = db
    .selectFrom('outbox_events')
    .select('id')
    .where((eb) => eb.and(conditions(eb, filter)))
    .limit(cap);
  const row = await db.selectFrom(matching.as('m')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
