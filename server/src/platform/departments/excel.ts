import { departmentSheetColumns, departmentStatusLabels, type OrgImportReport } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { NewRow, Row } from '../../kernel/db';
import { canAccessRecord, regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { importReport, readSheet, RowErrors, writeSheet, type SheetColumn } from '../../kernel/spreadsheet';
import { regionNames } from '../regions';
import { narrowPrefix, scopePrefixOf } from './access';
import { OrgGraph, type HierarchyIssue } from './hierarchy';
import { findDepartment, insertDepartments, listDepartmentsForSheet, toNode, updateDepartmentRow } from './repo';
import { insertPositions, listPositionRows } from './positions-repo';
import { parseDepartmentRows, type DepartmentColumn, type ParsedDepartment } from './sheet-rows';

export const MAX_DEPARTMENT_IMPORT_ROWS = 5000;

export const departmentColumns: SheetColumn<DepartmentColumn>[] = [
  { key: 'name', header: departmentSheetColumns.name, width: 30, isRequired: true },
  { key: 'shortName', header: departmentSheetColumns.shortName, width: 14 },
  { key: 'creditCode', header: departmentSheetColumns.creditCode, width: 22, isText: true, isRequired: true },
  { key: 'regionCode', header: departmentSheetColumns.regionCode, width: 16, isText: true, isRequired: true },
  { key: 'regionName', header: departmentSheetColumns.regionName, width: 14 },
  { key: 'parentCreditCode', header: departmentSheetColumns.parentCreditCode, width: 26, isText: true },
  { key: 'sort', header: departmentSheetColumns.sort, width: 8 },
  { key: 'status', header: departmentSheetColumns.status, width: 8 },
  { key: 'positions', header: departmentSheetColumns.positions, width: 40 },
];

/** Departments of the admin's region (or a subtree of it) with their positions, as a workbook. */
export async function exportDepartments(kernel: Kernel, { actor, regionCode }: { actor: Actor; regionCode?: string }): Promise<Buffer> {
  requirePermission(actor, 'department.manage');
  const scope = scopePrefixOf(actor);
  const prefix = regionCode ? narrowPrefix(scope, regionPrefix(regionCode)) : scope;
  const rows = await listDepartmentsForSheet(kernel.db, prefix);
  const creditCodeOf = new Map(rows.map((d) => [d.id, d.credit_code]));
  // A county branch's parent may be a city bureau outside the exported subtree.
  for (const parentId of new Set(rows.flatMap((d) => (d.parent_id && !creditCodeOf.has(d.parent_id) ? [d.parent_id] : [])))) {
    const parent = await findDepartment(kernel.db, parentId);
    if (parent) creditCodeOf.set(parent.id, parent.credit_code);
  }
  const regions = await regionNames(kernel.db, rows.map((d) => d.region_code));
  const positions = new Map<string, string[]>();
  for (const p of await listPositionRows(kernel.db, rows.map((d) => d.id))) positions.set(p.department_id, [...(positions.get(p.department_id) ?? []), p.name]);
  return writeSheet(
    '部门',
    departmentColumns,
    rows.map((d) => ({
      name: d.name,
      shortName: d.short_name ?? '',
      creditCode: d.credit_code,
      regionCode: d.region_code,
      regionName: regions.get(d.region_code)?.name ?? '',
      parentCreditCode: d.parent_id ? (creditCodeOf.get(d.parent_id) ?? '') : '',
      sort: d.sort,
      status: d.is_active ? departmentStatusLabels.active : departmentStatusLabels.inactive,
      positions: (positions.get(d.id) ?? []).join('、'),
    })),
  );
}

type Planned = { parsed: ParsedDepartment; id: string; before: Row<'departments'> | undefined; next: NewRow<'departments'>; newPositions: string[] };

const issueColumn: Record<HierarchyIssue['field'], DepartmentColumn> = { parentId: 'parentCreditCode', regionCode: 'regionCode', isActive: 'status' };

/** Upserts by 统一社会信用代码; checks every row against the tree as it would be, and writes only a clean sheet. */
export async function importDepartments(kernel: Kernel, { actor, file, dryRun }: { actor: Actor; file: Buffer; dryRun: boolean }): Promise<OrgImportReport> {
  requirePermission(actor, 'department.manage');
  const sheet = await readSheet(file, departmentColumns, MAX_DEPARTMENT_IMPORT_ROWS);
  const errors = new RowErrors(actor);
  const add = (row: number, column: DepartmentColumn, code: string, params?: Record<string, string | number>) =>
    errors.add(row, column, departmentSheetColumns[column], code, params);
  const parsed = parseDepartmentRows(sheet, add);

  const knownRegions = await regionNames(kernel.db, parsed.map((p) => p.regionCode));
  const all = await listDepartmentsForSheet(kernel.db, '');
  const byCreditCode = new Map(all.map((d) => [d.credit_code, d]));
  const idOfFileRow = new Map(parsed.map((p) => [p.creditCode, byCreditCode.get(p.creditCode)?.id ?? newId()]));
  const existingPositions = new Map<string, Set<string>>();
  for (const p of await listPositionRows(kernel.db, parsed.flatMap((r) => byCreditCode.get(r.creditCode)?.id ?? []))) {
    existingPositions.set(p.department_id, (existingPositions.get(p.department_id) ?? new Set()).add(p.name));
  }

  const graph = new OrgGraph(all.map(toNode));
  const names = new Map(all.map((d) => [`${d.region_code}/${d.name}`, d.id]));
  const planned: Planned[] = [];
  let unchanged = 0;
  for (const p of parsed) {
    if (!knownRegions.has(p.regionCode)) {
      add(p.row, 'regionCode', 'region.notFound');
      continue;
    }
    const before = byCreditCode.get(p.creditCode);
    const id = idOfFileRow.get(p.creditCode) ?? newId();
    let parentId = before?.parent_id ?? null;
    if (p.parentCreditCode !== undefined) {
      parentId = p.parentCreditCode === null ? null : (byCreditCode.get(p.parentCreditCode)?.id ?? idOfFileRow.get(p.parentCreditCode) ?? null);
      if (p.parentCreditCode !== null && parentId === null) {
        add(p.row, 'parentCreditCode', 'department.parentNotFound');
        continue;
      }
    }
    const next: NewRow<'departments'> = {
      id,
      name: p.name,
      short_name: p.shortName === undefined ? (before?.short_name ?? null) : p.shortName,
      credit_code: p.creditCode,
      region_code: p.regionCode,
      parent_id: parentId,
      sort: p.sort ?? before?.sort ?? 0,
      is_active: p.isActive ?? before?.is_active ?? true,
    };
    const newPositions = p.positions.filter((name) => !existingPositions.get(id)?.has(name));
    if (before && newPositions.length === 0 && !differs(before, next)) {
      unchanged += 1;
      continue;
    }
    // A row that changes something must lie in the admin's region, before and after.
    if (!canAccessRecord(actor, { regionCode: p.regionCode }, { regionWide: true }) || (before && !canAccessRecord(actor, { regionCode: before.region_code }, { regionWide: true }))) {
      add(p.row, 'regionCode', 'region.outOfScope');
      continue;
    }
    if (before) names.delete(`${before.region_code}/${before.name}`);
    graph.set({ id, parentId, regionCode: p.regionCode, isActive: next.is_active ?? true });
    planned.push({ parsed: p, id, before, next, newPositions });
  }
  for (const plan of planned) {
    const key = `${plan.next.region_code}/${plan.next.name}`;
    const holder = names.get(key);
    if (holder !== undefined && holder !== plan.id) add(plan.parsed.row, 'name', 'department.nameTaken');
    else names.set(key, plan.id);
    for (const issue of graph.issuesOf(plan.id)) add(plan.parsed.row, issueColumn[issue.field], issue.code);
  }

  const created = planned.filter((p) => !p.before);
  const updated = planned.filter((p) => p.before);
  const counts = { total: sheet.rows.length, created: created.length, updated: updated.length, unchanged };
  if (!errors.isEmpty || dryRun) return importReport({ dryRun, isApplied: false, ...counts }, errors);

  try {
    await inTransaction(kernel.db, async (tx) => {
      // Parents first, so each new row's parent already exists when it is inserted.
      await insertDepartments(tx, sortParentsFirst(created, graph).map((p) => p.next));
      for (const plan of updated) {
        const { id: _id, ...changes } = plan.next;
        if (plan.before && differs(plan.before, plan.next) && !(await updateDepartmentRow(tx, plan.id, plan.before.version, changes))) throw new AppError('STALE_VERSION');
      }
      const positions = planned.flatMap((plan) => plan.newPositions.map((name, i) => ({ id: newId(), department_id: plan.id, name, sort: (existingPositions.get(plan.id)?.size ?? 0) + i })));
      await insertPositions(tx, positions);
      await audit(tx, actor, {
        action: 'department.import',
        objectType: 'department',
        detail: {
          ...counts,
          created: created.map((p) => ({ id: p.id, creditCode: p.parsed.creditCode, name: p.next.name })),
          updated: updated.map((p) => ({ id: p.id, creditCode: p.parsed.creditCode, changed: p.before ? changedKeys(p.before, p.next) : [] })),
          positionsAdded: positions.length,
        },
      });
      await emit(tx, 'department.imported', { created: created.map((p) => p.id), updated: updated.map((p) => p.id) });
    });
  } catch (error) {
    // Two rows swapping names inside one region briefly collide; refuse rather than guess an order.
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'name', code: 'department.nameTaken' }] });
    throw error;
  }
  return importReport({ dryRun, isApplied: true, ...counts }, errors);
}

const compared = ['name', 'short_name', 'region_code', 'parent_id', 'sort', 'is_active'] as const;

function changedKeys(before: Row<'departments'>, next: NewRow<'departments'>): string[] {
  return compared.filter((key) => next[key] !== undefined && before[key] !== next[key]);
}

function differs(before: Row<'departments'>, next: NewRow<'departments'>): boolean {
  return changedKeys(before, next).length > 0;
}

function sortParentsFirst(plans: Planned[], graph: OrgGraph): Planned[] {
  const depth = (id: string) => {
    let n = 0;
    for (let node = graph.get(id); node?.parentId && n < 100; node = graph.get(node.parentId)) n += 1;
    return n;
  };
  return [...plans].sort((a, b) => depth(a.id) - depth(b.id));
}
