import type { DataField, OpenRecord } from '@zhengtong/contracts';

// CSV as RFC 4180 writes it (CRLF, fields with a comma, quote or line break quoted, quotes doubled), in UTF-8 with a
// byte-order mark so Excel on a Chinese Windows opens it as UTF-8 instead of GBK.

export const UTF8_BOM = '\uFEFF';

// Text starting like a formula is run by spreadsheet programs when the file is opened (CSV injection, OWASP):
// such text gets a leading apostrophe, which Excel shows as plain text. Numbers (-3.5) are left alone.
const FORMULA_START = /^[=+@\t\r]|^-(?![\d.])/;

export function csvCell(value: OpenRecord[string] | undefined, type: DataField['type'] = 'string'): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  if (type === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}

export function csvHeader(fields: readonly Pick<DataField, 'name'>[]): string {
  return csvLine(fields.map((f) => csvCell(f.name)));
}

export function csvRow(record: OpenRecord, fields: readonly Pick<DataField, 'key' | 'type'>[]): string {
  return csvLine(fields.map((f) => csvCell(record[f.key], f.type)));
}
