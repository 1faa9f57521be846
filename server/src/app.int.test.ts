import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, testDatabaseKind, type TestApp } from './testing';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the HTTP surface', () => {
  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', db: testDatabaseKind() });
  });

  it('publishes OpenAPI 3.1 with every API route and the login schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/staff', '/api/registrations/citizen', '/api/me']));
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  it('answers unknown API paths and malformed JSON with problem+json, never 500', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', title: '接口不存在' });
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const english = await t.app.inject({ method: 'GET', url: '/api/nothing-here?lang=en-US' });
    expect(english.json().title).toBe('No such endpoint');
  });

  it('ends an idle session: after the idle timeout the next call says the session expired', async () => {
    const regions = await makeRegionTree(t.kernel);
    const dept = await makeDepartment(t.kernel, regions.county);
    const s = await makeStaff(t.kernel, { departmentId: dept.id, regionCode: regions.county, roles: ['clerk'] });
    const token = await t.login(s.username, s.password);
    await t.kernel.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('account_id', '=', s.accountId).execute();
    const res = await t.as(token, { method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });
});

describe('cockpit platform overview', () => {
  it('shows real counts to a leader and is refused to a clerk', async () => {
    const regions = await makeRegionTree(t.kernel);
    const dept = await makeDepartment(t.kernel, regions.county);
    const leader = await makeStaff(t.kernel, { departmentId: dept.id, regionCode: regions.city, roles: ['leader'] });
    const clerk = await makeStaff(t.kernel, { departmentId: dept.id, regionCode: regions.county, roles: ['clerk'] });
    const token = await t.login(leader.username, leader.password);
    const res = await t.as(token, { method: 'GET', url: '/api/cockpit/platform-overview' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accounts.staff).toBeGreaterThanOrEqual(2);
    expect(body.departmentsByRegion).toContainEqual(expect.objectContaining({ regionCode: regions.county, count: expect.any(Number) }));
    expect(body.loginsByDay).toHaveLength(14);
    expect(body.loginsByDay.at(-1).success).toBeGreaterThanOrEqual(1);
    const refused = await t.as(await t.login(clerk.username, clerk.password), { method: 'GET', url: '/api/cockpit/platform-overview' });
    expect(refused.statusCode).toBe(403);
  });
});
