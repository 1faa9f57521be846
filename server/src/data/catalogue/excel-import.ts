import { dataFieldSheetColumns, dataResourceCodeSchema, dataResourceDefinitionSchema, dataResourceSheetColumns, type DataResourceDefinition, type OrgImportReport, type ResourceSourceKind } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { inTransaction } from '../../kernel/audit';
import { AppError, isUniqueViolation } from '../../kernel/errors';
import { translate } from '../../kernel/i18n';
import { importReport, loadWorkbook, normalizeCode, readWorksheet, RowErrors, type SheetRow } from '../../kernel/spreadsheet';
import { isManagerOf } from './access';
import { canonicalDefinition, definitionIssues, type PathIssue } from './definition';
import { insertResource, writeDraft } from './drafts';
import { departmentsByCreditCode, latestDefinitions, lockResource, type DepartmentRef, type ResourceRow } from './repo';
import { tables } from './tables';
import { FIELD_SHEET, fieldColumns, readList, RESOURCE_SHEET, resourceColumns, sheetEnums, type FieldColumn, type ResourceColumn } from './excel-columns';

// 导入资源目录: sheet 资源 and sheet 信息项 as the export writes them. A new code creates a resource with its first
// draft; a known code whose definition differs gets its draft saved (or a new draft version started); a row equal to
// the newest version changes nothing, so an exported sheet imports back unchanged. Nothing is published by an import.
// Every row is checked first; any wrong row and nothing is written (the per-row report says what to fix).

const MAX_RESOURCES = 2000;
const MAX_FIELDS = 100_000;

type FieldRow = SheetRow<FieldColumn>;
type Plan = { kind: 'create'; code: string; provider: DepartmentRef; sourceKind: ResourceSourceKind; definition: DataResourceDefinition } | { kind: 'update'; row: ResourceRow; definition: DataResourceDefinition };

const definitionColumn: Record<string, ResourceColumn> = {
  name: 'name', catalogueType: 'catalogueType', summary: 'summary', format: 'format', themes: 'themes', keywords: 'keywords', shareType: 'shareType',
  shareCondition: 'shareCondition', legalBasis: 'legalBasis', shareMethods: 'shareMethods', openType: 'openType', openCondition: 'openCondition',
  updateCycle: 'updateCycle', releasedOn: 'releasedOn', relatedCodes: 'relatedCodes', keyField: 'keyField',
};
const fieldColumn: Record<string, FieldColumn> = {
  key: 'key', name: 'name', type: 'type', description: 'description', shareType: 'shareType', openType: 'openType', legalBasis: 'legalBasis', level: 'level',
  subLevel: 'subLevel', masking: 'masking', identifier: 'identifier', sourceDepartmentId: 'sourceCreditCode',
};

/** Reports a problem at a path of the definition on the sheet row and column it came from. */
function reporter(errors: RowErrors, resourceRow: number, fieldRows: readonly FieldRow[]) {
  return (issue: PathIssue, params: Record<string, string | number> = {}) => {
    const [head, index, name] = issue.path;
    if (head === 'fields' && typeof index === 'number') {
      const fieldRow = fieldRows[index];
      const column = fieldColumn[String(name)] ?? 'key';
      if (fieldRow) return errors.add(fieldRow.row, `fields.${column}`, `${FIELD_SHEET}·${dataFieldSheetColumns[column]}`, issue.code, params);
    }
    if (head === 'fields') return errors.add(resourceRow, 'code', dataResourceSheetColumns.code, 'data.import.noFields');
    const column: ResourceColumn = head === 'classification' ? ((['category', 'item', 'directory', 'detail'] as const).find((c) => c === index) ?? 'category') : (definitionColumn[String(head)] ?? 'name');
    errors.add(resourceRow, column, dataResourceSheetColumns[column], issue.code, params);
  };
}

const messageKeyOf = (message: string) => (/^[\w.]+$/.test(message) ? message : 'invalid_value');

function readEnum<K extends string>(
  errors: RowErrors,
  at: { row: number; field: string; column: string },
  value: string,
  read: (cell: string) => K | undefined,
): K | undefined {
  if (value === '') return undefined;
  const found = read(value);
  if (found === undefined) errors.add(at.row, at.field, at.column, 'data.import.unknownValue', { value });
  return found;
}

/** The definition a resource row and its item rows describe, as the schema would receive it (enums decoded). */
function candidateOf(errors: RowErrors, row: SheetRow<ResourceColumn>, fieldRows: readonly FieldRow[], sources: Map<string, DepartmentRef>): Record<string, unknown> {
  const v = row.values;
  const r = (column: ResourceColumn) => ({ row: row.row, field: column, column: dataResourceSheetColumns[column] });
  const f = (fr: FieldRow, column: FieldColumn) => ({ row: fr.row, field: `fields.${column}`, column: `${FIELD_SHEET}·${dataFieldSheetColumns[column]}` });
  const shareMethods = readList(v.shareMethods).map((m) => readEnum(errors, r('shareMethods'), m, (c) => sheetEnums.shareMethod.read(c)));
  return {
    name: v.name,
    catalogueType: readEnum(errors, r('catalogueType'), v.catalogueType, (c) => sheetEnums.catalogueType.read(c)),
    classification: { category: v.category, item: v.item, directory: v.directory, detail: v.detail },
    summary: v.summary,
    format: readEnum(errors, r('format'), v.format, (c) => sheetEnums.format.read(c)),
    themes: readList(v.themes),
    keywords: readList(v.keywords),
    shareType: readEnum(errors, r('shareType'), v.shareType, (c) => sheetEnums.shareType.read(c)),
    shareCondition: v.shareCondition,
    legalBasis: v.legalBasis,
    shareMethods: shareMethods.length > 0 ? shareMethods : undefined,
    openType: readEnum(errors, r('openType'), v.openType, (c) => sheetEnums.openType.read(c)),
    openCondition: v.openCondition,
    updateCycle: readEnum(errors, r('updateCycle'), v.updateCycle, (c) => sheetEnums.updateCycle.read(c)),
    releasedOn: v.releasedOn === '' ? null : v.releasedOn,
    relatedCodes: readList(v.relatedCodes),
    keyField: v.keyField,
    fields: fieldRows.map((fr) => {
      const w = fr.values;
      const source = w.sourceCreditCode === '' ? null : sources.get(normalizeCode(w.sourceCreditCode));
      if (source === undefined) errors.add(fr.row, 'fields.sourceCreditCode', `${FIELD_SHEET}·${dataFieldSheetColumns.sourceCreditCode}`, 'data.sourceDepartmentUnknown');
      return {
        key: w.key,
        name: w.name,
        type: readEnum(errors, f(fr, 'type'), w.type, (c) => sheetEnums.fieldType.read(c)),
        description: w.description,
        shareType: readEnum(errors, f(fr, 'shareType'), w.shareType, (c) => sheetEnums.shareType.read(c)),
        openType: readEnum(errors, f(fr, 'openType'), w.openType, (c) => sheetEnums.openType.read(c)),
        level: readEnum(errors, f(fr, 'level'), w.level, (c) => sheetEnums.level.read(c)),
        subLevel: w.subLevel === '' ? null : w.subLevel,
        masking: w.masking === '' ? undefined : readEnum(errors, f(fr, 'masking'), w.masking, (c) => sheetEnums.masking.read(c)),
        sourceDepartmentId: source?.id ?? null,
        ...(w.legalBasis === '' ? {} : { legalBasis: w.legalBasis }),
        ...(w.identifier === '' ? {} : { identifier: readEnum(errors, f(fr, 'identifier'), w.identifier, (c) => sheetEnums.identifier.read(c)) }),
      };
    }),
  };
}

export async function importCatalogue(kernel: Kernel, { actor, file, dryRun }: { actor: Actor; file: Buffer; dryRun: boolean }): Promise<OrgImportReport> {
  requirePermission(actor, 'data-resource.manage');
  const db = kernel.db;
  const workbook = await loadWorkbook(file);
  const resourceSheet = workbook.getWorksheet(RESOURCE_SHEET) ?? workbook.worksheets[0];
  const fieldSheet = workbook.getWorksheet(FIELD_SHEET) ?? workbook.worksheets[1];
  if (!resourceSheet) throw new AppError('VALIDATION_FAILED', { detail: 'data.import.empty' });
  if (!fieldSheet) throw new AppError('VALIDATION_FAILED', { detail: 'data.import.noFieldsSheet' });
  const resources = readWorksheet(resourceSheet, resourceColumns, MAX_RESOURCES);
  const fields = readWorksheet(fieldSheet, fieldColumns, MAX_FIELDS, { allowEmpty: true });

  const errors = new RowErrors(actor);
  const codeOf = (text: string) => text.normalize('NFKC').trim();
  const fieldsByCode = new Map<string, FieldRow[]>();
  for (const fr of fields.rows) {
    const code = codeOf(fr.values.code);
    fieldsByCode.set(code, [...(fieldsByCode.get(code) ?? []), fr]);
  }
  const codes = resources.rows.map((r) => codeOf(r.values.code));
  const existing = new Map(
    codes.length === 0 ? [] : (await tables(db).selectFrom('data_resources').selectAll().where('code', 'in', codes).execute()).map((r) => [r.code, r] as const),
  );
  const latest = await latestDefinitions(db, [...existing.values()].map((r) => r.id));
  const creditCodes = [
    ...resources.rows.map((r) => normalizeCode(r.values.providerCreditCode)),
    ...fields.rows.map((f) => normalizeCode(f.values.sourceCreditCode)),
  ];
  const departments = await departmentsByCreditCode(db, creditCodes);

  const plans: Plan[] = [];
  let unchanged = 0;
  const firstRowOf = new Map<string, number>();
  for (const row of resources.rows) {
    const code = codeOf(row.values.code);
    const at = (column: ResourceColumn) => [row.row, column, dataResourceSheetColumns[column]] as const;
    const seenAt = firstRowOf.get(code);
    if (seenAt !== undefined) {
      errors.add(...at('code'), 'data.import.duplicateCode', { row: seenAt });
      continue;
    }
    firstRowOf.set(code, row.row);
    if (!dataResourceCodeSchema.safeParse(code).success) errors.add(...at('code'), 'data.resourceCode');
    const fieldRows = fieldsByCode.get(code) ?? [];
    const report = reporter(errors, row.row, fieldRows);
    const candidate = candidateOf(errors, row, fieldRows, departments);
    const parsed = dataResourceDefinitionSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report({ path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), code: messageKeyOf(issue.message) });
      continue;
    }
    for (const issue of await definitionIssues(db, parsed.data)) report(issue);
    const provider = departments.get(normalizeCode(row.values.providerCreditCode));
    const sourceKind = row.values.sourceKind === '' ? 'table' : readEnum(errors, { row: row.row, field: 'sourceKind', column: dataResourceSheetColumns.sourceKind }, row.values.sourceKind, (c) => sheetEnums.sourceKind.read(c));
    const current = existing.get(code);
    if (current) {
      const newest = latest.get(current.id);
      const isSame = newest !== undefined && canonicalDefinition(newest.definition) === canonicalDefinition(parsed.data);
      const providerChanged = provider?.id !== current.provider_department_id;
      const sourceKindChanged = sourceKind !== undefined && sourceKind !== current.source_kind;
      // A row equal to the catalogue is left alone, whoever's it is (an exported sheet holds others' entries too).
      if (isSame && !providerChanged && !sourceKindChanged && !errors.has(row.row)) {
        unchanged++;
        continue;
      }
      if (!isManagerOf(actor, current)) errors.add(...at('code'), 'data.import.outOfScope');
      if (providerChanged) errors.add(...at('providerCreditCode'), 'data.import.providerChanged');
      if (sourceKindChanged) errors.add(...at('sourceKind'), 'data.import.sourceKindChanged');
      if (errors.has(row.row)) continue;
      if (current.status === 'retired') errors.add(...at('code'), 'data.import.retired');
      else if (newest?.status === 'review') errors.add(...at('code'), 'data.import.inReview');
      else plans.push({ kind: 'update', row: current, definition: parsed.data });
    } else {
      if (!provider?.is_active) errors.add(...at('providerCreditCode'), 'data.providerUnknown');
      else if (!isManagerOf(actor, { provider_department_id: provider.id, region_code: provider.region_code })) errors.add(...at('providerCreditCode'), 'data.providerNotOwn');
      if (errors.has(row.row) || !provider || !sourceKind) continue;
      plans.push({ kind: 'create', code, provider, sourceKind, definition: parsed.data });
    }
  }
  for (const [code, rows] of fieldsByCode) {
    if (firstRowOf.has(code)) continue;
    for (const fr of rows) errors.add(fr.row, 'fields.code', `${FIELD_SHEET}·${dataFieldSheetColumns.code}`, 'data.import.orphanField');
  }

  const created = plans.filter((p) => p.kind === 'create').length;
  const updated = plans.length - created;
  const isApplied = !dryRun && errors.isEmpty;
  if (isApplied && plans.length > 0) {
    const note = translate('data.import.note', 'zh-CN');
    try {
      await inTransaction(db, async (tx) => {
        for (const plan of plans) {
          if (plan.kind === 'create') {
            await insertResource(tx, actor, { code: plan.code, provider: plan.provider, sourceKind: plan.sourceKind, definition: plan.definition, note });
            continue;
          }
          const row = await lockResource(tx, plan.row.id);
          if (!row || row.version !== plan.row.version) throw new AppError('STALE_VERSION');
          await writeDraft(tx, actor, row, plan.definition, note);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { detail: 'data.codeTaken' });
      throw error;
    }
  }
  return importReport({ dryRun, isApplied, total: resources.rows.length, created, updated, unchanged }, errors);
}
