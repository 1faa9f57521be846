import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { licenseImportQuery, licenseImportReport, licensePdfVerdict, licensePublicView, licenseQrVerdict, verifyLicenseQrInput } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { readImportFile } from './import-file';
import { importLicenses, importTarget } from './import';
import { pdfFile } from './routes';
import { verifyOnline, verifyPdf, verifyQr } from './verify';

// Public verification (no sign-in) and the historical import upload. Multipart parsing lives only in these scopes.

const PDF_LIMIT_BYTES = 10 * 1024 * 1024;
/** A CSV of 300,000 licences with a few fields is ~60 MB. */
const IMPORT_LIMIT_BYTES = 128 * 1024 * 1024;

function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}

async function readUpload(req: FastifyRequest, noFile: string): Promise<{ bytes: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: noFile }] });
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename };
  } catch (error) {
    if (isFileTooLarge(error)) throw new AppError('PAYLOAD_TOO_LARGE');
    throw error;
  }
}

const verifier = (req: FastifyRequest) => ({ actor: req.actor, userAgent: req.headers['user-agent'] });

export function uploadRoutes(app: FastifyInstance): void {
  const kernel = app.kernel;
  const tags = ['license-verification'];
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/licenses/verify/:id', {
    // Not rate-limited: the page behind every printed QR code must hold up under load (one lookup, one log insert).
    config: { access: 'public' },
    schema: {
      tags,
      summary: '在线核验电子证照(公开,无需登录;显示类型、掩码后的持证主体、发证机关、有效期与当前状态;每次核验留痕)',
      params: z.object({ id: z.uuid('invalid_format') }),
      response: { 200: licensePublicView },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return verifyOnline(kernel, { id: req.params.id, verifier: verifier(req) });
  });

  r.post('/api/licenses/verify/qr', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: '核验扫描到的证照二维码载荷(验 SM2 签名:真实 / 被篡改 / 未知密钥 / 印章已注销,并给出证照当前状态)',
      body: verifyLicenseQrInput,
      response: { 200: licenseQrVerdict },
    },
  }, async (req) => verifyQr(kernel, { payload: req.body.payload, verifier: verifier(req) }));

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: PDF_LIMIT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/licenses/verify/pdf', {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '核验电子证照 PDF 文件(multipart 字段 file;任何字节改动都会被发现;留痕)',
        consumes: ['multipart/form-data'],
        body: z.object({ file: pdfFile }).nullish(),
        response: { 200: licensePdfVerdict },
      },
    }, async (req) => {
      const { bytes } = await readUpload(req, 'license.import.noFile');
      return verifyPdf(kernel, { bytes, verifier: verifier(req) });
    });
  });

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/licenses/import', {
      config: { access: 'license.issue' },
      schema: {
        tags: ['licenses'],
        summary: '历史证照电子化:导入 .csv(UTF-8)或 .xlsx(?typeId=&dryRun=;合格行签发,问题行逐行报告原因;按原证照编号去重,重复导入不会重复签发)',
        consumes: ['multipart/form-data'],
        querystring: licenseImportQuery,
        body: z.object({ file: z.string().meta({ format: 'binary', description: 'CSV (UTF-8) or Excel 2007+ workbook' }) }).nullish(),
        response: { 200: licenseImportReport },
      },
    }, async (req) => {
      // Who may import into the type is settled before a byte of a possibly large file is read.
      const { type } = await importTarget(kernel, { actor: req.actor, typeId: req.query.typeId });
      const { bytes, fileName } = await readUpload(req, 'license.import.noFile');
      const rows = await readImportFile(type, bytes, fileName);
      return importLicenses(kernel, { actor: req.actor, typeId: type.id, rows, dryRun: req.query.dryRun });
    });
  });
}
