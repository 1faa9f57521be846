import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createLicenseGrantInput,
  createLicenseTypeInput,
  issueLicenseInput,
  licenseGrantListQuery,
  licenseGrantView,
  licenseListQuery,
  licenseQrView,
  licenseStaffActions,
  licenseStatusChangeInput,
  licenseSummary,
  licenseTypeListQuery,
  licenseTypeView,
  licenseUseView,
  licenseVerificationView,
  licenseView,
  myLicenseQuery,
  pageOf,
  pageQuery,
  updateLicenseTypeInput,
  useLicenseInput,
} from '@zhengtong/contracts';
import { createGrant, listGrants, revokeGrant } from './grants';
import { issueLicense } from './manual';
import { licensePdf } from './pdf';
import { getLicense, getLicenseQr, getLicenseRow, listLicenses, listMyLicenses } from './reads';
import { changeLicenseStatus } from './status';
import { createLicenseType, getLicenseType, listLicenseTypes, updateLicenseType } from './types';
import { listLicenseUses, listMyLicenseUses, useLicenseAsDepartment } from './uses';
import { listVerifications } from './verify';
import { assertIssuerStaff } from './access';

// The licence catalogue (public to read), the issuing department's licences, and the holder's wallet and grants.
// Public verification and the import upload are in verify-routes.ts and import-routes.ts.

const idParam = z.object({ id: z.uuid('invalid_format') });
export const pdfFile = z.string().meta({ format: 'binary', description: 'PDF document' });

/** Sends a file inline with a Chinese file name (RFC 6266 / RFC 8187 filename*); never cached (personal data). */
export function sendPdf(reply: FastifyReply, file: { bytes: Buffer; fileName: string }): FastifyReply {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

const actionSummaries: Record<(typeof licenseStaffActions)[number], string> = {
  suspend: '暂扣电子证照(填写原因;有效 → 暂扣,可恢复)',
  restore: '恢复电子证照(暂扣 → 有效)',
  revoke: '注销/吊销电子证照(填写原因;不可恢复,核验时显示已注销)',
};

export function licenseRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  // ---------------------------------------------------------------- 证照目录
  const typeTags = ['license-types'];
  r.get('/api/license-types', {
    config: { access: 'public' },
    schema: { tags: typeTags, summary: '证照目录(公开):证照类型、持证主体、字段、有效期规则、可信等级、签发事项', querystring: licenseTypeListQuery, response: { 200: pageOf(licenseTypeView) } },
  }, async (req) => listLicenseTypes(kernel, { query: req.query }));

  r.get('/api/license-types/:id', {
    config: { access: 'public' },
    schema: { tags: typeTags, summary: '证照类型详情(公开)', params: idParam, response: { 200: licenseTypeView } },
  }, async (req) => getLicenseType(kernel, { id: req.params.id }));

  r.post('/api/license-types', {
    config: { access: 'license-type.manage', idempotent: true },
    schema: { tags: typeTags, summary: '新增证照类型(事项管理员;类型代码创建后不可改;支持 Idempotency-Key)', body: createLicenseTypeInput, response: { 201: licenseTypeView } },
  }, async (req, reply) => {
    reply.status(201);
    return createLicenseType(kernel, { actor: req.actor, input: req.body });
  });

  r.patch('/api/license-types/:id', {
    config: { access: 'license-type.manage' },
    schema: { tags: typeTags, summary: '修改证照类型(字段、有效期规则、签发事项、停用;需带 version)', params: idParam, body: updateLicenseTypeInput, response: { 200: licenseTypeView } },
  }, async (req) => updateLicenseType(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  // ---------------------------------------------------------------- licences (issuing department, holder)
  const tags = ['licenses'];
  r.get('/api/licenses', {
    config: { access: 'license.read' },
    schema: { tags, summary: '本部门签发的电子证照(按状态、类型、来源、标识、持证主体名称或证件号码筛选;身份证号掩码)', querystring: licenseListQuery, response: { 200: pageOf(licenseSummary) } },
  }, async (req) => listLicenses(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/licenses', {
    config: { access: 'license.issue', idempotent: true },
    schema: { tags, summary: '手工签发电子证照(发证部门;以证照专用章 SM2 签名;支持 Idempotency-Key)', body: issueLicenseInput, response: { 201: licenseView } },
  }, async (req, reply) => {
    reply.status(201);
    return issueLicense(kernel, { actor: req.actor, input: req.body });
  });

  r.get('/api/licenses/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '电子证照详情(持证人本人/企业及经办人,或发证部门;含状态历史)', params: idParam, response: { 200: licenseView } },
  }, async (req) => getLicense(kernel, { actor: req.actor, id: req.params.id }));

  r.get('/api/licenses/:id/pdf', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '电子证照 PDF(加盖证照专用章、含核验二维码;首次生成后固定不变,文件字节经 SM2 签名)', params: idParam, produces: ['application/pdf'], response: { 200: pdfFile } },
  }, async (req, reply) => sendPdf(reply, await licensePdf(kernel, { actor: req.actor, id: req.params.id })));

  r.get('/api/licenses/:id/qr', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '电子证照二维码内容(核验网址 + 可离线验签的紧凑载荷)', params: idParam, response: { 200: licenseQrView } },
  }, async (req) => getLicenseQr(kernel, { actor: req.actor, id: req.params.id }));

  for (const action of licenseStaffActions) {
    r.post(`/api/licenses/:id/${action}`, {
      config: { access: 'license.manage' },
      schema: { tags, summary: actionSummaries[action], params: idParam, body: licenseStatusChangeInput, response: { 200: licenseView } },
    }, async (req) => changeLicenseStatus(kernel, { actor: req.actor, id: req.params.id, action, input: req.body }));
  }

  r.get('/api/licenses/:id/uses', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '电子证照使用记录(持证人或发证部门查看:哪个部门、为哪件事、何时使用)', params: idParam, querystring: pageQuery, response: { 200: pageOf(licenseUseView) } },
  }, async (req) => listLicenseUses(kernel, { actor: req.actor, id: req.params.id, page: req.query }));

  r.post('/api/licenses/:id/uses', {
    config: { access: 'license.read' },
    schema: { tags, summary: '部门用证(须持证人授权本部门且在有效期内;发证部门可直接使用;留痕并告知持证人)', params: idParam, body: useLicenseInput, response: { 200: licenseView } },
  }, async (req) => useLicenseAsDepartment(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.get('/api/licenses/:id/verifications', {
    config: { access: 'license.read' },
    schema: { tags, summary: '电子证照核验记录(发证部门)', params: idParam, querystring: pageQuery, response: { 200: pageOf(licenseVerificationView) } },
  }, async (req) => {
    const row = await getLicenseRow(kernel, req.params.id);
    assertIssuerStaff(req.actor, row, 'license.read');
    return listVerifications(kernel.db, row.id, { limit: req.query.pageSize, offset: (req.query.page - 1) * req.query.pageSize });
  });

  // ---------------------------------------------------------------- 证照夹 and 自主授权
  const walletTags = ['license-wallet'];
  r.get('/api/my/licenses', {
    config: { access: 'authenticated' },
    schema: { tags: walletTags, summary: '我的证照夹(个人本人的证照;企业账号及经办人看到企业的证照)', querystring: myLicenseQuery, response: { 200: pageOf(licenseSummary) } },
  }, async (req) => listMyLicenses(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/my/license-uses', {
    config: { access: 'authenticated' },
    schema: { tags: walletTags, summary: '我的证照被谁使用过(部门、办件、用途、时间)', querystring: pageQuery, response: { 200: pageOf(licenseUseView) } },
  }, async (req) => listMyLicenseUses(kernel, { actor: req.actor, page: req.query }));

  r.get('/api/license-grants', {
    config: { access: 'authenticated' },
    schema: { tags: walletTags, summary: '我的证照授权(按证照、状态筛选)', querystring: licenseGrantListQuery, response: { 200: pageOf(licenseGrantView) } },
  }, async (req) => listGrants(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/license-grants', {
    config: { access: 'authenticated', idempotent: true },
    schema: { tags: walletTags, summary: '授权部门或某一办件使用我的一本证照(最长 90 天,默认 30 天;支持 Idempotency-Key)', body: createLicenseGrantInput, response: { 201: licenseGrantView } },
  }, async (req, reply) => {
    reply.status(201);
    return createGrant(kernel, { actor: req.actor, input: req.body });
  });

  r.post('/api/license-grants/:id/revoke', {
    config: { access: 'authenticated' },
    schema: { tags: walletTags, summary: '撤回授权(立即生效)', params: idParam, response: { 200: licenseGrantView } },
  }, async (req) => revokeGrant(kernel, { actor: req.actor, id: req.params.id }));
}
