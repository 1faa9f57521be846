import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { AuditFilter } from '@zhengtong/contracts';
import type { DB, Queryable, Row } from '../../kernel/db';

export type AuditRow = Row<'audit_log'>;

/** Escapes LIKE wildcards so a filter value is matched literally (backslash is PostgreSQL's default escape). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Where in the id order to look: below `beforeId` (paging), up to `upToId` (an export's snapshot), within a time range. */
export type IdBounds = { beforeId?: string; upToId?: string; fromId?: string; toId?: string };

/**
 * The ids a time range covers, found through the index on `at`; undefined when no record can be in it. The writer
 * takes id and time under one lock from the database clock, so `at` never decreases as `id` grows; with these
 * bounds a page of an old time range is read from its place in the primary key instead of scanning everything newer.
 */
export async function idRangeOf(db: Queryable, filter: Pick<AuditFilter, 'from' | 'to'>): Promise<{ fromId?: string; toId?: string } | undefined> {
  const range: { fromId?: string; toId?: string } = {};
  if (filter.from) {
    const first = await db.selectFrom('audit_log').select('id').where('at', '>=', new Date(filter.from)).orderBy('at').orderBy('id').limit(1).executeTakeFirst();
    if (!first) return undefined;
    range.fromId = first.id;
  }
  if (filter.to) {
    const last = await db.selectFrom('audit_log').select('id').where('at', '<', new Date(filter.to)).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!last) return undefined;
    range.toId = last.id;
  }
  return range;
}

function conditions(eb: ExpressionBuilder<DB, 'audit_log'>, f: AuditFilter & IdBounds): Expression<SqlBool>[] {
  const all: Expression<SqlBool>[] = [];
  if (f.from) all.push(eb('at', '>=', new Date(f.from)));
  if (f.to) all.push(eb('at', '<', new Date(f.to)));
  if (f.actorId) all.push(eb('actor_id', '=', f.actorId));
  if (f.actorName) all.push(eb('actor_name', 'like', `${escapeLike(f.actorName)}%`));
  if (f.action) {
    const action = f.action;
    all.push(
      action.endsWith('.')
        ? eb('action', 'like', `${escapeLike(action)}%`)
        : eb.or([eb('action', '=', action), eb('action', 'like', `${escapeLike(action)}.%`)]),
    );
  }
  if (f.objectType) all.push(eb('object_type', '=', f.objectType));
  if (f.objectId) all.push(eb('object_id', '=', f.objectId));
  if (f.result) all.push(eb('result', '=', f.result));
  if (f.ip) all.push(eb('ip', '=', f.ip));
  if (f.requestId) all.push(eb('request_id', '=', f.requestId));
  if (f.beforeId) all.push(eb('id', '<', f.beforeId));
  if (f.upToId) all.push(eb('id', '<=', f.upToId));
  if (f.fromId) all.push(eb('id', '>=', f.fromId));
  if (f.toId) all.push(eb('id', '<=', f.toId));
  return all;
}

/** Matching records newest first within the bounds. */
export function findRecords(db: Queryable, filter: AuditFilter, bounds: IdBounds, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.and(conditions(eb, { ...filter, ...bounds })))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** How many records match, counting no further than `cap` (an exact count of a huge trail is a full scan). */
export async function countRecords(db: Queryable, filter: AuditFilter, bounds: IdBounds, cap: number): Promise<number> {
  const matching = db
    .selectFrom('audit_log')
    .select('id')
    .where((eb) => eb.and(conditions(eb, { ...filter, ...bounds })))
    .limit(cap);
  const row = await db
    .selectFrom(matching.as('m'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findRecord(db: Queryable, id: string): Promise<AuditRow | undefined> {
  return db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest record id now, so an export is a snapshot that does not grow while it streams. */
export async function headId(db: Queryable): Promise<string> {
  const row = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? '0';
}

/** Uses of one person's data by anyone but that person, newest first. */
export function personAccessQuery(db: Queryable, personAccountId: string) {
  return db
    .selectFrom('audit_log')
    .where('object_type', '=', 'person')
    .where('object_id', '=', personAccountId)
    .where((eb) => eb.or([eb('actor_id', 'is', null), eb('actor_id', '<>', personAccountId)]));
}
