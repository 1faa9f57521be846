import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { DB, Queryable } from '../db';
import type { Actor } from '../authz';
import { chainHash, GENESIS_HASH } from './chain';

export type AuditEntry = {
  action: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'denied' | 'failure';
  detail?: Record<string, unknown>;
};

// Appending to the chain takes this lock until commit, so the chain has one head at a time.
export const AUDIT_CHAIN_LOCK = 774_202;
const INSERT_CHUNK = 1000;

/** A record waiting for its place in the chain: everything but id, time and hashes. */
type PendingRecord = {
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: NonNullable<AuditEntry['result']>;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
};

// Records of transactions opened with `inTransaction`, chained just before commit.
const pendingByTransaction = new WeakMap<Queryable, PendingRecord[]>();

function describeActor(actor: Actor): { id: string | null; name: string | null; role: string | null } {
  switch (actor.kind) {
    case 'account':
      return { id: actor.accountId, name: actor.displayName, role: actor.roles.join(',') || actor.accountType };
    case 'system':
      return { id: null, name: actor.name, role: 'system' };
    case 'anonymous':
      return { id: null, name: null, role: 'anonymous' };
  }
}

function pendingRecord(actor: Actor, entry: AuditEntry): PendingRecord {
  const who = describeActor(actor);
  return {
    actorId: who.id,
    actorName: who.name,
    actorRole: who.role,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result ?? 'success',
    ip: actor.context.ip,
    requestId: actor.context.requestId,
    // Round-trip through JSON so the hash covers exactly what jsonb will store.
    detail: JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>,
  };
}

/** Puts records at the head of the chain: lock and read the head (one call), hash, insert — two round trips. */
async function appendToChain(tx: Queryable, records: readonly PendingRecord[]): Promise<void> {
  // audit_chain_head (migration 0014) takes the lock, then reads the head in a statement of its own, so it sees the
  // previous holder's commit. The time comes from the database clock, taken under the lock: one clock for every
  // server process (等保2.0 asks for reliable audit timestamps), and `at` never decreases as `id` grows, so a time
  // range is an id range.
  const { rows } = await sql<{ head: string | null; ids: string[]; at: Date }>`select * from audit_chain_head(${AUDIT_CHAIN_LOCK}, ${records.length})`.execute(tx);
  const first = rows[0];
  if (!first || first.ids.length !== records.length) throw new Error('audit_log sequence returned nothing');
  let prevHash = first.head ?? GENESIS_HASH;
  const values = records.map((record, index) => {
    const id = first.ids[index] as string;
    const hash = chainHash(prevHash, { id, at: first.at, ...record });
    const row = {
      id,
      at: first.at,
      actor_id: record.actorId,
      actor_name: record.actorName,
      actor_role: record.actorRole,
      action: record.action,
      object_type: record.objectType,
      object_id: record.objectId,
      result: record.result,
      ip: record.ip,
      request_id: record.requestId,
      detail: JSON.stringify(record.detail),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // A few per transaction as a rule; chunked so a bulk operation stays under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < values.length; i += INSERT_CHUNK) await tx.insertInto('audit_log').values(values.slice(i, i + INSERT_CHUNK)).execute();
}

/**
 * Records one audit entry with the transaction that makes the change, so the record exists exactly when the change
 * does. In a transaction opened with `inTransaction` the entry joins the chain just before commit (the chain lock is
 * then held for a moment, not for the whole transaction); in any other transaction it is chained at once.
 */
export async function audit(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  const record = pendingRecord(actor, entry);
  const pending = pendingByTransaction.get(tx);
  if (pending) pending.push(record);
  else await appendToChain(tx, [record]);
}

/**
 * Runs `work` in a transaction and chains its audit records at the end, in the order they were made. Use it for
 * every transaction that changes state: the chain lock is the last lock such a transaction takes, so it is held
 * only while the records are written and the transaction commits.
 */
export function inTransaction<T>(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const pending: PendingRecord[] = [];
    pendingByTransaction.set(tx, pending);
    try {
      const result = await work(tx);
      if (pending.length > 0) await appendToChain(tx, pending.splice(0));
      return result;
    } finally {
      pendingByTransaction.delete(tx);
    }
  });
}
