import { departmentSheetColumns as col } from '@zhengtong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeIdNumber, makePhone, makeRegionTree, makeStaff, uniqueSuffix, type TestApp } from '../../testing';
import { makeDepartmentCreditCode, makeWorkbook, multipartFile } from './test-support';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let countyDept: string;
let otherCountyDept: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  const cityDept = (await makeDepartment(t.kernel, tree.city)).id;
  countyDept = (await makeDepartment(t.kernel, tree.county)).id;
  otherCountyDept = (await makeDepartment(t.kernel, tree.otherCounty)).id;
  const people = {
    cityAdmin: await makeStaff(t.kernel, { departmentId: cityDept, regionCode: tree.city, roles: ['sysadmin'] }),
    countyAdmin: await makeStaff(t.kernel, { departmentId: countyDept, regionCode: tree.county, roles: ['sysadmin'] }),
    secadmin: await makeStaff(t.kernel, { departmentId: countyDept, regionCode: tree.county, roles: ['secadmin'] }),
    clerk: await makeStaff(t.kernel, { departmentId: countyDept, regionCode: tree.county, roles: ['clerk'] }),
  };
  for (const [key, s] of Object.entries(people)) tokens[key] = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

async function registerCitizenToken(): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name: '选项测试', idNumber: makeIdNumber(), phone: makePhone(), password: 'Strong#Pass1' } });
  return res.json().token as string;
}

const as = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.as(tokens[who] ?? '', { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const newDepartment = (regionCode: string) => ({ name: `授权局${uniqueSuffix()}`, creditCode: makeDepartmentCreditCode(regionCode), regionCode });

describe('who may read and manage departments', () => {
  it('anonymous callers must sign in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/departments' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/departments', payload: newDepartment(tree.county) })).statusCode).toBe(401);
  });

  it('a clerk may neither read the department admin lists nor manage departments', async () => {
    expect((await as('clerk', 'GET', '/api/departments')).statusCode).toBe(403);
    const create = await as('clerk', 'POST', '/api/departments', newDepartment(tree.county));
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('FORBIDDEN');
    expect((await as('clerk', 'PATCH', `/api/departments/${countyDept}`, { sort: 1, version: 1 })).statusCode).toBe(403);
    expect((await as('clerk', 'POST', `/api/departments/${countyDept}/deactivate`, { version: 1 })).statusCode).toBe(403);
    expect((await as('clerk', 'POST', `/api/departments/${countyDept}/positions`, { name: '科员' })).statusCode).toBe(403);
    expect((await as('clerk', 'GET', '/api/departments/export.xlsx')).statusCode).toBe(403);
  });

  it('any staff member may pick from their region’s department names (transfer, countersign); citizens may not', async () => {
    const options = await as('clerk', 'GET', '/api/departments/options');
    expect(options.statusCode, options.body).toBe(200);
    const ids = options.json().items.map((d: { id: string }) => d.id);
    expect(ids).toContain(countyDept);
    expect(ids).not.toContain(otherCountyDept);
    const citizen = await t.as(await registerCitizenToken(), { method: 'GET', url: '/api/departments/options' });
    expect(citizen.statusCode).toBe(403);
  });

  it('a security admin (staff.read) reads departments of their region but may not change them', async () => {
    expect((await as('secadmin', 'GET', `/api/departments/${countyDept}`)).statusCode).toBe(200);
    expect((await as('secadmin', 'GET', `/api/departments/${countyDept}/positions`)).statusCode).toBe(200);
    expect((await as('secadmin', 'GET', `/api/departments/${otherCountyDept}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await as('secadmin', 'POST', '/api/departments', newDepartment(tree.county))).statusCode).toBe(403);
    expect((await as('secadmin', 'DELETE', `/api/departments/${countyDept}`)).statusCode).toBe(403);
  });

  it('a county admin manages their county’s departments only', async () => {
    const own = await as('countyAdmin', 'POST', '/api/departments', newDepartment(tree.town));
    expect(own.statusCode, own.body).toBe(201);

    const other = await as('countyAdmin', 'POST', '/api/departments', newDepartment(tree.otherCounty));
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('OUT_OF_SCOPE');
    for (const [method, url, payload] of [
      ['GET', `/api/departments/${otherCountyDept}`, undefined],
      ['PATCH', `/api/departments/${otherCountyDept}`, { sort: 1, version: 1 }],
      ['POST', `/api/departments/${otherCountyDept}/deactivate`, { version: 1 }],
      ['DELETE', `/api/departments/${otherCountyDept}`, undefined],
      ['GET', `/api/departments/${otherCountyDept}/positions`, undefined],
      ['POST', `/api/departments/${otherCountyDept}/positions`, { name: '科员' }],
    ] as const) {
      const res = await as('countyAdmin', method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('OUT_OF_SCOPE');
    }
    // Nor may they move their own department into another county.
    const move = await as('countyAdmin', 'PATCH', `/api/departments/${own.json().id}`, { regionCode: tree.otherCounty, version: 1 });
    expect(move.json().code).toBe('OUT_OF_SCOPE');
    expect((await as('cityAdmin', 'GET', `/api/departments/${otherCountyDept}`)).json().version).toBe(1);
  });

  it('lists only the departments of one’s own region, and refuses another county’s list', async () => {
    const list = await as('countyAdmin', 'GET', '/api/departments?pageSize=200');
    const regions = list.json().items.map((d: { regionCode: string }) => d.regionCode);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((code: string) => code.startsWith(tree.county.slice(0, 6)))).toBe(true);
    expect((await as('countyAdmin', 'GET', `/api/departments?regionCode=${tree.otherCounty}`)).json().code).toBe('OUT_OF_SCOPE');
    // Asking for the whole city narrows to what they may see.
    const city = await as('countyAdmin', 'GET', `/api/departments?regionCode=${tree.city}&pageSize=200`);
    expect(city.json().total).toBe(list.json().total);
    const options = await as('countyAdmin', 'GET', '/api/departments/options');
    expect(options.json().items.map((d: { id: string }) => d.id)).not.toContain(otherCountyDept);
  });

  it('an import may not touch another county’s departments, and then changes nothing', async () => {
    const own = newDepartment(tree.county);
    const foreign = newDepartment(tree.otherCounty);
    const file = await makeWorkbook([col.name, col.creditCode, col.regionCode], [[own.name, own.creditCode, own.regionCode], [foreign.name, foreign.creditCode, foreign.regionCode]]);
    const res = await t.as(tokens.countyAdmin ?? '', { method: 'POST', url: '/api/departments/import', ...multipartFile(file) });
    expect(res.statusCode).toBe(400);
    expect(res.json().report.errors).toEqual([expect.objectContaining({ row: 3, field: 'regionCode', code: 'region.outOfScope' })]);
    const created = await t.kernel.db.selectFrom('departments').select('id').where('credit_code', '=', own.creditCode).executeTakeFirst();
    expect(created).toBeUndefined();
  });
});
