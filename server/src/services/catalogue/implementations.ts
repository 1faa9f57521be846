import type { CreateImplementationInput, ImplementationView, UpdateImplementationInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isForeignKeyViolation, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { regionContains, type Actor } from '../../kernel/authz';
import { findDepartment } from '../../platform/departments';
import { findRegion } from '../../platform/regions';
import { assertEditsImplementation, assertReadsCatalogue, assertReadsInRegion } from './access';
import { deleteImplementationRow, findImplementation, insertImplementation, lockImplementation, nextSerial, updateImplementationRow } from './implementations-repo';
import { findItem } from './items-repo';
import { loadRefs } from './refs';
import { countPublishedEver, deleteVersionRow, versionsOfImplementation, versionSummaries } from './versions-repo';
import { toImplementationView } from './views';
import { listImplementations } from './public-api';

/** 实施编码 (GB/T 39554): the implementer's 统一社会信用代码, the item's 基本编码 and a 2-digit serial. */
export function implementationCode(creditCode: string, basicCode: string, serial: number): string {
  return `${creditCode}${basicCode}${String(serial).padStart(2, '0')}`;
}

export async function getImplementation(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ImplementationView> {
  const row = await findImplementation(kernel.db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'catalogue.implementationNotFound' });
  assertReadsInRegion(actor, row.region_code);
  const item = await findItem(kernel.db, row.service_item_id);
  const versions = await versionSummaries(kernel.db, [id]);
  const refs = await loadRefs(kernel.db, { departmentIds: [row.department_id], regionCodes: [row.region_code] });
  return toImplementationView(row, item?.name ?? '', versions, refs, new Date());
}

/** The implementations of an item a staff member may see: those of their region (and above it, which serve it). */
export async function listItemImplementations(kernel: Kernel, { actor, serviceItemId }: { actor: Actor; serviceItemId: string }): Promise<ImplementationView[]> {
  assertReadsCatalogue(actor);
  const all = await listImplementations(kernel.db, serviceItemId);
  if (actor.kind !== 'account' || !actor.regionCode) return all;
  const own = actor.regionCode;
  return all.filter((i) => regionContains(own, i.region.code) || regionContains(i.region.code, own));
}

export async function createImplementation(kernel: Kernel, { actor, serviceItemId, input }: { actor: Actor; serviceItemId: string; input: CreateImplementationInput }): Promise<ImplementationView> {
  const item = await findItem(kernel.db, serviceItemId);
  if (!item) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
  const department = await findDepartment(kernel.db, input.departmentId);
  if (!department || !department.is_active) throw invalid([{ field: 'departmentId', code: 'catalogue.departmentNotFound' }]);
  const regionCode = input.regionCode ?? department.region_code;
  assertEditsImplementation(actor, { departmentId: department.id, regionCode });
  if (!regionContains(department.region_code, regionCode)) throw invalid([{ field: 'regionCode', code: 'catalogue.departmentRegion' }]);
  if (!(await findRegion(kernel.db, regionCode))) throw invalid([{ field: 'regionCode', code: 'region.notFound' }]);
  const id = newId();
  try {
    await inTransaction(kernel.db, async (tx) => {
      const serial = await nextSerial(tx, serviceItemId, department.id);
      const code = implementationCode(department.credit_code, item.basic_code, serial);
      await insertImplementation(tx, { id, service_item_id: serviceItemId, department_id: department.id, region_code: regionCode, serial, implementation_code: code });
      await audit(tx, actor, {
        action: 'service-item-implementation.create',
        objectType: 'service-item-implementation',
        objectId: id,
        detail: { serviceItemId, basicCode: item.basic_code, departmentId: department.id, regionCode, implementationCode: code },
      });
      await emit(tx, 'service-item-implementation.created', { id, serviceItemId, departmentId: department.id, regionCode });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'departmentId', code: 'catalogue.implementationTaken' }] });
    throw error;
  }
  return getImplementation(kernel, { actor, id });
}

/** Deactivating keeps every version (cases refer to them) but takes the implementation out of the portal. */
export async function updateImplementation(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: UpdateImplementationInput }): Promise<ImplementationView> {
  await inTransaction(kernel.db, async (tx) => {
    const current = await lockImplementation(tx, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'catalogue.implementationNotFound' });
    assertEditsImplementation(actor, { departmentId: current.department_id, regionCode: current.region_code });
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    if (input.isActive === undefined || input.isActive === current.is_active) return;
    if (!(await updateImplementationRow(tx, id, input.version, { is_active: input.isActive }))) throw new AppError('STALE_VERSION');
    await audit(tx, actor, { action: input.isActive ? 'service-item-implementation.activate' : 'service-item-implementation.deactivate', objectType: 'service-item-implementation', objectId: id, detail: { implementationCode: current.implementation_code } });
    await emit(tx, 'service-item-implementation.updated', { id, isActive: input.isActive });
  });
  return getImplementation(kernel, { actor, id });
}

/** An implementation that never published anything may be deleted with its drafts; otherwise deactivate it. */
export async function deleteImplementation(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<void> {
  try {
    await inTransaction(kernel.db, async (tx) => {
      const current = await lockImplementation(tx, id);
      if (!current) throw new AppError('NOT_FOUND', { detail: 'catalogue.implementationNotFound' });
      assertEditsImplementation(actor, { departmentId: current.department_id, regionCode: current.region_code });
      if ((await countPublishedEver(tx, id)) > 0) throw new AppError('IN_USE', { detail: 'catalogue.implementationInUse' });
      for (const version of await versionsOfImplementation(tx, id)) await deleteVersionRow(tx, version.id);
      await deleteImplementationRow(tx, id);
      await audit(tx, actor, { action: 'service-item-implementation.delete', objectType: 'service-item-implementation', objectId: id, detail: { implementationCode: current.implementation_code } });
      await emit(tx, 'service-item-implementation.deleted', { id });
    });
  } catch (error) {
    // Another domain's record (a draft case) still refers to one of its versions.
    if (isForeignKeyViolation(error)) throw new AppError('IN_USE', { detail: 'catalogue.implementationInUse' });
    throw error;
  }
}
