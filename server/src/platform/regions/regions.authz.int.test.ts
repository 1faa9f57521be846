import { regionSheetColumns } from '@zhengtong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { makeWorkbook, multipartFile } from '../../kernel/spreadsheet/test-support';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  const cityDept = (await makeDepartment(t.kernel, tree.city)).id;
  const countyDept = (await makeDepartment(t.kernel, tree.county)).id;
  const people = {
    cityAdmin: await makeStaff(t.kernel, { departmentId: cityDept, regionCode: tree.city, roles: ['sysadmin'] }),
    countyAdmin: await makeStaff(t.kernel, { departmentId: countyDept, regionCode: tree.county, roles: ['sysadmin'] }),
    secadmin: await makeStaff(t.kernel, { departmentId: cityDept, regionCode: tree.city, roles: ['secadmin'] }),
    clerk: await makeStaff(t.kernel, { departmentId: countyDept, regionCode: tree.county, roles: ['clerk'] }),
  };
  for (const [key, s] of Object.entries(people)) tokens[key] = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

let nextTown = 100;
const townIn = (county: string) => `${county.slice(0, 6)}${nextTown++}000`;
const as = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.as(tokens[who] ?? '', { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const town = (county: string, code = townIn(county)) => ({ code, name: '授权测试镇', level: 'town', parentCode: county });

describe('who may manage regions', () => {
  it('anyone may read the tree (address pickers); only signed-in admins may change or export it', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/regions?parent=${tree.city}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/regions/${tree.county}` })).statusCode).toBe(200);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/regions', payload: town(tree.county) });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    expect((await t.app.inject({ method: 'GET', url: '/api/regions/export.xlsx' })).statusCode).toBe(401);
    const upload = multipartFile(await makeWorkbook([regionSheetColumns.code, regionSheetColumns.name], [[townIn(tree.county), '匿名镇']]));
    expect((await t.app.inject({ method: 'POST', url: '/api/regions/import', ...upload })).statusCode).toBe(401);
  });

  it('clerks and security admins may not manage regions', async () => {
    for (const who of ['clerk', 'secadmin']) {
      const create = await as(who, 'POST', '/api/regions', town(tree.county));
      expect(create.statusCode).toBe(403);
      expect(create.json().code).toBe('FORBIDDEN');
      expect((await as(who, 'PATCH', `/api/regions/${tree.town}`, { name: '改名', version: 1 })).statusCode).toBe(403);
      expect((await as(who, 'DELETE', `/api/regions/${tree.town}`)).statusCode).toBe(403);
      expect((await as(who, 'GET', '/api/regions/export.xlsx')).statusCode).toBe(403);
    }
  });

  it('a county admin manages regions inside their county only', async () => {
    expect((await as('countyAdmin', 'POST', '/api/regions', town(tree.county))).statusCode).toBe(201);

    const otherCounty = await as('countyAdmin', 'POST', '/api/regions', town(tree.otherCounty));
    expect(otherCounty.statusCode).toBe(403);
    expect(otherCounty.json().code).toBe('OUT_OF_SCOPE');
    const sibling = await as('countyAdmin', 'POST', '/api/regions', { code: `${tree.city.slice(0, 4)}88000000`, name: '新区', level: 'county', parentCode: tree.city });
    expect(sibling.json().code).toBe('OUT_OF_SCOPE');
    expect((await as('countyAdmin', 'PATCH', `/api/regions/${tree.city}`, { name: '改市名', version: 1 })).json().code).toBe('OUT_OF_SCOPE');
    expect((await as('countyAdmin', 'PATCH', `/api/regions/${tree.otherCounty}`, { name: '改县名', version: 1 })).json().code).toBe('OUT_OF_SCOPE');
    expect((await as('countyAdmin', 'DELETE', `/api/regions/${tree.otherCounty}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await as('countyAdmin', 'PATCH', `/api/regions/${tree.town}`, { sort: 3, version: 1 })).statusCode).toBe(200);
  });

  it('a city admin manages every county of the city', async () => {
    expect((await as('cityAdmin', 'POST', '/api/regions', town(tree.otherCounty))).statusCode).toBe(201);
    const county = await as('cityAdmin', 'POST', '/api/regions', { code: `${tree.city.slice(0, 4)}81000000`, name: '新设县', level: 'county', parentCode: tree.city });
    expect(county.statusCode, county.body).toBe(201);
  });

  it('an import may not change regions outside the admin’s county, and then changes nothing', async () => {
    const own = townIn(tree.county);
    const foreign = townIn(tree.otherCounty);
    const file = await makeWorkbook([regionSheetColumns.code, regionSheetColumns.name], [[own, '本县新镇'], [foreign, '外县新镇']]);
    const res = await t.as(tokens.countyAdmin ?? '', { method: 'POST', url: '/api/regions/import', ...multipartFile(file) });
    expect(res.statusCode).toBe(400);
    expect(res.json().report.errors).toEqual([expect.objectContaining({ row: 3, field: 'code', code: 'region.outOfScope' })]);
    expect((await t.app.inject({ method: 'GET', url: `/api/regions/${own}` })).statusCode).toBe(404);
  });
});
