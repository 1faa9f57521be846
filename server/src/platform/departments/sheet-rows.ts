import { departmentNameSchema, departmentSheetColumns, departmentShortNameSchema, departmentStatusLabels, parseCreditCode, positionNameSchema } from '@zhengtong/contracts';
import { normalizeCode, parseSortCell, type Sheet } from '../../kernel/spreadsheet';

export type DepartmentColumn = keyof typeof departmentSheetColumns;

/** One sheet row, checked field by field; undefined means "the sheet has no such column: keep what is stored". */
export type ParsedDepartment = {
  row: number;
  creditCode: string;
  name: string;
  shortName: string | null | undefined;
  regionCode: string;
  parentCreditCode: string | null | undefined;
  sort: number | undefined;
  isActive: boolean | undefined;
  positions: string[];
};

type Report = (row: number, column: DepartmentColumn, code: string, params?: Record<string, string | number>) => void;

const statusWords = new Map<string, boolean>([
  [departmentStatusLabels.active, true],
  [departmentStatusLabels.inactive, false],
  ['正常', true],
  ['active', true],
  ['inactive', false],
]);

/** Rows without a field error, in sheet order; every problem goes to `report`. Duplicated credit codes are refused. */
export function parseDepartmentRows(sheet: Sheet<DepartmentColumn>, report: Report): ParsedDepartment[] {
  const parsed: ParsedDepartment[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values } of sheet.rows) {
    let isValid = true;
    const fail = (column: DepartmentColumn, code: string, params?: Record<string, string | number>) => {
      report(row, column, code, params);
      isValid = false;
    };

    const credit = parseCreditCode(normalizeCode(values.creditCode));
    if (!credit.ok) fail('creditCode', `creditCode.${credit.reason}`);
    const name = departmentNameSchema.safeParse(values.name);
    if (!name.success) fail('name', name.error.issues[0]?.message ?? 'invalid_format');

    let shortName: string | null | undefined;
    if (sheet.hasColumn('shortName') && values.shortName !== '') {
      const result = departmentShortNameSchema.safeParse(values.shortName);
      if (result.success) shortName = result.data;
      else fail('shortName', result.error.issues[0]?.message ?? 'invalid_format');
    } else if (sheet.hasColumn('shortName')) shortName = null;

    const regionCode = normalizeCode(values.regionCode);
    if (!/^\d{12}$/.test(regionCode)) fail('regionCode', 'regionCode.invalid');

    let parentCreditCode: string | null | undefined;
    if (sheet.hasColumn('parentCreditCode')) {
      const parent = values.parentCreditCode === '' ? undefined : parseCreditCode(normalizeCode(values.parentCreditCode));
      if (parent && !parent.ok) fail('parentCreditCode', `creditCode.${parent.reason}`);
      parentCreditCode = parent?.ok ? parent.value : null;
    }

    const sort = parseSortCell(values.sort);
    if (sort === null) fail('sort', 'import.sortInvalid');

    let isActive: boolean | undefined;
    if (values.status !== '') {
      isActive = statusWords.get(values.status.toLowerCase());
      if (isActive === undefined) fail('status', 'import.statusUnknown');
    }

    const positions = [...new Set(values.positions.split(/[、;；,，\n]/).map((p) => p.trim()).filter((p) => p !== ''))];
    for (const position of positions) {
      const result = positionNameSchema.safeParse(position);
      if (!result.success) fail('positions', result.error.issues[0]?.message ?? 'invalid_format');
    }

    if (credit.ok) {
      const first = firstRowOf.get(credit.value);
      if (first !== undefined) fail('creditCode', 'import.duplicateRow', { row: first });
      else firstRowOf.set(credit.value, row);
    }
    if (!isValid || !credit.ok || !name.success || sort === null) continue;
    parsed.push({ row, creditCode: credit.value, name: name.data, shortName, regionCode, parentCreditCode, sort, isActive, positions });
  }
  return parsed;
}
