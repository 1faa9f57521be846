import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { AUDIT_COUNT_CAP, AUDIT_EXPORT_MAX_ROWS } from '@zhengtong/contracts';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';

let t: TestApp;
let auditor: string;

beforeAll(async () => {
  t = await createTestApp();
  const { county } = await makeRegionTree(t.kernel);
  const department = await makeDepartment(t.kernel, county);
  const staff = await makeStaff(t.kernel, { departmentId: department.id, regionCode: county, roles: ['auditor'] });
  auditor = await t.login(staff.username, staff.password);
  // A trail bigger than one export may hold, one record a second up to now, time rising with the id as the writer
  // guarantees (this file's own database; the rows are not chained).
  const rows = AUDIT_EXPORT_MAX_ROWS + 5;
  await sql`
    insert into audit_log (at, actor_name, actor_role, action, result, detail, prev_hash, hash)
    select now() - make_interval(secs => ${rows} - g), '批量', 'system', 'bulk.read', 'success', '{}'::jsonb, repeat('0', 64), md5(g::text) || md5((-g)::text)
    from generate_series(1, ${rows}) as g`.execute(t.kernel.db);
}, 120_000);
afterAll(async () => t?.close());

describe('a trail bigger than a page count or an export', () => {
  it('finds a page of an old time range from its place in the id order', async () => {
    const from = new Date(Date.now() - 20 * 3_600_000).toISOString();
    const to = new Date(Date.now() - 20 * 3_600_000 + 10_000).toISOString();
    const res = await t.as(auditor, { method: 'GET', url: `/api/audit-records?from=${from}&to=${to}` });
    const page = res.json() as { items: { at: string }[]; total: number };
    expect(page.total).toBeGreaterThanOrEqual(9);
    expect(page.total).toBeLessThanOrEqual(11);
    expect(page.items.every((r) => r.at >= from && r.at < to)).toBe(true);
  });

  it('stops counting at the cap and says so', async () => {
    const res = await t.as(auditor, { method: 'GET', url: '/api/audit-records?action=bulk&pageSize=3' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: AUDIT_COUNT_CAP, isTotalCapped: true });
    expect(res.json().items).toHaveLength(3);
  });

  it('refuses an export of more than 100,000 rows with a clear message, and records no export', async () => {
    const res = await t.as(auditor, { method: 'GET', url: '/api/audit-records/export.csv?action=bulk.read' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: '符合条件的记录超过 100000 条,请缩小时间范围或增加筛选条件后分批导出',
      errors: [{ field: 'from', code: 'audit.exportNarrowRange', message: '请缩小时间范围' }],
    });
    const exports = await t.as(auditor, { method: 'GET', url: '/api/audit-records?action=audit.export' });
    expect(exports.json().total).toBe(0);
  });

  it('exports a narrower time slice of the same trail', async () => {
    const from = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const to = new Date(Date.now() - 3_600_000).toISOString();
    const res = await t.as(auditor, { method: 'GET', url: `/api/audit-records/export.csv?action=bulk.read&from=${from}&to=${to}` });
    expect(res.statusCode).toBe(200);
    // One hour of one record a second, give or take the seconds the setup took.
    expect(Number(res.headers['x-export-rows'])).toBeGreaterThan(3500);
    expect(Number(res.headers['x-export-rows'])).toBeLessThanOrEqual(3601);
    const lines = res.rawPayload.toString('utf8').split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(Number(res.headers['x-export-rows']) + 1);
  });
});
