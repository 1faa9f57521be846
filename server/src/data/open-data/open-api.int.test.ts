import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyView, OpenApplicationView, OpenRecordsPage } from '@zhengtong/contracts';
import { createTestApp, publishTestResource, type TestApp } from '../../testing';
import { tables } from './tables';
import { caller, entityFields, makeOpenWorld, newKey, registerCitizen, type Call, type OpenWorld } from './test-support';

// The open API: keys (shown once, stored as HMAC-SM3), what a key receives (open items; restricted ones only under a
// current approval of its party; closed and hidden never), rate limit and daily quota (429), paging, counting.

let t: TestApp;
let w: OpenWorld;
let call: Call;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeOpenWorld(t);
  call = caller(t);
});
afterAll(async () => {
  await t.close();
});

const records = (key: string | undefined, code: string, query = '') => call(null, 'GET', `/api/open/datasets/${code}/records${query}`, undefined, key === undefined ? {} : { 'x-api-key': key });

async function approve(applicantToken: string, code: string, months = 3): Promise<OpenApplicationView> {
  const applied = await call(applicantToken, 'POST', '/api/open/applications', { dataset: code, purpose: '开发企业信用查询应用', scenario: '向本公司客户展示合作企业的法定代表人', months });
  expect(applied.statusCode).toBe(201);
  const app = applied.json() as OpenApplicationView;
  const approved = await call(w.cdo, 'POST', `/api/open-data/applications/${app.id}/approve`, { version: app.version });
  expect(approved.statusCode).toBe(200);
  return approved.json() as OpenApplicationView;
}

describe('API keys', () => {
  it('creates a key shown once, keeps only its hash, lists and revokes it', async () => {
    const res = await call(w.citizen.token, 'POST', '/api/open/api-keys', { name: '我的应用' });
    expect(res.statusCode).toBe(201);
    const created = res.json() as ApiKeyView & { secret: string };
    expect(created.secret).toMatch(/^ztk_[0-9a-f]{8}_/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    const stored = await tables(t.kernel.db).selectFrom('open_api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(created.secret.slice(13));
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);

    const mine = (await call(w.citizen.token, 'GET', '/api/open/api-keys')).json() as { items: ApiKeyView[] };
    expect(mine.items.map((k) => k.id)).toContain(created.id);
    expect(JSON.stringify(mine)).not.toContain(created.secret);
    // Someone else's key is not theirs to see or revoke.
    expect(((await call(w.other.token, 'GET', '/api/open/api-keys')).json() as { items: ApiKeyView[] }).items.map((k) => k.id)).not.toContain(created.id);
    expect((await call(w.other.token, 'POST', `/api/open/api-keys/${created.id}/revoke`)).statusCode).toBe(404);

    expect((await records(created.secret, w.open.code)).statusCode).toBe(200);
    const revoked = await call(w.citizen.token, 'POST', `/api/open/api-keys/${created.id}/revoke`);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await call(w.citizen.token, 'POST', `/api/open/api-keys/${created.id}/revoke`)).statusCode).toBe(409);
    expect((await records(created.secret, w.open.code)).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('is for signed-in persons and enterprises only; names are checked; at most five active keys', async () => {
    expect((await call(null, 'POST', '/api/open/api-keys', { name: 'x' })).statusCode).toBe(401);
    expect((await call(w.clerk, 'POST', '/api/open/api-keys', { name: 'x' })).statusCode).toBe(403);
    expect((await call(w.cdo, 'GET', '/api/open/api-keys')).statusCode).toBe(403);
    const busy = await registerCitizen(t, '王五');
    expect((await call(busy.token, 'POST', '/api/open/api-keys', { name: '' })).statusCode).toBe(400);
    expect((await call(busy.token, 'POST', '/api/open/api-keys', { name: 'x'.repeat(41) })).statusCode).toBe(400);
    expect((await call(busy.token, 'POST', '/api/open/api-keys/not-a-uuid/revoke')).statusCode).toBe(400);
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => call(busy.token, 'POST', '/api/open/api-keys', { name: `应用${i}` })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.json().detail).toContain('5');
  });
});

describe('records by key', () => {
  it('needs a valid key (401 problem+json otherwise)', async () => {
    const missing = await records(undefined, w.open.code);
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().detail).toContain('X-Api-Key');
    expect((await records('ztk_00000000_nonexistentnonexistentnon', w.open.code)).statusCode).toBe(401);
    expect((await records('garbage', w.open.code)).statusCode).toBe(401);
  });

  it('gives the open items, masked per their kind, page by page; restricted items only to an approved applicant', async () => {
    const key = await newKey(call, w.citizen.token);
    const first = await records(key, w.open.code, '?page=1&pageSize=10');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('10000');
    const page = first.json() as OpenRecordsPage;
    expect(page).toMatchObject({ dataset: w.open.code, total: w.licenceRows.length, page: 1, pageSize: 10, includesRestricted: false });
    expect(page.fields.map((f) => f.key)).toEqual(['licenseNumber', 'enterpriseName', 'score', 'remark']);
    expect(page.items).toHaveLength(10);
    expect(first.body).not.toContain('SECRET-');
    expect(first.body).not.toContain('1390000');

    // Pages by number and by cursor agree, and together cover every record once.
    const third = (await records(key, w.open.code, '?page=3&pageSize=10')).json() as OpenRecordsPage;
    expect(third.items).toHaveLength(w.licenceRows.length - 20);
    expect(third.next).toBeNull();
    const second = (await records(key, w.open.code, `?pageSize=10&cursor=${page.next}`)).json() as OpenRecordsPage;
    const seen = [...page.items, ...second.items, ...third.items].map((r) => r.licenseNumber);
    expect(new Set(seen).size).toBe(w.licenceRows.length);
    expect(((await records(key, w.open.code, '?page=99&pageSize=10')).json() as OpenRecordsPage).items).toEqual([]);

    // The restricted dataset gives its open items to anyone with a key, and its restricted items after approval.
    const before = (await records(key, w.restricted.code)).json() as OpenRecordsPage;
    expect(before.fields.map((f) => f.key)).toEqual(['creditCode', 'name']);
    expect(before.includesRestricted).toBe(false);
    await approve(w.citizen.token, w.restricted.code);
    const after = (await records(key, w.restricted.code)).json() as OpenRecordsPage;
    expect(after.includesRestricted).toBe(true);
    expect(after.fields.map((f) => f.key)).toEqual(['creditCode', 'name', 'legalRepName']);
    const names = after.items.map((r) => r.legalRepName).sort();
    // Masked by their kind (name: first character kept), the closed ID number never.
    expect(names).toEqual(['张**', '𠮷*'].sort());
    expect(JSON.stringify(after)).not.toContain('legalRepIdNumber');
    // The open dataset's restricted item (a mobile) leaves masked under an approval of that dataset only.
    expect(((await records(key, w.open.code, '?pageSize=1')).json() as OpenRecordsPage).includesRestricted).toBe(false);

    // Someone else's key gets no restricted items from the citizen's approval.
    const otherKey = await newKey(call, w.other.token);
    expect(((await records(otherKey, w.restricted.code)).json() as OpenRecordsPage).includesRestricted).toBe(false);

    const audit = await t.kernel.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'open-data.records.restricted-read').execute();
    expect(audit.some((a) => (a.detail as { code?: string }).code === w.restricted.code)).toBe(true);
  });

  it('gives an enterprise’s approval to the keys of that enterprise', async () => {
    const enterpriseKey = await newKey(call, w.enterprise.token);
    await approve(w.enterprise.token, w.restricted.code);
    expect(((await records(enterpriseKey, w.restricted.code)).json() as OpenRecordsPage).includesRestricted).toBe(true);
  });

  it('stops giving restricted items once the approval has expired', async () => {
    const key = await newKey(call, w.other.token, '到期测试');
    const approved = await approve(w.other.token, w.restricted.code, 1);
    expect(approved.status).toBe('approved');
    expect(((await records(key, w.restricted.code)).json() as OpenRecordsPage).includesRestricted).toBe(true);
    await tables(t.kernel.db).updateTable('open_data_applications').set({ valid_until: new Date(Date.now() - 1000) }).where('id', '=', approved.id).execute();
    expect(((await records(key, w.restricted.code)).json() as OpenRecordsPage).includesRestricted).toBe(false);
    expect((await call(w.other.token, 'GET', `/api/open/applications/${approved.id}`)).json()).toMatchObject({ status: 'expired' });
    expect(((await call(w.other.token, 'GET', '/api/open/applications?status=expired')).json() as { items: { id: string }[] }).items.map((a) => a.id)).toContain(approved.id);
  });

  it('refuses with 429 beyond the per-minute limit and the daily quota, and counts calls', async () => {
    const key = await newKey(call, w.citizen.token, '限流测试');
    const row = await tables(t.kernel.db).selectFrom('open_api_keys').select('id').where('name', '=', '限流测试').executeTakeFirstOrThrow();
    await tables(t.kernel.db).updateTable('open_api_keys').set({ rate_per_minute: 3 }).where('id', '=', row.id).execute();
    const burst = await Promise.all(Array.from({ length: 5 }, () => records(key, w.open.code, '?pageSize=1')));
    expect(burst.filter((r) => r.statusCode === 200)).toHaveLength(3);
    const limited = burst.find((r) => r.statusCode === 429);
    expect(limited?.headers['content-type']).toContain('application/problem+json');
    expect(limited?.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.json().detail).toContain('3');

    await tables(t.kernel.db).updateTable('open_api_keys').set({ rate_per_minute: 1000, daily_quota: 4 }).where('id', '=', row.id).execute();
    expect((await records(key, w.open.code, '?pageSize=1')).statusCode).toBe(200);
    const overQuota = await records(key, w.open.code, '?pageSize=1');
    expect(overQuota.statusCode).toBe(429);
    expect(overQuota.json().detail).toContain('4');
    const listed = ((await call(w.citizen.token, 'GET', '/api/open/api-keys')).json() as { items: ApiKeyView[] }).items.find((k) => k.id === row.id);
    expect(listed).toMatchObject({ usedToday: 4, callCount: 4 });
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it('gives nothing from a dataset whose items are all restricted until an approval, without using the quota', async () => {
    const onlyRestricted = await publishTestResource(t.kernel, {
      providerDepartmentId: w.provider.id,
      regionCode: w.tree.city,
      definition: { name: '仅申请开放的法人信息', shareType: 'unconditional', openType: 'restricted', keyField: 'creditCode', fields: entityFields.map((f) => (f.openType === 'open' ? { ...f, openType: 'restricted' } : f)) },
      records: [{ creditCode: '91539902MA1QH0013H', name: '云溪市青禾食品有限公司', legalRepName: '张三', legalRepIdNumber: null }],
    });
    const developer = await registerCitizen(t, '陈十三');
    const key = await newKey(call, developer.token, '仅申请测试');
    const refused = await records(key, onlyRestricted.code);
    expect(refused.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(refused.json().detail).toContain('申请');
    expect(((await call(developer.token, 'GET', '/api/open/api-keys')).json() as { items: ApiKeyView[] }).items[0]?.usedToday).toBe(0);
    // No file, no preview, no CKAN resource or DCAT distribution: only the invitation to apply.
    expect((await call(null, 'GET', `/api/open/datasets/${onlyRestricted.code}/download/csv`)).statusCode).toBe(404);
    const view = (await call(null, 'GET', `/api/open/datasets/${onlyRestricted.code}`)).json();
    expect(view).toMatchObject({ files: [], preview: [], fields: [] });
    expect(view.restrictedFields.map((f: { key: string }) => f.key)).toEqual(['creditCode', 'name', 'legalRepName']);
    expect((await call(null, 'GET', `/api/3/action/package_show?id=${onlyRestricted.code}`)).json().result).toMatchObject({ num_resources: 0, resources: [] });

    await approve(developer.token, onlyRestricted.code);
    const approved = (await records(key, onlyRestricted.code)).json() as OpenRecordsPage;
    expect(approved.items).toEqual([{ creditCode: '91539902MA1QH0013H', name: '云溪市青禾食品有限公司', legalRepName: '张*' }]);
  });

  it('refuses bad paging input with 400 and unknown datasets with 404', async () => {
    const key = await newKey(call, w.enterprise.token, '参数测试');
    expect((await records(key, w.open.code, '?pageSize=1001')).statusCode).toBe(400);
    expect((await records(key, w.open.code, '?page=0')).statusCode).toBe(400);
    expect((await records(key, w.open.code, '?page=abc')).statusCode).toBe(400);
    expect((await records(key, w.open.code, '?page=1000&pageSize=1000')).json()).toMatchObject({ status: 400, errors: [{ field: 'page', code: 'openData.tooDeep' }] });
    expect((await records(key, w.open.code, '?cursor=not-a-cursor')).json()).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    expect((await records(key, w.closed.code)).statusCode).toBe(404);
    expect((await records(key, 'NO-SUCH-SET')).statusCode).toBe(404);
  });
});
