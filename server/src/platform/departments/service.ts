import type { CreateDepartmentInput, DepartmentDetail, DepartmentListQuery, DepartmentOption, DepartmentView, UpdateDepartmentInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable, Row } from '../../kernel/db';
import { regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isForeignKeyViolation, isUniqueViolation, type FieldIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { findRegion, referencingTable, violatedConstraint } from '../regions';
import { assertManagesDepartmentIn, assertPicksDepartments, assertReadsDepartmentIn, assertReadsDepartments, narrowPrefix, scopePrefixOf } from './access';
import { OrgGraph, type OrgNode } from './hierarchy';
import {
  childrenOf,
  deleteDepartmentRow,
  findByCreditCode,
  findByName,
  findDepartmentRow,
  insertDepartments,
  listDepartmentOptions,
  listDepartmentRows,
  lockDepartment,
  selfAndAncestors,
  toNode,
  updateDepartmentRow,
  type DepartmentFilter,
} from './repo';
import { listPositionRows } from './positions-repo';
import { toDepartmentView, toPositionView } from './views';

const MAX_OPTIONS = 5000;

export async function listDepartments(kernel: Kernel, { actor, query }: { actor: Actor; query: DepartmentListQuery }): Promise<{ items: DepartmentView[]; total: number }> {
  assertReadsDepartments(actor);
  const scope = scopePrefixOf(actor);
  let region: DepartmentFilter['region'] = { prefix: scope };
  if (query.regionCode) {
    region = query.includeDescendants ? { prefix: narrowPrefix(scope, regionPrefix(query.regionCode)) } : { exact: query.regionCode };
    if ('exact' in region && !region.exact.startsWith(scope)) throw new AppError('OUT_OF_SCOPE');
  }
  const { rows, total } = await listDepartmentRows(
    kernel.db,
    { region, text: query.q || undefined, isActive: query.isActive, parentId: query.parentId },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map(toDepartmentView), total };
}

export async function listOptions(kernel: Kernel, { actor, query }: { actor: Actor; query: { regionCode?: string; includeInactive: boolean } }): Promise<{ items: DepartmentOption[] }> {
  assertPicksDepartments(actor);
  const scope = scopePrefixOf(actor);
  const prefix = query.regionCode ? narrowPrefix(scope, regionPrefix(query.regionCode)) : scope;
  const rows = await listDepartmentOptions(kernel.db, { prefix, includeInactive: query.includeInactive, limit: MAX_OPTIONS });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, parentId: r.parent_id, regionCode: r.region_code, isActive: r.is_active })) };
}

export async function getDepartment(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<DepartmentDetail> {
  assertReadsDepartments(actor);
  const row = await findDepartmentRow(kernel.db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'department.notFound' });
  assertReadsDepartmentIn(actor, row.region_code);
  const positions = await listPositionRows(kernel.db, [id]);
  return { ...toDepartmentView(row), positions: positions.map(toPositionView) };
}

/** The tree as it would be with `node` changed: its parent's ancestors, itself and its children. */
async function graphAround(db: Queryable, node: OrgNode): Promise<OrgGraph> {
  const ancestors = node.parentId ? await selfAndAncestors(db, node.parentId) : [];
  const graph = new OrgGraph([...ancestors, ...(await childrenOf(db, node.id))]);
  graph.set(node);
  return graph;
}

async function uniquenessIssues(db: Queryable, id: string | null, values: { name: string; regionCode: string; creditCode: string }): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const sameCode = await findByCreditCode(db, values.creditCode);
  if (sameCode && sameCode.id !== id) issues.push({ field: 'creditCode', code: 'department.creditCodeTaken' });
  const sameName = await findByName(db, values.regionCode, values.name);
  if (sameName && sameName.id !== id) issues.push({ field: 'name', code: 'department.nameTaken' });
  return issues;
}

/** A unique violation from a race the checks above did not see, answered the same way. */
function duplicateFrom(error: unknown): AppError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const constraint = violatedConstraint(error) ?? '';
  const field = constraint.includes('credit_code') ? { field: 'creditCode', code: 'department.creditCodeTaken' } : { field: 'name', code: 'department.nameTaken' };
  return new AppError('DUPLICATE', { fields: [field] });
}

export async function createDepartment(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateDepartmentInput }): Promise<DepartmentDetail> {
  assertManagesDepartmentIn(actor, input.regionCode);
  if (!(await findRegion(kernel.db, input.regionCode))) throw invalid([{ field: 'regionCode', code: 'region.notFound' }]);
  const id = newId();
  const node: OrgNode = { id, parentId: input.parentId ?? null, regionCode: input.regionCode, isActive: true };
  const issues = (await graphAround(kernel.db, node)).issuesOf(id);
  if (issues.length > 0) throw invalid(issues);
  const taken = await uniquenessIssues(kernel.db, null, input);
  if (taken.length > 0) throw new AppError('DUPLICATE', { fields: taken });
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertDepartments(tx, [
        { id, name: input.name, short_name: input.shortName ?? null, credit_code: input.creditCode, region_code: input.regionCode, parent_id: node.parentId, sort: input.sort ?? 0 },
      ]);
      await audit(tx, actor, { action: 'department.create', objectType: 'department', objectId: id, detail: { name: input.name, creditCode: input.creditCode, regionCode: input.regionCode, parentId: node.parentId } });
      await emit(tx, 'department.created', { id, regionCode: input.regionCode, parentId: node.parentId });
    });
  } catch (error) {
    throw duplicateFrom(error) ?? error;
  }
  return getDepartment(kernel, { actor, id });
}

type Editable = Pick<Row<'departments'>, 'name' | 'short_name' | 'credit_code' | 'region_code' | 'parent_id' | 'sort'>;

function changedFields(current: Row<'departments'>, input: UpdateDepartmentInput): Partial<Editable> {
  const next: Editable = {
    name: input.name ?? current.name,
    short_name: input.shortName === undefined ? current.short_name : input.shortName,
    credit_code: input.creditCode ?? current.credit_code,
    region_code: input.regionCode ?? current.region_code,
    parent_id: input.parentId === undefined ? current.parent_id : input.parentId,
    sort: input.sort ?? current.sort,
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => current[key as keyof Editable] !== value)) as Partial<Editable>;
}

export async function updateDepartment(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: UpdateDepartmentInput }): Promise<DepartmentDetail> {
  requirePermission(actor, 'department.manage');
  try {
    await inTransaction(kernel.db, async (tx) => {
      const current = await lockDepartment(tx, id);
      if (!current) throw new AppError('NOT_FOUND', { detail: 'department.notFound' });
      assertManagesDepartmentIn(actor, current.region_code);
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      const changes = changedFields(current, input);
      if (Object.keys(changes).length === 0) return;
      const regionCode = changes.region_code ?? current.region_code;
      if (changes.region_code !== undefined) {
        assertManagesDepartmentIn(actor, regionCode);
        if (!(await findRegion(tx, regionCode))) throw invalid([{ field: 'regionCode', code: 'region.notFound' }]);
      }
      if (changes.region_code !== undefined || changes.parent_id !== undefined) {
        const node = { ...toNode(current), regionCode, parentId: changes.parent_id === undefined ? current.parent_id : changes.parent_id };
        const issues = (await graphAround(tx, node)).issuesOf(id);
        if (issues.length > 0) throw invalid(issues);
      }
      if (changes.name !== undefined || changes.credit_code !== undefined || changes.region_code !== undefined) {
        const taken = await uniquenessIssues(tx, id, { name: changes.name ?? current.name, regionCode, creditCode: changes.credit_code ?? current.credit_code });
        if (taken.length > 0) throw new AppError('DUPLICATE', { fields: taken });
      }
      if (!(await updateDepartmentRow(tx, id, current.version, changes))) throw new AppError('STALE_VERSION');
      const before = Object.fromEntries(Object.keys(changes).map((key) => [key, current[key as keyof Editable]]));
      await audit(tx, actor, { action: 'department.update', objectType: 'department', objectId: id, detail: { before, after: changes } });
      await emit(tx, 'department.updated', { id, changed: Object.keys(changes) });
    });
  } catch (error) {
    throw duplicateFrom(error) ?? error;
  }
  return getDepartment(kernel, { actor, id });
}

/** Deactivate (停用) keeps the department, its staff and history; reactivate (启用) undoes it. */
export async function setDepartmentActive(kernel: Kernel, { actor, id, isActive, version }: { actor: Actor; id: string; isActive: boolean; version: number }): Promise<DepartmentDetail> {
  requirePermission(actor, 'department.manage');
  await inTransaction(kernel.db, async (tx) => {
    const current = await lockDepartment(tx, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'department.notFound' });
    assertManagesDepartmentIn(actor, current.region_code);
    // Asking twice for the same state (a retried click) is not an error.
    if (current.is_active === isActive) return;
    if (current.version !== version) throw new AppError('STALE_VERSION');
    const node = { ...toNode(current), isActive };
    const issue = (await graphAround(tx, node)).issuesOf(id)[0];
    if (issue) throw new AppError('CONFLICT', { detail: issue.code });
    if (!(await updateDepartmentRow(tx, id, version, { is_active: isActive }))) throw new AppError('STALE_VERSION');
    const action = isActive ? 'department.reactivate' : 'department.deactivate';
    await audit(tx, actor, { action, objectType: 'department', objectId: id, detail: { name: current.name } });
    await emit(tx, isActive ? 'department.reactivated' : 'department.deactivated', { id });
  });
  return getDepartment(kernel, { actor, id });
}

const inUseDetail: Record<string, string> = {
  departments: 'department.inUse.children',
  staff: 'department.inUse.staff',
};

/** Deletes a department created by mistake; anything still referring to it (staff, …) makes it IN_USE. */
export async function deleteDepartment(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<void> {
  requirePermission(actor, 'department.manage');
  try {
    await inTransaction(kernel.db, async (tx) => {
      const current = await lockDepartment(tx, id);
      if (!current) throw new AppError('NOT_FOUND', { detail: 'department.notFound' });
      assertManagesDepartmentIn(actor, current.region_code);
      if ((await childrenOf(tx, id)).length > 0) throw new AppError('IN_USE', { detail: 'department.inUse.children' });
      await deleteDepartmentRow(tx, id);
      await audit(tx, actor, { action: 'department.delete', objectType: 'department', objectId: id, detail: { name: current.name, creditCode: current.credit_code, regionCode: current.region_code } });
      await emit(tx, 'department.deleted', { id });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError('IN_USE', { detail: inUseDetail[referencingTable(error) ?? ''] ?? 'department.inUse.other' });
    throw error;
  }
}
