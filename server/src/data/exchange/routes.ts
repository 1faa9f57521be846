import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerShareDemandInput,
  answerShareRequestInput,
  createExchangeClientInput,
  createShareDemandInput,
  createShareRequestInput,
  demandSatisfaction,
  exchangeCallListQuery,
  exchangeCallView,
  exchangeChainVerdict,
  exchangeClientSecretView,
  exchangeClientVersionInput,
  exchangeClientView,
  exchangeGrantListQuery,
  exchangeGrantView,
  exchangeStatistics,
  exchangeStatisticsQuery,
  grantLimitsInput,
  myExchangeUseView,
  pageOf,
  pageQuery,
  reviewShareRequestInput,
  revokeGrantInput,
  shareDemandListQuery,
  shareDemandView,
  shareRequestListQuery,
  shareRequestSummary,
  shareRequestView,
  shareableResourceQuery,
  shareableResourceView,
  withdrawShareDemandInput,
  withdrawShareRequestInput,
} from '@zhengtong/contracts';
import { requirePermission } from '../../kernel/authz';
import { listCalls } from './call-log';
import { createClient, listClients, revokeClient, rotateClient } from './clients';
import { answerShareDemand, fileShareDemand, getShareDemand, listShareDemands, withdrawShareDemand } from './demands';
import { changeGrantLimits, getGrant, listGrants, revokeGrant } from './grants';
import { listMyExchangeUses } from './my-uses';
import { answerShareRequest, reviewShareRequest, withdrawShareRequest } from './request-decide';
import { getShareRequest, listShareRequests } from './request-reads';
import { submitShareRequest } from './request-submit';
import { verifyCallChain } from './seal';
import { findShareableResources } from './shareable';
import { demandSatisfactionFor, statisticsFor } from './statistics';

// The exchange's staff routes (requests, demands, grants, credentials, call log, statistics) and the citizen's part of
// the data tracker. Lists readable by several parties declare 'authenticated' and the service checks the party.
// The query API for other systems is in query-routes.ts.

const idParam = z.object({ id: z.uuid('invalid_format') });

export function exchangeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  // ---------------------------------------------------------------- 共享申请
  const tags = ['share-requests'];
  r.get('/api/share-requests/resources', {
    config: { access: 'share-request.create' },
    schema: { tags, summary: '查找可申请的已发布数据资源(按资源代码;返回信息项及其共享类型、是否个人信息)', querystring: shareableResourceQuery, response: { 200: pageOf(shareableResourceView) } },
  }, async (req) => {
    const items = await findShareableResources(kernel.db, req.query.q);
    return { items, total: items.length };
  });

  r.get('/api/share-requests', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '共享申请列表:view=mine 本部门的申请,review 平台待审(按期限),answer 提供方待审(按期限),all 我可见的全部', querystring: shareRequestListQuery, response: { 200: pageOf(shareRequestSummary) } },
  }, async (req) => listShareRequests(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/share-requests', {
    config: { access: 'share-request.create', idempotent: true },
    schema: { tags, summary: '提交共享申请(信息项、用途、依据、期限 ≤ 1 年、预计日调用量;有条件共享须填依据;支持 Idempotency-Key)', body: createShareRequestInput, response: { 201: shareRequestView } },
  }, async (req, reply) => {
    reply.status(201);
    return submitShareRequest(kernel, { actor: req.actor, input: req.body });
  });

  r.get('/api/share-requests/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '共享申请详情(申请方、平台、提供方可见;含办理记录、期限和可执行的操作)', params: idParam, response: { 200: shareRequestView } },
  }, async (req) => getShareRequest(kernel, { actor: req.actor, id: req.params.id }));

  r.post('/api/share-requests/:id/review', {
    config: { access: 'share-request.review' },
    schema: { tags, summary: '平台审核(2 个工作日):通过(可设频率限制、日配额;无条件共享即生成授权,有条件共享转提供方)或不通过(须说明理由)', params: idParam, body: reviewShareRequestInput, response: { 200: shareRequestView } },
  }, async (req) => reviewShareRequest(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/share-requests/:id/answer', {
    config: { access: 'share-request.answer' },
    schema: { tags, summary: '提供方审核(5 个工作日):同意(可选择以明文提供的个人信息项)并生成授权,或不同意(须说明理由)', params: idParam, body: answerShareRequestInput, response: { 200: shareRequestView } },
  }, async (req) => answerShareRequest(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/share-requests/:id/withdraw', {
    config: { access: 'share-request.create' },
    schema: { tags, summary: '申请方撤回审核中的申请', params: idParam, body: withdrawShareRequestInput, response: { 200: shareRequestView } },
  }, async (req) => withdrawShareRequest(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  // ---------------------------------------------------------------- 需求清单
  const demandTags = ['share-demands'];
  r.get('/api/share-demands', {
    config: { access: 'authenticated' },
    schema: { tags: demandTags, summary: '需求清单:view=mine 本部门提出的,addressed 向本部门提出的,all 平台可见的全部', querystring: shareDemandListQuery, response: { 200: pageOf(shareDemandView) } },
  }, async (req) => listShareDemands(kernel, { actor: req.actor, query: req.query }));

  r.post('/api/share-demands', {
    config: { access: 'share-request.create', idempotent: true },
    schema: { tags: demandTags, summary: '提出共享需求(目录中尚无的数据;被提部门 10 个工作日内答复;支持 Idempotency-Key)', body: createShareDemandInput, response: { 201: shareDemandView } },
  }, async (req, reply) => {
    reply.status(201);
    return fileShareDemand(kernel, { actor: req.actor, input: req.body });
  });

  r.get('/api/share-demands/:id', {
    config: { access: 'authenticated' },
    schema: { tags: demandTags, summary: '共享需求详情', params: idParam, response: { 200: shareDemandView } },
  }, async (req) => getShareDemand(kernel, { actor: req.actor, id: req.params.id }));

  r.post('/api/share-demands/:id/answer', {
    config: { access: 'share-request.answer' },
    schema: { tags: demandTags, summary: '答复共享需求:以本部门已发布资源满足(填资源代码),或不予满足(须说明理由)', params: idParam, body: answerShareDemandInput, response: { 200: shareDemandView } },
  }, async (req) => answerShareDemand(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/share-demands/:id/withdraw', {
    config: { access: 'share-request.create' },
    schema: { tags: demandTags, summary: '撤回本部门提出的共享需求', params: idParam, body: withdrawShareDemandInput, response: { 200: shareDemandView } },
  }, async (req) => withdrawShareDemand(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  // ---------------------------------------------------------------- 授权与凭证
  const grantTags = ['exchange-grants'];
  r.get('/api/exchange-grants', {
    config: { access: 'authenticated' },
    schema: { tags: grantTags, summary: '共享授权:view=mine 本部门获得的,provided 本部门资源的,all 平台可见的全部', querystring: exchangeGrantListQuery, response: { 200: pageOf(exchangeGrantView) } },
  }, async (req) => listGrants(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/exchange-grants/:id', {
    config: { access: 'authenticated' },
    schema: { tags: grantTags, summary: '共享授权详情(信息项及是否脱敏、有效期、频率限制、日配额)', params: idParam, response: { 200: exchangeGrantView } },
  }, async (req) => getGrant(kernel, { actor: req.actor, id: req.params.id }));

  r.post('/api/exchange-grants/:id/revoke', {
    config: { access: 'authenticated' },
    schema: { tags: grantTags, summary: '撤销共享授权(平台或提供方;立即生效,须说明理由)', params: idParam, body: revokeGrantInput, response: { 200: exchangeGrantView } },
  }, async (req) => revokeGrant(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.put('/api/exchange-grants/:id/limits', {
    config: { access: 'share-request.review' },
    schema: { tags: grantTags, summary: '调整共享授权的频率限制(次/秒)与日配额(条/日)(平台)', params: idParam, body: grantLimitsInput, response: { 200: exchangeGrantView } },
  }, async (req) => changeGrantLimits(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  const clientTags = ['exchange-clients'];
  r.get('/api/exchange-clients', {
    config: { access: 'share-request.create' },
    schema: { tags: clientTags, summary: '本部门的接口凭证(密钥不再显示)', response: { 200: pageOf(exchangeClientView) } },
  }, async (req) => listClients(kernel, { actor: req.actor }));

  r.post('/api/exchange-clients', {
    config: { access: 'share-request.create' },
    schema: { tags: clientTags, summary: '新建接口凭证:返回 client id 与密钥,密钥仅此一次显示', body: createExchangeClientInput, response: { 201: exchangeClientSecretView } },
  }, async (req, reply) => {
    reply.status(201).header('cache-control', 'no-store');
    return createClient(kernel, { actor: req.actor, input: req.body });
  });

  r.post('/api/exchange-clients/:id/rotate', {
    config: { access: 'share-request.create' },
    schema: { tags: clientTags, summary: '轮换密钥:返回新密钥(仅此一次显示),旧密钥立即失效', params: idParam, body: exchangeClientVersionInput, response: { 200: exchangeClientSecretView } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return rotateClient(kernel, { actor: req.actor, id: req.params.id, input: req.body });
  });

  r.post('/api/exchange-clients/:id/revoke', {
    config: { access: 'share-request.create' },
    schema: { tags: clientTags, summary: '注销接口凭证(立即失效,不可恢复)', params: idParam, body: exchangeClientVersionInput, response: { 200: exchangeClientView } },
  }, async (req) => revokeClient(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  // ---------------------------------------------------------------- 调用记录与统计
  const callTags = ['exchange-calls'];
  r.get('/api/exchange-calls', {
    config: { access: 'authenticated' },
    schema: { tags: callTags, summary: '调用记录:view=consumer 本部门的调用,provider 本部门资源被调用,all 平台全部(含被拒绝的调用)', querystring: exchangeCallListQuery, response: { 200: pageOf(exchangeCallView) } },
  }, async (req) => listCalls(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/exchange-calls/verify', {
    config: { access: 'share-request.review' },
    schema: { tags: callTags, summary: '校验调用记录的 SM3 哈希链,指出第一条被篡改或缺失的记录;并报告尚未封存的记录', response: { 200: exchangeChainVerdict } },
  }, async (req) => {
    requirePermission(req.actor, 'share-request.review');
    return verifyCallChain(kernel.db);
  });

  r.get('/api/exchange-statistics', {
    config: { access: 'authenticated' },
    schema: { tags: callTags, summary: '调用统计(调用量、查询条数、查得率、失败数、p50/p95 时延;按日、资源、使用部门)。提供方只看本部门资源', querystring: exchangeStatisticsQuery, response: { 200: exchangeStatistics } },
  }, async (req) => statisticsFor(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/exchange-statistics/demands', {
    config: { access: 'authenticated' },
    schema: { tags: callTags, summary: '共享需求满足率(已满足 ÷ 需求数,撤回的不计)', querystring: exchangeStatisticsQuery, response: { 200: demandSatisfaction } },
  }, async (req) => demandSatisfactionFor(kernel, { actor: req.actor, query: req.query }));

  // ---------------------------------------------------------------- 数据使用记录 (citizen)
  r.get('/api/my/data-exchange-uses', {
    config: { access: 'authenticated' },
    schema: { tags: ['data-tracker'], summary: '我的数据被哪些部门通过共享交换查询过(时间、部门、资源、用途)', querystring: pageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: pageOf(myExchangeUseView) } },
  }, async (req) => listMyExchangeUses(kernel, { actor: req.actor, query: req.query }));
}
