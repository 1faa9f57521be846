import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRegionInput, regionCodeSchema, regionDetail, regionListQuery, regionListResult, updateRegionInput } from '@zhengtong/contracts';
import { createRegion, deleteRegion, getRegion, listRegions, updateRegion } from './service';
import { exportRegions, importRegions } from './excel';
import { registerXlsxImportRoute, sendXlsx, XLSX_MIME, xlsxFile } from '../../kernel/spreadsheet';

const tags = ['regions'];
const codeParam = z.object({ code: regionCodeSchema });

export function regionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/regions', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '行政区划列表 (children of ?parent=, a subtree under ?root= down ?depth= levels, or search ?q=; public for address pickers)',
      querystring: regionListQuery,
      response: { 200: regionListResult },
    },
  }, async (req) => listRegions(kernel, { query: req.query }));

  r.get('/api/regions/export.xlsx', {
    config: { access: 'region.manage' },
    schema: {
      tags,
      summary: '导出行政区划 Excel (the subtree under ?root=, default your own region)',
      querystring: z.object({ root: regionCodeSchema.optional() }),
      produces: [XLSX_MIME],
      response: { 200: xlsxFile },
    },
  }, async (req, reply) => sendXlsx(reply, await exportRegions(kernel, { actor: req.actor, root: req.query.root }), '行政区划.xlsx', 'regions.xlsx'));

  r.get('/api/regions/:code', {
    config: { access: 'public' },
    schema: { tags, summary: '行政区划详情 (with its ancestors, for preselecting an address picker)', params: codeParam, response: { 200: regionDetail } },
  }, async (req) => getRegion(kernel, { code: req.params.code }));

  r.post('/api/regions', {
    config: { access: 'region.manage', idempotent: true },
    schema: {
      tags,
      summary: '新增行政区划 (code shape, level and parent per GB/T 2260; inside your own region)',
      body: createRegionInput,
      response: { 201: regionDetail },
    },
  }, async (req, reply) => {
    reply.status(201);
    return createRegion(kernel, { actor: req.actor, input: req.body });
  });

  r.patch('/api/regions/:code', {
    config: { access: 'region.manage' },
    schema: { tags, summary: '修改行政区划名称或排序 (optimistic: send the version you read)', params: codeParam, body: updateRegionInput, response: { 200: regionDetail } },
  }, async (req) => updateRegion(kernel, { actor: req.actor, code: req.params.code, input: req.body }));

  r.delete('/api/regions/:code', {
    config: { access: 'region.manage' },
    schema: {
      tags,
      summary: '删除行政区划 (refused with IN_USE while sub-regions, departments, staff, citizens or enterprises refer to it)',
      params: codeParam,
      response: { 204: z.null() },
    },
  }, async (req, reply) => {
    await deleteRegion(kernel, { actor: req.actor, code: req.params.code });
    return reply.status(204).send(null);
  });

  registerXlsxImportRoute(app, {
    url: '/api/regions/import',
    access: 'region.manage',
    tags,
    summary: '导入行政区划 Excel (multipart field `file`, .xlsx ≤ 5 MB; rows matched by 区划代码; ?dryRun=true checks only; any wrong row → nothing changes)',
    run: (req, file, dryRun) => importRegions(kernel, { actor: req.actor, file, dryRun }),
  });
}
