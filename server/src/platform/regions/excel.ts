import {
  parentRegionCode,
  regionCodeIssues,
  regionLevelNames,
  regionLevelOfCode,
  regionLevels,
  regionNameSchema,
  regionSheetColumns,
  type OrgImportReport,
  type RegionLevel,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { NewRow, Row } from '../../kernel/db';
import { canAccessRecord, regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError } from '../../kernel/errors';
import { findRegion, insertRegions, listByPrefix, regionsByCode, updateRegion } from './repo';
import { inTreeOrder, toRegionViews } from './views';
import { importReport, normalizeCode, parseSortCell, readSheet, RowErrors, writeSheet, type SheetColumn } from '../../kernel/spreadsheet';

export const MAX_REGION_IMPORT_ROWS = 20_000;
const MAX_EXPORT_ROWS = 100_000;

type RegionColumn = keyof typeof regionSheetColumns;

const columns: SheetColumn<RegionColumn>[] = [
  { key: 'code', header: regionSheetColumns.code, width: 16, isText: true, isRequired: true },
  { key: 'name', header: regionSheetColumns.name, width: 24, isRequired: true },
  { key: 'level', header: regionSheetColumns.level, width: 8 },
  { key: 'parentCode', header: regionSheetColumns.parentCode, width: 16, isText: true },
  { key: 'sort', header: regionSheetColumns.sort, width: 8 },
  { key: 'fullName', header: regionSheetColumns.fullName, width: 40 },
];

/** The subtree under `root` (default: the admin's own region) as a workbook, parents before children. */
export async function exportRegions(kernel: Kernel, { actor, root }: { actor: Actor; root?: string }): Promise<Buffer> {
  requirePermission(actor, 'region.manage');
  const rootCode = root ?? (actor.kind === 'account' ? actor.regionCode : null);
  let prefix = '';
  if (rootCode) {
    if (!(await findRegion(kernel.db, rootCode))) throw new AppError('NOT_FOUND', { detail: 'region.notFound' });
    prefix = regionPrefix(rootCode);
  }
  const rows = await listByPrefix(kernel.db, prefix, { limit: MAX_EXPORT_ROWS });
  const views = await toRegionViews(kernel.db, inTreeOrder(rows));
  return writeSheet(
    '行政区划',
    columns,
    views.map((v) => ({ code: v.code, name: v.name, level: regionLevelNames[v.level]['zh-CN'], parentCode: v.parentCode ?? '', sort: v.sort, fullName: v.fullName })),
  );
}

const levelWords = new Map<string, RegionLevel>(
  regionLevels.flatMap((level) => [
    [level, level],
    [regionLevelNames[level]['zh-CN'], level],
    [regionLevelNames[level]['en-US'].toLowerCase(), level],
  ]),
);
for (const [word, level] of [['省', 'province'], ['市', 'city'], ['市级', 'city'], ['县', 'county'], ['区县', 'county'], ['乡', 'town'], ['镇', 'town'], ['乡镇', 'town'], ['街道', 'town'], ['村', 'village'], ['社区', 'village']] as const) {
  levelWords.set(word, level);
}

type ParsedRow = { row: number; code: string; name: string; level: RegionLevel; parentCode: string | null; sort: number | undefined };

/** Checks every row; writes all of them in one transaction only when none is wrong and this is not a dry run. */
export async function importRegions(kernel: Kernel, { actor, file, dryRun }: { actor: Actor; file: Buffer; dryRun: boolean }): Promise<OrgImportReport> {
  requirePermission(actor, 'region.manage');
  const sheet = await readSheet(file, columns, MAX_REGION_IMPORT_ROWS);
  const errors = new RowErrors(actor);
  const parsed: ParsedRow[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { row, values } of sheet.rows) {
    const code = normalizeCode(values.code);
    const shape = regionLevelOfCode(code);
    if (!/^\d{12}$/.test(code)) errors.add(row, 'code', regionSheetColumns.code, 'regionCode.invalid');
    else if (!shape) errors.add(row, 'code', regionSheetColumns.code, 'region.codeShape');
    const name = regionNameSchema.safeParse(values.name);
    if (!name.success) errors.add(row, 'name', regionSheetColumns.name, name.error.issues[0]?.message ?? 'invalid_format');
    const level = values.level === '' ? shape : levelWords.get(values.level.toLowerCase());
    if (values.level !== '' && !level) errors.add(row, 'level', regionSheetColumns.level, 'import.levelUnknown');
    const parentCode = values.parentCode === '' ? parentRegionCode(code) : normalizeCode(values.parentCode);
    const sort = parseSortCell(values.sort);
    if (sort === null) errors.add(row, 'sort', regionSheetColumns.sort, 'import.sortInvalid');
    if (!shape || !name.success || !level || parentCode === undefined || sort === null) continue;
    for (const issue of regionCodeIssues({ code, level, parentCode })) {
      errors.add(row, issue.field, regionSheetColumns[issue.field], issue.code);
    }
    const first = firstRowOf.get(code);
    if (first !== undefined) errors.add(row, 'code', regionSheetColumns.code, 'import.duplicateRow', { row: first });
    else firstRowOf.set(code, row);
    if (!errors.has(row)) parsed.push({ row, code, name: name.data, level, parentCode, sort });
  }

  const existing = await regionsByCode(kernel.db, [...parsed.map((p) => p.code), ...parsed.flatMap((p) => (p.parentCode ? [p.parentCode] : []))]);
  const created: ParsedRow[] = [];
  const updated: { row: ParsedRow; before: Row<'regions'> }[] = [];
  let unchanged = 0;
  for (const p of parsed) {
    if (p.parentCode && !existing.has(p.parentCode) && !firstRowOf.has(p.parentCode)) {
      errors.add(p.row, 'parentCode', regionSheetColumns.parentCode, 'region.parentNotFound');
      continue;
    }
    const before = existing.get(p.code);
    const isChanged = !before || before.name !== p.name || (p.sort !== undefined && before.sort !== p.sort);
    if (!isChanged) {
      unchanged += 1;
      continue;
    }
    // Rows that would change nothing may lie outside the admin's region (a wider export re-imported).
    if (!canAccessRecord(actor, { regionCode: p.code }, { regionWide: true })) {
      errors.add(p.row, 'code', regionSheetColumns.code, 'region.outOfScope');
      continue;
    }
    if (before) updated.push({ row: p, before });
    else created.push(p);
  }

  const counts = { total: sheet.rows.length, created: created.length, updated: updated.length, unchanged };
  if (!errors.isEmpty || dryRun) return importReport({ dryRun, isApplied: false, ...counts }, errors);

  // Parents sort before their children: a parent's code is the child's prefix followed by zeros.
  created.sort((a, b) => a.code.localeCompare(b.code));
  await inTransaction(kernel.db, async (tx) => {
    await insertRegions(tx, created.map((p): NewRow<'regions'> => ({ code: p.code, name: p.name, level: p.level, parent_code: p.parentCode, sort: p.sort ?? 0 })));
    for (const { row, before } of updated) {
      const isDone = await updateRegion(tx, row.code, before.version, { name: row.name, ...(row.sort !== undefined ? { sort: row.sort } : {}) });
      if (!isDone) throw new AppError('STALE_VERSION');
    }
    await audit(tx, actor, {
      action: 'region.import',
      objectType: 'region',
      detail: {
        ...counts,
        created: created.map((p) => p.code),
        updated: updated.map(({ row, before }) => ({ code: row.code, before: { name: before.name, sort: before.sort }, after: { name: row.name, sort: row.sort ?? before.sort } })),
      },
    });
    await emit(tx, 'region.imported', { created: created.map((p) => p.code), updated: updated.map((u) => u.row.code) });
  });
  return importReport({ dryRun, isApplied: true, ...counts }, errors);
}
