import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseView,
  creditBlacklistInput,
  creditBlacklistView,
  notificationList,
  notificationsQuery,
  notificationView,
  pageOf,
  pageQuery,
  staffActionInputs,
  staffActionRoutes,
  windowCaseInput,
  windowLicenseMaterialsInput,
  licenseMaterialsView,
  licenseFreeRateQuery,
  licenseFreeRateView,
  workbenchQuery,
  workbenchResult,
  type StaffAction,
  type StaffActionRoute,
} from '@zhengtong/contracts';
import type { CasesContext } from './context';
import { addToCreditBlacklist, listCreditBlacklist, removeFromCreditBlacklist } from './blacklist';
import { markAllRead, markRead, myNotifications } from './notifications';
import { actOnCase } from './processing';
import { readCase, workbenchQueue } from './reads';
import { fileWindowCase } from './window';
import { licenseFreeRate, previewForWindow } from './license-free';

const idParam = z.object({ id: z.uuid('invalid_format') });

const actionSummaries: Record<StaffAction, string> = {
  accept: '受理(即办件当场办结;容缺材料注明补交期限)',
  refuse: '不予受理(须写明理由,生成不予受理决定书)',
  requestSupplement: '一次性告知补正(逐项写明需改正的内容;办理时限暂停)',
  approve: '审核通过 / 准予(决定环节填写办理结果并生成决定书)',
  deny: '不予许可(须写明理由,生成决定书)',
  transfer: '转办(交由本区域内另一部门办理)',
  complete: '办结(送达结果,发出 case.completed 事件)',
  startInspection: '安排现场勘验',
  countersign: '会签(被请求会签的部门)',
  startSpecial: '进入特别程序(听证、检验检测、专家评审等,时间不计入时限)',
  endSpecial: '结束特别程序(恢复计时)',
};

// Each action's permission is checked in the service (workflow.permissionFor, by step); the route asks for the
// least every action needs: the staff member reads cases.
export function staffCaseRoutes(app: FastifyInstance, ctx: CasesContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/workbench/cases', {
    config: { access: 'case.read' },
    schema: {
      tags: ['workbench'],
      summary: '办件工作台:本部门、本岗位待办,最紧急在前;按红黄绿灯计数',
      querystring: workbenchQuery,
      response: { 200: workbenchResult },
    },
  }, async (req) => workbenchQueue(ctx, { actor: req.actor, query: req.query }));

  for (const [route, action] of Object.entries(staffActionRoutes) as [StaffActionRoute, StaffAction][]) {
    r.post(`/api/cases/:id/actions/${route}`, {
      config: { access: 'case.read', idempotent: true },
      schema: {
        tags: ['workbench'],
        summary: `${actionSummaries[action]}(乐观并发:带上读到的 version,他人已处理时返回 STALE_VERSION)`,
        params: idParam,
        body: staffActionInputs[action],
        response: { 200: caseView },
      },
    }, async (req) => {
      await actOnCase(ctx, { actor: req.actor, caseId: req.params.id, action, input: staffActionInputs[action].parse(req.body) });
      return readCase(ctx, { actor: req.actor, caseId: req.params.id });
    });
  }

  r.post('/api/window/cases', {
    config: { access: 'case.window', idempotent: true },
    schema: {
      tags: ['workbench'],
      summary: '综合窗口代为申请(一窗受理:按身份证号识别申请人,未注册的作为非注册申请人;随后上传扫描件、提交、受理)',
      body: windowCaseInput,
      response: { 201: caseView },
    },
  }, async (req, reply) => {
    const { id } = await fileWindowCase(ctx, { actor: req.actor, input: req.body });
    reply.status(201);
    return readCase(ctx, { actor: req.actor, caseId: id });
  });

  r.post('/api/window/license-materials', {
    config: { access: 'case.window' },
    schema: {
      tags: ['workbench'],
      summary: '综合窗口免证办预览:按身份证号或统一社会信用代码查询申请人的有效电子证照可免交哪些材料(查询留痕)',
      body: windowLicenseMaterialsInput,
      response: { 200: licenseMaterialsView },
    },
  }, async (req) => previewForWindow(ctx, { actor: req.actor, input: req.body }));

  r.get('/api/cases/license-free-rate', {
    config: { access: 'case.oversee' },
    schema: {
      tags: ['workbench'],
      summary: '免证办率:本区划提交的办件中,由系统调取电子证照而免交的材料 ÷ 应交材料(分事项与合计)',
      querystring: licenseFreeRateQuery,
      response: { 200: licenseFreeRateView },
    },
  }, async (req) => licenseFreeRate(ctx, { actor: req.actor, query: req.query }));

  r.get('/api/notifications', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: '站内消息(本人)', querystring: notificationsQuery, response: { 200: notificationList } },
  }, async (req) => myNotifications(ctx, { actor: req.actor, query: req.query }));

  r.post('/api/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: '标记为已读', params: idParam, response: { 200: notificationView } },
  }, async (req) => markRead(ctx, { actor: req.actor, id: req.params.id }));

  r.post('/api/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: '全部标记为已读', response: { 200: z.object({ marked: z.number().int() }) } },
  }, async (req) => markAllRead(ctx, { actor: req.actor }));

  r.get('/api/credit-blacklist', {
    config: { access: 'credit-blacklist.manage' },
    schema: { tags: ['credit'], summary: '严重失信主体名单(告知承诺资格;信用域接入前的临时名单)', querystring: pageQuery, response: { 200: pageOf(creditBlacklistView) } },
  }, async (req) => listCreditBlacklist(ctx, { actor: req.actor, page: req.query.page, pageSize: req.query.pageSize }));

  r.post('/api/credit-blacklist', {
    config: { access: 'credit-blacklist.manage', idempotent: true },
    schema: { tags: ['credit'], summary: '加入严重失信主体名单', body: creditBlacklistInput, response: { 201: creditBlacklistView } },
  }, async (req, reply) => {
    reply.status(201);
    return addToCreditBlacklist(ctx, { actor: req.actor, input: req.body });
  });

  r.delete('/api/credit-blacklist/:id', {
    config: { access: 'credit-blacklist.manage' },
    schema: { tags: ['credit'], summary: '移出名单(记录保留)', params: idParam, response: { 204: z.null() } },
  }, async (req, reply) => {
    await removeFromCreditBlacklist(ctx, { actor: req.actor, id: req.params.id });
    return reply.status(204).send(null);
  });
}
