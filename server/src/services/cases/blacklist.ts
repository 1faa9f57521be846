import type { CreditBlacklistInput, CreditBlacklistView } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { requirePermission } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, isUniqueViolation } from '../../kernel/errors';
import type { Row } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { maskIdNumber } from '../../kernel/masking';
import { protect, reveal } from '../../platform/identity';
import type { CasesContext } from './context';
import { findBlacklistEntry, insertBlacklistEntry, listBlacklist, removeBlacklistEntry } from './repo';

// The serious-dishonesty list that bars 告知承诺 (REFERENCES.md). A stop-gap kept by hand until the credit domain
// (governance) shares its list; then `isBlacklisted` reads that instead and this table and its routes go.

function view(ctx: CasesContext, row: Row<'credit_blacklist'>): CreditBlacklistView {
  const code = row.id_number_enc ? maskIdNumber(reveal(ctx.kernel.keys, 'idNumber', row.id_number_enc)) : (row.credit_code ?? '');
  return { id: row.id, subjectType: row.subject_type, name: row.name, subjectCode: code, reason: row.reason, source: row.source, expiresOn: row.expires_on, createdAt: row.created_at.toISOString() };
}

export async function listCreditBlacklist(ctx: CasesContext, { actor, page, pageSize }: { actor: Actor; page: number; pageSize: number }): Promise<{ items: CreditBlacklistView[]; total: number }> {
  requirePermission(actor, 'credit-blacklist.manage');
  const { rows, total } = await listBlacklist(ctx.kernel.db, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map((r) => view(ctx, r)), total };
}

export async function addToCreditBlacklist(ctx: CasesContext, { actor, input }: { actor: Actor; input: CreditBlacklistInput }): Promise<CreditBlacklistView> {
  requirePermission(actor, 'credit-blacklist.manage');
  const id = newId();
  const person = input.subjectType === 'person' && input.idNumber ? protect(ctx.kernel.keys, 'idNumber', input.idNumber) : undefined;
  try {
    await inTransaction(ctx.kernel.db, async (tx) => {
      await insertBlacklistEntry(tx, {
        id,
        subject_type: input.subjectType,
        id_number_idx: person?.idx ?? null,
        id_number_enc: person?.enc ?? null,
        credit_code: input.subjectType === 'enterprise' ? (input.creditCode ?? null) : null,
        name: input.name,
        reason: input.reason,
        source: input.source,
        expires_on: input.expiresOn,
        created_by: actor.kind === 'account' ? actor.accountId : null,
      });
      await audit(tx, actor, { action: 'credit-blacklist.add', objectType: 'credit_blacklist', objectId: id, detail: { subjectType: input.subjectType, source: input.source } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: input.subjectType === 'person' ? 'idNumber' : 'creditCode', code: 'cases.blacklistDuplicate' }] });
    throw error;
  }
  const created = await findBlacklistEntry(ctx.kernel.db, id);
  if (!created) throw new AppError('NOT_FOUND');
  return view(ctx, created);
}

export async function removeFromCreditBlacklist(ctx: CasesContext, { actor, id }: { actor: Actor; id: string }): Promise<void> {
  requirePermission(actor, 'credit-blacklist.manage');
  await inTransaction(ctx.kernel.db, async (tx) => {
    const removed = await removeBlacklistEntry(tx, id, actor.kind === 'account' ? actor.accountId : null);
    if (!removed) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'credit-blacklist.remove', objectType: 'credit_blacklist', objectId: id });
  });
}
