import type { RegisterCitizenInput, RegisterEnterpriseInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isUniqueViolation, type FieldIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { Queryable } from '../../kernel/db';
import { hashPassword, passwordProblems } from './passwords';
import { protect } from './personal-data';

function constraintOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'constraint' in error ? String((error as { constraint: unknown }).constraint) : '';
}

/** Turns a unique violation from a race between two registrations into the same field error a pre-check gives. */
function duplicateFromRace(error: unknown, byConstraint: Record<string, FieldIssue>): AppError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const issue = Object.entries(byConstraint).find(([name]) => constraintOf(error).includes(name))?.[1];
  return issue ? new AppError('DUPLICATE', { fields: [issue] }) : new AppError('DUPLICATE');
}

async function takenLoginKeys(db: Queryable, keys: { kind: 'idNumber' | 'phone' | 'creditCode' | 'username'; key: string; field: string; code: string }[]): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const k of keys) {
    const hit = await db.selectFrom('login_keys').select('account_id').where('kind', '=', k.kind).where('key', '=', k.key).executeTakeFirst();
    if (hit) issues.push({ field: k.field, code: k.code });
  }
  return issues;
}

export async function registerCitizen(kernel: Kernel, { actor, input }: { actor: Actor; input: RegisterCitizenInput }): Promise<{ accountId: string }> {
  const weak = passwordProblems(input.password, [input.phone, input.idNumber]);
  if (weak.length > 0) throw invalid(weak.map((code) => ({ field: 'password', code })));
  const id = protect(kernel.keys, 'idNumber', input.idNumber);
  const phone = protect(kernel.keys, 'phone', input.phone);
  const taken = await takenLoginKeys(kernel.db, [
    { kind: 'idNumber', key: id.idx, field: 'idNumber', code: 'idNumber.taken' },
    { kind: 'phone', key: phone.idx, field: 'phone', code: 'phone.taken' },
  ]);
  if (taken.length > 0) throw new AppError('DUPLICATE', { fields: taken });
  const passwordHash = await hashPassword(input.password);
  const accountId = newId();
  const birth = `${input.idNumber.slice(6, 10)}-${input.idNumber.slice(10, 12)}-${input.idNumber.slice(12, 14)}`;
  try {
    await inTransaction(kernel.db, async (tx) => {
      await tx.insertInto('accounts').values({ id: accountId, type: 'citizen', display_name: input.name, password_hash: passwordHash, real_name_level: 1 }).execute();
      await tx
        .insertInto('persons')
        .values({
          account_id: accountId,
          name: input.name,
          id_number_enc: id.enc,
          id_number_idx: id.idx,
          phone_enc: phone.enc,
          phone_idx: phone.idx,
          gender: Number(input.idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female',
          birth_date: birth,
        })
        .execute();
      await tx.insertInto('login_keys').values([
        { kind: 'idNumber', key: id.idx, account_id: accountId },
        { kind: 'phone', key: phone.idx, account_id: accountId },
      ]).execute();
      await audit(tx, actor, { action: 'account.register', objectType: 'account', objectId: accountId, detail: { type: 'citizen' } });
      await emit(tx, 'identity.citizen-registered', { accountId });
    });
  } catch (error) {
    throw duplicateFromRace(error, { persons_id_number_idx: { field: 'idNumber', code: 'idNumber.taken' }, login_keys_pkey: { field: 'phone', code: 'phone.taken' } }) ?? error;
  }
  return { accountId };
}

export async function registerEnterprise(kernel: Kernel, { actor, input }: { actor: Actor; input: RegisterEnterpriseInput }): Promise<{ accountId: string; enterpriseId: string }> {
  const weak = passwordProblems(input.password, [input.creditCode]);
  if (weak.length > 0) throw invalid(weak.map((code) => ({ field: 'password', code })));
  const taken = await takenLoginKeys(kernel.db, [{ kind: 'creditCode', key: input.creditCode, field: 'creditCode', code: 'creditCode.taken' }]);
  const existing = await kernel.db.selectFrom('enterprises').select('id').where('credit_code', '=', input.creditCode).executeTakeFirst();
  if (taken.length > 0 || existing) throw new AppError('DUPLICATE', { fields: [{ field: 'creditCode', code: 'creditCode.taken' }] });
  const legalRep = protect(kernel.keys, 'idNumber', input.legalRepIdNumber);
  const passwordHash = await hashPassword(input.password);
  const accountId = newId();
  const enterpriseId = newId();
  try {
    await inTransaction(kernel.db, async (tx) => {
      await tx
        .insertInto('accounts')
        .values({ id: accountId, type: 'enterprise', username: null, display_name: input.name, password_hash: passwordHash, real_name_level: 1 })
        .execute();
      await tx
        .insertInto('enterprises')
        .values({
          id: enterpriseId,
          account_id: accountId,
          name: input.name,
          credit_code: input.creditCode,
          legal_rep_name: input.legalRepName,
          legal_rep_id_enc: legalRep.enc,
          legal_rep_id_idx: legalRep.idx,
        })
        .execute();
      await tx.insertInto('login_keys').values({ kind: 'creditCode', key: input.creditCode, account_id: accountId }).execute();
      await audit(tx, actor, { action: 'account.register', objectType: 'enterprise', objectId: enterpriseId, detail: { type: 'enterprise', creditCode: input.creditCode } });
      await emit(tx, 'identity.enterprise-registered', { accountId, enterpriseId });
    });
  } catch (error) {
    throw duplicateFromRace(error, { enterprises_credit_code: { field: 'creditCode', code: 'creditCode.taken' }, login_keys_pkey: { field: 'creditCode', code: 'creditCode.taken' } }) ?? error;
  }
  return { accountId, enterpriseId };
}
