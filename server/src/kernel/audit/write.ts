import { sql } from 'kysely';
import type { Queryable } from '../db';
import type { Actor } from '../authz';
import { chainHash, GENESIS_HASH } from './chain';

export type AuditEntry = {
  action: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'denied' | 'failure';
  detail?: Record<string, unknown>;
};

// All writers take this lock for the rest of their transaction, so the chain has one head at a time.
const AUDIT_CHAIN_LOCK = 774_202;

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

/**
 * Appends one record to the audit chain. Call it with the transaction that makes the change, so the record
 * exists exactly when the change does. Outside a transaction, use `auditNow`.
 */
export async function audit(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const head = await tx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = head?.hash ?? GENESIS_HASH;
  // The time comes from the database clock, taken under the chain lock: one clock for every server process
  // (等保2.0 asks for reliable audit timestamps), and `at` never decreases as `id` grows, so a time range is an id range.
  const { rows } = await sql<{ id: string; at: Date }>`select nextval('audit_log_id_seq')::text as id, clock_timestamp() as at`.execute(tx);
  const id = rows[0]?.id;
  const at = rows[0]?.at;
  if (!id || !at) throw new Error('audit_log sequence returned nothing');
  const who = describeActor(actor);
  // Round-trip through JSON so the hash covers exactly what jsonb will store.
  const detail = JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>;
  const fields = {
    id,
    at,
    actorId: who.id,
    actorName: who.name,
    actorRole: who.role,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result ?? 'success',
    ip: actor.context.ip,
    requestId: actor.context.requestId,
    detail,
  };
  await tx
    .insertInto('audit_log')
    .values({
      id,
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      actor_role: fields.actorRole,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      result: fields.result,
      ip: fields.ip,
      request_id: fields.requestId,
      detail: JSON.stringify(detail),
      prev_hash: prevHash,
      hash: chainHash(prevHash, fields),
    })
    .execute();
}
