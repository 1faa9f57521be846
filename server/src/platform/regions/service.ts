import {
  regionAncestorCodes,
  regionCodeIssues,
  regionLevels,
  type CreateRegionInput,
  type RegionDetail,
  type RegionListQuery,
  type RegionView,
  type UpdateRegionInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { assertCanAccess, regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isForeignKeyViolation, isUniqueViolation } from '../../kernel/errors';
import { countChildren, deleteRegion as deleteRegionRow, findRegion, findRegionRow, insertRegions, listByPrefix, listChildren, lockRegion, regionNames, searchRegions, updateRegion as updateRegionRow } from './repo';
import { inTreeOrder, toRegionViews } from './views';
import { referencingTable } from './db-errors';

const TREE_LIMIT = 5000;
const SEARCH_LIMIT = 50;

/** An admin manages the regions inside their own region (GB/T 2260 prefix), their own included. */
export function assertManagesRegion(actor: Actor, code: string): void {
  requirePermission(actor, 'region.manage');
  assertCanAccess(actor, { regionCode: code }, { regionWide: true });
}

/** Public: children of a region (or the provinces), a subtree a few levels deep, or a name/code search. */
export async function listRegions(kernel: Kernel, { query }: { query: RegionListQuery }): Promise<{ items: RegionView[]; isTruncated: boolean }> {
  const db = kernel.db;
  let rows;
  let limit = TREE_LIMIT;
  if (query.q !== undefined) {
    limit = SEARCH_LIMIT;
    rows = await searchRegions(db, { text: query.q, level: query.level, limit: limit + 1 });
  } else if (query.root !== undefined) {
    const root = await findRegion(db, query.root);
    if (!root) throw new AppError('NOT_FOUND', { detail: 'region.notFound' });
    const from = regionLevels.indexOf(root.level);
    const levels = regionLevels.slice(from, from + query.depth + 1).filter((l) => !query.level || l === query.level);
    rows = levels.length === 0 ? [] : await listByPrefix(db, regionPrefix(root.code), { levels, limit: limit + 1 });
  } else {
    if (query.parent !== undefined && !(await findRegion(db, query.parent))) throw new AppError('NOT_FOUND', { detail: 'region.notFound' });
    rows = await listChildren(db, query.parent ?? null, limit + 1);
    if (query.level) rows = rows.filter((r) => r.level === query.level);
  }
  const isTruncated = rows.length > limit;
  const kept = rows.slice(0, limit);
  return { items: await toRegionViews(db, query.q === undefined ? inTreeOrder(kept) : kept), isTruncated };
}

export async function getRegion(kernel: Kernel, { code }: { code: string }): Promise<RegionDetail> {
  const row = await findRegionRow(kernel.db, code);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'region.notFound' });
  const [view] = await toRegionViews(kernel.db, [row]);
  if (!view) throw new AppError('NOT_FOUND');
  const names = await regionNames(kernel.db, regionAncestorCodes(code));
  const ancestors = regionAncestorCodes(code).flatMap((c) => {
    const a = names.get(c);
    return a ? [{ code: a.code, name: a.name, level: a.level }] : [];
  });
  return { ...view, ancestors, childCount: await countChildren(kernel.db, code), createdAt: row.created_at.toISOString() };
}

export async function createRegion(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateRegionInput }): Promise<RegionDetail> {
  assertManagesRegion(actor, input.code);
  const issues = regionCodeIssues(input);
  if (issues.length > 0) throw invalid(issues);
  if (input.parentCode !== null && !(await findRegion(kernel.db, input.parentCode))) throw invalid([{ field: 'parentCode', code: 'region.parentNotFound' }]);
  if (await findRegion(kernel.db, input.code)) throw new AppError('DUPLICATE', { fields: [{ field: 'code', code: 'region.codeTaken' }] });
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertRegions(tx, [{ code: input.code, name: input.name, level: input.level, parent_code: input.parentCode, sort: input.sort ?? 0 }]);
      await audit(tx, actor, { action: 'region.create', objectType: 'region', objectId: input.code, detail: { name: input.name, level: input.level, parentCode: input.parentCode } });
      await emit(tx, 'region.created', { code: input.code, level: input.level, parentCode: input.parentCode });
    });
  } catch (error) {
    // Lost a race with another admin: the same answers as the checks above.
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'code', code: 'region.codeTaken' }] });
    if (isForeignKeyViolation(error)) throw invalid([{ field: 'parentCode', code: 'region.parentNotFound' }]);
    throw error;
  }
  return getRegion(kernel, { code: input.code });
}

export async function updateRegion(kernel: Kernel, { actor, code, input }: { actor: Actor; code: string; input: UpdateRegionInput }): Promise<RegionDetail> {
  requirePermission(actor, 'region.manage');
  await inTransaction(kernel.db, async (tx) => {
    const current = await lockRegion(tx, code);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'region.notFound' });
    assertManagesRegion(actor, code);
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    const changes = {
      ...(input.name !== undefined && input.name !== current.name ? { name: input.name } : {}),
      ...(input.sort !== undefined && input.sort !== current.sort ? { sort: input.sort } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    if (!(await updateRegionRow(tx, code, input.version, changes))) throw new AppError('STALE_VERSION');
    const before = { ...(changes.name !== undefined ? { name: current.name } : {}), ...(changes.sort !== undefined ? { sort: current.sort } : {}) };
    await audit(tx, actor, { action: 'region.update', objectType: 'region', objectId: code, detail: { before, after: changes } });
    await emit(tx, 'region.updated', { code, ...changes });
  });
  return getRegion(kernel, { code });
}

const inUseDetail: Record<string, string> = {
  regions: 'region.inUse.children',
  departments: 'region.inUse.departments',
  staff: 'region.inUse.staff',
  persons: 'region.inUse.persons',
  enterprises: 'region.inUse.enterprises',
};

/** Deletes a region nothing refers to; the database's foreign keys name whatever still does. */
export async function deleteRegion(kernel: Kernel, { actor, code }: { actor: Actor; code: string }): Promise<void> {
  requirePermission(actor, 'region.manage');
  try {
    await inTransaction(kernel.db, async (tx) => {
      const current = await lockRegion(tx, code);
      if (!current) throw new AppError('NOT_FOUND', { detail: 'region.notFound' });
      assertManagesRegion(actor, code);
      if ((await countChildren(tx, code)) > 0) throw new AppError('IN_USE', { detail: 'region.inUse.children' });
      await deleteRegionRow(tx, code);
      await audit(tx, actor, { action: 'region.delete', objectType: 'region', objectId: code, detail: { name: current.name, level: current.level, parentCode: current.parent_code } });
      await emit(tx, 'region.deleted', { code });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError('IN_USE', { detail: inUseDetail[referencingTable(error) ?? ''] ?? 'region.inUse.other' });
    throw error;
  }
}
