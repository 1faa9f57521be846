import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDataResourceInput,
  dataQualityQuery,
  dataQualityReport,
  dataQualityScore,
  dataResourceList,
  dataResourceListQuery,
  dataResourceVersionDetail,
  dataResourceView,
  dataSubLevelsInput,
  dataSubLevelsView,
  publishDataResourceInput,
  retireDataResourceInput,
  returnDataResourceInput,
  saveDataResourceDraftInput,
  submitDataResourceInput,
} from '@zhengtong/contracts';
import { createResource, saveDraft } from './drafts';
import { publishResource, retireResource, returnResource, submitResource } from './review';
import { searchResources } from './search';
import { getResourceVersion, getResourceView } from './views';
import { readQuality, readResourceQuality } from './quality-reads';
import { listSubLevels, replaceSubLevels } from './sub-levels';
import { excelRoutes } from './excel-routes';
import { recordRoutes } from './record-routes';

const tags = ['data-resources'];
const idParam = z.object({ id: z.uuid('invalid_format') });

export function catalogueRoutes(app: FastifyInstance): void {
  // The workbook routes first: /api/data-resources/export.xlsx is a static path beside /:id.
  excelRoutes(app);
  resourceRoutes(app);
  reviewRoutes(app);
  recordRoutes(app);
  settingRoutes(app);
}

function resourceRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/data-resources', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '检索数据资源目录 (staff who request data or keep it: published resources; the provider’s data admins and the reviewers also drafts and versions in review; facet counts per dimension over the other filters)',
      querystring: dataResourceListQuery,
      response: { 200: dataResourceList },
    },
  }, async (req) => searchResources(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/data-resources', {
    config: { access: 'data-resource.manage', idempotent: true },
    schema: {
      tags,
      summary: '新建数据资源 (编目: your own department’s, or any department of your region for the chief data officer; the code is fixed from now on and unique — 409 when taken; starts version 1 as a draft)',
      body: createDataResourceInput,
      response: { 201: dataResourceView },
    },
  }, async (req, reply) => {
    const { id } = await createResource(kernel, { actor: req.actor, input: req.body });
    reply.status(201);
    return getResourceView(kernel, { actor: req.actor, id });
  });

  r.get('/api/data-resources/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '数据资源详情 (published definition; for the provider and reviewers also the newest version, all versions and the history)', params: idParam, response: { 200: dataResourceView } },
  }, async (req) => getResourceView(kernel, { actor: req.actor, id: req.params.id }));

  r.get('/api/data-resources/:id/versions/:number', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '某一版本的定义 (published and superseded versions for every reader; drafts and returned ones for the provider and reviewers)',
      params: idParam.extend({ number: z.coerce.number().int().min(1, 'too_small') }),
      response: { 200: dataResourceVersionDetail },
    },
  }, async (req) => getResourceVersion(kernel, { actor: req.actor, id: req.params.id, number: req.params.number }));

  r.put('/api/data-resources/:id/draft', {
    config: { access: 'data-resource.manage' },
    schema: {
      tags,
      summary: '保存草稿 (the open draft, or a new draft version from the newest one while the published version keeps serving; optimistic: send the version you read; not while a version is in review)',
      params: idParam,
      body: saveDataResourceDraftInput,
      response: { 200: dataResourceView },
    },
  }, async (req) => {
    await saveDraft(kernel, { actor: req.actor, id: req.params.id, input: req.body });
    return getResourceView(kernel, { actor: req.actor, id: req.params.id });
  });

  r.get('/api/data-resources/:id/quality', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '数据质量评分 (completeness, validity, timeliness of the records; null before publication)', params: idParam, response: { 200: z.object({ score: dataQualityScore.nullable() }) } },
  }, async (req) => ({ score: await readResourceQuality(kernel, { actor: req.actor, id: req.params.id }) }));
}

function reviewRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.post('/api/data-resources/:id/submit', {
    config: { access: 'data-resource.manage' },
    schema: { tags, summary: '提交审核 (the provider’s data admin; the draft is checked again)', params: idParam, body: submitDataResourceInput, response: { 200: dataResourceView } },
  }, async (req) => {
    await submitResource(kernel, { actor: req.actor, id: req.params.id, version: req.body.version });
    return getResourceView(kernel, { actor: req.actor, id: req.params.id });
  });

  r.post('/api/data-resources/:id/publish', {
    config: { access: 'data-resource.review' },
    schema: {
      tags,
      summary: '审核发布 (the chief data officer; the previously published version is superseded; event data-resource.published)',
      params: idParam,
      body: publishDataResourceInput,
      response: { 200: dataResourceView },
    },
  }, async (req) => {
    await publishResource(kernel, { actor: req.actor, id: req.params.id, version: req.body.version, input: req.body });
    return getResourceView(kernel, { actor: req.actor, id: req.params.id });
  });

  r.post('/api/data-resources/:id/return', {
    config: { access: 'data-resource.review' },
    schema: { tags, summary: '退回修改 (the chief data officer, with a reason; the provider edits a new draft from it)', params: idParam, body: returnDataResourceInput, response: { 200: dataResourceView } },
  }, async (req) => {
    await returnResource(kernel, { actor: req.actor, id: req.params.id, version: req.body.version, input: req.body });
    return getResourceView(kernel, { actor: req.actor, id: req.params.id });
  });

  r.post('/api/data-resources/:id/retire', {
    // The provider's data admin or a reviewer (checked in the service).
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '停用数据资源 (the provider’s data admin or the chief data officer, with a reason; no new share requests; event data-resource.retired)',
      params: idParam,
      body: retireDataResourceInput,
      response: { 200: dataResourceView },
    },
  }, async (req) => {
    await retireResource(kernel, { actor: req.actor, id: req.params.id, version: req.body.version, input: req.body });
    return getResourceView(kernel, { actor: req.actor, id: req.params.id });
  });
}

function settingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/data-sub-levels', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '分级子级列表 (the sub-levels items may carry within 核心/重要/一般)', response: { 200: dataSubLevelsView } },
  }, async (req) => listSubLevels(kernel, { actor: req.actor }));

  r.put('/api/data-sub-levels', {
    config: { access: 'data-resource.review' },
    schema: { tags, summary: '设置分级子级 (the chief data officer; replaces the whole list)', body: dataSubLevelsInput, response: { 200: dataSubLevelsView } },
  }, async (req) => replaceSubLevels(kernel, { actor: req.actor, input: req.body }));

  r.get('/api/data-quality', {
    config: { access: 'data.metrics' },
    schema: {
      tags: ['data-metrics'],
      summary: '数据质量评分 (per published resource: completeness, validity, timeliness and their mean, and the overall means; the chief data officer sees the region, a data admin their own department)',
      querystring: dataQualityQuery,
      response: { 200: dataQualityReport },
    },
  }, async (req) => readQuality(kernel, { actor: req.actor, provider: req.query.provider }));
}
