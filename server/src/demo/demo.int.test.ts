import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreditCode, parseIdNumber } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../testing';
import { multipartFile } from '../kernel/spreadsheet/test-support';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoCity } from '.';
import { demoCitizens, demoDepartments, demoEnterprises, demoIdNumber, demoStaff, departmentCreditCode, enterpriseCreditCode } from './people';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await isDatabaseEmpty(t.kernel.db)).toBe(true);
  await seedDemoCity(t.kernel);
}, 120_000);
afterAll(async () => t?.close());

describe('the demo city', () => {
  it('uses only valid identifiers', () => {
    for (const c of demoCitizens) expect(parseIdNumber(demoIdNumber(c.region6, c.birth, c.seq)).ok).toBe(true);
    for (const d of demoDepartments) expect(parseCreditCode(departmentCreditCode(d.region, d.orgBase)).ok).toBe(true);
    for (const e of demoEnterprises) expect(parseCreditCode(enterpriseCreditCode(e)).ok).toBe(true);
  });

  it('lets every demo account in the README sign in with the demo password', async () => {
    const usernames = [
      ...demoStaff.map((s) => s.username),
      ...demoCitizens.map((c) => c.phone),
      demoIdNumber('539902', '1988-03-15', 11),
      ...demoEnterprises.map(enterpriseCreditCode),
    ];
    for (const username of usernames) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
      expect(res.json().me.stage).toBe('full');
    }
  });

  it('keeps 三员分立 and gives each staff account its role and scope', async () => {
    for (const s of demoStaff) {
      const token = await t.login(s.username, DEMO_PASSWORD);
      const me = (await t.as(token, { method: 'GET', url: '/api/me' })).json();
      expect([...me.roles].sort()).toEqual([...s.roles].sort());
      expect(me.regionCode).toMatch(/^5399/);
    }
  });

  it('keeps its catalogue whole through an Excel round trip: re-importing the export changes nothing', async () => {
    const token = await t.login('catalogue', DEMO_PASSWORD);
    const exported = await t.as(token, { method: 'GET', url: '/api/service-items/export.xlsx' });
    expect(exported.statusCode).toBe(200);
    const res = await t.as(token, { method: 'POST', url: '/api/service-items/import?dryRun=true', ...multipartFile(exported.rawPayload) });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { total: number; created: number; updated: number; unchanged: number; errorCount: number; errors: unknown[] };
    expect(report, JSON.stringify(report.errors.slice(0, 5))).toMatchObject({ created: 0, updated: 0, errorCount: 0 });
    expect(report.unchanged).toBe(report.total);
  });

  it('is seeded once: a restart on the same data does not seed again', async () => {
    expect(await isDatabaseEmpty(t.kernel.db)).toBe(false);
  });
});
