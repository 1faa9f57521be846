import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  identityCodePublicKeyList,
  identityCodeResetView,
  identityCodeScanInput,
  identityCodeScanQuery,
  identityCodeScanResultView,
  identityCodeScanView,
  identityCodeSettingsInput,
  identityCodeSettingsView,
  identityCodeView,
  mintIdentityCodeInput,
  pageOf,
} from '@zhengtong/contracts';
import { listMyScans } from './history';
import { mintIdentityCode, resetIdentityCode } from './mint';
import { listPublicKeys } from './public-keys';
import { scanIdentityCode } from './scan';
import { readCodeSettings, writeCodeSettings } from './settings';

const tags = ['identity-codes'];

export function identityCodeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  // The holder's own code lives with the signed-in account (/api/me/…), like the data-use record.
  r.post('/api/me/identity-code', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '生成我的码(一人一码/一企一码):短时有效的 SM2 签名码,只含可重置的别名和持码人同意提供的信息范围,不含身份证号',
      body: mintIdentityCodeInput,
      response: { 200: identityCodeView },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return mintIdentityCode(kernel, { actor: req.actor, input: req.body });
  });

  r.post('/api/me/identity-code/reset', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '重置我的码:已出示的码立即失效,此后生成的码使用新的别名', response: { 200: identityCodeResetView } },
  }, async (req) => resetIdentityCode(kernel, { actor: req.actor }));

  r.get('/api/me/identity-code/scans', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的码被扫记录(哪个部门、谁、为何、何时、读取了什么;含被拒绝的扫码)', querystring: identityCodeScanQuery, response: { 200: pageOf(identityCodeScanView) } },
  }, async (req) => listMyScans(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/identity-codes/scan', {
    config: { access: 'identity-code.scan', idempotent: true },
    schema: {
      tags,
      summary: '扫码核验:验签、校验有效期与一次性,只返回所需且经持码人同意的信息(脱敏);超出同意范围返回 403 identityCode.consentRequired;每次扫码均记录。支持 Idempotency-Key',
      body: identityCodeScanInput,
      response: { 200: identityCodeScanResultView },
    },
  }, async (req) => scanIdentityCode(kernel, { actor: req.actor, input: req.body }));

  r.get('/api/identity-codes/public-keys', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '一人一码签名公钥(公开,供合作方离线验签:SM2 + SM3,默认用户标识 1234567812345678,DER;码格式 ZTC1.<payload>.<signature>)',
      response: { 200: identityCodePublicKeyList },
    },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return listPublicKeys(kernel);
  });

  r.get('/api/identity-codes/settings', {
    config: { access: 'security.policy' },
    schema: { tags, summary: '一人一码设置(码的有效期)', response: { 200: identityCodeSettingsView } },
  }, async () => readCodeSettings(kernel));

  r.put('/api/identity-codes/settings', {
    config: { access: 'security.policy' },
    schema: { tags, summary: '修改一人一码设置(码的有效期 15–300 秒,默认 60 秒)', body: identityCodeSettingsInput, response: { 200: identityCodeSettingsView } },
  }, async (req) => writeCodeSettings(kernel, { actor: req.actor, input: req.body }));
}
