import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { declaredUnpackedSize, isZipArchive } from './xlsx-archive';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Sheets of a few thousand rows unpack to a few MB; 25× the 5 MB upload limit leaves room for honest files.
const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;

export type SheetColumn<K extends string> = {
  key: K;
  header: string;
  width: number;
  /** Stored as text so Excel keeps leading zeros and does not turn 12–18 digit codes into 5.3E+11. */
  isText?: boolean;
  isRequired?: boolean;
};

export type SheetCell = string | number | null;

export type SheetSpec<K extends string> = { name: string; columns: readonly SheetColumn<K>[]; rows: readonly Record<K, SheetCell>[] };

/** A workbook of several sheets (e.g. items and their materials), each with a bold, frozen header row. */
export async function writeWorkbook(sheets: readonly SheetSpec<string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政通 Zhengtong';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ key: c.key, header: c.header, width: c.width, ...(c.isText ? { style: { numFmt: '@' } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeSheet<K extends string>(sheetName: string, columns: readonly SheetColumn<K>[], rows: readonly Record<K, SheetCell>[]): Promise<Buffer> {
  return writeWorkbook([{ name: sheetName, columns, rows }]);
}

/** One data row: its number as Excel shows it and the trimmed text of each known column ('' when blank). */
export type SheetRow<K extends string> = { row: number; values: Record<K, string> };

/** The data rows, and which columns the sheet has: an absent column means "keep", a blank cell means "empty". */
export type Sheet<K extends string> = { rows: SheetRow<K>[]; hasColumn: (key: K) => boolean };

/**
 * Opens an uploaded workbook. Throws problem-ready errors for a file that is not a readable .xlsx or whose ZIP
 * declares an unpacked size far beyond an honest spreadsheet (checked before inflating anything).
 */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (!isZipArchive(buffer)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'import.notXlsx' });
  const unpacked = declaredUnpackedSize(buffer);
  if (unpacked === undefined) throw new AppError('BAD_REQUEST', { detail: 'import.unreadable' });
  if (unpacked > MAX_UNPACKED_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { detail: 'import.tooLarge' });
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; Node's Buffer is what it reads.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AppError('BAD_REQUEST', { detail: 'import.unreadable', cause: error });
  }
  return workbook;
}

/**
 * Reads one worksheet, finding columns by their header text in any order. Throws problem-ready errors when a
 * required column is missing, the sheet has too many rows, or (unless allowed) no data row at all.
 */
export function readWorksheet<K extends string>(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn<K>[], maxRows: number, options: { allowEmpty?: boolean } = {}): Sheet<K> {
  const positions = new Map<K, number>();
  sheet.getRow(1).eachCell((cell, index) => {
    // Templates often mark required headers with * or （必填）; match on the bare name.
    const header = cellText(cell.value).replace(/[*＊]|[(（]必填[)）]/g, '').trim();
    const column = columns.find((c) => c.header === header);
    if (column && !positions.has(column.key)) positions.set(column.key, index);
  });
  const missing = columns.filter((c) => c.isRequired && !positions.has(c.key)).map((c) => c.header);
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', { detail: 'import.missingColumns', params: { columns: missing.join('、') } });

  const rows: SheetRow<K>[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const values = {} as Record<K, string>;
    let isBlank = true;
    for (const column of columns) {
      const index = positions.get(column.key);
      const text = index === undefined ? '' : cellText(row.getCell(index).value);
      values[column.key] = text;
      if (text !== '') isBlank = false;
    }
    if (isBlank) continue;
    if (rows.length >= maxRows) throw new AppError('VALIDATION_FAILED', { detail: 'import.tooManyRows', params: { max: maxRows } });
    rows.push({ row: n, values });
  }
  if (rows.length === 0 && !options.allowEmpty) throw new AppError('VALIDATION_FAILED', { detail: 'import.empty' });
  return { rows, hasColumn: (key) => positions.has(key) };
}

/** The first worksheet of an uploaded workbook (see loadWorkbook and readWorksheet). */
export async function readSheet<K extends string>(buffer: Buffer, columns: readonly SheetColumn<K>[], maxRows: number): Promise<Sheet<K>> {
  const workbook = await loadWorkbook(buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', { detail: 'import.empty' });
  return readWorksheet(sheet, columns, maxRows);
}

/** The text a person sees in a cell, whatever Excel stored (number, rich text, hyperlink, formula result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  // Integers print without exponent below 1e21, so a 12-digit code typed as a number survives.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('hyperlink' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return value.result === undefined ? '' : cellText(value.result);
}

/** Digits and letters typed with a Chinese input method (全角) become ASCII; codes are upper case. */
export function normalizeCode(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** A sort-order cell: undefined when blank (keep), null when not a whole number from 0 to 999999. */
export function parseSortCell(text: string): number | undefined | null {
  if (text === '') return undefined;
  const n = Number(text.normalize('NFKC'));
  return Number.isInteger(n) && n >= 0 && n <= 999_999 ? n : null;
}
