import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeClientSecretView, ShareDemandView, ShareRequestView } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../../testing';
import { approvedRequest, call, makeClient, makeExchangeWorld, requestInput, today, type ExchangeWorld } from './test-support';

// Who may and who may not, for every exchange route: the consuming department's data consumers, the platform's chief
// data officer, the provider's data admin, another department's data admin and consumer, a reviewer without data
// roles, a citizen, and nobody signed in. "Not theirs" is 404 where the record's existence is itself not theirs to know.

let t: TestApp;
let w: ExchangeWorld;
let request: ShareRequestView;
let grantId: string;
let demand: ShareDemandView;
let client: ExchangeClientSecretView;
let citizen: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeExchangeWorld(t);
  const approved = await approvedRequest(t, w, w.licences, { input: { legalBasis: '' } });
  grantId = approved.grantId ?? '';
  request = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['name'] }) }, 201);
  demand = await call<ShareDemandView>(t, w.tokens.consumer, {
    method: 'POST',
    url: '/api/share-demands',
    payload: { providerDepartmentId: w.departments.provider, title: '户籍迁移记录', description: '用于参保地核验', purpose: '参保地核验' },
  }, 201);
  client = await makeClient(t, w.tokens.consumer);
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name: '赵公民', idNumber: w.citizens[0]?.idNumber, phone: '13700009999', password: 'Citizen#2026x' } });
  citizen = (res.json() as { token: string }).token;
});
afterAll(async () => {
  await t.close();
});

type Who = keyof ExchangeWorld['tokens'] | 'citizen' | 'anonymous';
type Case = { name: string; method: 'GET' | 'POST' | 'PUT'; url: () => string; payload?: () => Record<string, unknown>; allowed: Partial<Record<Who, number>>; denied: Partial<Record<Who, number>> };

const everyoneElse = (status: Partial<Record<Who, number>>, allowed: Partial<Record<Who, number>>): Partial<Record<Who, number>> => {
  const all: Who[] = ['consumer', 'consumer2', 'platform', 'provider', 'otherProvider', 'otherConsumer', 'reviewer', 'citizen', 'anonymous'];
  return Object.fromEntries(all.filter((w) => !(w in allowed)).map((w) => [w, status[w] ?? (w === 'anonymous' ? 401 : 403)]));
};

const cases: Case[] = [
  { name: 'find a shareable resource', method: 'GET', url: () => `/api/share-requests/resources?q=${w.people.code}`, allowed: { consumer: 200, consumer2: 200, otherConsumer: 200 }, denied: {} },
  { name: 'my requests', method: 'GET', url: () => '/api/share-requests?view=mine', allowed: { consumer: 200, consumer2: 200, otherConsumer: 200 }, denied: {} },
  { name: 'platform queue', method: 'GET', url: () => '/api/share-requests?view=review', allowed: { platform: 200 }, denied: {} },
  {
    name: 'every request I may see',
    method: 'GET',
    url: () => '/api/share-requests?view=all',
    allowed: { consumer: 200, consumer2: 200, platform: 200, provider: 200, otherProvider: 200, otherConsumer: 200 },
    denied: {},
  },
  { name: 'provider queue', method: 'GET', url: () => '/api/share-requests?view=answer', allowed: { provider: 200, otherProvider: 200 }, denied: {} },
  {
    name: 'one request',
    method: 'GET',
    url: () => `/api/share-requests/${request.id}`,
    allowed: { consumer: 200, consumer2: 200, platform: 200, provider: 200 },
    denied: { otherProvider: 404, otherConsumer: 404 },
  },
  // Bodies that pass the schema (validation runs before the route guard), so the guard or the service decides.
  { name: 'submit', method: 'POST', url: () => '/api/share-requests', payload: () => requestInput(w.people, { resource: 'NO-SUCH-CODE' }), allowed: { consumer: 400, consumer2: 400, otherConsumer: 400 }, denied: {} },
  {
    name: 'platform review',
    method: 'POST',
    url: () => `/api/share-requests/${request.id}/review`,
    payload: () => ({ decision: 'refuse', reason: 'x', version: 999 }),
    allowed: { platform: 409 },
    denied: {},
  },
  {
    name: 'provider answer (the request awaits the platform: the provider may not act yet, nobody else ever)',
    method: 'POST',
    url: () => `/api/share-requests/${request.id}/answer`,
    payload: () => ({ decision: 'refuse', reason: 'x', version: request.version }),
    allowed: { provider: 409 },
    denied: { otherProvider: 404 },
  },
  {
    name: 'withdraw',
    method: 'POST',
    url: () => `/api/share-requests/${request.id}/withdraw`,
    payload: () => ({ version: 999 }),
    allowed: { consumer: 409, consumer2: 409 },
    denied: { otherConsumer: 404 },
  },
  { name: 'my demands', method: 'GET', url: () => '/api/share-demands?view=mine', allowed: { consumer: 200, consumer2: 200, otherConsumer: 200 }, denied: {} },
  { name: 'demands addressed to me', method: 'GET', url: () => '/api/share-demands?view=addressed', allowed: { provider: 200, otherProvider: 200 }, denied: {} },
  { name: 'all demands', method: 'GET', url: () => '/api/share-demands?view=all', allowed: { platform: 200 }, denied: {} },
  {
    name: 'one demand',
    method: 'GET',
    url: () => `/api/share-demands/${demand.id}`,
    allowed: { consumer: 200, consumer2: 200, platform: 200, provider: 200 },
    denied: { otherProvider: 404, otherConsumer: 404 },
  },
  {
    name: 'file a demand',
    method: 'POST',
    url: () => '/api/share-demands',
    payload: () => ({ providerDepartmentId: '00000000-0000-7000-8000-000000000000', title: '某数据', description: '需要某类数据用于核验', purpose: '用途' }),
    allowed: { consumer: 400, consumer2: 400, otherConsumer: 400 },
    denied: {},
  },
  {
    name: 'answer a demand',
    method: 'POST',
    url: () => `/api/share-demands/${demand.id}/answer`,
    payload: () => ({ decision: 'refuse', reason: 'x', version: 999 }),
    allowed: { provider: 409 },
    denied: { otherProvider: 404 },
  },
  { name: 'withdraw a demand', method: 'POST', url: () => `/api/share-demands/${demand.id}/withdraw`, payload: () => ({ version: 999 }), allowed: { consumer: 409, consumer2: 409 }, denied: { otherConsumer: 404 } },
  { name: 'my grants', method: 'GET', url: () => '/api/exchange-grants?view=mine', allowed: { consumer: 200, consumer2: 200, otherConsumer: 200 }, denied: {} },
  { name: 'grants of my resources', method: 'GET', url: () => '/api/exchange-grants?view=provided', allowed: { provider: 200, otherProvider: 200 }, denied: {} },
  { name: 'all grants', method: 'GET', url: () => '/api/exchange-grants?view=all', allowed: { platform: 200 }, denied: {} },
  {
    name: 'one grant',
    method: 'GET',
    url: () => `/api/exchange-grants/${grantId}`,
    allowed: { consumer: 200, consumer2: 200, platform: 200, provider: 200 },
    denied: { otherProvider: 404, otherConsumer: 404 },
  },
  {
    name: 'revoke a grant',
    method: 'POST',
    url: () => `/api/exchange-grants/${grantId}/revoke`,
    payload: () => ({ reason: 'x', version: 999 }),
    allowed: { platform: 409, provider: 409 },
    denied: { consumer: 403, consumer2: 403, otherProvider: 404 },
  },
  {
    name: 'change a grant’s limits',
    method: 'PUT',
    url: () => `/api/exchange-grants/${grantId}/limits`,
    payload: () => ({ rateLimitPerSecond: 5, dailyQuota: 5, version: 999 }),
    allowed: { platform: 409 },
    denied: {},
  },
  { name: 'my credentials', method: 'GET', url: () => '/api/exchange-clients', allowed: { consumer: 200, consumer2: 200, otherConsumer: 200 }, denied: {} },
  { name: 'create credentials', method: 'POST', url: () => '/api/exchange-clients', payload: () => ({ name: '权限测试' }), allowed: { consumer: 201, consumer2: 201, otherConsumer: 201 }, denied: {} },
  {
    name: 'rotate credentials',
    method: 'POST',
    url: () => `/api/exchange-clients/${client.client.id}/rotate`,
    payload: () => ({ version: 999 }),
    allowed: { consumer: 409, consumer2: 409 },
    denied: { otherConsumer: 404 },
  },
  {
    name: 'revoke credentials',
    method: 'POST',
    url: () => `/api/exchange-clients/${client.client.id}/revoke`,
    payload: () => ({ version: 999 }),
    allowed: { consumer: 409, consumer2: 409 },
    denied: { otherConsumer: 404 },
  },
  { name: 'my calls', method: 'GET', url: () => '/api/exchange-calls?view=consumer', allowed: { consumer: 200, consumer2: 200, otherConsumer: 200 }, denied: {} },
  { name: 'calls on my resources', method: 'GET', url: () => '/api/exchange-calls?view=provider', allowed: { provider: 200, otherProvider: 200 }, denied: {} },
  { name: 'all calls', method: 'GET', url: () => '/api/exchange-calls?view=all', allowed: { platform: 200 }, denied: {} },
  { name: 'verify the chain', method: 'GET', url: () => '/api/exchange-calls/verify', allowed: { platform: 200 }, denied: {} },
  { name: 'statistics', method: 'GET', url: () => `/api/exchange-statistics?from=${today()}&to=${today()}`, allowed: { platform: 200, provider: 200, otherProvider: 200 }, denied: {} },
  { name: 'demand satisfaction', method: 'GET', url: () => `/api/exchange-statistics/demands?from=${today()}&to=${today()}`, allowed: { platform: 200, provider: 200, otherProvider: 200 }, denied: {} },
  {
    name: 'my data uses',
    method: 'GET',
    url: () => '/api/my/data-exchange-uses',
    allowed: { citizen: 200, consumer: 200, consumer2: 200, platform: 200, provider: 200, otherProvider: 200, otherConsumer: 200, reviewer: 200 },
    denied: {},
  },
];

describe('exchange authorization', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const expectations = { ...c.allowed, ...everyoneElse(c.denied, c.allowed) };
      for (const [who, status] of Object.entries(expectations) as [Who, number][]) {
        const token = who === 'anonymous' ? undefined : who === 'citizen' ? citizen : w.tokens[who];
        const options = { method: c.method, url: c.url(), ...(c.payload ? { payload: c.payload() } : {}) };
        const res = token ? await t.as(token, options) : await t.app.inject(options);
        expect(res.statusCode, `${who} ${c.method} ${c.url()}: ${res.body}`).toBe(status);
        if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });
  }

  it('a bad id is a 400, never a 500', async () => {
    for (const url of ['/api/share-requests/not-a-uuid', '/api/share-demands/1', '/api/exchange-grants/x']) {
      expect((await t.as(w.tokens.platform, { method: 'GET', url })).statusCode).toBe(400);
    }
    expect((await t.as(w.tokens.platform, { method: 'GET', url: '/api/exchange-statistics?from=2026-13-01&to=2026-01-01' })).statusCode).toBe(400);
    expect((await t.as(w.tokens.platform, { method: 'GET', url: '/api/exchange-statistics?from=2026-03-01&to=2026-01-01' })).statusCode).toBe(400);
    expect((await t.as(w.tokens.platform, { method: 'GET', url: '/api/share-requests?view=nope' })).statusCode).toBe(400);
  });

  it('the query API is public to the guard but answers only valid credentials', async () => {
    const res = await t.as(w.tokens.consumer, { method: 'POST', url: '/api/exchange/query', payload: { resource: w.licences.code, keys: ['JY15399020001'], purpose: '测试' } });
    // A session is no credential for the query API: other systems authenticate as clients.
    expect(res.statusCode).toBe(401);
    const headers = { authorization: `Basic ${Buffer.from(`${client.client.clientId}:${client.secret}`).toString('base64')}` };
    expect((await t.app.inject({ method: 'POST', url: '/api/exchange/query', headers, payload: { resource: w.licences.code, keys: ['JY15399020001'], purpose: '测试' } })).statusCode).toBe(200);
  });
});
