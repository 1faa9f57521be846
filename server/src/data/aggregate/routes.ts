import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  aggregateBudgetView,
  aggregateCandidateView,
  aggregateQueryInput,
  aggregateQueryListQuery,
  aggregateQueryLogView,
  aggregateQueryResult,
  aggregateResourceListQuery,
  aggregateResourceView,
  myAggregateBudgetView,
  pageOf,
  registerAggregateResourceInput,
  setAggregateBudgetInput,
  updateAggregateResourceInput,
} from '@zhengtong/contracts';
import { listBudgets, myBudget, setBudget } from './budgets';
import { runAggregateQuery } from './query';
import { listAggregateQueries } from './query-log';
import { aggregateCandidate, getAggregateResource, listAggregateResources, registerAggregateResource, updateAggregateResource } from './registrations';

// 可用不可见: registrations and budgets (the platform), queries (consuming departments), the query log. No route returns
// a record: only groups of at least k members.

const resourceParam = z.object({ resourceId: z.uuid('invalid_format') });
const departmentParam = z.object({ departmentId: z.uuid('invalid_format') });
const refParam = z.object({ ref: z.string().trim().min(1, 'required').max(60, 'too_big') });

export function aggregateRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;
  const tags = ['aggregate-queries'];

  // ---------------------------------------------------------------- registrations
  r.get('/api/aggregate-resources', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '可统计查询的数据资源(平台:本区划全部登记;数据使用部门:可查询的资源)', querystring: aggregateResourceListQuery, response: { 200: pageOf(aggregateResourceView) } },
  }, async (req) => listAggregateResources(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/aggregate-resources/:resourceId', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '登记详情:统计维度、数值度量(截断范围)、最小分组人数 k、噪声', params: resourceParam, response: { 200: aggregateResourceView } },
  }, async (req) => getAggregateResource(kernel, { actor: req.actor, resourceId: req.params.resourceId }));

  r.get('/api/aggregate-candidates/:ref', {
    config: { access: 'share-request.review' },
    schema: { tags, summary: '登记前查看已发布资源的信息项:哪些可作统计维度、哪些可作数值度量(平台)', params: refParam, response: { 200: aggregateCandidateView } },
  }, async (req) => aggregateCandidate(kernel, { actor: req.actor, ref: req.params.ref }));

  r.post('/api/aggregate-resources', {
    config: { access: 'share-request.review', idempotent: true },
    schema: { tags, summary: '登记数据资源供统计查询(平台;个人信息项、主键不能作维度或度量;k ≥ 5;支持 Idempotency-Key)', body: registerAggregateResourceInput, response: { 201: aggregateResourceView } },
  }, async (req, reply) => {
    reply.status(201);
    return registerAggregateResource(kernel, { actor: req.actor, input: req.body });
  });

  r.put('/api/aggregate-resources/:resourceId', {
    config: { access: 'share-request.review' },
    schema: { tags, summary: '修改或停用登记(平台;需带 version)', params: resourceParam, body: updateAggregateResourceInput, response: { 200: aggregateResourceView } },
  }, async (req) => updateAggregateResource(kernel, { actor: req.actor, resourceId: req.params.resourceId, input: req.body }));

  // ---------------------------------------------------------------- queries
  r.post('/api/aggregate-queries', {
    config: { access: 'aggregate-query.run' },
    schema: {
      tags,
      summary: '统计查询(数据使用部门):按 0–3 个维度分组计数、求和、求平均;少于 k 人的分组不返回(只报隐藏组数);加噪声的资源扣减本部门隐私预算,预算不足返回 429;每次查询留痕',
      body: aggregateQueryInput,
      response: { 200: aggregateQueryResult },
    },
  }, async (req) => runAggregateQuery(kernel, { actor: req.actor, input: req.body }));

  r.get('/api/aggregate-queries', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '统计查询日志(平台:本区划全部;数据使用部门:本部门)', querystring: aggregateQueryListQuery, response: { 200: pageOf(aggregateQueryLogView) } },
  }, async (req) => listAggregateQueries(kernel, { actor: req.actor, query: req.query }));

  // ---------------------------------------------------------------- privacy budgets
  r.get('/api/aggregate-budgets', {
    config: { access: 'share-request.review' },
    schema: { tags, summary: '各数据使用部门的隐私预算及本期用量(平台)', response: { 200: z.object({ items: z.array(aggregateBudgetView) }) } },
  }, async (req) => listBudgets(kernel, { actor: req.actor }));

  r.get('/api/aggregate-budgets/mine', {
    config: { access: 'aggregate-query.run' },
    schema: { tags, summary: '本部门的隐私预算及本期剩余', response: { 200: myAggregateBudgetView } },
  }, async (req) => myBudget(kernel, { actor: req.actor }));

  r.put('/api/aggregate-budgets/:departmentId', {
    config: { access: 'share-request.review' },
    schema: { tags, summary: '设定部门隐私预算(平台;每期 ε 总额;新设时 version 为 null,修改时带 version)', params: departmentParam, body: setAggregateBudgetInput, response: { 200: aggregateBudgetView } },
  }, async (req) => setBudget(kernel, { actor: req.actor, departmentId: req.params.departmentId, input: req.body }));
}
