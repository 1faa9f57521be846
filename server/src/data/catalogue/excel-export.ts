import { dataResourceStatusNames, dataResourceVersionStatusNames, type DataResourceDefinition, type DataResourceListQuery } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { writeWorkbook, type SheetCell } from '../../kernel/spreadsheet';
import { isManagerOf, isReviewerOf } from './access';
import { departmentsById, latestDefinitions } from './repo';
import { selectResources } from './search';
import { tables } from './tables';
import { FIELD_SHEET, fieldColumns, RESOURCE_SHEET, resourceColumns, sheetEnums, writeList, type FieldColumn, type ResourceColumn } from './excel-columns';

// 导出资源目录: what the reader may see under the same filters as the search. The provider's admins and reviewers
// get each resource's newest version (the draft they are working on), so the sheet imports back unchanged;
// everyone else the published version.

export async function exportCatalogue(kernel: Kernel, { actor, query }: { actor: Actor; query: Omit<DataResourceListQuery, 'page' | 'pageSize'> }): Promise<Buffer> {
  const db = kernel.db;
  const { hits } = await selectResources(db, actor, query);
  const working = hits.filter((r) => isManagerOf(actor, r) || isReviewerOf(actor, r));
  const latest = await latestDefinitions(db, working.map((r) => r.id));
  const publishedIds = hits.filter((r) => !latest.has(r.id)).map((r) => r.id);
  const published = new Map<string, DataResourceDefinition>();
  if (publishedIds.length > 0) {
    const rows = await tables(db).selectFrom('data_resources').select(['id', 'definition']).where('id', 'in', publishedIds).execute();
    for (const r of rows) if (r.definition) published.set(r.id, r.definition);
  }
  const definitionOf = (id: string) => latest.get(id)?.definition ?? published.get(id);
  const sourceIds = hits.flatMap((r) => definitionOf(r.id)?.fields.map((f) => f.sourceDepartmentId) ?? []).filter((s): s is string => s !== null);
  const departments = await departmentsById(db, [...hits.map((r) => r.provider_department_id), ...sourceIds]);

  const resourceRows: Record<ResourceColumn, SheetCell>[] = [];
  const fieldRows: Record<FieldColumn, SheetCell>[] = [];
  for (const r of hits) {
    const d = definitionOf(r.id);
    if (!d) continue;
    const provider = departments.get(r.provider_department_id);
    const pending = latest.get(r.id);
    const status = dataResourceStatusNames[r.status]['zh-CN'] + (pending && pending.number !== r.published_version ? `(第 ${pending.number} 版${dataResourceVersionStatusNames[pending.status]['zh-CN']})` : '');
    resourceRows.push({
      code: r.code,
      name: d.name,
      providerName: provider?.name ?? '',
      providerCreditCode: provider?.credit_code ?? '',
      sourceKind: sheetEnums.sourceKind.write(r.source_kind),
      catalogueType: sheetEnums.catalogueType.write(d.catalogueType),
      category: d.classification.category,
      item: d.classification.item,
      directory: d.classification.directory,
      detail: d.classification.detail,
      summary: d.summary,
      format: sheetEnums.format.write(d.format),
      themes: writeList(d.themes),
      keywords: writeList(d.keywords),
      shareType: sheetEnums.shareType.write(d.shareType),
      shareCondition: d.shareCondition,
      legalBasis: d.legalBasis,
      shareMethods: writeList(d.shareMethods.map((m) => sheetEnums.shareMethod.write(m))),
      openType: sheetEnums.openType.write(d.openType),
      openCondition: d.openCondition,
      updateCycle: sheetEnums.updateCycle.write(d.updateCycle),
      releasedOn: d.releasedOn ?? '',
      relatedCodes: writeList(d.relatedCodes),
      keyField: d.keyField,
      status,
      version: pending?.number ?? r.published_version,
    });
    for (const f of d.fields) {
      const source = f.sourceDepartmentId ? departments.get(f.sourceDepartmentId) : undefined;
      fieldRows.push({
        code: r.code,
        key: f.key,
        name: f.name,
        type: sheetEnums.fieldType.write(f.type),
        description: f.description,
        shareType: sheetEnums.shareType.write(f.shareType),
        openType: sheetEnums.openType.write(f.openType),
        legalBasis: f.legalBasis ?? '',
        level: sheetEnums.level.write(f.level),
        subLevel: f.subLevel ?? '',
        masking: sheetEnums.masking.write(f.masking),
        identifier: f.identifier ? sheetEnums.identifier.write(f.identifier) : '',
        sourceName: source?.name ?? '',
        sourceCreditCode: source?.credit_code ?? '',
      });
    }
  }
  return writeWorkbook([
    { name: RESOURCE_SHEET, columns: resourceColumns, rows: resourceRows },
    { name: FIELD_SHEET, columns: fieldColumns, rows: fieldRows },
  ]);
}
