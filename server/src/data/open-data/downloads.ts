import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { openDownloadMediaTypes, type DataField, type OpenDownloadFormat, type OpenRecord } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { allRecords } from '../catalogue';
import { csvHeader, csvRow, UTF8_BOM } from './csv';
import { getOpenDataset, metadataModified, type OpenDataset } from './datasets';
import { openFields, shapeRecord } from './fields';
import { countDownload } from './stats';

// 数据下载: a dataset's open items, every record, streamed page by page (allRecords) so a large dataset never sits in
// memory whole. CSV (UTF-8 with BOM, for Excel), JSON (the items' keys and values, with the dataset's description),
// and XLSX (written with exceljs' streaming writer, one row at a time). Every download is counted.

const PAGE = 1000;

export type OpenFile = { fileName: string; asciiName: string; mediaType: string; lastModified: Date; body: Readable };

async function* shapedPages(kernel: Kernel, d: OpenDataset, fields: readonly DataField[]): AsyncGenerator<OpenRecord[]> {
  for await (const page of allRecords(kernel.db, kernel.keys, d.resource, PAGE)) yield page.map((row) => shapeRecord(row, fields));
}

async function* csvChunks(kernel: Kernel, d: OpenDataset, fields: readonly DataField[]): AsyncGenerator<string> {
  yield UTF8_BOM + csvHeader(fields);
  for await (const page of shapedPages(kernel, d, fields)) yield page.map((r) => csvRow(r, fields)).join('');
}

async function* jsonChunks(kernel: Kernel, d: OpenDataset, fields: readonly DataField[], base: string): AsyncGenerator<string> {
  const r = d.resource;
  const head = {
    dataset: r.code,
    name: r.name,
    publisher: r.providerName,
    source: `${base}/open/datasets/${encodeURIComponent(r.code)}`,
    modified: metadataModified(d).toISOString(),
    fields: fields.map((f) => ({ key: f.key, name: f.name, type: f.type })),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"records":[`;
  let first = true;
  for await (const page of shapedPages(kernel, d, fields)) {
    const text = page.map((rec) => JSON.stringify(rec)).join(',');
    if (text === '') continue;
    yield (first ? '\n' : ',\n') + text;
    first = false;
  }
  yield '\n]}\n';
}

function xlsxCell(value: OpenRecord[string] | undefined, type: DataField['type']): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if ((type === 'integer' || type === 'number') && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  return String(value);
}

function xlsxStream(kernel: Kernel, d: OpenDataset, fields: readonly DataField[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '政通 Zhengtong';
  const write = async () => {
    // Excel allows at most 31 characters in a sheet name and none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(d.resource.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'data', { views: [{ state: 'frozen', ySplit: 1 }] });
    // Text items are stored as text, so Excel keeps leading zeros and long codes (not 5.3E+17).
    sheet.columns = fields.map((f) => ({ key: f.key, header: f.name, width: Math.min(40, Math.max(10, f.name.length * 2 + 4)), ...(f.type === 'string' ? { style: { numFmt: '@' } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const page of shapedPages(kernel, d, fields)) {
      for (const rec of page) sheet.addRow(fields.map((f) => xlsxCell(rec[f.key], f.type))).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

function fileNames(d: OpenDataset, format: OpenDownloadFormat): { fileName: string; asciiName: string } {
  const safe = d.resource.name.replace(/[\\/:*?"<>|\r\n]/g, '_');
  return { fileName: `${d.resource.code}-${safe}.${format}`, asciiName: `${d.resource.code.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}` };
}

/** The open items of every record of an open dataset as a file; counted as one download of the dataset. */
export async function openDownload(kernel: Kernel, { code, format, isCounted = true }: { code: string; format: OpenDownloadFormat; isCounted?: boolean }): Promise<OpenFile> {
  const d = await getOpenDataset(kernel.db, code);
  const fields = openFields(d.resource);
  // A dataset opened only on application has no file: its items leave through the open API, to approved keys.
  if (fields.length === 0) throw new AppError('NOT_FOUND', { detail: 'openData.noOpenItems' });
  if (isCounted) await countDownload(kernel.db, d.resource.id);
  const body = (() => {
    switch (format) {
      case 'csv':
        return Readable.from(csvChunks(kernel, d, fields), { objectMode: false });
      case 'json':
        return Readable.from(jsonChunks(kernel, d, fields, kernel.config.publicUrl), { objectMode: false });
      case 'xlsx':
        return xlsxStream(kernel, d, fields);
    }
  })();
  const mediaType = format === 'xlsx' ? openDownloadMediaTypes.xlsx : `${openDownloadMediaTypes[format]}; charset=utf-8`;
  return { ...fileNames(d, format), mediaType, lastModified: metadataModified(d), body };
}
