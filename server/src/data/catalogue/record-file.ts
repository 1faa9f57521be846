import type { DataField } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { cellText, isZipArchive, loadWorkbook } from '../../kernel/spreadsheet';
import { parseCsv } from '../../platform/licenses';

// A provider's records file: a UTF-8 CSV (RFC 4180) or an .xlsx whose first row names the columns, by the
// items' names (身份证号) or keys (idNumber), in any order. The key column is required; an item without a column is
// loaded empty (the file is the whole record); columns the resource does not know are ignored.

/** At most this many rows per file (a department's table of a few hundred thousand records splits in files). */
export const MAX_RECORD_ROWS = 200_000;

export type RawRow = { row: number; values: Record<string, unknown> };

const cleanHeader = (h: string) => h.replace(/[*＊]|[(（]必填[)）]/g, '').trim();

function toRows(fields: readonly DataField[], keyField: string, table: string[][], rowNumberOf: (index: number) => number): RawRow[] {
  const [header = [], ...body] = table;
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const name = cleanHeader(h);
    const field = fields.find((f) => f.name === name) ?? fields.find((f) => f.key === name);
    if (field && !at.has(field.key)) at.set(field.key, i);
  });
  if (!at.has(keyField)) {
    const key = fields.find((f) => f.key === keyField);
    throw new AppError('VALIDATION_FAILED', { detail: 'data.import.missingColumns', params: { columns: key?.name ?? keyField } });
  }
  const rows: RawRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, unknown> = {};
    for (const f of fields) {
      const i = at.get(f.key);
      values[f.key] = i === undefined ? null : (cells[i] ?? '');
    }
    rows.push({ row: rowNumberOf(index), values });
  });
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'data.import.empty' });
  if (rows.length > MAX_RECORD_ROWS) throw new AppError('VALIDATION_FAILED', { detail: 'data.import.tooManyRows', params: { max: MAX_RECORD_ROWS } });
  return rows;
}

/** The data rows of an uploaded .csv or .xlsx for a resource's fields, numbered as a spreadsheet shows them. */
export async function readRecordFile(fields: readonly DataField[], keyField: string, bytes: Buffer, fileName: string): Promise<RawRow[]> {
  if (/\.xlsx$/i.test(fileName) || isZipArchive(bytes)) {
    const workbook = await loadWorkbook(bytes);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('VALIDATION_FAILED', { detail: 'data.import.empty' });
    const table: string[][] = [];
    const numbers: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      table.push(Array.from(values, (v) => cellText(v ?? null)));
      numbers.push(n);
    });
    return toRows(fields, keyField, table, (index) => numbers[index + 1] ?? index + 2);
  }
  if (!/\.csv$/i.test(fileName)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'data.import.format' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', { detail: 'data.import.unreadable' });
  }
  return toRows(fields, keyField, parseCsv(text), (index) => index + 2);
}
