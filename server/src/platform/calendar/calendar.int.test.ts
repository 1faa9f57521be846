import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { systemActor } from '../../kernel/authz';
import { deadlineAfter, loadOfficialCalendar } from './index';

let t: TestApp;
const tokens: Record<'sysadmin' | 'secadmin' | 'auditor' | 'clerk', string> = { sysadmin: '', secadmin: '', auditor: '', clerk: '' };

beforeAll(async () => {
  t = await createTestApp();
  const { county } = await makeRegionTree(t.kernel);
  const department = await makeDepartment(t.kernel, county);
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
    const staff = await makeStaff(t.kernel, { departmentId: department.id, regionCode: county, roles: [role] });
    tokens[role] = await t.login(staff.username, staff.password);
  }
});
afterAll(async () => t?.close());

type YearDetail = { year: number; version: number; isProvisional: boolean; source: string; holidayCount: number; workdayCount: number; days: { date: string; kind: string; name: string; weekday: number }[] };

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const year = async (y: number): Promise<YearDetail> => (await get(`/api/calendar/${y}`)).json() as YearDetail;
const deadline = async (from: string, days: number) => (await get(`/api/calendar/working-days?from=${encodeURIComponent(from)}&days=${days}`)).json();
const putDay = (date: string, body: Record<string, unknown>, token = tokens.sysadmin) => t.as(token, { method: 'PUT', url: `/api/calendar/days/${date}`, payload: body });
const auditOf = (action: string) => t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();

describe('reading the calendar (public)', () => {
  it('has 2025–2027 loaded at start-up, 2027 provisional, without the demo city', async () => {
    const res = await get('/api/calendar/years');
    expect(res.statusCode).toBe(200);
    const { items, missingBuiltInYears } = res.json() as { items: YearDetail[]; missingBuiltInYears: number[] };
    expect(items.map((y) => [y.year, y.isProvisional])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect(items[1]).toMatchObject({ holidayCount: 33, workdayCount: 6, source: expect.stringContaining('国办发明电〔2025〕7号') });
    expect(missingBuiltInYears).toEqual([]);
    const [loaded] = await auditOf('calendar.load-official');
    expect(loaded).toMatchObject({ actor_name: 'calendar-startup', actor_role: 'system', detail: { years: [2025, 2026, 2027] } });
  });

  it('lists one year\'s holidays and worked weekends with their weekday', async () => {
    const y2026 = await year(2026);
    expect(y2026.days.find((d) => d.date === '2026-02-14')).toMatchObject({ kind: 'workday', name: '春节调休上班', weekday: 6 });
    expect(y2026.days.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', weekday: 4 });
    expect((await get('/api/calendar/2031')).json().code).toBe('NOT_FOUND');
    expect((await get('/api/calendar/1999')).json().errors[0]).toMatchObject({ field: 'year', code: 'calendar.yearRange' });
    expect((await get('/api/calendar/abc')).statusCode).toBe(400);
  });

  it('counts a deadline in working days across the National Day week and 调休', async () => {
    expect(await deadline('2025-09-26T10:00:00+08:00', 20)).toEqual({
      fromDate: '2025-09-26',
      days: 20,
      deadline: '2025-10-30T15:59:59.999Z',
      deadlineDate: '2025-10-30',
      uncoveredYears: [],
      provisionalYears: [],
    });
    expect((await deadline('2026-02-13', 1)).deadlineDate).toBe('2026-02-14');
    // A date alone is that Beijing day; an instant late in the UTC day is already the next Beijing day.
    expect((await deadline('2025-09-28T16:00:00Z', 1)).deadlineDate).toBe('2025-09-30');
  });

  it('warns when the span reaches a provisional year or one without a schedule', async () => {
    expect(await deadline('2026-12-20', 20)).toMatchObject({ provisionalYears: [2027], uncoveredYears: [] });
    expect(await deadline('2027-12-20', 20)).toMatchObject({ provisionalYears: [2027], uncoveredYears: [2028] });
  });

  it('is described in the OpenAPI document, query parameters included', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const parameters = res.json().paths['/api/calendar/working-days'].get.parameters as { name: string; in: string; required: boolean }[];
    expect(parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['from', 'query', true],
      ['days', 'query', true],
    ]);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/audit-records', '/api/audit-records/export.csv', '/api/me/data-access', '/api/security-policy', '/api/outbox-events']));
  });

  it('refuses a deadline question it cannot answer', async () => {
    const res = await get('/api/calendar/working-days?from=next-monday&days=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['from', 'invalid_format'],
      ['days', 'too_small'],
    ]);
    expect((await get('/api/calendar/working-days?from=2026-02-30&days=3')).statusCode).toBe(400);
    expect((await get('/api/calendar/working-days?days=3')).json().errors[0]).toMatchObject({ field: 'from', code: 'required' });
    expect((await get('/api/calendar/working-days?from=2026-01-05&days=3651')).json().errors[0]).toMatchObject({ field: 'days', code: 'too_big' });
  });
});

describe('editing the calendar (system admin)', () => {
  it('marks a weekday a holiday; deadlines move; the change is audited with before and after', async () => {
    const before = await year(2026);
    expect((await deadline('2026-03-02', 1)).deadlineDate).toBe('2026-03-03');
    const res = await putDay('2026-03-03', { kind: 'holiday', name: '地方性假日', version: before.version });
    expect(res.statusCode).toBe(200);
    const after = res.json() as YearDetail;
    expect(after.version).toBe(before.version + 1);
    expect(after.holidayCount).toBe(before.holidayCount + 1);
    expect(after.days.find((d) => d.date === '2026-03-03')).toMatchObject({ kind: 'holiday', name: '地方性假日', weekday: 2 });
    expect((await deadline('2026-03-02', 1)).deadlineDate).toBe('2026-03-04');
    // Other domains count their deadlines on the same, edited calendar.
    expect((await deadlineAfter(t.kernel.db, new Date('2026-03-02T09:00:00+08:00'), 1)).toISOString()).toBe('2026-03-04T15:59:59.999Z');
    const [record] = await auditOf('calendar.day.set');
    expect(record).toMatchObject({ object_type: 'calendar_day', object_id: '2026-03-03', detail: { before: null, after: { kind: 'holiday', name: '地方性假日' } } });
  });

  it('marks a weekend day worked (调休上班), and refuses a weekday as a "workday" exception', async () => {
    const { version } = await year(2026);
    const weekday = await putDay('2026-03-10', { kind: 'workday', name: '补班', version });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().errors).toEqual([{ field: 'kind', code: 'calendar.workdayNotWeekend', message: '调休上班日只能是周六或周日(工作日本来就上班)' }]);
    expect((await year(2026)).version).toBe(version);

    const saturday = await putDay('2026-03-07', { kind: 'workday', name: '补班', version });
    expect(saturday.statusCode).toBe(200);
    expect((await deadline('2026-03-06', 1)).deadlineDate).toBe('2026-03-07');
  });

  it('changes an existing day and clears it back to the normal week', async () => {
    let { version } = await year(2026);
    const changed = await putDay('2026-03-07', { kind: 'holiday', name: '调整', version });
    expect(changed.statusCode).toBe(200);
    version = (changed.json() as YearDetail).version;
    const [record] = await auditOf('calendar.day.set');
    expect(record?.detail).toMatchObject({ before: { kind: 'workday', name: '补班' }, after: { kind: 'holiday', name: '调整' } });

    const cleared = await t.as(tokens.sysadmin, { method: 'DELETE', url: `/api/calendar/days/2026-03-07?version=${version}` });
    expect(cleared.statusCode).toBe(200);
    expect((cleared.json() as YearDetail).days.some((d) => d.date === '2026-03-07')).toBe(false);
    expect((await auditOf('calendar.day.clear'))[0]).toMatchObject({ object_id: '2026-03-07', detail: { before: { kind: 'holiday', name: '调整' } } });

    const again = await t.as(tokens.sysadmin, { method: 'DELETE', url: `/api/calendar/days/2026-03-07?version=${(cleared.json() as YearDetail).version}` });
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toBe('这一天没有特别安排(按正常周末/工作日计算)');
    expect((await t.as(tokens.sysadmin, { method: 'DELETE', url: '/api/calendar/days/2026-03-07' })).json().errors[0]).toMatchObject({ field: 'version', code: 'required' });
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const { version } = await year(2026);
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['2026-02-30', { kind: 'holiday', name: 'x', version }, 'date', 'invalid_format'],
      ['2026-03-12', { kind: 'vacation', name: 'x', version }, 'kind', 'invalid_value'],
      ['2026-03-12', { kind: 'holiday', name: '   ', version }, 'name', 'required'],
      ['2026-03-12', { kind: 'holiday', name: '很'.repeat(31), version }, 'name', 'too_big'],
      ['2026-03-12', { kind: 'holiday', name: 'x' }, 'version', 'required'],
      ['2031-03-12', { kind: 'holiday', name: 'x', version: 1 }, 'date', 'calendar.yearNotLoaded'],
    ];
    for (const [date, body, field, code] of cases) {
      const res = await putDay(date, body);
      expect(res.statusCode, `${date} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().errors, `${date} ${JSON.stringify(body)}`).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect((await year(2026)).version).toBe(version);
  });

  it('refuses a save based on an old version, and lets only one of two concurrent saves through', async () => {
    const { version } = await year(2026);
    expect((await putDay('2026-04-13', { kind: 'holiday', name: '甲', version })).statusCode).toBe(200);
    const stale = await putDay('2026-04-14', { kind: 'holiday', name: '乙', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');

    const current = (await year(2026)).version;
    const results = await Promise.all([
      putDay('2026-04-20', { kind: 'holiday', name: '丙', version: current }),
      putDay('2026-04-21', { kind: 'holiday', name: '丁', version: current }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await year(2026)).version).toBe(current + 1);
  });

  it('confirms a provisional year against its notice, once', async () => {
    const { version } = await year(2027);
    const source = '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号）';
    expect((await t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/years/2027/confirm', payload: { source: 'x', version } })).json().errors[0]).toMatchObject({ field: 'source', code: 'too_small' });
    expect((await t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/years/2027/confirm', payload: { source, version: version + 5 } })).json().code).toBe('STALE_VERSION');
    const res = await t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/years/2027/confirm', payload: { source, version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, isProvisional: false, source, version: version + 1 });
    expect((await deadline('2027-03-01', 1)).provisionalYears).toEqual([]);
    const again = await t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/years/2027/confirm', payload: { source, version: version + 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', detail: '该年度已按正式通知确认' });
    expect((await t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/years/2031/confirm', payload: { source, version: 1 } })).statusCode).toBe(404);
    expect((await auditOf('calendar.year.confirm'))[0]).toMatchObject({ object_id: '2027', detail: { after: source } });
  });

  it('adds a year by hand once its notice is out, then days in it', async () => {
    const create = (body: Record<string, unknown>) => t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/years', payload: body });
    const res = await create({ year: 2028, source: '国务院办公厅关于2028年部分节假日安排的通知' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2028, isProvisional: false, version: 1, holidayCount: 0, days: [] });
    const duplicate = await create({ year: 2028, source: '重复录入的通知' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'year', code: 'calendar.yearExists' }] });
    expect((await create({ year: 1999, source: '很久以前的通知' })).json().errors[0]).toMatchObject({ field: 'year', code: 'calendar.yearRange' });
    expect((await putDay('2028-01-03', { kind: 'holiday', name: '元旦', version: 1 })).statusCode).toBe(200);
    expect(await deadline('2027-12-31', 1)).toMatchObject({ deadlineDate: '2028-01-04', uncoveredYears: [] });
  });

  it('loads missing built-in years again without touching edited ones', async () => {
    await t.kernel.db.deleteFrom('calendar_days').where('day', '>=', '2025-01-01').where('day', '<=', '2025-12-31').execute();
    await t.kernel.db.deleteFrom('calendar_years').where('year', '=', 2025).execute();
    expect((await get('/api/calendar/years')).json().missingBuiltInYears).toEqual([2025]);
    const res = await t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/load-official' });
    expect(res.json()).toEqual({ loadedYears: [2025] });
    expect((await year(2025)).holidayCount).toBe(28);
    expect((await year(2026)).days.find((d) => d.date === '2026-03-03')?.name).toBe('地方性假日');
    expect((await t.as(tokens.sysadmin, { method: 'POST', url: '/api/calendar/load-official' })).json()).toEqual({ loadedYears: [] });
  });

  it('loads each missing year once when several processes do it at the same time', async () => {
    const second = await createTestApp({}, { attachTo: t });
    try {
      await t.kernel.db.deleteFrom('calendar_days').where('day', '>=', '2025-01-01').where('day', '<=', '2025-12-31').execute();
      await t.kernel.db.deleteFrom('calendar_years').where('year', '=', 2025).execute();
      const recordsBefore = (await auditOf('calendar.load-official')).length;
      // On PostgreSQL the two run on separate connections and meet at the advisory lock.
      const results = await Promise.all([loadOfficialCalendar(t.kernel, systemActor('a')), loadOfficialCalendar(second.kernel, systemActor('b'))]);
      expect(results.flat()).toEqual([2025]);
      expect((await year(2025)).holidayCount).toBe(28);
      expect(await auditOf('calendar.load-official')).toHaveLength(recordsBefore + 1);
    } finally {
      await second.close();
    }
  });
});

describe('who may change the calendar', () => {
  it('only the system admin; the others get 403, an anonymous caller 401', async () => {
    const { version } = await year(2026);
    const writes = [
      { method: 'PUT' as const, url: '/api/calendar/days/2026-05-11', payload: { kind: 'holiday', name: 'x', version } },
      { method: 'DELETE' as const, url: `/api/calendar/days/2026-03-03?version=${version}` },
      { method: 'POST' as const, url: '/api/calendar/years/2027/confirm', payload: { source: '某某通知文号', version: 1 } },
      { method: 'POST' as const, url: '/api/calendar/years', payload: { year: 2029, source: '某某通知文号' } },
      { method: 'POST' as const, url: '/api/calendar/load-official' },
    ];
    for (const write of writes) {
      for (const who of ['secadmin', 'auditor', 'clerk'] as const) {
        const res = await t.as(tokens[who], write);
        expect(res.statusCode, `${who} ${write.method} ${write.url}`).toBe(403);
      }
      expect((await t.app.inject(write)).statusCode).toBe(401);
    }
    expect((await year(2026)).version).toBe(version);
  });
});
