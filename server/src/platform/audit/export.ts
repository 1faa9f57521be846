import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AUDIT_EXPORT_MAX_ROWS, type AuditFilter, type Locale } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import type { Queryable } from '../../kernel/db';
import { countRecords, findRecords, headId, idRangeOf, type AuditRow, type IdBounds } from './repo';
import { csvLine, exportBaseName, exportCells, exportColumns, exportHeaders, xlsxText } from './export-format';
import { filterOf } from './search';

export type ExportFormat = 'csv' | 'xlsx';

export type ExportFile = { body: Readable; fileName: string; contentType: string; rows: number };

const BATCH = 1000;
const UTF8_BOM = '\uFEFF';

async function* batches(db: Queryable, filter: AuditFilter, bounds: IdBounds): AsyncGenerator<AuditRow[]> {
  let beforeId: string | undefined;
  for (;;) {
    const rows = await findRecords(db, filter, { ...bounds, beforeId }, BATCH);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    beforeId = rows.at(-1)?.id;
  }
}

// Excel reads a CSV as the local ANSI code page (GBK on Chinese Windows) unless it starts with a UTF-8 BOM.
function csvStream(db: Queryable, filter: AuditFilter, bounds: IdBounds, locale: Locale): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    yield Buffer.from(UTF8_BOM + csvLine(exportHeaders(locale)), 'utf8');
    for await (const rows of batches(db, filter, bounds)) {
      yield Buffer.from(rows.map((row) => csvLine(exportCells(row, locale))).join(''), 'utf8');
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

function xlsxStream(db: Queryable, filter: AuditFilter, bounds: IdBounds, locale: Locale): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(locale === 'zh-CN' ? '审计记录' : 'Audit records', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = exportColumns.map((c) => ({ key: c.key, width: c.width }));
  const write = async () => {
    const header = sheet.addRow(exportHeaders(locale));
    header.font = { bold: true };
    header.commit();
    for await (const rows of batches(db, filter, bounds)) {
      for (const row of rows) sheet.addRow(exportCells(row, locale).map(xlsxText)).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/**
 * The matching records as a file, newest first, up to AUDIT_EXPORT_MAX_ROWS. The export is a snapshot up to the
 * newest record at the start (its own audit record is not in it) and is recorded before the first byte is sent.
 */
export async function exportAuditRecords(
  kernel: Kernel,
  { actor, filter: query, format, locale }: { actor: Actor; filter: AuditFilter; format: ExportFormat; locale: Locale },
): Promise<ExportFile> {
  requirePermission(actor, 'audit.export');
  const filter = filterOf(query);
  const upToId = await headId(kernel.db);
  const range = await idRangeOf(kernel.db, filter);
  // An empty time range still gives a file with its header row, which is what the auditor asked for.
  const bounds: IdBounds = range ? { ...range, upToId } : { upToId: '0' };
  const rows = await countRecords(kernel.db, filter, bounds, AUDIT_EXPORT_MAX_ROWS + 1);
  if (rows > AUDIT_EXPORT_MAX_ROWS) {
    throw new AppError('VALIDATION_FAILED', {
      detail: 'audit.exportTooLarge',
      params: { max: AUDIT_EXPORT_MAX_ROWS },
      fields: [{ field: 'from', code: 'audit.exportNarrowRange' }],
    });
  }
  await inTransaction(kernel.db, (tx) =>
    audit(tx, actor, { action: 'audit.export', objectType: 'audit_log', detail: { filter, format, rows, upToId } }),
  );
  const baseName = exportBaseName(new Date());
  switch (format) {
    case 'csv':
      return { body: csvStream(kernel.db, filter, bounds, locale), fileName: `${baseName}.csv`, contentType: 'text/csv; charset=utf-8', rows };
    case 'xlsx':
      return {
        body: xlsxStream(kernel.db, filter, bounds, locale),
        fileName: `${baseName}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        rows,
      };
    default: {
      const unreachable: never = format;
      throw new Error(`unknown export format ${String(unreachable)}`);
    }
  }
}
