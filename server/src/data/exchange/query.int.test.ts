import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ExchangeCallView, ExchangeChainVerdict, ExchangeClientSecretView, ExchangeGrantView, ExchangeQueryResult, ExchangeStatistics, MyExchangeUseView, ShareRequestView } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../../testing';
import { inTransaction } from '../../kernel/audit';
import { systemActor } from '../../kernel/authz';
import { getResourceView, retireResource, writeRecords } from '../catalogue';
import { sealAllCalls, verifyCallChain } from './seal';
import { approvedRequest, basic, call, makeClient, makeExchangeWorld, query, registerCitizen, today, type ExchangeWorld } from './test-support';

// POST /api/exchange/query: only granted fields, masked as granted; expired, revoked and retired stop working; rate
// limit and quota answer 429; bad credentials 401; every call — refusals too — lands in the call log, whose SM3 chain
// the sealer builds and the verifier checks (a tampered row is named). The citizen sees the calls that read them.

let t: TestApp;
let w: ExchangeWorld;
let client: ExchangeClientSecretView;
let peopleGrant: ShareRequestView;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeExchangeWorld(t);
  peopleGrant = await approvedRequest(t, w, w.people, { input: { fields: ['idNumber', 'name', 'mobile', 'secretNote'], unmaskedFields: ['name'] }, unmaskedFields: ['name'] });
  client = await makeClient(t, w.tokens.consumer);
});
afterAll(async () => {
  await t.close();
});

const purpose = '社保参保登记核验';

async function callsWith(result: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from exchange_calls where result = ${result}`.execute(t.kernel.db);
  return Number(rows[0]?.n);
}

describe('the query API', () => {
  it('returns the granted fields of each key, masked as granted, in one batch', async () => {
    const [a, b] = w.citizens;
    const res = await query(t, basic(client), { resource: w.people.code, keys: [a?.idNumber.toLowerCase(), 'NOT-A-KEY', b?.idNumber], purpose });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as ExchangeQueryResult;
    expect(body.fields).toEqual([
      { key: 'idNumber', name: '身份证号', isMasked: true },
      { key: 'name', name: '姓名', isMasked: false },
      { key: 'mobile', name: '手机号码', isMasked: true },
      { key: 'secretNote', name: '内部备注', isMasked: true },
    ]);
    expect(body.items[1]).toEqual({ key: 'NOT-A-KEY', isFound: false, values: null });
    const first = body.items[0]?.values ?? {};
    expect(first.idNumber).toBe(`${a?.idNumber.slice(0, 1)}${'*'.repeat(15)}${a?.idNumber.slice(-2)}`);
    expect(first).toMatchObject({ name: '张三丰', mobile: '139****5678', secretNote: '******' });
    // Fields never granted (gender) and never shared (religion) are not there.
    expect(Object.keys(first).sort()).toEqual(['idNumber', 'mobile', 'name', 'secretNote']);
    expect(body.items[2]?.values).toMatchObject({ name: '𠮷祥', mobile: '138****1111' });
    // The key asked is echoed to pair answers with questions; no value holds the ID number.
    expect(JSON.stringify(body.items.map((i) => i.values))).not.toContain(a?.idNumber);
  });

  it('a consumer cannot read fields it was not granted', async () => {
    const asked = await query(t, basic(client), { resource: w.people.code, keys: [w.citizens[0]?.idNumber], purpose, fields: ['name', 'gender'] });
    expect(asked.statusCode).toBe(403);
    expect(asked.headers['content-type']).toContain('application/problem+json');
    expect(asked.json()).toMatchObject({ code: 'FORBIDDEN', detail: '所请求的信息项未获授权:gender' });
    const subset = await query(t, basic(client), { resource: w.people.code, keys: [w.citizens[0]?.idNumber], purpose, fields: ['name'] });
    expect((subset.json() as ExchangeQueryResult).items[0]?.values).toEqual({ name: '张三丰' });
    // Another department's credentials read nothing of this grant.
    const other = await makeClient(t, w.tokens.otherConsumer);
    const denied = await query(t, basic(other), { resource: w.people.code, keys: [w.citizens[0]?.idNumber], purpose });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toBe('本部门没有该资源的有效共享授权');
  });

  it('unconditional grants always mask personal fields', async () => {
    await approvedRequest(t, w, w.licences, { input: { legalBasis: '' } });
    const res = await query(t, { 'x-client-id': client.client.clientId, 'x-client-secret': client.secret }, { resource: w.licences.code, keys: ['JY15399020001'], purpose });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ExchangeQueryResult).items[0]?.values).toEqual({ licenseNumber: 'JY15399020001', holder: '云溪青禾食品', legalRep: '欧**', address: '云溪市澜沧区****' });
  });

  it('refuses bad credentials with 401, before looking at the body', async () => {
    const keys = [w.citizens[0]?.idNumber];
    const cases: Record<string, string>[] = [
      {},
      { authorization: `Basic ${Buffer.from(`${client.client.clientId}:wrong`).toString('base64')}` },
      { authorization: `Basic ${Buffer.from(`00000000-0000-7000-8000-000000000000:${client.secret}`).toString('base64')}` },
      { authorization: 'Basic !!!' },
      { 'x-client-id': client.client.clientId },
      { authorization: 'Bearer something' },
    ];
    for (const headers of cases) {
      const res = await query(t, headers, { resource: w.people.code, keys, purpose });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.headers['www-authenticate']).toContain('Basic');
      expect(res.json().code).toBe('INVALID_CREDENTIALS');
    }
    const badBodyBadCreds = await query(t, {}, { keys: 'nope' });
    expect(badBodyBadCreds.statusCode).toBe(401);
    const badBody = await query(t, basic(client), { resource: w.people.code, keys: Array.from({ length: 101 }, (_, i) => String(i)), purpose });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().errors[0]).toMatchObject({ field: 'keys', code: 'exchange.tooManyKeys' });
    expect((await query(t, basic(client), { resource: w.people.code, keys: [], purpose })).statusCode).toBe(400);
  });

  it('rotated and revoked credentials stop working at once', async () => {
    const own = await makeClient(t, w.tokens.consumer, '临时凭证');
    const payload = { resource: w.people.code, keys: [w.citizens[0]?.idNumber], purpose };
    expect((await query(t, basic(own), payload)).statusCode).toBe(200);
    const rotated = await call<ExchangeClientSecretView>(t, w.tokens.consumer2, { method: 'POST', url: `/api/exchange-clients/${own.client.id}/rotate`, payload: { version: own.client.version } });
    expect(rotated.secret).not.toBe(own.secret);
    expect(rotated.client.secretHint).toBe(rotated.secret.slice(-4));
    expect((await query(t, basic(own), payload)).statusCode).toBe(401);
    expect((await query(t, basic(rotated), payload)).statusCode).toBe(200);
    await call(t, w.tokens.consumer, { method: 'POST', url: `/api/exchange-clients/${own.client.id}/revoke`, payload: { version: rotated.client.version } });
    expect((await query(t, basic(rotated), payload)).statusCode).toBe(401);
    // The secret is stored only as its keyed hash.
    const stored = JSON.stringify(await sql`select * from exchange_clients`.execute(t.kernel.db));
    expect(stored).not.toContain(rotated.secret);
    expect(stored).not.toContain(own.secret);
  });

  it('an expired or revoked grant, or a retired resource, stops working', async () => {
    const payload = { resource: w.licences.code, keys: ['JY15399020002'], purpose };
    expect((await query(t, basic(client), payload)).statusCode).toBe(200);
    await sql`update exchange_grants set valid_to = current_date - 1, valid_from = current_date - 30 where resource_code = ${w.licences.code}`.execute(t.kernel.db);
    const expired = await query(t, basic(client), payload);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().detail).toBe('该资源的共享授权已到期或尚未生效');
    await sql`update exchange_grants set valid_to = current_date + 30 where resource_code = ${w.licences.code}`.execute(t.kernel.db);
    expect((await query(t, basic(client), payload)).statusCode).toBe(200);

    const grants = await call<{ items: ExchangeGrantView[] }>(t, w.tokens.platform, { method: 'GET', url: '/api/exchange-grants?view=all' });
    const grant = grants.items.find((g) => g.resourceCode === w.licences.code);
    await call(t, w.tokens.platform, { method: 'POST', url: `/api/exchange-grants/${grant?.id}/revoke`, payload: { version: grant?.version, reason: '测试撤销' } });
    const revoked = await query(t, basic(client), payload);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json().detail).toBe('该授权已撤销');

    // The catalogue retires the resource: calls on it are refused as such, whatever the grant.
    const system = systemActor('test');
    const view = await getResourceView(t.kernel, { actor: system, id: w.licences.id });
    await retireResource(t.kernel, { actor: system, id: w.licences.id, version: view.version, input: { reason: '停止提供' } });
    const retired = await query(t, basic(client), payload);
    expect(retired.statusCode).toBe(403);
    expect(retired.json().detail).toBe('该数据资源已停用,不能申请或调用');
  });

  it('answers 429 beyond the rate limit and the daily quota', async () => {
    const consumerClient = await makeClient(t, w.tokens.consumer2, '限流测试');
    const grant = await call<ExchangeGrantView>(t, w.tokens.platform, { method: 'GET', url: `/api/exchange-grants/${peopleGrant.grantId}` });
    const limited = await call<ExchangeGrantView>(t, w.tokens.platform, { method: 'PUT', url: `/api/exchange-grants/${grant.id}/limits`, payload: { version: grant.version, rateLimitPerSecond: 1, dailyQuota: 1000 } });
    const payload = { resource: w.people.code, keys: [w.citizens[0]?.idNumber], purpose };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await query(t, basic(consumerClient), payload)).statusCode);
    expect(statuses).toContain(429);
    const tooFast = await query(t, basic(consumerClient), payload);
    expect(tooFast.statusCode).toBe(429);
    expect(tooFast.json()).toMatchObject({ code: 'RATE_LIMITED', detail: '超过该授权的调用频率限制(每秒 1 次)' });

    // Today's leases so far, plus three more records: two go through, then the quota is used up.
    const { rows } = await sql<{ leased: string }>`select leased from exchange_quota_usage where grant_id = ${grant.id} and day = ${today()}`.execute(t.kernel.db);
    const used = Number(rows[0]?.leased ?? 0);
    await call(t, w.tokens.platform, { method: 'PUT', url: `/api/exchange-grants/${grant.id}/limits`, payload: { version: limited.version, rateLimitPerSecond: 1000, dailyQuota: used + 3 } });
    const two = { ...payload, keys: [w.citizens[0]?.idNumber, w.citizens[1]?.idNumber] };
    // Records this process leased under the old quota are forfeited: the new quota counts from what was handed out.
    expect((await query(t, basic(consumerClient), two)).statusCode).toBe(200);
    const over = await query(t, basic(consumerClient), two);
    expect(over.statusCode).toBe(429);
    expect(over.json().detail).toBe(`该授权今日的调用配额(${used + 3} 条)已用完`);
    const final = await sql<{ leased: string }>`select leased from exchange_quota_usage where grant_id = ${grant.id} and day = ${today()}`.execute(t.kernel.db);
    expect(Number(final.rows[0]?.leased)).toBeLessThanOrEqual(used + 3);
  });

  it('logs every call, refusals included, with who, what, purpose, counts, result and latency', async () => {
    for (const result of ['ok', 'badCredentials', 'badRequest', 'noGrant', 'grantExpired', 'fieldNotGranted', 'resourceRetired', 'rateLimited', 'quotaExceeded']) {
      expect(await callsWith(result), result).toBeGreaterThan(0);
    }
    const log = await call<{ items: ExchangeCallView[]; total: number }>(t, w.tokens.consumer, { method: 'GET', url: `/api/exchange-calls?view=consumer&resourceCode=${w.people.code}&result=ok` });
    expect(log.items[0]).toMatchObject({ consumerDepartmentId: w.departments.consumer, resourceCode: w.people.code, purpose, result: 'ok', status: 200 });
    expect(log.items[0]?.latencyMs).toBeGreaterThanOrEqual(0);
    const batch = log.items.find((c) => c.keyCount === 3);
    expect(batch).toMatchObject({ foundCount: 2 });
    const provider = await call<{ total: number }>(t, w.tokens.provider, { method: 'GET', url: '/api/exchange-calls?view=provider' });
    expect(provider.total).toBeGreaterThan(0);
    const platform = await call<{ items: ExchangeCallView[] }>(t, w.tokens.platform, { method: 'GET', url: '/api/exchange-calls?view=all&result=badCredentials' });
    expect(platform.items.length).toBeGreaterThan(0);
    await call(t, w.tokens.consumer, { method: 'GET', url: '/api/exchange-calls?view=all' }, 403);
    // No ID number in the log, only blind indexes.
    const raw = JSON.stringify((await sql`select * from exchange_calls`.execute(t.kernel.db)).rows);
    for (const c of w.citizens) expect(raw).not.toContain(c.idNumber);

    const stats = await call<ExchangeStatistics>(t, w.tokens.provider, { method: 'GET', url: `/api/exchange-statistics?from=${today()}&to=${today()}` });
    expect(stats.providerDepartmentId).toBe(w.departments.provider);
    expect(stats.totals.calls).toBeGreaterThan(stats.totals.errors);
    expect(stats.totals.foundRate).toBeGreaterThan(0);
    expect(stats.totals.p95Ms).not.toBeNull();
    expect(stats.byDay).toHaveLength(1);
    expect(stats.byResource.map((r) => r.resourceCode)).toContain(w.people.code);
    expect(stats.byConsumer.find((c) => c.consumerDepartmentId === w.departments.consumer)?.calls).toBeGreaterThan(0);
    await call(t, w.tokens.provider, { method: 'GET', url: `/api/exchange-statistics?from=${today()}&to=${today()}&providerDepartmentId=${w.departments.other}` }, 403);
  });

  it('seals the log into an SM3 chain; a changed or deleted row is named by the verifier', async () => {
    const sealed = await sealAllCalls(t.kernel.db);
    expect(sealed).toBeGreaterThan(0);
    const intact = await call<ExchangeChainVerdict>(t, w.tokens.platform, { method: 'GET', url: '/api/exchange-calls/verify' });
    expect(intact).toMatchObject({ isIntact: true, unsealed: 0, brokenId: null });
    expect(intact.checked).toBe(sealed);

    // Calls keep coming while sealed rows exist: the chain continues.
    await query(t, basic(client), { resource: w.people.code, keys: [w.citizens[0]?.idNumber], purpose });
    expect((await verifyCallChain(t.kernel.db)).unsealed).toBe(1);
    expect(await sealAllCalls(t.kernel.db)).toBe(1);
    expect((await verifyCallChain(t.kernel.db)).isIntact).toBe(true);

    const { rows } = await sql<{ id: string }>`select id from exchange_calls where result = 'ok' order by seq limit 1 offset 2`.execute(t.kernel.db);
    const victim = rows[0]?.id ?? '';
    await sql`update exchange_calls set found_count = found_count + 1 where id = ${victim}`.execute(t.kernel.db);
    expect(await verifyCallChain(t.kernel.db, 3)).toMatchObject({ isIntact: false, brokenId: victim, reason: 'hash-mismatch' });
    await sql`update exchange_calls set found_count = found_count - 1 where id = ${victim}`.execute(t.kernel.db);
    expect((await verifyCallChain(t.kernel.db)).isIntact).toBe(true);

    const next = await sql<{ id: string }>`select id from exchange_calls where seq = (select seq + 1 from exchange_calls where id = ${victim})`.execute(t.kernel.db);
    await sql`delete from exchange_calls where id = ${victim}`.execute(t.kernel.db);
    expect(await verifyCallChain(t.kernel.db)).toMatchObject({ isIntact: false, brokenId: next.rows[0]?.id, reason: 'gap' });
  });

  it('the citizen sees which departments read their record, when and why', async () => {
    const citizen = await registerCitizen(t, '王测试');
    // The provider's record of this citizen, then a call that reads it.
    await inTransaction(t.kernel.db, (tx) => writeRecords(tx, t.kernel.keys, w.people, [{ idNumber: citizen.idNumber, name: citizen.name, gender: '女', mobile: citizen.phone, secretNote: '', religion: '' }]));
    const grant = await call<ExchangeGrantView>(t, w.tokens.platform, { method: 'GET', url: `/api/exchange-grants/${peopleGrant.grantId}` });
    await call(t, w.tokens.platform, { method: 'PUT', url: `/api/exchange-grants/${grant.id}/limits`, payload: { version: grant.version, rateLimitPerSecond: 100, dailyQuota: 100_000 } });
    const before = await call<{ total: number }>(t, citizen.token, { method: 'GET', url: '/api/my/data-exchange-uses' });
    expect(before.total).toBe(0);
    const res = await query(t, basic(client), { resource: w.people.code, keys: [citizen.idNumber, w.citizens[0]?.idNumber], purpose: '办理失业保险金申领' });
    expect(res.statusCode, res.body).toBe(200);
    const uses = await call<{ items: MyExchangeUseView[]; total: number }>(t, citizen.token, { method: 'GET', url: '/api/my/data-exchange-uses' });
    expect(uses.total).toBe(1);
    expect(uses.items[0]).toMatchObject({ purpose: '办理失业保险金申领', resourceCode: w.people.code, resourceName: '测试人口基础信息', consumerName: expect.stringContaining('测试人社局'), providerName: expect.stringContaining('测试公安局') });
    // Staff have no citizen record: an empty list, not an error.
    expect((await call<{ total: number }>(t, w.tokens.consumer, { method: 'GET', url: '/api/my/data-exchange-uses' })).total).toBe(0);
  });
});
