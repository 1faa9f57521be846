import { catalogueSheetColumns, catalogueSheetNames, type ItemVersionElements, type Material, type OrgImportReport } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable, Row } from '../../kernel/db';
import { regionContains, requirePermission, type Actor } from '../../kernel/authz';
import { audit, canonicalJson, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { importReport, loadWorkbook, readWorksheet, RowErrors } from '../../kernel/spreadsheet';
import { findDepartmentByCreditCode } from '../../platform/departments';
import { regionNames } from '../../platform/regions';
import { actorName, canEditImplementation, isCatalogueAdmin } from './access';
import { catalogueColumns, materialColumns, type CatalogueColumn } from './excel-columns';
import { implementationCode } from './implementations';
import { implementationsOf, insertImplementation, nextSerial } from './implementations-repo';
import { insertItem, itemsByBasicCode, knownLifeEvents, lifeEventsOf, setLifeEvents, updateItemRow } from './items-repo';
import { searchColumns } from './search-text';
import { overlayElements } from './sheet-elements';
import { parseItemRows, parseMaterialRows, type ParsedItemRow } from './sheet-rows';
import { skeletonElements } from './skeleton';
import { elementColumns, elementsOf, itemSnapshot } from './version-rows';
import { appendAction, insertVersion, updateVersionRow, versionsOfImplementation, type VersionRow } from './versions-repo';

export const MAX_CATALOGUE_IMPORT_ROWS = 5000;

type ItemPlan = { basicCode: string; row: ParsedItemRow; existing: Row<'service_items'> | undefined; id: string; isChanged: boolean; regionCode: string };
type VersionPlan =
  | { kind: 'none' }
  | { kind: 'update'; draft: VersionRow; elements: ItemVersionElements }
  | { kind: 'create'; number: number; elements: ItemVersionElements };
type ImplementationPlan = { row: ParsedItemRow; item: ItemPlan; existingId: string | undefined; id: string; department: Row<'departments'>; regionCode: string; version: VersionPlan };

// jsonb reorders keys, so stored and parsed elements compare in canonical form.
const comparable = (e: ItemVersionElements) => canonicalJson({ ...e, changeNote: '' });

function itemDiffers(existing: Row<'service_items'>, row: ParsedItemRow, lifeEvents: readonly string[]): boolean {
  const i = row.item;
  return (
    existing.name !== i.name ||
    existing.type !== i.type ||
    existing.power_source !== i.powerSource ||
    existing.audience !== i.audience ||
    existing.department_category !== i.departmentCategory ||
    canonicalJson(existing.basis) !== canonicalJson(i.basis) ||
    canonicalJson(existing.keywords) !== canonicalJson(i.keywords) ||
    canonicalJson(existing.aliases) !== canonicalJson(i.aliases) ||
    JSON.stringify([...lifeEvents].sort()) !== JSON.stringify([...i.lifeEvents].sort())
  );
}

/**
 * Upserts items by 基本编码, implementations by 基本编码 + implementer credit code (+ region), and puts each row's
 * version elements (and its 申请材料 rows) into that implementation's draft — creating the draft when there is
 * none. Nothing is published: drafts go through review as usual. Every row is checked first; any wrong row → no change.
 */
export async function importCatalogue(kernel: Kernel, { actor, file, dryRun }: { actor: Actor; file: Buffer; dryRun: boolean }): Promise<OrgImportReport> {
  requirePermission(actor, 'service-item.manage');
  const db = kernel.db;
  const workbook = await loadWorkbook(file);
  const itemSheet = workbook.getWorksheet(catalogueSheetNames.items) ?? workbook.worksheets[0];
  if (!itemSheet) throw new AppError('VALIDATION_FAILED', { detail: 'import.empty' });
  const sheet = readWorksheet(itemSheet, catalogueColumns, MAX_CATALOGUE_IMPORT_ROWS);
  const materialWorksheet = workbook.getWorksheet(catalogueSheetNames.materials);
  const materialSheet = materialWorksheet ? readWorksheet(materialWorksheet, materialColumns, MAX_CATALOGUE_IMPORT_ROWS * 20, { allowEmpty: true }) : undefined;

  const errors = new RowErrors(actor);
  const report = (row: number, field: string, column: string, code: string, params?: Record<string, string | number>) => errors.add(row, field, column, code, params);
  const add = (row: number, column: CatalogueColumn, code: string, params?: Record<string, string | number>) => errors.add(row, column, catalogueSheetColumns[column], code, params);

  const events = await knownLifeEvents(db);
  const eventCodes = new Map<string, string>(events.flatMap((e) => [[e.code, e.code], [e.name_zh, e.code], [e.name_en.toLowerCase(), e.code]]));
  const rows = parseItemRows(sheet, eventCodes, report);
  const materialRows = materialSheet ? parseMaterialRows(materialSheet, report) : [];
  const materialsByKey = new Map<string, Omit<Material, 'key'>[]>();
  for (const m of materialRows) materialsByKey.set(m.key, [...(materialsByKey.get(m.key) ?? []), m.material]);

  // Items: rows of one basic code must agree (四级四同); the first row of each code decides.
  const existingItems = await itemsByBasicCode(db, rows.map((r) => r.item.basicCode));
  const existingEvents = await lifeEventsOf(db, [...existingItems.values()].map((i) => i.id));
  const items = new Map<string, ItemPlan>();
  const actorRegion = actor.kind === 'account' ? actor.regionCode : null;
  for (const row of rows) {
    const known = items.get(row.item.basicCode);
    if (known) {
      if (known.row.itemKey !== row.itemKey) add(row.row, 'name', 'catalogue.sheetItemMismatch');
      continue;
    }
    const existing = existingItems.get(row.item.basicCode);
    const isChanged = !existing || itemDiffers(existing, row, existingEvents.get(existing.id) ?? []);
    const itemRegion = existing?.region_code ?? actorRegion;
    // Only the region's catalogue admins define items; editors may name existing items unchanged.
    if (isChanged && (!isCatalogueAdmin(actor) || (actor.kind === 'account' && (!itemRegion || !actorRegion || !regionContains(actorRegion, itemRegion))))) {
      add(row.row, 'basicCode', 'catalogue.notYours');
      continue;
    }
    if (!itemRegion) {
      add(row.row, 'basicCode', 'catalogue.notYours');
      continue;
    }
    items.set(row.item.basicCode, { basicCode: row.item.basicCode, row, existing, id: existing?.id ?? newId(), isChanged, regionCode: itemRegion });
  }
  const takenNames = await namesInUse(db, actorRegion, [...items.values()]);
  for (const plan of items.values()) {
    const holder = takenNames.get(plan.row.item.name);
    if (plan.isChanged && holder !== undefined && holder !== plan.basicCode) add(plan.row.row, 'name', 'catalogue.nameTaken');
  }

  // Implementations and their drafts.
  const existingImplementations = await implementationsOf(db, [...existingItems.values()].map((i) => i.id));
  const implementationPlans: ImplementationPlan[] = [];
  const firstRowOf = new Map<string, number>();
  const departments = new Map<string, Row<'departments'> | undefined>();
  for (const row of rows) {
    const item = items.get(row.item.basicCode);
    if (!row.implementer || !item || errors.has(row.row)) continue;
    const creditCode = row.implementer.creditCode;
    if (!departments.has(creditCode)) departments.set(creditCode, await findDepartmentByCreditCode(db, creditCode));
    const department = departments.get(creditCode);
    if (!department || !department.is_active) {
      add(row.row, 'departmentCreditCode', 'catalogue.departmentNotFound');
      continue;
    }
    const regionCode = row.implementer.regionCode ?? department.region_code;
    if (!regionContains(department.region_code, regionCode)) {
      add(row.row, 'regionCode', 'catalogue.departmentRegion');
      continue;
    }
    const key = `${item.basicCode}/${department.id}/${regionCode}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      add(row.row, 'departmentCreditCode', 'import.duplicateRow', { row: first });
      continue;
    }
    firstRowOf.set(key, row.row);
    const existing = existingImplementations.find((i) => i.service_item_id === item.id && i.department_id === department.id && i.region_code === regionCode);
    const materials = materialsByKey.get(`${item.basicCode}/${creditCode}`);
    const hasChanges = Object.keys(row.elementCells).length > 0 || row.clearsLegalLimit || materials !== undefined;
    if (!existing || hasChanges) {
      if (!canEditImplementation(actor, { departmentId: department.id, regionCode })) {
        add(row.row, 'departmentCreditCode', 'catalogue.notYours');
        continue;
      }
    }
    const version = await planVersion(db, existing?.id, row, materials, add);
    if (!version) continue;
    implementationPlans.push({ row, item, existingId: existing?.id, id: existing?.id ?? newId(), department, regionCode, version });
  }
  const regionsKnown = await regionNames(db, implementationPlans.map((p) => p.regionCode));
  for (const plan of implementationPlans) if (!regionsKnown.has(plan.regionCode)) add(plan.row.row, 'regionCode', 'region.notFound');
  const implementerKeys = new Set(rows.flatMap((r) => (r.implementer ? [`${r.item.basicCode}/${r.implementer.creditCode}`] : [])));
  for (const m of materialRows) {
    if (!implementerKeys.has(m.key)) report(m.row, 'materials.basicCode', '申请材料·基本编码', 'catalogue.materialRowWithoutItem');
  }

  // Counts per row of the item sheet: what the row creates, changes, or leaves as it is.
  let created = 0;
  let updated = 0;
  for (const row of rows) {
    const item = items.get(row.item.basicCode);
    const plan = implementationPlans.find((p) => p.row === row);
    const createsItem = item?.row === row && !item.existing;
    if (createsItem || (plan && !plan.existingId)) created += 1;
    else if ((item?.row === row && item.isChanged) || (plan && plan.version.kind !== 'none')) updated += 1;
  }
  const counts = { total: sheet.rows.length, created, updated, unchanged: sheet.rows.length - created - updated };
  if (!errors.isEmpty || dryRun) return importReport({ dryRun, isApplied: false, ...counts }, errors);

  try {
    await inTransaction(db, async (tx) => {
      for (const plan of items.values()) await applyItem(tx, plan);
      for (const plan of implementationPlans) await applyImplementation(tx, actor, plan);
      await audit(tx, actor, {
        action: 'service-item.import',
        objectType: 'service-item',
        detail: {
          ...counts,
          items: [...items.values()].filter((p) => p.isChanged).map((p) => ({ id: p.id, basicCode: p.basicCode, isNew: !p.existing })),
          implementations: implementationPlans.map((p) => ({ id: p.id, isNew: !p.existingId, version: p.version.kind })),
        },
      });
      await emit(tx, 'service-item.imported', { items: [...items.values()].filter((p) => p.isChanged).map((p) => p.id), implementations: implementationPlans.map((p) => p.id) });
    });
  } catch (error) {
    // Another editor created the same item, name or draft while the sheet was being checked.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { detail: 'catalogue.transitionNotAllowed' });
    throw error;
  }
  return importReport({ dryRun, isApplied: true, ...counts }, errors);
}

async function namesInUse(db: Queryable, regionCode: string | null, plans: readonly ItemPlan[]): Promise<Map<string, string>> {
  const names = plans.map((p) => p.row.item.name);
  if (names.length === 0) return new Map();
  const regions = [...new Set([...plans.flatMap((p) => (p.existing ? [p.existing.region_code] : [])), ...(regionCode ? [regionCode] : [])])];
  if (regions.length === 0) return new Map();
  const rows = await db.selectFrom('service_items').select(['name', 'basic_code']).where('name', 'in', names).where('region_code', 'in', regions).execute();
  return new Map(rows.map((r) => [r.name, r.basic_code]));
}

async function planVersion(
  db: Queryable,
  implementationId: string | undefined,
  row: ParsedItemRow,
  materials: readonly Omit<Material, 'key'>[] | undefined,
  add: (row: number, column: CatalogueColumn, code: string) => void,
): Promise<VersionPlan | undefined> {
  const hasChanges = Object.keys(row.elementCells).length > 0 || row.clearsLegalLimit || materials !== undefined;
  if (!hasChanges) return { kind: 'none' };
  const versions = implementationId ? await versionsOfImplementation(db, implementationId) : [];
  const latest = versions[0];
  if (latest?.status === 'review') {
    add(row.row, 'departmentCreditCode', 'catalogue.pendingReview');
    return undefined;
  }
  const base = latest ? elementsOf(latest) : skeletonElements();
  const { elements, issues } = overlayElements(base, row.elementCells, { clearsLegalLimit: row.clearsLegalLimit, materials });
  for (const issue of issues) {
    if (issue.column === 'materials') add(row.row, 'acceptanceConditions', 'catalogue.materialsColumn');
    else add(row.row, issue.column, issue.code);
  }
  if (!elements) return undefined;
  if (latest && comparable(elements) === comparable(base)) return { kind: 'none' };
  if (latest?.status === 'draft') return { kind: 'update', draft: latest, elements };
  return { kind: 'create', number: (latest?.version ?? 0) + 1, elements };
}

async function applyItem(tx: Queryable, plan: ItemPlan): Promise<void> {
  if (!plan.isChanged) return;
  const i = plan.row.item;
  const columns = {
    name: i.name,
    type: i.type,
    power_source: i.powerSource,
    basis: JSON.stringify(i.basis),
    audience: i.audience,
    keywords: i.keywords,
    aliases: i.aliases,
    department_category: i.departmentCategory,
    ...searchColumns(i),
  };
  if (plan.existing) {
    if (!(await updateItemRow(tx, plan.id, plan.existing.version, columns))) throw new AppError('STALE_VERSION');
  } else {
    await insertItem(tx, { id: plan.id, basic_code: plan.basicCode, region_code: plan.regionCode, ...columns });
  }
  await setLifeEvents(tx, plan.id, i.lifeEvents);
}

async function applyImplementation(tx: Queryable, actor: Actor, plan: ImplementationPlan): Promise<void> {
  if (!plan.existingId) {
    const serial = await nextSerial(tx, plan.item.id, plan.department.id);
    await insertImplementation(tx, {
      id: plan.id,
      service_item_id: plan.item.id,
      department_id: plan.department.id,
      region_code: plan.regionCode,
      serial,
      implementation_code: implementationCode(plan.department.credit_code, plan.item.basicCode, serial),
    });
  }
  const version = plan.version;
  const who = { actor_id: actor.kind === 'account' ? actor.accountId : null, actor_name: actorName(actor), note: 'Excel 导入' };
  switch (version.kind) {
    case 'none':
      return;
    case 'update':
      if (!(await updateVersionRow(tx, version.draft.id, version.draft.revision, elementColumns(version.elements)))) throw new AppError('STALE_VERSION');
      await appendAction(tx, { version_id: version.draft.id, action: 'edit', from_status: 'draft', to_status: 'draft', ...who });
      return;
    case 'create': {
      const item = await tx.selectFrom('service_items').selectAll().where('id', '=', plan.item.id).executeTakeFirstOrThrow();
      const id = newId();
      await insertVersion(tx, { id, implementation_id: plan.id, version: version.number, status: 'draft', item_snapshot: JSON.stringify(itemSnapshot(item)), ...elementColumns(version.elements) });
      await appendAction(tx, { version_id: id, action: 'create', from_status: null, to_status: 'draft', ...who });
      return;
    }
  }
}
