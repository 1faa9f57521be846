import { catalogueSheetColumns, materialSheetColumns, parseCreditCode, serviceItemInput, type Material, type ServiceItemInput } from '@zhengtong/contracts';
import { normalizeCode, type Sheet } from '../../kernel/spreadsheet';
import type { CatalogueColumn, MaterialColumn } from './excel-columns';
import { elementColumnKeys } from './excel-columns';
import { parseAudience, parseBasis, parseCount, parseFormats, parsePowerSource, parseSource, parseType, parseYesNo, splitList } from './sheet-cells';

// The catalogue workbook's rows, checked cell by cell (no database): what each row says about the item, its
// implementer and the version elements it changes.

export type Report = (row: number, field: string, column: string, code: string, params?: Record<string, string | number>) => void;

export type ParsedItemRow = {
  row: number;
  item: ServiceItemInput;
  /** The item part as one comparable string: rows of one basic code must agree (四级四同). */
  itemKey: string;
  implementer: { creditCode: string; regionCode: string | undefined } | undefined;
  /** Element cells the row fills in (blank ones keep what the version has). */
  elementCells: Partial<Record<CatalogueColumn, string>>;
  /** The sheet has a 法定办结时限 column and this row leaves it blank: no statutory limit. */
  clearsLegalLimit: boolean;
};

const itemFields = ['basicCode', 'name', 'type', 'powerSource', 'basis', 'audience', 'lifeEvents', 'keywords', 'aliases', 'departmentCategory'] as const;

function columnOfItemIssue(path: readonly PropertyKey[]): CatalogueColumn {
  const head = String(path[0] ?? 'name');
  return (itemFields as readonly string[]).includes(head) ? (head as CatalogueColumn) : 'name';
}

/** Item rows without a cell error; life events are given by name (出生) or code (birth). */
export function parseItemRows(sheet: Sheet<CatalogueColumn>, lifeEventCodes: ReadonlyMap<string, string>, report: Report): ParsedItemRow[] {
  const parsed: ParsedItemRow[] = [];
  const add = (row: number, column: CatalogueColumn, code: string, params?: Record<string, string | number>) => report(row, column, catalogueSheetColumns[column], code, params);
  for (const { row, values } of sheet.rows) {
    let isValid = true;
    const fail = (column: CatalogueColumn, code: string) => {
      add(row, column, code);
      isValid = false;
    };
    const type = parseType(values.type);
    if (!type) fail('type', 'catalogue.typeUnknown');
    const powerSource = values.powerSource === '' ? 'statutory' : parsePowerSource(values.powerSource);
    if (!powerSource) fail('powerSource', 'catalogue.powerSourceUnknown');
    const audience = parseAudience(values.audience);
    if (!audience) fail('audience', 'catalogue.audienceUnknown');
    const basis = parseBasis(values.basis);
    if (!basis) fail('basis', 'catalogue.basisFormat');
    const lifeEvents = splitList(values.lifeEvents).map((word) => lifeEventCodes.get(word) ?? lifeEventCodes.get(word.toLowerCase()));
    if (lifeEvents.some((code) => code === undefined)) fail('lifeEvents', 'catalogue.lifeEventUnknown');
    if (!isValid || !type || !powerSource || !audience || !basis) continue;

    const item = serviceItemInput.safeParse({
      basicCode: values.basicCode,
      name: values.name,
      type,
      powerSource,
      basis,
      audience,
      lifeEvents: lifeEvents.filter((c): c is string => c !== undefined),
      keywords: splitList(values.keywords),
      aliases: splitList(values.aliases),
      departmentCategory: values.departmentCategory,
    });
    if (!item.success) {
      for (const issue of item.error.issues) add(row, columnOfItemIssue(issue.path), issue.message);
      continue;
    }

    let implementer: ParsedItemRow['implementer'];
    if (values.departmentCreditCode !== '') {
      const credit = parseCreditCode(normalizeCode(values.departmentCreditCode));
      const regionCode = values.regionCode === '' ? undefined : normalizeCode(values.regionCode);
      if (!credit.ok) fail('departmentCreditCode', `creditCode.${credit.reason}`);
      if (regionCode !== undefined && !/^\d{12}$/.test(regionCode)) fail('regionCode', 'regionCode.invalid');
      if (credit.ok) implementer = { creditCode: credit.value, regionCode };
    }
    const elementCells: Partial<Record<CatalogueColumn, string>> = {};
    for (const key of elementColumnKeys) if (values[key] !== '') elementCells[key] = values[key];
    if (!implementer && Object.keys(elementCells).length > 0) fail('departmentCreditCode', 'required');
    if (!isValid) continue;
    const { sort: _sort, description: _description, ...comparable } = item.data;
    parsed.push({
      row,
      item: item.data,
      itemKey: JSON.stringify(comparable),
      implementer,
      elementCells,
      clearsLegalLimit: implementer !== undefined && sheet.hasColumn('legalLimit') && values.legalLimit === '',
    });
  }
  return parsed;
}

export type ParsedMaterialRow = { row: number; key: string; material: Omit<Material, 'key'> };

/** Material rows, keyed by basic code + implementer credit code, in sheet order. */
export function parseMaterialRows(sheet: Sheet<MaterialColumn>, report: Report): ParsedMaterialRow[] {
  const parsed: ParsedMaterialRow[] = [];
  // Errors of this sheet name it, since its row numbers are its own.
  const add = (row: number, column: MaterialColumn, code: string) => report(row, `materials.${column}`, `申请材料·${materialSheetColumns[column]}`, code);
  for (const { row, values } of sheet.rows) {
    let isValid = true;
    const fail = (column: MaterialColumn, code: string) => {
      add(row, column, code);
      isValid = false;
    };
    const basicCode = normalizeCode(values.basicCode);
    const credit = parseCreditCode(normalizeCode(values.departmentCreditCode));
    if (!credit.ok) fail('departmentCreditCode', `creditCode.${credit.reason}`);
    if (values.name === '') fail('name', 'required');
    const source = values.source === '' ? 'applicant' : parseSource(values.source);
    if (!source) fail('source', 'catalogue.sourceUnknown');
    const originals = values.originals === '' ? 0 : parseCount(values.originals);
    if (originals === undefined) fail('originals', 'catalogue.numberFormat');
    const copies = values.copies === '' ? 0 : parseCount(values.copies);
    if (copies === undefined) fail('copies', 'catalogue.numberFormat');
    const formats = values.formats === '' ? ['pdf' as const, 'jpg' as const, 'png' as const] : parseFormats(values.formats);
    if (!formats) fail('formats', 'catalogue.formatUnknown');
    const flag = (column: 'isRequired' | 'canBeGap' | 'canBePledged', fallback: boolean) => {
      if (values[column] === '') return fallback;
      const value = parseYesNo(values[column]);
      if (value === undefined) fail(column, 'catalogue.yesNo');
      return value ?? fallback;
    };
    const isRequired = flag('isRequired', true);
    const canBeGap = flag('canBeGap', false);
    const canBePledged = flag('canBePledged', false);
    if (!isValid || !credit.ok || !source || originals === undefined || copies === undefined || !formats) continue;
    parsed.push({
      row,
      key: `${basicCode}/${credit.value}`,
      material: {
        name: values.name,
        source,
        issuer: '',
        originals,
        copies,
        formats,
        maxSizeMb: 10,
        isRequired,
        canBeGap,
        canBePledged,
        blankFormUrl: null,
        sampleUrl: null,
        licenseTypeCode: null,
        note: values.note,
      },
    });
  }
  return parsed;
}
