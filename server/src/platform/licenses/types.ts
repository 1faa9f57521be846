import type { CreateLicenseTypeInput, LicenseTypeListQuery, LicenseTypeView, UpdateLicenseTypeInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { Queryable } from '../../kernel/db';
import { findDepartment } from '../departments';
import { assertManagesTypeOf } from './access';
import { findType, insertType, listTypeRows, updateTypeRow } from './repo';
import { toTypeView } from './views';

// 证照目录: the catalogue admin defines licence types — what a licence records, who holds it, how long it is valid,
// its trust level, and which service items issue it when their cases complete.

const typeNotFound = () => new AppError('NOT_FOUND', { detail: 'license.typeNotFound' });

async function departmentNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) names.set(id, (await findDepartment(db, id))?.name ?? '');
  return names;
}

/** The catalogue is public: anyone may see which licences exist and what they record. */
export async function listLicenseTypes(kernel: Kernel, { query }: { query: LicenseTypeListQuery }): Promise<{ items: LicenseTypeView[]; total: number }> {
  const { rows, total } = await listTypeRows(kernel.db, { q: query.q, holderType: query.holderType, departmentId: query.departmentId, isActive: query.isActive }, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const names = await departmentNames(kernel.db, rows.map((r) => r.department_id));
  return { items: rows.map((r) => toTypeView(r, names.get(r.department_id) ?? '')), total };
}

export async function getLicenseType(kernel: Kernel, { id }: { id: string }): Promise<LicenseTypeView> {
  const row = await findType(kernel.db, id);
  if (!row) throw typeNotFound();
  return toTypeView(row, (await findDepartment(kernel.db, row.department_id))?.name ?? '');
}

async function issuingDepartment(db: Queryable, actor: Actor, departmentId: string) {
  const department = await findDepartment(db, departmentId);
  if (!department || !department.is_active) throw invalid([{ field: 'departmentId', code: 'license.typeDepartment' }]);
  assertManagesTypeOf(actor, department);
  return department;
}

export async function createLicenseType(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateLicenseTypeInput }): Promise<LicenseTypeView> {
  await issuingDepartment(kernel.db, actor, input.departmentId);
  const id = newId();
  const row = {
    id,
    code: input.code,
    name: input.name,
    department_id: input.departmentId,
    holder_type: input.holderType,
    fields: JSON.stringify(input.fields),
    validity: JSON.stringify(input.validity),
    trust_level: input.trustLevel,
    issuing_basic_codes: [...new Set(input.issuingBasicCodes)],
    holder_source: JSON.stringify(input.holderSource),
    description: input.description,
    created_by: actor.kind === 'account' ? actor.accountId : null,
  };
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertType(tx, row);
      await audit(tx, actor, { action: 'license-type.create', objectType: 'license-type', objectId: id, detail: { code: input.code, name: input.name, departmentId: input.departmentId, issuingBasicCodes: row.issuing_basic_codes } });
      await emit(tx, 'license-type.created', { id, code: input.code, departmentId: input.departmentId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'code', code: 'license.typeCodeTaken' }] });
    throw error;
  }
  return getLicenseType(kernel, { id });
}

export async function updateLicenseType(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: UpdateLicenseTypeInput }): Promise<LicenseTypeView> {
  const current = await findType(kernel.db, id);
  if (!current) throw typeNotFound();
  const owner = await findDepartment(kernel.db, current.department_id);
  if (!owner) throw typeNotFound();
  assertManagesTypeOf(actor, owner);
  if (input.departmentId && input.departmentId !== current.department_id) await issuingDepartment(kernel.db, actor, input.departmentId);
  const fields = input.fields ?? current.fields;
  const validity = input.validity ?? current.validity;
  // The rule and the fields may change separately; together they must still agree.
  if (validity.mode === 'field' && !fields.some((f) => f.key === validity.field && f.kind === 'date')) throw invalid([{ field: 'validity.field', code: 'license.validityField' }]);
  const set = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.departmentId !== undefined ? { department_id: input.departmentId } : {}),
    ...(input.fields !== undefined ? { fields: JSON.stringify(input.fields) } : {}),
    ...(input.validity !== undefined ? { validity: JSON.stringify(input.validity) } : {}),
    ...(input.trustLevel !== undefined ? { trust_level: input.trustLevel } : {}),
    ...(input.issuingBasicCodes !== undefined ? { issuing_basic_codes: [...new Set(input.issuingBasicCodes)] } : {}),
    ...(input.holderSource !== undefined ? { holder_source: JSON.stringify(input.holderSource) } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
  };
  await inTransaction(kernel.db, async (tx) => {
    if (!(await updateTypeRow(tx, id, input.version, set))) throw new AppError('STALE_VERSION');
    await audit(tx, actor, { action: 'license-type.update', objectType: 'license-type', objectId: id, detail: { code: current.code, changed: Object.keys(set) } });
    await emit(tx, 'license-type.updated', { id, code: current.code });
  });
  return getLicenseType(kernel, { id });
}
