import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  caseVersionInput,
  caseTrackingView,
  caseView,
  caseVersionForm,
  caseDocumentVerdict,
  casePersonalData,
  caseUnmaskInput,
  pledgeCheckInput,
  createCaseInput,
  licenseMaterialsQuery,
  licenseMaterialsView,
  materialUploadQuery,
  myCasesQuery,
  pageOf,
  caseSummary,
  supplementInput,
  updateCaseDraftInput,
  uploadedMaterialView,
  withdrawInput,
} from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { createCase, resubmitCase, submitCase, updateDraft, withdrawCase } from './applications';
import type { CasesContext } from './context';
import { decisionFile, filedCaseView, guideFile, listMyCases, readCase, readCaseVersionForm, receiptFile, trackCase } from './reads';
import { verifyDecisionLetter } from './letter-verification';
import { unmaskCase } from './personal-data';
import { previewForApplicant } from './license-free';
import { checkPledge } from './pledges';
import { deleteMaterial, materialLimit, readMaterialFile, UPLOAD_CEILING_BYTES, uploadMaterial } from './uploads';

// Applicant routes (citizens, enterprises and their agents; window clerks for walk-in cases), the public tracking
// page behind the receipt's QR code, and the printable documents.

const tags = ['cases'];
const idParam = z.object({ id: z.uuid('invalid_format') });
export const pdfFile = z.string().meta({ format: 'binary', description: 'PDF document' });

/** Sends a file inline with a Chinese file name (RFC 6266 / RFC 8187 filename*). */
export function sendFile(reply: FastifyReply, file: { bytes: Buffer; fileName: string; mimeType?: string }, options: { isPrivate: boolean }): FastifyReply {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.mimeType ?? 'application/pdf')
    .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', options.isPrivate ? 'private, no-store' : 'public, max-age=300')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

export function caseRoutes(app: FastifyInstance, ctx: CasesContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/cases', {
    config: { access: 'authenticated', idempotent: true },
    schema: {
      tags,
      summary: '网上申请:新建申请(草稿,或 submit=true 直接提交;支持 Idempotency-Key,重试不会产生第二个办件)',
      body: createCaseInput,
      response: { 201: caseView },
    },
  }, async (req, reply) => {
    const filed = await createCase(ctx, { actor: req.actor, input: req.body, enterpriseName: req.session?.enterpriseName ?? null });
    reply.status(201);
    return filedCaseView(ctx, req.actor, filed);
  });

  r.get('/api/cases/license-materials', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '免证办预览:本人(或所代理企业)的有效电子证照可免交哪些材料(提交时由系统调取并记录用证)',
      querystring: licenseMaterialsQuery,
      response: { 200: licenseMaterialsView },
    },
  }, async (req) => previewForApplicant(ctx, { actor: req.actor, itemVersionId: req.query.itemVersionId }));

  r.get('/api/cases/mine', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的办件(个人、企业及其经办人)', querystring: myCasesQuery, response: { 200: pageOf(caseSummary) } },
  }, async (req) => listMyCases(ctx, { actor: req.actor, query: req.query }));

  r.get('/api/cases/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '办件详情(申请人:通俗时间线与下一步;工作人员:完整办理记录与可执行操作)',
      params: idParam,
      response: { 200: caseView },
    },
  }, async (req) => readCase(ctx, { actor: req.actor, caseId: req.params.id }));

  r.get('/api/cases/:id/version-form', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '办件所依据的事项版本:申请表、材料清单与结果字段(办件终身保留申请时的版本)',
      params: idParam,
      response: { 200: caseVersionForm },
    },
  }, async (req) => readCaseVersionForm(ctx, { actor: req.actor, caseId: req.params.id }));

  r.post('/api/cases/:id/unmask', {
    config: { access: 'person.unmask' },
    schema: {
      tags,
      summary: '查看办件中的完整个人信息(身份证号、电话;须说明用途,留痕并计入群众的数据使用记录)',
      params: idParam,
      body: caseUnmaskInput,
      response: { 200: casePersonalData },
    },
  }, async (req) => unmaskCase(ctx, { actor: req.actor, caseId: req.params.id, input: req.body }));

  r.post('/api/cases/:id/pledges/:materialKey/check', {
    config: { access: 'case.review', idempotent: true },
    schema: {
      tags,
      summary: '告知承诺事后核查:记录核查结果;不实的撤销已作出的准予决定、告知申请人并推送信用记录(case.pledge-false)',
      params: idParam.extend({ materialKey: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'invalid_format') }),
      body: pledgeCheckInput,
      response: { 200: caseView },
    },
  }, async (req) => {
    await checkPledge(ctx, { actor: req.actor, caseId: req.params.id, materialKey: req.params.materialKey, input: req.body });
    return readCase(ctx, { actor: req.actor, caseId: req.params.id });
  });

  r.patch('/api/cases/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '修改申请草稿(乐观并发:带上读到的 version)', params: idParam, body: updateCaseDraftInput, response: { 200: caseView } },
  }, async (req) => {
    await updateDraft(ctx, { actor: req.actor, caseId: req.params.id, input: req.body });
    return readCase(ctx, { actor: req.actor, caseId: req.params.id });
  });

  r.post('/api/cases/:id/submit', {
    config: { access: 'authenticated', idempotent: true },
    schema: { tags, summary: '提交申请(校验申请表与材料,生成办件编号)', params: idParam, body: caseVersionInput, response: { 200: caseView } },
  }, async (req) => {
    await submitCase(ctx, { actor: req.actor, caseId: req.params.id, input: req.body });
    return readCase(ctx, { actor: req.actor, caseId: req.params.id });
  });

  r.post('/api/cases/:id/supplement', {
    config: { access: 'authenticated', idempotent: true },
    schema: { tags, summary: '补正后重新提交(先上传补正材料;办理时限恢复计算)', params: idParam, body: supplementInput, response: { 200: caseView } },
  }, async (req) => {
    await resubmitCase(ctx, { actor: req.actor, caseId: req.params.id, input: req.body });
    return readCase(ctx, { actor: req.actor, caseId: req.params.id });
  });

  r.post('/api/cases/:id/withdraw', {
    config: { access: 'authenticated', idempotent: true },
    schema: { tags, summary: '撤回申请(作出决定前)', params: idParam, body: withdrawInput, response: { 200: caseView } },
  }, async (req) => {
    await withdrawCase(ctx, { actor: req.actor, caseId: req.params.id, input: req.body });
    return readCase(ctx, { actor: req.actor, caseId: req.params.id });
  });

  r.delete('/api/cases/:id/materials/:materialId', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '删除已上传的材料文件(草稿或补正期间)', params: idParam.extend({ materialId: z.uuid('invalid_format') }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteMaterial(ctx, { actor: req.actor, caseId: req.params.id, materialId: req.params.materialId });
    return reply.status(204).send(null);
  });

  r.get('/api/cases/:id/materials/:materialId/file', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '查看材料文件(工作人员查看留痕)', params: idParam.extend({ materialId: z.uuid('invalid_format') }), produces: ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'], response: { 200: pdfFile } },
  }, async (req, reply) => sendFile(reply, await readMaterialFile(ctx, { actor: req.actor, caseId: req.params.id, materialId: req.params.materialId }), { isPrivate: true }));

  r.get('/api/cases/:id/receipt.pdf', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '受理回执 / 收件回执 PDF(含办件编号与查询二维码)', params: idParam, produces: ['application/pdf'], response: { 200: pdfFile } },
  }, async (req, reply) => sendFile(reply, await receiptFile(ctx, { actor: req.actor, caseId: req.params.id }), { isPrivate: true }));

  r.get('/api/cases/:id/decision.pdf', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '决定文书 PDF(准予/不予许可决定书、不予受理决定书;申请人在办结后可下载)', params: idParam, produces: ['application/pdf'], response: { 200: pdfFile } },
  }, async (req, reply) => sendFile(reply, await decisionFile(ctx, { actor: req.actor, caseId: req.params.id }), { isPrivate: true }));

  r.get('/api/case-tracking/:trackingCode', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: '办件进度查询(回执二维码;只显示状态与日期,不含个人信息)',
      params: z.object({ trackingCode: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'invalid_format') }),
      response: { 200: caseTrackingView },
    },
  }, async (req) => trackCase(ctx, { code: req.params.trackingCode, locale: req.locale }));

  r.get('/api/service-item-versions/:id/guide.pdf', {
    config: { access: 'public' },
    schema: { tags, summary: '办事指南 PDF(已发布版本;可打印)', params: idParam, produces: ['application/pdf'], response: { 200: pdfFile } },
  }, async (req, reply) => sendFile(reply, await guideFile(ctx, { actor: req.actor, versionId: req.params.id }), { isPrivate: false }));

  // Multipart parsing lives only in this encapsulated scope.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: UPLOAD_CEILING_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/case-documents/verify', {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '核验决定文书(multipart 字段 file:上传 PDF,判断是否为平台出具且未被改动的原件;不返回个人信息,核验留痕)',
        consumes: ['multipart/form-data'],
        body: z.object({ file: pdfFile }).nullish(),
        response: { 200: caseDocumentVerdict },
      },
    }, async (req) => {
      const { bytes } = await readUpload(req, { limitBytes: UPLOAD_CEILING_BYTES });
      return verifyDecisionLetter(ctx, { actor: req.actor, bytes });
    });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/cases/:id/materials', {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '上传申请材料(multipart 字段 file;?materialKey=;按文件内容识别 PDF/JPG/PNG/OFD,大小以事项规定为限)',
        consumes: ['multipart/form-data'],
        params: idParam,
        querystring: materialUploadQuery,
        body: z.object({ file: pdfFile }).nullish(),
        response: { 201: uploadedMaterialView },
      },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'cases.fileUnreadable' });
      const limit = await materialLimit(ctx, { actor: req.actor, caseId: req.params.id, materialKey: req.query.materialKey });
      // Reading stops one byte past the material's own limit, so an oversized file is never held whole.
      const file = await readUpload(req, { limitBytes: limit, stopAfter: limit + 1 });
      const uploaded = await uploadMaterial(ctx, { actor: req.actor, caseId: req.params.id, materialKey: req.query.materialKey, file });
      reply.status(201);
      return uploaded;
    });
  });
}

/** The one file of a multipart request (field `file`); too large → 413 naming the limit in MB. */
async function readUpload(req: FastifyRequest, { limitBytes, stopAfter }: { limitBytes: number; stopAfter?: number }): Promise<{ bytes: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'cases.fileUnreadable' });
  const part = await req.file(stopAfter === undefined ? undefined : { limits: { fileSize: stopAfter } });
  if (!part) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'cases.noFile' }] });
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename };
  } catch (error) {
    if (isFileTooLarge(error)) throw new AppError('PAYLOAD_TOO_LARGE', { detail: 'cases.materialTooLarge', params: { maxMb: Math.round(limitBytes / 1024 / 1024) } });
    throw error;
  }
}

function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}
