import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeCallView, ExchangeChainVerdict, ExchangeClientView, ExchangeGrantView, ShareDemandView, ShareRequestSummary, ShareRequestView } from '@zhengtong/contracts';
import { DEMO_PASSWORD, seedDemoCity } from '../../demo';
import { createTestApp, type TestApp } from '../../testing';
import { call } from './test-support';

// The demo city's exchange: requests in every state a reviewer meets, 人社局's grant on 法人基础信息 with credentials
// and sealed call history, and the two demands — as the demo accounts see them.

let t: TestApp;
let tokens: Record<'dataconsumer' | 'dataadmin' | 'gadata' | 'scjgdata' | 'mzdata', string>;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.kernel);
  const login = (u: string) => t.login(u, DEMO_PASSWORD);
  tokens = { dataconsumer: await login('dataconsumer'), dataadmin: await login('dataadmin'), gadata: await login('gadata'), scjgdata: await login('scjgdata'), mzdata: await login('mzdata') };
}, 300_000);
afterAll(async () => t?.close());

describe('the demo exchange', () => {
  it('has requests awaiting the platform, awaiting 公安局, approved and refused', async () => {
    const mine = await call<{ items: ShareRequestSummary[] }>(t, tokens.dataconsumer, { method: 'GET', url: '/api/share-requests?view=mine' });
    const byCode = Object.fromEntries(mine.items.map((r) => [r.resourceCode, r.status]));
    expect(byCode).toMatchObject({ '539900-SJ-0001': 'approved', '539900-SJ-0002': 'platformReview', '539900-MZ-0001': 'refused' });
    expect(byCode['539900-GA-0001']).toBeUndefined();
    const police = await call<{ items: ShareRequestSummary[] }>(t, tokens.gadata, { method: 'GET', url: '/api/share-requests?view=answer' });
    expect(police.items).toEqual([expect.objectContaining({ resourceCode: '539900-GA-0001', resourceName: '人口基础信息', consumerName: expect.stringContaining('民政局'), status: 'providerReview' })]);
    const detail = await call<ShareRequestView>(t, tokens.gadata, { method: 'GET', url: `/api/share-requests/${police.items[0]?.id}` });
    expect(detail.allowed.answer).toBe(true);
    const queue = await call<{ items: ShareRequestSummary[] }>(t, tokens.dataadmin, { method: 'GET', url: '/api/share-requests?view=review' });
    expect(queue.items.map((r) => r.resourceCode)).toContain('539900-SJ-0002');
  });

  it('gives 人社局 a grant on 法人基础信息 with credentials and a sealed call history', async () => {
    const grants = await call<{ items: ExchangeGrantView[] }>(t, tokens.dataconsumer, { method: 'GET', url: '/api/exchange-grants?view=mine' });
    const grant = grants.items.find((g) => g.resourceCode === '539900-SJ-0001');
    expect(grant).toMatchObject({ status: 'active', providerName: expect.stringContaining('市场监督管理局') });
    expect(grant?.fields.map((f) => f.key)).not.toContain('legalRepIdNumber');
    const clients = await call<{ items: ExchangeClientView[] }>(t, tokens.dataconsumer, { method: 'GET', url: '/api/exchange-clients' });
    expect(clients.items).toEqual([expect.objectContaining({ name: '社会保险经办系统', status: 'active' })]);
    const calls = await call<{ items: ExchangeCallView[]; total: number }>(t, tokens.dataconsumer, { method: 'GET', url: '/api/exchange-calls?view=consumer&pageSize=100' });
    expect(calls.total).toBeGreaterThanOrEqual(30);
    expect(calls.items.every((c) => c.isSealed)).toBe(true);
    expect(new Set(calls.items.map((c) => c.result))).toEqual(new Set(['ok', 'fieldNotGranted']));
    const chain = await call<ExchangeChainVerdict>(t, tokens.dataadmin, { method: 'GET', url: '/api/exchange-calls/verify' });
    expect(chain).toMatchObject({ isIntact: true, unsealed: 0 });
  });

  it('has one demand satisfied by 市场监管局 and one open with 公安局', async () => {
    const demands = await call<{ items: ShareDemandView[] }>(t, tokens.dataconsumer, { method: 'GET', url: '/api/share-demands?view=mine' });
    expect(demands.items.map((d) => [d.providerName, d.status]).sort()).toEqual([
      ['云溪市公安局', 'open'],
      ['云溪市市场监督管理局', 'satisfied'],
    ]);
  });
});
