import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_MAX_ATTEMPTS, emit } from '../../kernel/outbox';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';

let t: TestApp;
const tokens: Record<'sysadmin' | 'secadmin' | 'auditor' | 'clerk', string> = { sysadmin: '', secadmin: '', auditor: '', clerk: '' };

type Page = { items: { id: string; topic: string; status: string; payload: Record<string, unknown>; attempts: number; lastError: string | null; nextAttemptAt: string | null; processedAt: string | null }[]; nextCursor: string | null; total: number; isTotalCapped: boolean };

beforeAll(async () => {
  t = await createTestApp();
  const { county } = await makeRegionTree(t.kernel);
  const department = await makeDepartment(t.kernel, county);
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
    const staff = await makeStaff(t.kernel, { departmentId: department.id, regionCode: county, roles: [role] });
    tokens[role] = await t.login(staff.username, staff.password);
  }
  const db = t.kernel.db;
  await emit(db, 'notify.sms', { phone: '13912345678', name: '张三丰', text: '您的办件已受理' });
  await emit(db, 'notify.sms', { phone: '13800001111', text: '请补正材料' });
  await emit(db, 'notify.email', { email: 'lisi@example.cn', text: '办结通知' });
  await emit(db, 'case.accepted', { caseNo: 'ZT-2026-0001' });
  const rows = await db.selectFrom('outbox_events').select(['id', 'topic']).orderBy('id').execute();
  const [firstSms, , email, accepted] = rows;
  await db.updateTable('outbox_events').set({ processed_at: new Date() }).where('id', '=', accepted?.id ?? '0').execute();
  await db.updateTable('outbox_events').set({ attempts: OUTBOX_MAX_ATTEMPTS, last_error: 'mailbox does not exist' }).where('id', '=', email?.id ?? '0').execute();
  await db.updateTable('outbox_events').set({ attempts: 2, last_error: 'SMS gateway timeout' }).where('id', '=', firstSms?.id ?? '0').execute();
});
afterAll(async () => t?.close());

const list = async (query = '', token = tokens.sysadmin) => t.as(token, { method: 'GET', url: `/api/outbox-events?${query}` });
const page = async (query = ''): Promise<Page> => {
  const res = await list(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

describe('outbox inspection', () => {
  it('lists events newest first with their status, and masks personal data in payloads', async () => {
    const all = await page('topic=notify.');
    expect(all.items.map((e) => [e.topic, e.status])).toEqual([
      ['notify.email', 'failed'],
      ['notify.sms', 'pending'],
      ['notify.sms', 'pending'],
    ]);
    const failed = all.items[0];
    expect(failed).toMatchObject({ attempts: OUTBOX_MAX_ATTEMPTS, lastError: 'mailbox does not exist', nextAttemptAt: null, payload: { email: 'l***@example.cn', text: '办结通知' } });
    expect(all.items[2]).toMatchObject({ attempts: 2, lastError: 'SMS gateway timeout', nextAttemptAt: expect.any(String), payload: { phone: '139****5678', name: '张**', text: '您的办件已受理' } });
  });

  it('filters by status and exact topic, and pages with a cursor', async () => {
    expect((await page('status=pending')).items.map((e) => e.topic)).toEqual(['notify.sms', 'notify.sms']);
    expect((await page('status=failed')).items.map((e) => e.topic)).toEqual(['notify.email']);
    expect((await page('status=processed')).items.map((e) => [e.topic, e.status])).toEqual([['case.accepted', 'processed']]);
    expect((await page('topic=notify')).total).toBe(0);
    const first = await page('pageSize=3');
    expect(first).toMatchObject({ total: 4, isTotalCapped: false });
    const second = await page(`pageSize=3&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((e) => Number(e.id))).toEqual([...first.items, ...second.items].map((e) => Number(e.id)).sort((a, b) => b - a));
  });

  it('records who looked at the queue', async () => {
    await page('status=failed');
    const [record] = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'outbox.search').orderBy('id', 'desc').limit(1).execute();
    expect(record?.detail).toMatchObject({ status: 'failed', returned: 1 });
  });

  it('refuses bad filters', async () => {
    for (const [query, field] of [['status=stuck', 'status'], ['topic=%25', 'topic'], ['pageSize=0', 'pageSize'], ['cursor=-1', 'cursor']]) {
      const res = await list(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].field, query).toBe(field);
    }
  });

  it('is for the system admin (operations), not the security admin, the auditor or a clerk', async () => {
    for (const who of ['secadmin', 'auditor', 'clerk'] as const) expect((await list('', tokens[who])).statusCode, who).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/outbox-events' })).statusCode).toBe(401);
  });
});
