import { sealCaptions, type CreateSealInput, type RevokeSealInput, type SealListQuery, type SealView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { findDepartment, listDepartmentTree } from '../departments';
import { assertManagesSealOf, assertManagesSeals, sealRegionOf } from './access';
import { newSealKey } from './keys';
import { findActiveSealRow, findSealRow, insertSeal, listSealRows, lockSeal, markRevoked } from './repo';
import { defaultValidTo, todayInBeijing } from './validity';
import { toSealView } from './views';

// The security admin's seal register: make a seal (a fresh SM2 key pair) for a department, list, revoke (注销).

const activeExists = () => new AppError('DUPLICATE', { fields: [{ field: 'kind', code: 'seal.activeExists' }] });

export async function listSeals(kernel: Kernel, { actor, query }: { actor: Actor; query: SealListQuery }): Promise<{ items: SealView[]; total: number }> {
  assertManagesSeals(actor);
  const region = sealRegionOf(actor);
  const departments = await listDepartmentTree(kernel.db, { regionCode: region, includeInactive: true });
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  if (query.departmentId && !nameOf.has(query.departmentId)) throw new AppError('OUT_OF_SCOPE');
  const { rows, total } = await listSealRows(
    kernel.db,
    { departmentIds: region === undefined ? undefined : [...nameOf.keys()], departmentId: query.departmentId, kind: query.kind, status: query.status },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const today = todayInBeijing();
  return { items: rows.map((row) => toSealView(row, nameOf.get(row.department_id) ?? '', today)), total };
}

export async function getSeal(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<SealView> {
  assertManagesSeals(actor);
  const row = await findSealRow(kernel.db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'seal.notFound' });
  const department = await findDepartment(kernel.db, row.department_id);
  if (!department) throw new AppError('NOT_FOUND', { detail: 'seal.notFound' });
  assertManagesSealOf(actor, department);
  return toSealView(row, department.name, todayInBeijing());
}

export async function createSeal(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateSealInput }): Promise<SealView> {
  assertManagesSeals(actor);
  const department = await findDepartment(kernel.db, input.departmentId);
  if (!department || !department.is_active) throw invalid([{ field: 'departmentId', code: 'seal.departmentNotFound' }]);
  assertManagesSealOf(actor, department);
  const today = todayInBeijing();
  const validFrom = input.validFrom ?? today;
  const validTo = input.validTo ?? defaultValidTo(validFrom);
  // A seal dated back could lend its signature to documents that predate it.
  if (validFrom < today) throw invalid([{ field: 'validFrom', code: 'seal.validFromInPast' }]);
  if (validTo <= validFrom) throw invalid([{ field: 'validTo', code: 'seal.validToBeforeFrom' }]);
  if (await findActiveSealRow(kernel.db, department.id, input.kind)) throw activeExists();

  const id = newId();
  const name = input.name ?? `${department.name}${sealCaptions[input.kind]}`;
  const key = newSealKey(kernel.keys, id);
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertSeal(tx, {
        id,
        department_id: department.id,
        name,
        kind: input.kind,
        key_id: key.keyId,
        public_key_hex: key.publicKeyHex,
        private_key_enc: key.privateKeyEnc,
        valid_from: validFrom,
        valid_to: validTo,
        created_by: actor.kind === 'account' ? actor.accountId : null,
      });
      const detail = { departmentId: department.id, departmentName: department.name, name, kind: input.kind, keyId: key.keyId, validFrom, validTo };
      await audit(tx, actor, { action: 'seal.create', objectType: 'seal', objectId: id, detail });
      await emit(tx, 'seal.created', { id, departmentId: department.id, kind: input.kind, keyId: key.keyId });
    });
  } catch (error) {
    // Two admins making the same department's seal at once: the partial unique index lets one through.
    if (isUniqueViolation(error)) throw activeExists();
    throw error;
  }
  return getSeal(kernel, { actor, id });
}

export async function revokeSeal(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: RevokeSealInput }): Promise<SealView> {
  assertManagesSeals(actor);
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockSeal(tx, id);
    const department = row && (await findDepartment(tx, row.department_id));
    if (!row || !department) throw new AppError('NOT_FOUND', { detail: 'seal.notFound' });
    assertManagesSealOf(actor, department);
    if (row.status === 'revoked') throw new AppError('CONFLICT', { detail: 'seal.alreadyRevoked' });
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const at = new Date();
    if (!(await markRevoked(tx, id, row.version, { reason: input.reason, by: actor.kind === 'account' ? actor.accountId : null, at }))) throw new AppError('STALE_VERSION');
    await audit(tx, actor, { action: 'seal.revoke', objectType: 'seal', objectId: id, detail: { departmentId: row.department_id, name: row.name, kind: row.kind, keyId: row.key_id, reason: input.reason } });
    // Licences and letters signed with this key react here (re-sign with the new seal, mark for review …).
    await emit(tx, 'seal.revoked', { id, departmentId: row.department_id, kind: row.kind, keyId: row.key_id, revokedAt: at.toISOString() });
  });
  return getSeal(kernel, { actor, id });
}
