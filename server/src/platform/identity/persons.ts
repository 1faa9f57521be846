import type { PersonView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { hasPermission, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { maskIdNumber, maskName, maskPhone } from '../../kernel/masking';
import type { Queryable, Row } from '../../kernel/db';
import { lookupIndex, reveal } from './personal-data';

function view(kernel: Kernel, row: Row<'persons'>, isMasked: boolean): PersonView {
  const idNumber = reveal(kernel.keys, 'idNumber', row.id_number_enc);
  const phone = row.phone_enc ? reveal(kernel.keys, 'phone', row.phone_enc) : null;
  return {
    accountId: row.account_id,
    name: isMasked ? maskName(row.name) : row.name,
    idNumber: isMasked ? maskIdNumber(idNumber) : idNumber,
    phone: phone && isMasked ? maskPhone(phone) : phone,
    gender: row.gender,
    birthDate: isMasked ? null : row.birth_date,
    regionCode: row.region_code,
    isMasked,
  };
}

/**
 * A person's real-name data. Masked by default for everyone; unmasking needs `person.unmask` (or being the
 * person) and, like every read of personal data, leaves an audit record naming who read it and why.
 */
export async function readPerson(
  kernel: Kernel,
  { actor, accountId, unmask, purpose }: { actor: Actor; accountId: string; unmask: boolean; purpose?: string },
): Promise<PersonView> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const isSelf = actor.kind === 'account' && actor.accountId === accountId;
  if (!isSelf) requirePermission(actor, 'person.read');
  if (unmask && !isSelf && !hasPermission(actor, 'person.unmask')) throw new AppError('FORBIDDEN');
  const row = await kernel.db.selectFrom('persons').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await inTransaction(kernel.db, (tx) =>
    audit(tx, actor, { action: unmask ? 'person.unmask' : 'person.read', objectType: 'person', objectId: accountId, detail: { purpose: purpose ?? null } }),
  );
  return view(kernel, row, !unmask);
}

/** Exact lookup by ID number through the blind index (the window clerk identifying a walk-in person). */
export async function findPersonByIdNumber(kernel: Kernel, { actor, idNumber, purpose }: { actor: Actor; idNumber: string; purpose?: string }): Promise<PersonView | undefined> {
  requirePermission(actor, 'person.read');
  const row = await kernel.db.selectFrom('persons').selectAll().where('id_number_idx', '=', lookupIndex(kernel.keys, 'idNumber', idNumber)).executeTakeFirst();
  await inTransaction(kernel.db, (tx) =>
    audit(tx, actor, { action: 'person.lookup', objectType: 'person', objectId: row?.account_id, detail: { found: Boolean(row), purpose: purpose ?? null } }),
  );
  return row ? view(kernel, row, true) : undefined;
}

/**
 * A person's 身份证号 as stored (ciphertext and blind index), never decrypted here: a case keeps who applied, and
 * reading it in full later is the audited unmask.
 */
export async function sealedIdNumber(db: Queryable, accountId: string): Promise<{ enc: string; idx: string } | undefined> {
  const row = await db.selectFrom('persons').select(['id_number_enc', 'id_number_idx']).where('account_id', '=', accountId).executeTakeFirst();
  return row ? { enc: row.id_number_enc, idx: row.id_number_idx } : undefined;
}
