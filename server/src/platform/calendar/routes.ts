import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  calendarDateParam,
  calendarVersionQuery,
  calendarYearDetail,
  calendarYearParam,
  calendarYearsView,
  confirmCalendarYearInput,
  createCalendarYearInput,
  loadOfficialResult,
  putCalendarDayInput,
  workingDaysQuery,
  workingDaysView,
} from '@zhengtong/contracts';
import {
  clearCalendarDay,
  computeWorkingDays,
  confirmCalendarYear,
  createCalendarYear,
  getCalendarYear,
  listCalendarYears,
  loadOfficialYears,
  setCalendarDay,
} from './service';

const tags = ['calendar'];

/** Reading is public (citizens see their due dates); changing needs calendar.manage (system admin). */
export function calendarRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/calendar/years', {
    config: { access: 'public' },
    schema: { tags, summary: '工作日历年度 (source notice, provisional flag)', response: { 200: calendarYearsView } },
  }, async () => listCalendarYears(kernel));

  r.post('/api/calendar/years', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '新增年度 (before a release ships its schedule)', body: createCalendarYearInput, response: { 201: calendarYearDetail } },
  }, async (req, reply) => {
    reply.status(201);
    return createCalendarYear(kernel, { actor: req.actor, input: req.body });
  });

  r.get('/api/calendar/working-days', {
    config: { access: 'public' },
    schema: { tags, summary: '按工作日计算期限 (the starting day is not counted)', querystring: workingDaysQuery, response: { 200: workingDaysView } },
  }, async (req) => computeWorkingDays(kernel, req.query));

  r.post('/api/calendar/load-official', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '载入内置的国务院放假安排 (missing years only; edits are kept)', response: { 200: loadOfficialResult } },
  }, async (req) => loadOfficialYears(kernel, { actor: req.actor }));

  r.post('/api/calendar/years/:year/confirm', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '按正式通知确认暂定年度', params: calendarYearParam, body: confirmCalendarYearInput, response: { 200: calendarYearDetail } },
  }, async (req) => confirmCalendarYear(kernel, { actor: req.actor, year: req.params.year, input: req.body }));

  r.put('/api/calendar/days/:date', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '设置节假日或调休上班日 (send the year version you read)', params: calendarDateParam, body: putCalendarDayInput, response: { 200: calendarYearDetail } },
  }, async (req) => setCalendarDay(kernel, { actor: req.actor, date: req.params.date, input: req.body }));

  r.delete('/api/calendar/days/:date', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '取消特别安排 (back to the normal week)', params: calendarDateParam, querystring: calendarVersionQuery, response: { 200: calendarYearDetail } },
  }, async (req) => clearCalendarDay(kernel, { actor: req.actor, date: req.params.date, version: req.query.version }));

  r.get('/api/calendar/:year', {
    config: { access: 'public' },
    schema: { tags, summary: '年度放假调休安排', params: calendarYearParam, response: { 200: calendarYearDetail } },
  }, async (req) => getCalendarYear(kernel.db, req.params.year));
}
