import { licenseImportColumns } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { cellText, isZipArchive, loadWorkbook } from '../../kernel/spreadsheet';
import type { LicenseTypeRow } from './repo';

// Reading an import file (历史证照电子化): a UTF-8 CSV (RFC 4180) or an .xlsx, first row the headers. Columns are
// found by header text in any order: the fixed ones (原证照编号, 持证主体名称 …) and one per field of the licence
// type, headed by the field's printed name (or its key). CSV is the format for large batches: it streams no
// workbook into memory and parses at tens of thousands of rows per second.

/** At most this many rows per import (a city's back catalogue of one licence type, e.g. 300,000 营业执照). */
export const MAX_IMPORT_ROWS = 500_000;

export type ImportRow = {
  /** Row number as the sheet shows it (header = 1). */
  row: number;
  originalNumber: string;
  holderName: string;
  holderNumber: string;
  validFrom: string;
  validTo: string;
  issuedOn: string;
  fields: Record<string, string>;
};

type FixedKey = keyof typeof licenseImportColumns;
const requiredFixed: FixedKey[] = ['originalNumber', 'holderName', 'holderNumber', 'validFrom'];

/** The header of each column a licence type's import reads: fixed columns, then its fields by printed name. */
export function importHeaders(type: Pick<LicenseTypeRow, 'fields'>): string[] {
  return [...Object.values(licenseImportColumns), ...type.fields.map((f) => f.name)];
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks inside quotes, CRLF or LF line ends, a BOM skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function toRows(type: Pick<LicenseTypeRow, 'fields'>, table: string[][], rowNumberOf: (index: number) => number): ImportRow[] {
  const [header = [], ...body] = table;
  const clean = (h: string) => h.replace(/[*＊]|[(（]必填[)）]/g, '').trim();
  const position = new Map<string, number>();
  header.forEach((h, i) => {
    if (!position.has(clean(h))) position.set(clean(h), i);
  });
  const fixedAt = (key: FixedKey) => position.get(licenseImportColumns[key]);
  const missing = requiredFixed.filter((k) => fixedAt(k) === undefined).map((k) => licenseImportColumns[k]);
  const requiredFields = type.fields.filter((f) => f.isRequired && position.get(f.name) === undefined && position.get(f.key) === undefined).map((f) => f.name);
  if (missing.length + requiredFields.length > 0) throw new AppError('VALIDATION_FAILED', { detail: 'license.import.missingColumns', params: { columns: [...missing, ...requiredFields].join('、') } });
  const fieldAt = type.fields.map((f) => [f.key, position.get(f.name) ?? position.get(f.key)] as const);
  const rows: ImportRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (at: number | undefined) => (at === undefined ? '' : (cells[at] ?? '').trim());
    const fields: Record<string, string> = {};
    for (const [key, at] of fieldAt) {
      const value = cell(at);
      if (value !== '') fields[key] = value;
    }
    rows.push({
      row: rowNumberOf(index),
      originalNumber: cell(fixedAt('originalNumber')),
      holderName: cell(fixedAt('holderName')),
      holderNumber: cell(fixedAt('holderNumber')).normalize('NFKC').replace(/\s+/g, '').toUpperCase(),
      validFrom: cell(fixedAt('validFrom')),
      validTo: cell(fixedAt('validTo')),
      issuedOn: cell(fixedAt('issuedOn')),
      fields,
    });
  });
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'license.import.empty' });
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('VALIDATION_FAILED', { detail: 'license.import.tooManyRows', params: { max: MAX_IMPORT_ROWS } });
  return rows;
}

/** The data rows of an uploaded .csv or .xlsx, for the given licence type. */
export async function readImportFile(type: Pick<LicenseTypeRow, 'fields'>, bytes: Buffer, fileName: string): Promise<ImportRow[]> {
  if (/\.xlsx$/i.test(fileName) || isZipArchive(bytes)) {
    const workbook = await loadWorkbook(bytes);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('VALIDATION_FAILED', { detail: 'license.import.empty' });
    const table: string[][] = [];
    const numbers: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      table.push(Array.from(values, (v) => cellText(v ?? null)));
      numbers.push(n);
    });
    return toRows(type, table, (index) => numbers[index + 1] ?? index + 2);
  }
  if (!/\.csv$/i.test(fileName)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'license.import.format' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', { detail: 'license.import.unreadable' });
  }
  // Rows are numbered as a spreadsheet would show them; a quoted line break keeps its row number.
  return toRows(type, parseCsv(text), (index) => index + 2);
}
