import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createImplementationInput,
  createServiceItemInput,
  implementationDifferences as differencesSchema,
  implementationView,
  pageOf,
  serviceItemListQuery,
  serviceItemView,
  updateImplementationInput,
  updateServiceItemInput,
} from '@zhengtong/contracts';
import { createServiceItem, deleteServiceItem, listServiceItems, readServiceItem, updateServiceItem } from './items';
import { createImplementation, deleteImplementation, getImplementation, listItemImplementations, updateImplementation } from './implementations';
import { implementationDifferences } from './differences';
import { portalRoutes } from './portal-routes';
import { versionRoutes } from './version-routes';
import { excelRoutes } from './excel-routes';

const tags = ['service-items'];
const idParam = z.object({ id: z.uuid('invalid_format') });

export function catalogueRoutes(app: FastifyInstance): void {
  portalRoutes(app);
  itemRoutes(app);
  implementationRoutes(app);
  versionRoutes(app);
  excelRoutes(app);
}

// Reading needs service-item.manage or service-item.review (checked in the service; a route declares one permission).
function itemRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/service-items', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '事项目录 (catalogue staff: every item of the province’s catalogues, published or not; filter by name/基本编码/alias, type, audience, life event, implementing department)',
      querystring: serviceItemListQuery,
      response: { 200: pageOf(serviceItemView) },
    },
  }, async (req) => listServiceItems(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/service-items', {
    config: { access: 'service-item.manage', idempotent: true },
    schema: {
      tags,
      summary: '新增事项 (基本目录; catalogue admins of the region — service-item.manage and service-item.review; 基本编码 unique, name unique in the catalogue)',
      body: createServiceItemInput,
      response: { 201: serviceItemView },
    },
  }, async (req, reply) => {
    reply.status(201);
    return createServiceItem(kernel, { actor: req.actor, input: req.body });
  });

  r.get('/api/service-items/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '事项详情 (catalogue staff)', params: idParam, response: { 200: serviceItemView } },
  }, async (req) => readServiceItem(kernel, { actor: req.actor, id: req.params.id }));

  r.patch('/api/service-items/:id', {
    config: { access: 'service-item.manage' },
    schema: {
      tags,
      summary: '修改事项 (optimistic: send the version you read; 基本编码 is fixed once implemented; published versions keep the definition they were published with)',
      params: idParam,
      body: updateServiceItemInput,
      response: { 200: serviceItemView },
    },
  }, async (req) => updateServiceItem(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.delete('/api/service-items/:id', {
    config: { access: 'service-item.manage' },
    schema: { tags, summary: '删除事项 (only while no department implements it: IN_USE otherwise)', params: idParam, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteServiceItem(kernel, { actor: req.actor, id: req.params.id });
    return reply.status(204).send(null);
  });

  r.get('/api/service-items/:id/implementations/differences', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '四级四同差异报告 (per element, which implementations’ versions in force differ; name, code, basis and type must be identical and are flagged, local details listed)',
      params: idParam,
      response: { 200: differencesSchema },
    },
  }, async (req) => implementationDifferences(kernel, { actor: req.actor, id: req.params.id }));
}

function implementationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/service-items/:id/implementations', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '实施清单列表 (the item’s implementations serving the reader’s region, with the version in force, pending and scheduled)',
      params: idParam,
      response: { 200: z.object({ items: z.array(implementationView) }) },
    },
  }, async (req) => ({ items: await listItemImplementations(kernel, { actor: req.actor, serviceItemId: req.params.id }) }));

  r.post('/api/service-items/:id/implementations', {
    config: { access: 'service-item.manage', idempotent: true },
    schema: {
      tags,
      summary: '新增实施清单 (your own department; catalogue admins any department of their region; 实施编码 = credit code + 基本编码 + serial)',
      params: idParam,
      body: createImplementationInput,
      response: { 201: implementationView },
    },
  }, async (req, reply) => {
    reply.status(201);
    return createImplementation(kernel, { actor: req.actor, serviceItemId: req.params.id, input: req.body });
  });

  r.get('/api/service-item-implementations/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '实施清单详情', params: idParam, response: { 200: implementationView } },
  }, async (req) => getImplementation(kernel, { actor: req.actor, id: req.params.id }));

  r.patch('/api/service-item-implementations/:id', {
    config: { access: 'service-item.manage' },
    schema: {
      tags,
      summary: '停用或启用实施清单 (a deactivated implementation keeps its versions for the cases filed under them, and leaves the portal)',
      params: idParam,
      body: updateImplementationInput,
      response: { 200: implementationView },
    },
  }, async (req) => updateImplementation(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.delete('/api/service-item-implementations/:id', {
    config: { access: 'service-item.manage' },
    schema: { tags, summary: '删除实施清单 (only one that never published a version; deactivate it otherwise)', params: idParam, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteImplementation(kernel, { actor: req.actor, id: req.params.id });
    return reply.status(204).send(null);
  });
}
