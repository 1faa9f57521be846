import crypto from 'node:crypto';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { Holder } from './holders';
import { findActiveAlias, insertAlias, insertAliasIfNoneActive, lockActiveAlias, markAliasRevoked, type AliasRow } from './repo';

// A holder's alias is what their codes carry instead of an ID number: 128 random bits that mean nothing outside the
// platform. One is active at a time; a reset (重置) revokes it, so every code already shown or photographed stops
// scanning at once, and makes a new one.

const newAliasValue = () => crypto.randomBytes(16).toString('hex');
const accountOf = (actor: Actor) => (actor.kind === 'account' ? actor.accountId : null);

function aliasRow(holder: Holder, actor: Actor) {
  return {
    id: newId(),
    alias: newAliasValue(),
    holder_kind: holder.kind,
    account_id: holder.kind === 'person' ? holder.accountId : null,
    enterprise_id: holder.kind === 'enterprise' ? holder.enterpriseId : null,
    created_by: accountOf(actor),
  };
}

function objectOf(holder: Holder) {
  return holder.kind === 'person' ? { objectType: 'person', objectId: holder.accountId } : { objectType: 'enterprise', objectId: holder.enterpriseId };
}

/** The holder's active alias, made (and audited) with their first code. */
export async function ensureAlias(kernel: Kernel, actor: Actor, holder: Holder): Promise<AliasRow> {
  const existing = await findActiveAlias(kernel.db, holder);
  if (existing) return existing;
  const row = aliasRow(holder, actor);
  await inTransaction(kernel.db, async (tx) => {
    // Two first codes at once (two tabs): the partial unique index keeps one alias, the other insert does nothing.
    if (await insertAliasIfNoneActive(tx, row)) {
      await audit(tx, actor, { action: 'identity-code.alias-create', ...objectOf(holder), detail: { aliasId: row.id, holderKind: holder.kind } });
    }
  });
  const active = await findActiveAlias(kernel.db, holder);
  if (!active) throw new Error('identity code alias was not stored');
  return active;
}

/** Revokes the holder's alias (if any) and makes a new one, in one transaction with its audit record and event. */
export async function resetAlias(kernel: Kernel, actor: Actor, holder: Holder): Promise<{ resetAt: Date }> {
  const at = new Date();
  const next = aliasRow(holder, actor);
  try {
    await inTransaction(kernel.db, async (tx) => {
      const current = await lockActiveAlias(tx, holder);
      if (current) await markAliasRevoked(tx, current.id, { by: accountOf(actor), at });
      await insertAlias(tx, next);
      await audit(tx, actor, { action: 'identity-code.reset', ...objectOf(holder), detail: { holderKind: holder.kind, revokedAliasId: current?.id ?? null, aliasId: next.id } });
      await emit(tx, 'identity-code.reset', { holderKind: holder.kind, holderId: objectOf(holder).objectId, revokedAliasId: current?.id ?? null, resetAt: at.toISOString() });
    });
  } catch (error) {
    // Two resets at the same moment: the first wins; the second's old alias is already gone, its new one collides.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { detail: 'identityCode.resetConflict' });
    throw error;
  }
  return { resetAt: at };
}
