import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedDataResource } from '@zhengtong/contracts';
import { createTestApp, makeDepartment, makeStaff } from '../../testing';
import { call, makeWorld, otherCity, publishMinimumLiving, purpose, register, registration, type World } from './test-support';

// Who may and who may not: the platform registers and sets budgets but does not query; a consumer queries but does not
// register; other staff roles get 403; without signing in, 401.

let w: World;
let resource: PublishedDataResource;
beforeAll(async () => {
  w = await makeWorld(await createTestApp());
  resource = await publishMinimumLiving(w);
  await register(w, resource);
});
afterAll(async () => {
  await w.t.close();
});

const query = () => ({ resource: resource.code, groupBy: ['town'], measures: [{ fn: 'count' }], purpose });

describe('aggregate authorization', () => {
  it('a consumer may query, read registrations and its own budget, but not register or set budgets', async () => {
    expect((await call(w, w.tokens.consumer, 'POST', '/api/aggregate-queries', query())).statusCode).toBe(200);
    expect((await call(w, w.tokens.consumer, 'GET', '/api/aggregate-resources')).statusCode).toBe(200);
    expect((await call(w, w.tokens.consumer, 'GET', `/api/aggregate-resources/${resource.id}`)).statusCode).toBe(200);
    expect((await call(w, w.tokens.consumer, 'GET', '/api/aggregate-budgets/mine')).statusCode).toBe(200);
    const other = await publishMinimumLiving(w);
    expect((await call(w, w.tokens.consumer, 'POST', '/api/aggregate-resources', registration(other))).statusCode).toBe(403);
    expect((await call(w, w.tokens.consumer, 'PUT', `/api/aggregate-resources/${resource.id}`, { ...registration(resource), version: 1 })).statusCode).toBe(403);
    expect((await call(w, w.tokens.consumer, 'GET', `/api/aggregate-candidates/${other.code}`)).statusCode).toBe(403);
    expect((await call(w, w.tokens.consumer, 'GET', '/api/aggregate-budgets')).statusCode).toBe(403);
    expect((await call(w, w.tokens.consumer, 'PUT', `/api/aggregate-budgets/${w.consumerDepartment.id}`, { period: 'month', epsilonPerPeriod: 100, version: null })).statusCode).toBe(403);
  });

  it('the platform registers and sets budgets, but runs no queries', async () => {
    expect((await call(w, w.tokens.platform, 'GET', '/api/aggregate-budgets')).statusCode).toBe(200);
    expect((await call(w, w.tokens.platform, 'GET', '/api/aggregate-queries')).statusCode).toBe(200);
    const res = await call(w, w.tokens.platform, 'POST', '/api/aggregate-queries', query());
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('other staff roles get 403 everywhere', async () => {
    for (const token of [w.tokens.reviewer, w.tokens.dataAdmin]) {
      expect((await call(w, token, 'POST', '/api/aggregate-queries', query())).statusCode).toBe(403);
      expect((await call(w, token, 'POST', '/api/aggregate-resources', registration(resource))).statusCode).toBe(403);
      expect((await call(w, token, 'GET', '/api/aggregate-resources')).statusCode).toBe(403);
      expect((await call(w, token, 'GET', `/api/aggregate-resources/${resource.id}`)).statusCode).toBe(403);
      expect((await call(w, token, 'GET', '/api/aggregate-queries')).statusCode).toBe(403);
      expect((await call(w, token, 'GET', '/api/aggregate-budgets/mine')).statusCode).toBe(403);
      expect((await call(w, token, 'PUT', `/api/aggregate-budgets/${w.consumerDepartment.id}`, { period: 'month', epsilonPerPeriod: 1, version: null })).statusCode).toBe(403);
    }
  });

  it('without signing in: 401 problem+json', async () => {
    const requests: [method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown][] = [
      ['POST', '/api/aggregate-queries', query()],
      ['GET', '/api/aggregate-queries'],
      ['GET', '/api/aggregate-resources'],
      ['POST', '/api/aggregate-resources', registration(resource)],
      ['GET', '/api/aggregate-budgets'],
      ['GET', '/api/aggregate-budgets/mine'],
    ];
    for (const [method, url, body] of requests) {
      const res = await call(w, null, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('a consumer of another city cannot query this city’s resources, nor see them', async () => {
    const elsewhere = await otherCity(w);
    const department = await makeDepartment(w.t.kernel, elsewhere.city);
    const staff = await makeStaff(w.t.kernel, { departmentId: department.id, regionCode: elsewhere.city, roles: ['data-consumer'] });
    const token = await w.t.login(staff.username, staff.password);
    const res = await call(w, token, 'POST', '/api/aggregate-queries', query());
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
    expect((await call(w, token, 'GET', '/api/aggregate-resources')).json()).toEqual({ items: [], total: 0 });
    expect((await call(w, token, 'GET', `/api/aggregate-resources/${resource.id}`)).statusCode).toBe(404);
  });

  it('a platform of another city cannot register this city’s resources', async () => {
    const elsewhere = await otherCity(w);
    const department = await makeDepartment(w.t.kernel, elsewhere.city);
    const staff = await makeStaff(w.t.kernel, { departmentId: department.id, regionCode: elsewhere.city, roles: ['chief-data-officer'] });
    const token = await w.t.login(staff.username, staff.password);
    const other = await publishMinimumLiving(w);
    const res = await call(w, token, 'POST', '/api/aggregate-resources', registration(other));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
  });
});
