import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiKeyView,
  approveOpenApplicationInput,
  createApiKeyInput,
  createdApiKey,
  openApplicationInput,
  openApplicationListQuery,
  openApplicationView,
  openDataOverview,
  openDatasetListQuery,
  openDatasetList,
  openDatasetParams,
  openDatasetSettingsInput,
  openDatasetSettingsView,
  openDatasetView,
  openDownloadParams,
  openRecordsPage,
  openRecordsQuery,
  pageOf,
  refuseOpenApplicationInput,
  withdrawOpenApplicationInput,
} from '@zhengtong/contracts';
import { openDataOverview as overview, saveDatasetSettings } from './admin';
import { createApiKey, listMyApiKeys, revokeApiKey } from './api-keys';
import { applyForDataset, decideApplication, getApplication, listApplications, listMyApplications, withdrawApplication } from './applications';
import { dcatCatalogue } from './dcat';
import { getOpenDatasetView } from './detail';
import { openDownload } from './downloads';
import { RateLimitedError, readOpenRecords } from './records-api';
import { listOpenDatasets } from './search';

// 数据开放 routes: the public portal (/api/open/datasets …, no sign-in), the open API by key, developers' keys and
// applications (signed-in persons and enterprises), and the chief data officer's administration (/api/open-data/…).

const idParam = z.object({ id: z.uuid('invalid_format') });
const fileBody = z.string().meta({ format: 'binary', description: 'CSV (UTF-8 with BOM), JSON or XLSX' });
const jsonLd = z.record(z.string(), z.unknown()).meta({ description: 'DCAT-AP catalogue (JSON-LD)' });

export function openDataRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  // ---------------------------------------------------------------- public portal
  const tags = ['open-data'];
  r.get('/api/open/datasets', {
    config: { access: 'public' },
    schema: { tags, summary: '开放数据集检索(公开):关键词,按提供部门、主题、格式、更新周期、开放类型、精选筛选;含分面计数', querystring: openDatasetListQuery, response: { 200: openDatasetList } },
  }, async (req) => listOpenDatasets(kernel.db, req.query));

  r.get('/api/open/datasets/:code', {
    config: { access: 'public' },
    schema: { tags, summary: '开放数据集详情(公开):元数据、开放信息项、前 10 行预览、下载地址与开放接口地址', params: openDatasetParams, response: { 200: openDatasetView } },
  }, async (req) => getOpenDatasetView(kernel, { code: req.params.code, locale: req.locale }));

  r.get('/api/open/datasets/:code/download/:format', {
    config: { access: 'public' },
    schema: { tags, summary: '下载开放数据集(公开;CSV 为带 BOM 的 UTF-8,可用 Excel 直接打开;仅含无条件开放信息项;计入下载次数)', params: openDownloadParams, produces: ['text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: fileBody } },
  }, async (req, reply) => {
    // A HEAD request (link checkers, harvesters probing the resource URL) is not a download.
    const file = await openDownload(kernel, { code: req.params.code, format: req.params.format, isCounted: req.method !== 'HEAD' });
    // A stream, not the documented string: the file is written as it is read (allRecords, page by page).
    return (reply as FastifyReply)
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('last-modified', file.lastModified.toUTCString())
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  });

  r.get('/api/open/catalog.jsonld', {
    config: { access: 'public' },
    schema: { tags, summary: 'DCAT-AP 目录导出(JSON-LD;dcat:Catalog / dcat:Dataset / dcat:Distribution)', produces: ['application/ld+json'], response: { 200: jsonLd } },
  }, async (req, reply) => {
    const body = await dcatCatalogue(kernel, { locale: req.locale });
    return (reply as FastifyReply).header('content-type', 'application/ld+json; charset=utf-8').header('access-control-allow-origin', '*').send(JSON.stringify(body));
  });

  // ---------------------------------------------------------------- open API (X-Api-Key)
  r.get('/api/open/datasets/:code/records', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '开放接口:按页读取数据集记录(请求头 X-Api-Key;每个密钥每分钟、每日限额,超出返回 429;受限信息项仅向获批申请人开放)',
      params: openDatasetParams,
      querystring: openRecordsQuery,
      headers: z.object({ 'x-api-key': z.string().max(200).optional() }).loose(),
      response: { 200: openRecordsPage },
    },
  }, async (req, reply) => {
    try {
      const { page, headers } = await readOpenRecords(kernel, { actor: req.actor, apiKey: req.headers['x-api-key'] as string | undefined, code: req.params.code, query: req.query });
      reply.headers({ ...headers, 'cache-control': 'no-store' });
      return page;
    } catch (error) {
      if (error instanceof RateLimitedError) reply.headers(error.headers);
      throw error;
    }
  });

  // ---------------------------------------------------------------- developers: keys and applications
  const devTags = ['open-data-developers'];
  r.get('/api/open/api-keys', {
    config: { access: 'authenticated' },
    schema: { tags: devTags, summary: '我的 API 密钥(个人或企业开发者;不含密钥本身)', response: { 200: pageOf(apiKeyView) } },
  }, async (req) => listMyApiKeys(kernel, { actor: req.actor }));

  r.post('/api/open/api-keys', {
    config: { access: 'authenticated' },
    schema: { tags: devTags, summary: '创建 API 密钥(密钥只在此时显示一次;平台只保存其 HMAC-SM3)', body: createApiKeyInput, response: { 201: createdApiKey } },
  }, async (req, reply) => {
    reply.status(201).header('cache-control', 'no-store');
    return createApiKey(kernel, { actor: req.actor, input: req.body });
  });

  r.post('/api/open/api-keys/:id/revoke', {
    config: { access: 'authenticated' },
    schema: { tags: devTags, summary: '停用 API 密钥(立即生效)', params: idParam, response: { 200: apiKeyView } },
  }, async (req) => revokeApiKey(kernel, { actor: req.actor, id: req.params.id }));

  r.get('/api/open/applications', {
    config: { access: 'authenticated' },
    schema: { tags: devTags, summary: '我的受限开放申请', querystring: openApplicationListQuery, response: { 200: pageOf(openApplicationView) } },
  }, async (req) => listMyApplications(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/open/applications', {
    config: { access: 'authenticated', idempotent: true },
    schema: { tags: devTags, summary: '申请受限开放数据(用途、应用场景、期限;同一数据集同时只能有一份待审核申请;支持 Idempotency-Key)', body: openApplicationInput, response: { 201: openApplicationView } },
  }, async (req, reply) => {
    reply.status(201);
    return applyForDataset(kernel, { actor: req.actor, input: req.body });
  });

  r.get('/api/open/applications/:id', {
    config: { access: 'authenticated' },
    schema: { tags: devTags, summary: '受限开放申请详情(申请人或数据开放管理员)', params: idParam, response: { 200: openApplicationView } },
  }, async (req) => getApplication(kernel, { actor: req.actor, id: req.params.id }));

  r.post('/api/open/applications/:id/withdraw', {
    config: { access: 'authenticated' },
    schema: { tags: devTags, summary: '撤回待审核的申请(需带 version)', params: idParam, body: withdrawOpenApplicationInput, response: { 200: openApplicationView } },
  }, async (req) => withdrawApplication(kernel, { actor: req.actor, id: req.params.id, version: req.body.version }));

  // ---------------------------------------------------------------- administration (open-data.manage)
  const adminTags = ['open-data-admin'];
  r.get('/api/open-data/overview', {
    config: { access: 'open-data.manage' },
    schema: { tags: adminTags, summary: '数据开放管理:本区域开放数据集、下载与接口调用次数、待审核申请', response: { 200: openDataOverview } },
  }, async (req) => overview(kernel, { actor: req.actor }));

  r.put('/api/open-data/datasets/:code/settings', {
    config: { access: 'open-data.manage' },
    schema: { tags: adminTags, summary: '数据集门户设置(精选、许可协议、联系方式;需带 version,首次为 0)', params: openDatasetParams, body: openDatasetSettingsInput, response: { 200: openDatasetSettingsView } },
  }, async (req) => saveDatasetSettings(kernel, { actor: req.actor, code: req.params.code, input: req.body }));

  r.get('/api/open-data/applications', {
    config: { access: 'open-data.manage' },
    schema: { tags: adminTags, summary: '受限开放申请队列(本区域提供部门的数据集)', querystring: openApplicationListQuery, response: { 200: pageOf(openApplicationView) } },
  }, async (req) => listApplications(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/open-data/applications/:id/approve', {
    config: { access: 'open-data.manage' },
    schema: { tags: adminTags, summary: '批准受限开放申请(期限不超过所申请的;需带 version,两人同时处理时后者得到 409)', params: idParam, body: approveOpenApplicationInput, response: { 200: openApplicationView } },
  }, async (req) => decideApplication(kernel, { actor: req.actor, id: req.params.id, decision: { action: 'approve', input: req.body } }));

  r.post('/api/open-data/applications/:id/refuse', {
    config: { access: 'open-data.manage' },
    schema: { tags: adminTags, summary: '不予批准受限开放申请(须写明理由;需带 version)', params: idParam, body: refuseOpenApplicationInput, response: { 200: openApplicationView } },
  }, async (req) => decideApplication(kernel, { actor: req.actor, id: req.params.id, decision: { action: 'refuse', input: req.body } }));
}
