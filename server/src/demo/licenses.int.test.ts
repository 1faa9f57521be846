import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenseSummary } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../testing';
import { DEMO_PASSWORD, seedDemoCaseHistory, seedDemoCity } from '.';
import { demoLicenseTypes } from './licenses';

// The demo city's licence catalogue and licences, and the licences its completed demo cases issue once the outbox
// delivers case.completed — proof that every mapped item's result fits its licence type.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.kernel);
}, 300_000);
afterAll(async () => t?.close());

async function tokenOf(username: string): Promise<string> {
  return t.login(username, DEMO_PASSWORD);
}

async function wallet(username: string): Promise<LicenseSummary[]> {
  const res = await t.as(await tokenOf(username), { method: 'GET', url: '/api/my/licenses?pageSize=100' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as LicenseSummary[];
}

describe('the demo city’s licences', () => {
  it('publishes the catalogue with the codes the demo items’ materials name (免证办)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/license-types?pageSize=100' });
    const codes = (res.json().items as { code: string }[]).map((i) => i.code).sort();
    expect(codes).toEqual(demoLicenseTypes.map((d) => d.code).sort());
    expect(codes).toEqual(expect.arrayContaining(['111', '112', '206', '301']));
  });

  it('张三 holds his ID card, household register, social security card, driving licence and his child’s birth certificate', async () => {
    const mine = await wallet('13800000001');
    expect(mine.map((l) => `${l.typeCode}:${l.status}`).sort()).toEqual(['111:valid', '112:valid', '131:valid', '206:valid', '502:valid']);
    expect(mine.every((l) => l.holderName === '张三' && l.holderNumber === '5***************18')).toBe(true);
  });

  it('青禾食品 — its account and its agent 王芳 — hold a business licence and food licences, one expired', async () => {
    for (const who of ['91539902MA1QH0013H']) {
      const held = await wallet(who);
      expect(held.map((l) => `${l.typeCode}:${l.status}`).sort()).toEqual(['301:valid', '321:expired', '321:valid']);
    }
    const agent = await tokenOf('13800000004');
    const enterprises = (await t.as(agent, { method: 'GET', url: '/api/enterprise-agents' })).json().items as { enterpriseId: string }[];
    await t.as(agent, { method: 'POST', url: '/api/auth/act-as', payload: { enterpriseId: enterprises[0]?.enterpriseId ?? null } });
    const viaAgent = await t.as(agent, { method: 'GET', url: '/api/my/licenses' });
    expect((viaAgent.json().items as LicenseSummary[]).map((l) => l.typeCode).sort()).toEqual(['301', '321', '321']);
  });

  it('a revoked licence is shown as such to anyone who checks it', async () => {
    const staff = await tokenOf('yunguan');
    const revoked = (await t.as(staff, { method: 'GET', url: '/api/licenses?status=revoked' })).json().items as LicenseSummary[];
    expect(revoked).toHaveLength(1);
    const publicView = await t.app.inject({ method: 'GET', url: `/api/licenses/verify/${revoked[0]?.id}` });
    expect(publicView.json()).toMatchObject({ status: 'revoked', typeName: '道路运输经营许可证', holderName: expect.stringMatching(/^云\*+$/) });
  });

  it('completed demo cases of mapped items issue their licences when the outbox delivers, and none fails', async () => {
    await seedDemoCaseHistory(t.app);
    for (let round = 0; round < 20 && (await t.kernel.outbox.deliverPending(500)) > 0; round++);
    const failing = await t.kernel.db.selectFrom('outbox_events').select(['topic', 'last_error']).where('topic', '=', 'case.completed').where('attempts', '>', 0).execute();
    expect(failing).toEqual([]);
    const counts = await Promise.all(
      ['huzheng', 'reviewer', 'weisheng', 'yunguan', 'shebao', 'minzheng', 'guihua', 'qsreviewer'].map(async (u) => (await t.as(await tokenOf(u), { method: 'GET', url: '/api/licenses?source=case' })).json().total as number),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    // Walk-in applicants (window cases, W) have no account whose real-name data could make them a holder: not issued,
    // said in the audit trail (see the licences README, open points).
    const notIssued = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'license.issue').where('result', '=', 'failure').execute();
    expect(notIssued.every((r) => /W\d{6}$/.test(String(r.detail.caseNumber)))).toBe(true);
  }, 300_000);
});
