import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgImportQuery, orgImportRejected, orgImportReport, type OrgImportReport, type Permission } from '@zhengtong/contracts';
import { AppError } from '../errors';
import { problemBody } from '../http';
import { translate } from '../i18n';
import { XLSX_MIME } from './sheet';
import { isZipArchive } from './xlsx-archive';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

// Browsers without Office installed send .xlsx as octet-stream; the name and the ZIP signature decide then.
const ACCEPTED_TYPES = new Set([XLSX_MIME, 'application/octet-stream']);

/** Multipart parsing for one encapsulated scope only: one file of at most 5 MB and a few small fields. */
export async function registerXlsxUpload(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
}

/** The uploaded workbook (form field `file`), refused unless it is an .xlsx under the size limit. */
export async function readXlsxUpload(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'import.notXlsx' });
  const file = await req.file();
  if (!file) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'import.noFile' }] });
  // toBuffer throws a 413 once the stream passes fileSize, so an oversized file is never held whole.
  const buffer = await file.toBuffer();
  const isXlsx = /\.xlsx$/i.test(file.filename) && ACCEPTED_TYPES.has(file.mimetype) && isZipArchive(buffer);
  if (!isXlsx) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'import.notXlsx' });
  return buffer;
}

/** Sends a workbook as a download with a Chinese file name (RFC 6266 / RFC 8187 filename*). */
export function sendXlsx(reply: FastifyReply, buffer: Buffer, fileName: string, asciiFallback: string): FastifyReply {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(buffer);
}

/**
 * A dry run answers 200 with its report whatever it found; a real import with wrong rows changed nothing and
 * answers 400 problem+json carrying the same report, so a client cannot mistake it for success.
 */
export function sendImportReport(req: FastifyRequest, reply: FastifyReply, report: OrgImportReport): FastifyReply {
  if (report.dryRun || report.isApplied) return reply.status(200).send(report);
  const detail = translate('import.rowsInvalid', req.locale, { count: new Set(report.errors.map((e) => e.row)).size });
  const errors = report.errors.map((e) => ({ field: `rows.${e.row}.${e.field}`, code: e.code, message: e.message }));
  return reply
    .status(400)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problemBody(req, 'VALIDATION_FAILED', 400, { detail, errors }), report });
}

/** OpenAPI description of a workbook download or upload. */
export const xlsxFile = z.string().meta({ format: 'binary', description: 'Excel 2007+ workbook (.xlsx)' });
export const xlsxUploadForm = z.object({ file: xlsxFile }).nullish();

/**
 * The one import route shape every sheet import shares: multipart parsing in its own scope, `?dryRun=`, the
 * per-row report (200) or the all-or-nothing refusal (400).
 */
export function registerXlsxImportRoute(
  app: FastifyInstance,
  route: { url: string; access: Permission; tags: string[]; summary: string; run: (req: FastifyRequest, file: Buffer, dryRun: boolean) => Promise<OrgImportReport> },
): void {
  app.register(async (scope) => {
    await registerXlsxUpload(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(route.url, {
      config: { access: route.access },
      schema: {
        tags: route.tags,
        summary: route.summary,
        consumes: ['multipart/form-data'],
        // Documents the form; the file is read from the stream (req.file()), so the parsed body stays empty.
        body: xlsxUploadForm,
        querystring: orgImportQuery,
        response: { 200: orgImportReport, 400: orgImportRejected },
      },
    }, async (req, reply) => {
      const file = await readXlsxUpload(req);
      return sendImportReport(req, reply, await route.run(req, file, req.query.dryRun));
    });
  });
}
