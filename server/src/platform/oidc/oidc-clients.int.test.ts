import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { decryptClientSecret } from './client-secrets';

// The registry of client systems (接入系统): who may manage it, what it accepts, and that secrets are shown once.

let t: TestApp;
let cityAdmin: string;
let countyAdmin: string;
let countyDepartment: string;
let otherCountyDepartment: string;
let suffix = 0;

const nextId = (prefix: string) => `${prefix}-${++suffix}`;
const valid = (clientId: string) => ({ clientId, name: `测试接入系统 ${clientId}`, redirectUris: ['https://app.example.gov.cn/callback'] });

async function create(token: string, body: Record<string, unknown>) {
  return t.as(token, { method: 'POST', url: '/api/oidc-clients', payload: body });
}

async function countRows(): Promise<{ clients: number; audits: number }> {
  const clients = await t.kernel.db.selectFrom('oidc_clients').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const audits = await t.kernel.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', 'like', 'oidc-client.%').executeTakeFirstOrThrow();
  return { clients: Number(clients.n), audits: Number(audits.n) };
}

beforeAll(async () => {
  t = await createTestApp();
  const regions = await makeRegionTree(t.kernel);
  const cityDepartment = (await makeDepartment(t.kernel, regions.city)).id;
  countyDepartment = (await makeDepartment(t.kernel, regions.county)).id;
  otherCountyDepartment = (await makeDepartment(t.kernel, regions.otherCounty)).id;
  const city = await makeStaff(t.kernel, { departmentId: cityDepartment, regionCode: regions.city, roles: ['sysadmin'] });
  const county = await makeStaff(t.kernel, { departmentId: countyDepartment, regionCode: regions.county, roles: ['sysadmin'] });
  cityAdmin = await t.login(city.username, city.password);
  countyAdmin = await t.login(county.username, county.password);
});
afterAll(async () => t?.close());

describe('registering a client system', () => {
  it('returns the secret once, stores it encrypted, never shows it again, and audits without it', async () => {
    const clientId = nextId('portal');
    const res = await create(cityAdmin, { ...valid(clientId), postLogoutRedirectUris: ['https://app.example.gov.cn/'], departmentId: countyDepartment });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ clientId, isPublic: false, tokenEndpointAuthMethod: 'client_secret_basic', isActive: true, departmentId: countyDepartment, version: 1 });
    expect(body.clientSecret).toMatch(/^[\w-]{43}$/);
    expect(body.departmentName).toMatch(/^测试局/);

    const row = await t.kernel.db.selectFrom('oidc_clients').selectAll().where('client_id', '=', clientId).executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toContain(body.clientSecret);
    expect(decryptClientSecret(t.kernel, clientId, row.secret_enc ?? '')).toBe(body.clientSecret);

    const read = await t.as(cityAdmin, { method: 'GET', url: `/api/oidc-clients/${clientId}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty('clientSecret');
    expect(JSON.stringify(read.json())).not.toContain(body.clientSecret);

    const audit = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'oidc-client.create').where('object_id', '=', clientId).executeTakeFirstOrThrow();
    expect(audit.object_type).toBe('oidc-client');
    expect(JSON.stringify(audit.detail)).not.toContain(body.clientSecret);
  });

  it('registers a public client (browser or mobile app) without a secret', async () => {
    const clientId = nextId('grid-app');
    const res = await create(cityAdmin, { ...valid(clientId), tokenEndpointAuthMethod: 'none', redirectUris: ['http://localhost:5173/callback', 'http://127.0.0.1:8100/cb'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ isPublic: true, tokenEndpointAuthMethod: 'none', clientSecret: null, secretRotatedAt: null });
  });

  it('refuses bad input with a reason per field and stores nothing', async () => {
    const before = await countRows();
    const cases: { body: Record<string, unknown>; field: string; code: string }[] = [
      { body: { ...valid('Bad ID!') }, field: 'clientId', code: 'oidcClient.clientIdInvalid' },
      { body: { ...valid(nextId('x')), redirectUris: ['http://app.example.gov.cn/callback'] }, field: 'redirectUris.0', code: 'oidcClient.redirectUriHttps' },
      { body: { ...valid(nextId('x')), redirectUris: ['https://app.example.gov.cn/cb#top'] }, field: 'redirectUris.0', code: 'oidcClient.redirectUriFragment' },
      { body: { ...valid(nextId('x')), redirectUris: ['https://*.example.gov.cn/cb'] }, field: 'redirectUris.0', code: 'oidcClient.redirectUriInvalid' },
      { body: { ...valid(nextId('x')), redirectUris: ['not a url'] }, field: 'redirectUris.0', code: 'oidcClient.redirectUriInvalid' },
      { body: { ...valid(nextId('x')), redirectUris: [] }, field: 'redirectUris', code: 'oidcClient.redirectUrisRequired' },
      { body: { ...valid(nextId('x')), redirectUris: ['https://a.example/cb', 'https://a.example/cb'] }, field: 'redirectUris', code: 'oidcClient.redirectUriRepeated' },
      { body: { ...valid(nextId('x')), postLogoutRedirectUris: ['ftp://a.example/'] }, field: 'postLogoutRedirectUris.0', code: 'oidcClient.redirectUriHttps' },
      { body: { ...valid(nextId('x')), name: 'a' }, field: 'name', code: 'too_small' },
      { body: { ...valid(nextId('x')), tokenEndpointAuthMethod: 'private_key_jwt' }, field: 'tokenEndpointAuthMethod', code: 'invalid_value' },
      { body: { ...valid(nextId('x')), clientSecret: 'chosen-by-me' }, field: 'clientSecret', code: 'unrecognized_keys' },
    ];
    for (const { body, field, code } of cases) {
      const res = await create(cityAdmin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      const errors = problem.errors as { field: string; code: string; message: string }[];
      const hit = errors.find((e) => e.code === code);
      expect(hit, `${code} in ${JSON.stringify(errors)}`).toBeDefined();
      if (code !== 'unrecognized_keys') expect(hit?.field).toBe(field);
      expect(hit?.message).not.toBe(code);
    }
    const missing = await create(cityAdmin, {});
    expect(missing.statusCode).toBe(400);
    expect((missing.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['clientId', 'name', 'redirectUris']);
    expect(await countRows()).toEqual(before);
  });

  it('refuses a department that does not exist, in Chinese', async () => {
    const res = await create(cityAdmin, { ...valid(nextId('x')), departmentId: '01900000-0000-7000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'departmentId', code: 'oidcClient.departmentNotFound', message: '所选部门不存在或已停用' }]);
  });

  it('refuses a client id that is taken', async () => {
    const clientId = nextId('taken');
    expect((await create(cityAdmin, valid(clientId))).statusCode).toBe(201);
    const before = await countRows();
    const again = await create(cityAdmin, { ...valid(clientId), name: '另一个系统' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'clientId', code: 'oidcClient.clientIdTaken' }] });
    expect(await countRows()).toEqual(before);
  });
});

describe('who may manage client systems', () => {
  it('only system administrators: not a clerk, an auditor, a security admin, or anyone signed out', async () => {
    const regions = await makeRegionTree(t.kernel);
    const department = (await makeDepartment(t.kernel, regions.county)).id;
    const clientId = nextId('guarded');
    expect((await create(cityAdmin, valid(clientId))).statusCode).toBe(201);
    const before = await countRows();
    for (const role of ['clerk', 'auditor', 'secadmin'] as const) {
      const s = await makeStaff(t.kernel, { departmentId: department, regionCode: regions.county, roles: [role] });
      const token = await t.login(s.username, s.password);
      const attempts = [
        await t.as(token, { method: 'GET', url: '/api/oidc-clients' }),
        await t.as(token, { method: 'GET', url: `/api/oidc-clients/${clientId}` }),
        await create(token, valid(nextId('x'))),
        await t.as(token, { method: 'PATCH', url: `/api/oidc-clients/${clientId}`, payload: { name: '改名', version: 1 } }),
        await t.as(token, { method: 'POST', url: `/api/oidc-clients/${clientId}/rotate-secret`, payload: { version: 1 } }),
      ];
      for (const res of attempts) {
        expect(res.statusCode, role).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/oidc-clients' });
    expect(anonymous.statusCode).toBe(401);
    expect(await countRows()).toEqual(before);
  });

  it('a county admin manages systems of departments in the county and platform-wide ones, not another county’s', async () => {
    const mine = nextId('county-own');
    const theirs = nextId('county-other');
    const platformWide = nextId('platform');
    expect((await create(cityAdmin, { ...valid(mine), departmentId: countyDepartment })).statusCode).toBe(201);
    expect((await create(cityAdmin, { ...valid(theirs), departmentId: otherCountyDepartment })).statusCode).toBe(201);
    expect((await create(cityAdmin, valid(platformWide))).statusCode).toBe(201);

    const list = await t.as(countyAdmin, { method: 'GET', url: '/api/oidc-clients?pageSize=200' });
    const ids = (list.json().items as { clientId: string }[]).map((c) => c.clientId);
    expect(ids).toEqual(expect.arrayContaining([mine, platformWide]));
    expect(ids).not.toContain(theirs);
    const cityIds = ((await t.as(cityAdmin, { method: 'GET', url: '/api/oidc-clients?pageSize=200' })).json().items as { clientId: string }[]).map((c) => c.clientId);
    expect(cityIds).toEqual(expect.arrayContaining([mine, theirs, platformWide]));

    const read = await t.as(countyAdmin, { method: 'GET', url: `/api/oidc-clients/${theirs}` });
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('OUT_OF_SCOPE');
    const edit = await t.as(countyAdmin, { method: 'PATCH', url: `/api/oidc-clients/${theirs}`, payload: { name: '越权修改', version: 1 } });
    expect(edit.json().code).toBe('OUT_OF_SCOPE');
    const rotate = await t.as(countyAdmin, { method: 'POST', url: `/api/oidc-clients/${theirs}/rotate-secret`, payload: { version: 1 } });
    expect(rotate.json().code).toBe('OUT_OF_SCOPE');
    const move = await t.as(countyAdmin, { method: 'PATCH', url: `/api/oidc-clients/${mine}`, payload: { departmentId: otherCountyDepartment, version: 1 } });
    expect(move.json().code).toBe('OUT_OF_SCOPE');
    const register = await create(countyAdmin, { ...valid(nextId('x')), departmentId: otherCountyDepartment });
    expect(register.json().code).toBe('OUT_OF_SCOPE');
  });
});

describe('changing a client system', () => {
  it('updates name, redirect URIs and method, bumps the version and audits the change', async () => {
    const clientId = nextId('edit');
    await create(cityAdmin, valid(clientId));
    const res = await t.as(cityAdmin, {
      method: 'PATCH',
      url: `/api/oidc-clients/${clientId}`,
      payload: { name: '新名称系统', redirectUris: ['https://new.example.gov.cn/cb'], tokenEndpointAuthMethod: 'client_secret_post', departmentId: countyDepartment, version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '新名称系统', redirectUris: ['https://new.example.gov.cn/cb'], tokenEndpointAuthMethod: 'client_secret_post', departmentId: countyDepartment, version: 2 });
    const audit = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'oidc-client.update').where('object_id', '=', clientId).executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ name: '新名称系统', redirectUris: ['https://new.example.gov.cn/cb'] });
  });

  it('refuses a stale version, and of two concurrent edits exactly one wins', async () => {
    const clientId = nextId('race');
    await create(cityAdmin, valid(clientId));
    const [a, b] = await Promise.all([
      t.as(cityAdmin, { method: 'PATCH', url: `/api/oidc-clients/${clientId}`, payload: { name: '甲修改', version: 1 } }),
      t.as(cityAdmin, { method: 'PATCH', url: `/api/oidc-clients/${clientId}`, payload: { name: '乙修改', version: 1 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().code).toBe('STALE_VERSION');
    const stale = await t.as(cityAdmin, { method: 'POST', url: `/api/oidc-clients/${clientId}/rotate-secret`, payload: { version: 1 } });
    expect(stale.json().code).toBe('STALE_VERSION');
    const updates = await t.kernel.db.selectFrom('audit_log').select('id').where('action', '=', 'oidc-client.update').where('object_id', '=', clientId).execute();
    expect(updates).toHaveLength(1);
  });

  it('refuses invalid changes and leaves the registration as it was', async () => {
    const clientId = nextId('keep');
    await create(cityAdmin, valid(clientId));
    const bad = await t.as(cityAdmin, { method: 'PATCH', url: `/api/oidc-clients/${clientId}`, payload: { redirectUris: ['http://evil.example/cb'], version: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'redirectUris.0', code: 'oidcClient.redirectUriHttps' });
    const noVersion = await t.as(cityAdmin, { method: 'PATCH', url: `/api/oidc-clients/${clientId}`, payload: { name: '没有版本号' } });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors[0]).toMatchObject({ field: 'version', code: 'required' });
    const toPublic = await t.as(cityAdmin, { method: 'PATCH', url: `/api/oidc-clients/${clientId}`, payload: { tokenEndpointAuthMethod: 'none', version: 1 } });
    expect(toPublic.statusCode).toBe(400);
    const unknown = await t.as(cityAdmin, { method: 'GET', url: '/api/oidc-clients/no-such-system' });
    expect(unknown.statusCode).toBe(404);
    const read = await t.as(cityAdmin, { method: 'GET', url: `/api/oidc-clients/${clientId}` });
    expect(read.json()).toMatchObject({ version: 1, redirectUris: ['https://app.example.gov.cn/callback'], tokenEndpointAuthMethod: 'client_secret_basic' });
  });

  it('a public client has no secret to rotate or method to change', async () => {
    const clientId = nextId('spa');
    await create(cityAdmin, { ...valid(clientId), tokenEndpointAuthMethod: 'none' });
    const rotate = await t.as(cityAdmin, { method: 'POST', url: `/api/oidc-clients/${clientId}/rotate-secret`, payload: { version: 1 } });
    expect(rotate.statusCode).toBe(400);
    expect(rotate.json().errors[0].code).toBe('oidcClient.publicHasNoSecret');
    const method = await t.as(cityAdmin, { method: 'PATCH', url: `/api/oidc-clients/${clientId}`, payload: { tokenEndpointAuthMethod: 'client_secret_post', version: 1 } });
    expect(method.statusCode).toBe(400);
    expect(method.json().errors[0]).toMatchObject({ field: 'tokenEndpointAuthMethod', code: 'oidcClient.publicHasNoSecret' });
  });

  it('rotates the secret: a new one shown once, the version bumped, audited', async () => {
    const clientId = nextId('rotate');
    const created = (await create(cityAdmin, valid(clientId))).json();
    const res = await t.as(cityAdmin, { method: 'POST', url: `/api/oidc-clients/${clientId}/rotate-secret`, payload: { version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const rotated = res.json();
    expect(rotated).toMatchObject({ clientId, version: 2 });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    const row = await t.kernel.db.selectFrom('oidc_clients').selectAll().where('client_id', '=', clientId).executeTakeFirstOrThrow();
    expect(decryptClientSecret(t.kernel, clientId, row.secret_enc ?? '')).toBe(rotated.clientSecret);
    const audit = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'oidc-client.rotate-secret').where('object_id', '=', clientId).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.detail)).not.toContain(rotated.clientSecret);
  });

  it('lists with paging and search', async () => {
    const tag = `search${Date.now()}`;
    for (let i = 0; i < 3; i += 1) await create(cityAdmin, { ...valid(`${tag}-${i}`), name: `检索系统 ${tag} ${i}` });
    const page = await t.as(cityAdmin, { method: 'GET', url: `/api/oidc-clients?q=${tag}&pageSize=2&page=2` });
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(3);
    expect(page.json().items).toHaveLength(1);
    const bad = await t.as(cityAdmin, { method: 'GET', url: '/api/oidc-clients?pageSize=1000' });
    expect(bad.statusCode).toBe(400);
  });
});
