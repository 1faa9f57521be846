import type { StaffRole } from '@zhengtong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeIdNumber, makePhone, makeRegionTree, makeStaff, type TestApp } from '../../testing';

// Who may make, list and revoke seals: only the security admin (三员分立: not the system admin who runs departments,
// not the auditor), and only for departments of their own region and below. The public key list and the images are
// open to everyone.

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let countyDept: string;
let otherCountyDept: string;
let cityDept: string;
let otherCountySeal: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  cityDept = (await makeDepartment(t.kernel, tree.city)).id;
  countyDept = (await makeDepartment(t.kernel, tree.county)).id;
  otherCountyDept = (await makeDepartment(t.kernel, tree.otherCounty)).id;
  const staff: Record<string, { department: string; region: string; roles: StaffRole[] }> = {
    citySecadmin: { department: cityDept, region: tree.city, roles: ['secadmin'] },
    countySecadmin: { department: countyDept, region: tree.county, roles: ['secadmin'] },
    sysadmin: { department: cityDept, region: tree.city, roles: ['sysadmin'] },
    auditor: { department: cityDept, region: tree.city, roles: ['auditor'] },
    clerk: { department: countyDept, region: tree.county, roles: ['clerk'] },
    reviewer: { department: countyDept, region: tree.county, roles: ['reviewer'] },
  };
  for (const [key, s] of Object.entries(staff)) {
    const made = await makeStaff(t.kernel, { departmentId: s.department, regionCode: s.region, roles: s.roles });
    tokens[key] = await t.login(made.username, made.password);
  }
  const citizen = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name: '印章测试', idNumber: makeIdNumber(), phone: makePhone(), password: 'Strong#Pass1' } });
  tokens.citizen = citizen.json().token as string;
  const seal = await as('citySecadmin', 'POST', '/api/seals', { departmentId: otherCountyDept, kind: 'approval' });
  expect(seal.statusCode, seal.body).toBe(201);
  otherCountySeal = seal.json().id as string;
});
afterAll(async () => t?.close());

function as(who: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  return t.as(tokens[who] ?? '', { method, url, ...(payload ? { payload } : {}) });
}

async function auditCount(action: string): Promise<number> {
  const rows = await t.kernel.db.selectFrom('audit_log').select('id').where('action', '=', action).execute();
  return rows.length;
}

describe('who may manage seals', () => {
  it('an anonymous caller must sign in', async () => {
    const requests = [
      { method: 'GET', url: '/api/seals' },
      { method: 'GET', url: `/api/seals/${otherCountySeal}` },
      { method: 'POST', url: '/api/seals', payload: { departmentId: countyDept, kind: 'licence' } },
      { method: 'POST', url: `/api/seals/${otherCountySeal}/revoke`, payload: { reason: '越权注销', version: 1 } },
    ] as const;
    for (const { method, url, ...rest } of requests) {
      const res = await t.app.inject({ method, url, ...rest });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('the system admin, the auditor, staff and citizens get 403 and change nothing (三员分立)', async () => {
    const before = await auditCount('seal.create');
    for (const who of ['sysadmin', 'auditor', 'clerk', 'reviewer', 'citizen']) {
      expect((await as(who, 'GET', '/api/seals')).statusCode, who).toBe(403);
      expect((await as(who, 'GET', `/api/seals/${otherCountySeal}`)).statusCode, who).toBe(403);
      const create = await as(who, 'POST', '/api/seals', { departmentId: countyDept, kind: 'licence' });
      expect(create.statusCode, who).toBe(403);
      expect(create.json().code).toBe('FORBIDDEN');
      expect((await as(who, 'POST', `/api/seals/${otherCountySeal}/revoke`, { reason: '越权注销', version: 1 })).statusCode, who).toBe(403);
    }
    expect(await auditCount('seal.create')).toBe(before);
    const row = await t.kernel.db.selectFrom('seals').select('status').where('id', '=', otherCountySeal).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
  });

  it('a county security admin manages their county’s seals only: another county or the city above is OUT_OF_SCOPE', async () => {
    const own = await as('countySecadmin', 'POST', '/api/seals', { departmentId: countyDept, kind: 'approval' });
    expect(own.statusCode, own.body).toBe(201);
    for (const departmentId of [otherCountyDept, cityDept]) {
      const res = await as('countySecadmin', 'POST', '/api/seals', { departmentId, kind: 'licence' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('OUT_OF_SCOPE');
    }
    expect((await as('countySecadmin', 'GET', `/api/seals/${otherCountySeal}`)).json().code).toBe('OUT_OF_SCOPE');
    const revoke = await as('countySecadmin', 'POST', `/api/seals/${otherCountySeal}/revoke`, { reason: '越权注销', version: 1 });
    expect(revoke.json().code).toBe('OUT_OF_SCOPE');
    expect((await as('countySecadmin', 'GET', `/api/seals?departmentId=${otherCountyDept}`)).json().code).toBe('OUT_OF_SCOPE');

    const listed = (await as('countySecadmin', 'GET', '/api/seals?pageSize=200')).json();
    expect(listed.items.map((s: { id: string }) => s.id)).toContain(own.json().id);
    expect(listed.items.every((s: { departmentId: string }) => s.departmentId === countyDept)).toBe(true);
  });

  it('a city security admin sees and manages the seals of every county below', async () => {
    const listed = (await as('citySecadmin', 'GET', '/api/seals?pageSize=200')).json();
    const departments = new Set(listed.items.map((s: { departmentId: string }) => s.departmentId));
    expect(departments.has(otherCountyDept)).toBe(true);
    expect(departments.has(countyDept)).toBe(true);
    const revoke = await as('citySecadmin', 'POST', `/api/seals/${otherCountySeal}/revoke`, { reason: '机构调整', version: 1 });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const record = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'seal.revoke').where('object_id', '=', otherCountySeal).executeTakeFirstOrThrow();
    expect(record.actor_role).toBe('secadmin');
  });

  it('anyone may read the public keys and the seal images', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/seals/public-keys' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/seals/${otherCountySeal}/image.svg` })).statusCode).toBe(200);
    expect((await as('citizen', 'GET', '/api/seals/public-keys')).statusCode).toBe(200);
  });
});
