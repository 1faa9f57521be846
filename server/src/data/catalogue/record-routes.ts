import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { dataRecordsInput, dataRecordsQuery, deleteDataRecordsInput, deleteDataRecordsResult, orgImportRejected, orgImportReport } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { sendImportReport } from '../../kernel/spreadsheet';
import { readRecordFile } from './record-file';
import { deleteRecordKeys, loadRecords, recordTarget } from './record-loads';

// Records of a table resource, by its provider's data admin: a file (CSV or .xlsx) or JSON rows in batches of at
// most 1000; deleting by key. Multipart parsing lives only in the upload's own scope.

const tags = ['data-resources'];
const idParam = z.object({ id: z.uuid('invalid_format') });
/** A CSV of 200,000 rows of a dozen short columns is ~40 MB. */
const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}

async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'data.import.format' });
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'data.import.noFile' }] });
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename };
  } catch (error) {
    if (isFileTooLarge(error)) throw new AppError('PAYLOAD_TOO_LARGE');
    throw error;
  }
}

export function recordRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.post('/api/data-resources/:id/records', {
    config: { access: 'data-resource.manage' },
    schema: {
      tags,
      summary: '推送数据记录 (JSON rows by item key, at most 1000 per call; inserted or replaced by the key; each row checked against the item types; ?dryRun=true checks only; any wrong row → nothing written, 400 with the per-row report)',
      params: idParam,
      querystring: dataRecordsQuery,
      body: dataRecordsInput,
      response: { 200: orgImportReport, 400: orgImportRejected },
    },
  }, async (req, reply) => {
    const rows = req.body.rows.map((values, i) => ({ row: i + 1, values }));
    return sendImportReport(req, reply, await loadRecords(kernel, { actor: req.actor, id: req.params.id, rows, dryRun: req.query.dryRun, source: 'api' }));
  });

  r.post('/api/data-resources/:id/records/delete', {
    config: { access: 'data-resource.manage' },
    schema: { tags, summary: '按主键删除数据记录 (at most 1000 keys per call)', params: idParam, body: deleteDataRecordsInput, response: { 200: deleteDataRecordsResult } },
  }, async (req) => deleteRecordKeys(kernel, { actor: req.actor, id: req.params.id, keys: req.body.keys }));

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/data-resources/:id/records/upload', {
      config: { access: 'data-resource.manage' },
      schema: {
        tags,
        summary: '上传数据文件 (multipart `file`: UTF-8 .csv or .xlsx, columns headed by item names or keys, the key column required; ?dryRun=true checks only; any wrong row → nothing written, 400 with the per-row report)',
        consumes: ['multipart/form-data'],
        params: idParam,
        querystring: dataRecordsQuery,
        body: z.object({ file: z.string().meta({ format: 'binary', description: 'CSV (UTF-8) or Excel 2007+ workbook' }) }).nullish(),
        response: { 200: orgImportReport, 400: orgImportRejected },
      },
    }, async (req, reply) => {
      // Who may load into the resource is settled before a byte of a possibly large file is read.
      const resource = await recordTarget(kernel.db, req.actor, req.params.id);
      const { bytes, fileName } = await readUpload(req);
      const rows = await readRecordFile(resource.fields, resource.keyField, bytes, fileName);
      return sendImportReport(req, reply, await loadRecords(kernel, { actor: req.actor, id: req.params.id, rows, dryRun: req.query.dryRun, source: 'file' }));
    });
  });
}
