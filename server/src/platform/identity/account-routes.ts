import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agentView,
  createStaffInput,
  grantAgentInput,
  idNumberSchema,
  pageOf,
  pageQuery,
  personView,
  setRolesInput,
  staffView,
  updateStaffInput,
} from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import type { AccountActor, Actor } from '../../kernel/authz';
import { createStaff, getStaff, listStaff, resetStaffSecurity, setStaffRoles, updateStaff } from './staff';
import { findPersonByIdNumber, readPerson } from './persons';
import { grantAgent, listAgents, revokeAgent } from './agents';

const idParam = z.object({ id: z.uuid('invalid_format') });

function asAccount(actor: Actor): AccountActor {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function accountRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;
  const staffTags = ['staff'];

  r.get('/api/staff', {
    config: { access: 'staff.read' },
    schema: {
      tags: staffTags,
      summary: '工作人员列表 (own region and below)',
      querystring: pageQuery.extend({ departmentId: z.uuid().optional(), q: z.string().max(50).optional(), role: z.string().max(40).optional() }),
      response: { 200: pageOf(staffView) },
    },
  }, async (req) => listStaff(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/staff/:id', {
    config: { access: 'staff.read' },
    schema: { tags: staffTags, summary: '工作人员详情', params: idParam, response: { 200: staffView } },
  }, async (req) => getStaff(kernel, { actor: req.actor, accountId: req.params.id }));

  r.post('/api/staff', {
    config: { access: 'staff.manage', idempotent: true },
    schema: { tags: staffTags, summary: '新建工作人员账号 (initial password must be changed at first sign-in)', body: createStaffInput, response: { 201: staffView } },
  }, async (req, reply) => {
    reply.status(201);
    return createStaff(kernel, { actor: req.actor, input: req.body });
  });

  r.patch('/api/staff/:id', {
    config: { access: 'staff.manage' },
    schema: { tags: staffTags, summary: '修改工作人员 (optimistic: send the version you read)', params: idParam, body: updateStaffInput, response: { 200: staffView } },
  }, async (req) => updateStaff(kernel, { actor: req.actor, accountId: req.params.id, input: req.body }));

  r.put('/api/staff/:id/roles', {
    config: { access: 'role.assign' },
    schema: { tags: staffTags, summary: '授予角色 (security admin; 三员分立 enforced)', params: idParam, body: setRolesInput, response: { 200: staffView } },
  }, async (req) => setStaffRoles(kernel, { actor: req.actor, accountId: req.params.id, input: req.body }));

  r.post('/api/staff/:id/unlock', {
    config: { access: 'account.unlock' },
    schema: { tags: staffTags, summary: '解除锁定', params: idParam, response: { 200: staffView } },
  }, async (req) => resetStaffSecurity(kernel, { actor: req.actor, accountId: req.params.id, what: 'unlock' }));

  r.post('/api/staff/:id/reset-totp', {
    config: { access: 'account.unlock' },
    schema: { tags: staffTags, summary: '重置动态验证码 (re-enrol at next sign-in)', params: idParam, response: { 200: staffView } },
  }, async (req) => resetStaffSecurity(kernel, { actor: req.actor, accountId: req.params.id, what: 'reset-totp' }));

  r.post('/api/staff/:id/logout-everywhere', {
    config: { access: 'account.unlock' },
    schema: { tags: staffTags, summary: '强制下线 (all sessions of this account)', params: idParam, response: { 204: z.null() } },
  }, async (req, reply) => {
    await resetStaffSecurity(kernel, { actor: req.actor, accountId: req.params.id, what: 'sign-out' });
    return reply.status(204).send(null);
  });

  r.get('/api/persons/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['persons'],
      summary: '个人实名信息 (masked unless ?unmask=true; every read audited)',
      params: idParam,
      querystring: z.object({ unmask: z.stringbool().default(false), purpose: z.string().max(200).optional() }),
      response: { 200: personView },
    },
  }, async (req) => readPerson(kernel, { actor: req.actor, accountId: req.params.id, unmask: req.query.unmask, purpose: req.query.purpose }));

  r.post('/api/persons/lookup', {
    config: { access: 'person.read' },
    schema: {
      tags: ['persons'],
      summary: '按身份证号查找个人 (exact match through the blind index)',
      body: z.object({ idNumber: idNumberSchema, purpose: z.string().max(200).optional() }),
      response: { 200: z.object({ person: personView.nullable() }) },
    },
  }, async (req) => ({ person: (await findPersonByIdNumber(kernel, { actor: req.actor, idNumber: req.body.idNumber, purpose: req.body.purpose })) ?? null }));

  r.get('/api/enterprise-agents', {
    config: { access: 'authenticated' },
    schema: { tags: ['enterprises'], summary: '经办人授权 (enterprise: its agents; citizen: enterprises it may act for)', response: { 200: z.object({ items: z.array(agentView) }) } },
  }, async (req) => ({ items: await listAgents(kernel, { actor: asAccount(req.actor) }) }));

  r.post('/api/enterprise-agents', {
    config: { access: 'authenticated' },
    schema: { tags: ['enterprises'], summary: '授权经办人 (enterprise account only)', body: grantAgentInput, response: { 201: z.object({ id: z.string() }) } },
  }, async (req, reply) => {
    reply.status(201);
    return grantAgent(kernel, { actor: asAccount(req.actor), input: req.body });
  });

  r.delete('/api/enterprise-agents/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['enterprises'], summary: '撤销经办人授权', params: idParam, response: { 204: z.null() } },
  }, async (req, reply) => {
    await revokeAgent(kernel, { actor: asAccount(req.actor), grantId: req.params.id });
    return reply.status(204).send(null);
  });
}
