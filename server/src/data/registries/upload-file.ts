import { REGISTRY_FILE_MAX_ROWS } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { cellText, isZipArchive, loadWorkbook } from '../../kernel/spreadsheet';
import { parseCsv } from '../../platform/licenses';
import type { RegistryShape } from './model';
import type { ObservationInput } from './observe';

// A provider's file of values (UTF-8 CSV or .xlsx, first row the headers): one column naming the subject (the key
// field's name or key, or 身份证号 / 统一社会信用代码), one column per field headed by its name or key, optionally
// 观测时间. A blank cell states nothing (the source's earlier value stays); to state "empty", send JSON null.

const KEY_ALIASES: Readonly<Record<RegistryShape['registry'], readonly string[]>> = {
  person: ['身份证号', '身份证号码', '公民身份号码', 'idNumber', 'key'],
  entity: ['统一社会信用代码', '信用代码', 'creditCode', 'key'],
};
const OBSERVED_AT = ['观测时间', '采集时间', 'observedAt'];

const clean = (header: string) => header.replace(/[*＊]|[(（]必填[)）]/g, '').trim();

async function table(bytes: Buffer, fileName: string): Promise<{ rows: string[][]; numbers: number[] }> {
  if (/\.xlsx$/i.test(fileName) || isZipArchive(bytes)) {
    const workbook = await loadWorkbook(bytes);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('VALIDATION_FAILED', { detail: 'registry.file.empty' });
    const rows: string[][] = [];
    const numbers: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(Array.from(values, (v) => cellText(v ?? null)));
      numbers.push(n);
    });
    return { rows, numbers };
  }
  if (!/\.csv$/i.test(fileName)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'registry.file.unsupported' });
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'registry.file.unsupported' });
  const rows = parseCsv(text);
  return { rows, numbers: rows.map((_r, i) => i + 1) };
}

/** The observation rows of an uploaded file, read against the registry's fields. */
export async function readObservationFile(shape: RegistryShape, bytes: Buffer, fileName: string): Promise<{ rows: ObservationInput[]; observedAt: (string | undefined)[] }> {
  const { rows, numbers } = await table(bytes, fileName);
  const [header = [], ...body] = rows;
  const keyField = shape.field(shape.keyField);
  const keyNames = new Set([...(keyField ? [keyField.name, keyField.key] : []), ...KEY_ALIASES[shape.registry]]);
  let keyAt: number | undefined;
  let observedAtAt: number | undefined;
  const fieldAt: { key: string; at: number }[] = [];
  header.forEach((raw, at) => {
    const h = clean(raw);
    if (h === '') return;
    if (keyAt === undefined && keyNames.has(h)) keyAt = at;
    else if (OBSERVED_AT.includes(h)) observedAtAt = at;
    else {
      const f = shape.fields.find((x) => !x.isKey && (x.name === h || x.key === h));
      if (!f) throw new AppError('VALIDATION_FAILED', { detail: 'registry.file.columnUnknown', params: { column: h } });
      fieldAt.push({ key: f.key, at });
    }
  });
  if (keyAt === undefined) throw new AppError('VALIDATION_FAILED', { detail: 'registry.file.noKeyColumn' });
  if (fieldAt.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'registry.file.noValueColumn' });
  const out: ObservationInput[] = [];
  const observedAt: (string | undefined)[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    if (out.length >= REGISTRY_FILE_MAX_ROWS) throw new AppError('VALIDATION_FAILED', { detail: 'registry.file.tooManyRows', params: { max: REGISTRY_FILE_MAX_ROWS } });
    const values: Record<string, string> = {};
    for (const { key, at } of fieldAt) {
      const cell = (cells[at] ?? '').trim();
      if (cell !== '') values[key] = cell;
    }
    out.push({ row: numbers[index + 1] ?? index + 2, key: (cells[keyAt ?? 0] ?? '').trim(), values });
    observedAt.push(observedAtAt === undefined ? undefined : (cells[observedAtAt] ?? '').trim() || undefined);
  });
  if (out.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'registry.file.empty' });
  return { rows: out, observedAt };
}
