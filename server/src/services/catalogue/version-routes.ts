import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approveVersionInput,
  createDraftInput,
  itemVersionDetail,
  itemVersionListItem,
  itemVersionListQuery,
  pageOf,
  rejectVersionInput,
  revisionInput,
  updateDraftInput,
  versionSchema,
} from '@zhengtong/contracts';
import { approveVersion, rejectVersion, retireVersion, submitVersion, withdrawVersion } from './reviews';
import { createDraft, discardDraft, updateDraft } from './drafts';
import { getVersionDetail } from './version-steps';
import { listVersions } from './version-list';

const tags = ['service-item-versions'];
const idParam = z.object({ id: z.uuid('invalid_format') });

export function versionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/service-item-versions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '事项版本列表 (your region; ?status=review is the review queue, longest waiting first)',
      querystring: itemVersionListQuery,
      response: { 200: pageOf(itemVersionListItem) },
    },
  }, async (req) => listVersions(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/service-item-implementations/:id/versions', {
    config: { access: 'service-item.manage', idempotent: true },
    schema: {
      tags,
      summary: '新建草稿版本 (copied from ?fromVersionId, else the newest version, else another level’s version in force; one draft or review at a time)',
      params: idParam,
      body: createDraftInput,
      response: { 201: itemVersionDetail },
    },
  }, async (req, reply) => {
    reply.status(201);
    return createDraft(kernel, { actor: req.actor, implementationId: req.params.id, input: req.body });
  });

  r.get('/api/service-item-versions/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '事项版本详情 (all elements, history, and the actions you may take now)', params: idParam, response: { 200: itemVersionDetail } },
  }, async (req) => getVersionDetail(kernel, { actor: req.actor, id: req.params.id }));

  r.put('/api/service-item-versions/:id', {
    config: { access: 'service-item.manage' },
    schema: {
      tags,
      summary: '修改草稿 (all elements at once; optimistic: send the revision you read)',
      params: idParam,
      body: updateDraftInput,
      response: { 200: itemVersionDetail },
    },
  }, async (req) => updateDraft(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.delete('/api/service-item-versions/:id', {
    config: { access: 'service-item.manage' },
    schema: {
      tags,
      summary: '删除草稿 (drafts only; ?revision= the revision you read)',
      params: idParam,
      querystring: z.object({ revision: z.coerce.number().pipe(versionSchema) }),
      response: { 204: z.null() },
    },
  }, async (req, reply) => {
    await discardDraft(kernel, { actor: req.actor, id: req.params.id, revision: req.query.revision });
    return reply.status(204).send(null);
  });

  r.post('/api/service-item-versions/:id/submit', {
    config: { access: 'service-item.manage' },
    schema: { tags, summary: '提交审核 (draft → review; the whole version is checked and nothing may be left 待填写)', params: idParam, body: revisionInput, response: { 200: itemVersionDetail } },
  }, async (req) => submitVersion(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/service-item-versions/:id/withdraw', {
    config: { access: 'service-item.manage' },
    schema: { tags, summary: '撤回审核 (review → draft, by the implementation’s editors)', params: idParam, body: revisionInput, response: { 200: itemVersionDetail } },
  }, async (req) => withdrawVersion(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/service-item-versions/:id/approve', {
    config: { access: 'service-item.review' },
    schema: {
      tags,
      summary: '审核通过并发布 (review → published from effectiveFrom, default now; the version in force until then retires at that moment; not your own submission)',
      params: idParam,
      body: approveVersionInput,
      response: { 200: itemVersionDetail },
    },
  }, async (req) => approveVersion(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/service-item-versions/:id/reject', {
    config: { access: 'service-item.review' },
    schema: { tags, summary: '退回修改 (review → draft with the reason the editor will read)', params: idParam, body: rejectVersionInput, response: { 200: itemVersionDetail } },
  }, async (req) => rejectVersion(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/service-item-versions/:id/retire', {
    config: { access: 'service-item.review' },
    schema: {
      tags,
      summary: '废止版本 (published → retired now; a version not yet in effect is retired before it starts and its predecessor stays in force)',
      params: idParam,
      body: revisionInput,
      response: { 200: itemVersionDetail },
    },
  }, async (req) => retireVersion(kernel, { actor: req.actor, id: req.params.id, input: req.body }));
}
