import type { CreatePositionInput, PositionView, UpdatePositionInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { assertManagesDepartmentIn, assertReadsDepartmentIn } from './access';
import { findDepartment, lockDepartment } from './repo';
import { deletePositionRow, findPositionByName, insertPositions, listPositionRows, lockPosition, updatePositionRow } from './positions-repo';
import { toPositionView } from './views';

const nameTaken = () => new AppError('DUPLICATE', { fields: [{ field: 'name', code: 'position.nameTaken' }] });

export async function listPositions(kernel: Kernel, { actor, departmentId }: { actor: Actor; departmentId: string }): Promise<{ items: PositionView[] }> {
  const department = await findDepartment(kernel.db, departmentId);
  if (!department) throw new AppError('NOT_FOUND', { detail: 'department.notFound' });
  assertReadsDepartmentIn(actor, department.region_code);
  return { items: (await listPositionRows(kernel.db, [departmentId])).map(toPositionView) };
}

export async function createPosition(kernel: Kernel, { actor, departmentId, input }: { actor: Actor; departmentId: string; input: CreatePositionInput }): Promise<PositionView> {
  requirePermission(actor, 'department.manage');
  const id = newId();
  try {
    await inTransaction(kernel.db, async (tx) => {
      // Locking the department orders this against a concurrent deactivation or delete.
      const department = await lockDepartment(tx, departmentId);
      if (!department) throw new AppError('NOT_FOUND', { detail: 'department.notFound' });
      assertManagesDepartmentIn(actor, department.region_code);
      if (!department.is_active) throw new AppError('CONFLICT', { detail: 'department.notFound' });
      if (await findPositionByName(tx, departmentId, input.name)) throw nameTaken();
      await insertPositions(tx, [{ id, department_id: departmentId, name: input.name, sort: input.sort ?? 0 }]);
      await audit(tx, actor, { action: 'position.create', objectType: 'position', objectId: id, detail: { departmentId, name: input.name } });
      await emit(tx, 'position.created', { id, departmentId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return getPosition(kernel, departmentId, id);
}

async function getPosition(kernel: Kernel, departmentId: string, id: string): Promise<PositionView> {
  const row = (await listPositionRows(kernel.db, [departmentId])).find((p) => p.id === id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'position.notFound' });
  return toPositionView(row);
}

export async function updatePosition(
  kernel: Kernel,
  { actor, departmentId, positionId, input }: { actor: Actor; departmentId: string; positionId: string; input: UpdatePositionInput },
): Promise<PositionView> {
  requirePermission(actor, 'department.manage');
  try {
    await inTransaction(kernel.db, async (tx) => {
      const department = await findDepartment(tx, departmentId);
      const current = await lockPosition(tx, departmentId, positionId);
      if (!department || !current) throw new AppError('NOT_FOUND', { detail: 'position.notFound' });
      assertManagesDepartmentIn(actor, department.region_code);
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      const changes = {
        ...(input.name !== undefined && input.name !== current.name ? { name: input.name } : {}),
        ...(input.sort !== undefined && input.sort !== current.sort ? { sort: input.sort } : {}),
      };
      if (Object.keys(changes).length === 0) return;
      if (changes.name !== undefined && (await findPositionByName(tx, departmentId, changes.name))) throw nameTaken();
      if (!(await updatePositionRow(tx, positionId, current.version, changes))) throw new AppError('STALE_VERSION');
      const before = { ...(changes.name !== undefined ? { name: current.name } : {}), ...(changes.sort !== undefined ? { sort: current.sort } : {}) };
      await audit(tx, actor, { action: 'position.update', objectType: 'position', objectId: positionId, detail: { departmentId, before, after: changes } });
      await emit(tx, 'position.updated', { id: positionId, departmentId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return getPosition(kernel, departmentId, positionId);
}

/** Deletes a position nobody holds; staff still in it make it IN_USE. */
export async function deletePosition(kernel: Kernel, { actor, departmentId, positionId }: { actor: Actor; departmentId: string; positionId: string }): Promise<void> {
  requirePermission(actor, 'department.manage');
  try {
    await inTransaction(kernel.db, async (tx) => {
      const department = await findDepartment(tx, departmentId);
      const current = await lockPosition(tx, departmentId, positionId);
      if (!department || !current) throw new AppError('NOT_FOUND', { detail: 'position.notFound' });
      assertManagesDepartmentIn(actor, department.region_code);
      await deletePositionRow(tx, positionId);
      await audit(tx, actor, { action: 'position.delete', objectType: 'position', objectId: positionId, detail: { departmentId, name: current.name } });
      await emit(tx, 'position.deleted', { id: positionId, departmentId });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError('IN_USE', { detail: 'position.inUse.staff' });
    throw error;
  }
}
