import {
  catalogueTypeNames,
  dataFieldSheetColumns,
  dataFieldTypeNames,
  dataLevelNames,
  dataResourceSheetColumns,
  dataValueCheckNames,
  maskingKindNames,
  openTypeNames,
  resourceFormatNames,
  resourceSourceKindNames,
  shareMethodNames,
  shareTypeNames,
  updateCycleNames,
  type Locale,
} from '@zhengtong/contracts';
import type { SheetColumn } from '../../kernel/spreadsheet';

// The catalogue workbook (资源目录.xlsx): sheet 资源, one row per resource, and sheet 信息项, one row per item in
// order. Enumerations are written by their Chinese names; an import also takes the code (unconditional …).

export const RESOURCE_SHEET = '资源';
export const FIELD_SHEET = '信息项';

export type ResourceColumn = keyof typeof dataResourceSheetColumns;
export type FieldColumn = keyof typeof dataFieldSheetColumns;

const resourceWidths: Record<ResourceColumn, number> = {
  code: 18, name: 24, providerName: 22, providerCreditCode: 22, sourceKind: 12, catalogueType: 14, category: 12, item: 12, directory: 12, detail: 12,
  summary: 40, format: 10, themes: 16, keywords: 20, shareType: 12, shareCondition: 24, legalBasis: 30, shareMethods: 14, openType: 12,
  openCondition: 20, updateCycle: 10, releasedOn: 12, relatedCodes: 20, keyField: 14, status: 16, version: 8,
};
const requiredResource = new Set<ResourceColumn>(['code', 'name', 'providerCreditCode', 'catalogueType', 'category', 'summary', 'format', 'shareType', 'openType', 'updateCycle', 'keyField']);
const textResource = new Set<ResourceColumn>(['code', 'providerCreditCode', 'releasedOn', 'relatedCodes', 'keyField']);

export const resourceColumns: SheetColumn<ResourceColumn>[] = (Object.keys(dataResourceSheetColumns) as ResourceColumn[]).map((key) => ({
  key,
  header: dataResourceSheetColumns[key],
  width: resourceWidths[key],
  isText: textResource.has(key),
  isRequired: requiredResource.has(key),
}));

const fieldWidths: Record<FieldColumn, number> = {
  code: 18, key: 16, name: 18, type: 10, description: 24, shareType: 12, openType: 12, legalBasis: 24, level: 10, subLevel: 8, masking: 10,
  identifier: 24, sourceName: 22, sourceCreditCode: 22,
};
const requiredField = new Set<FieldColumn>(['code', 'key', 'name', 'type', 'shareType', 'openType', 'level']);
const textField = new Set<FieldColumn>(['code', 'key', 'subLevel', 'sourceCreditCode']);

export const fieldColumns: SheetColumn<FieldColumn>[] = (Object.keys(dataFieldSheetColumns) as FieldColumn[]).map((key) => ({
  key,
  header: dataFieldSheetColumns[key],
  width: fieldWidths[key],
  isText: textField.has(key),
  isRequired: requiredField.has(key),
}));

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

/** One enumeration as the sheet writes and reads it. */
export class SheetEnum<K extends string> {
  constructor(private readonly labels: Labels<K>) {}

  write(value: K): string {
    return this.labels[value]['zh-CN'];
  }

  /** The value a cell names (its Chinese or English name, or its code); undefined when it names none. */
  read(cell: string): K | undefined {
    const text = cell.trim();
    for (const [key, names] of Object.entries<Readonly<Record<Locale, string>>>(this.labels)) {
      if (key === text || names['zh-CN'] === text || names['en-US'].toLowerCase() === text.toLowerCase()) return key as K;
    }
    return undefined;
  }
}

export const sheetEnums = {
  sourceKind: new SheetEnum(resourceSourceKindNames),
  catalogueType: new SheetEnum(catalogueTypeNames),
  format: new SheetEnum(resourceFormatNames),
  shareType: new SheetEnum(shareTypeNames),
  openType: new SheetEnum(openTypeNames),
  shareMethod: new SheetEnum(shareMethodNames),
  updateCycle: new SheetEnum(updateCycleNames),
  fieldType: new SheetEnum(dataFieldTypeNames),
  level: new SheetEnum(dataLevelNames),
  masking: new SheetEnum(maskingKindNames),
  identifier: new SheetEnum(dataValueCheckNames),
};

const LIST_SEPARATOR = '、';

export function writeList(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

/** A list cell: items separated by 、 (or commas, semicolons, line breaks, as people type them). */
export function readList(cell: string): string[] {
  return cell.split(/[、,，;；\n]/).map((s) => s.trim()).filter((s) => s !== '');
}
