import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let admin: string;
let cityDepartment: string;

// Each test takes its own town numbers under the test county so no test depends on another's rows.
const usedTowns = new Set<number>();
function townCode(): string {
  let n = crypto.randomInt(100, 999);
  while (usedTowns.has(n)) n = crypto.randomInt(100, 999);
  usedTowns.add(n);
  return `${tree.county.slice(0, 6)}${n}000`;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  cityDepartment = (await makeDepartment(t.kernel, tree.city)).id;
  const s = await makeStaff(t.kernel, { departmentId: cityDepartment, regionCode: tree.city, roles: ['sysadmin'] });
  admin = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.as(admin, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }), headers });
const createTown = (code: string, name = '新镇') => send('POST', '/api/regions', { code, name, level: 'town', parentCode: tree.county });
const regionCount = async () => Number((await t.kernel.db.selectFrom('regions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => (body.errors ?? []).map((e) => [e.field, e.code]);

describe('creating a region', () => {
  it('adds a town under its county, keeps a 生僻字 name intact and shows its full name and ancestors', async () => {
    const code = townCode();
    const res = await createTown(code, '𠮷祥镇');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ code, name: '𠮷祥镇', level: 'town', parentCode: tree.county, version: 1, hasChildren: false, childCount: 0 });
    expect(body.fullName).toBe(`测试省测试市${tree.city.slice(2, 4)}测试区𠮷祥镇`);
    expect(body.ancestors.map((a: { code: string }) => a.code)).toEqual([tree.province, tree.city, tree.county]);

    const read = await t.app.inject({ method: 'GET', url: `/api/regions/${code}` });
    expect(read.json().name).toBe('𠮷祥镇');
    const children = await t.app.inject({ method: 'GET', url: `/api/regions?parent=${tree.county}` });
    expect(children.json().items.map((r: { code: string }) => r.code)).toContain(code);

    const record = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'region.create').where('object_id', '=', code).executeTakeFirst();
    expect(record?.detail).toMatchObject({ name: '𠮷祥镇', level: 'town' });
  });

  it('refuses a level that does not match the code, names the field and adds nothing', async () => {
    const before = await regionCount();
    const res = await send('POST', '/api/regions', { code: townCode(), name: '错层镇', level: 'county', parentCode: tree.county });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors).toEqual([{ field: 'level', code: 'region.levelMismatch', message: '行政区划代码与所选层级不符' }]);
    expect(await regionCount()).toBe(before);
  });

  it('refuses a parent that is not the code’s own prefix', async () => {
    const res = await send('POST', '/api/regions', { code: townCode(), name: '错父镇', level: 'town', parentCode: tree.otherCounty });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual([['parentCode', 'region.parentMismatch']]);
  });

  it('refuses malformed and impossible codes, and blank names', async () => {
    const short = await send('POST', '/api/regions', { code: '53990200100', name: '短码', level: 'town', parentCode: tree.county });
    expect(fieldsOf(short.json())).toEqual([['code', 'regionCode.invalid']]);
    const hole = await send('POST', '/api/regions', { code: `${tree.county.slice(0, 6)}000001`, name: '缺乡村', level: 'village', parentCode: tree.county });
    expect(fieldsOf(hole.json())).toEqual([['code', 'region.codeShape']]);
    const blank = await send('POST', '/api/regions', { code: townCode(), name: '   ', level: 'town', parentCode: tree.county });
    expect(fieldsOf(blank.json())).toEqual([['name', 'required']]);
    const missing = await send('POST', '/api/regions', { code: townCode(), level: 'town', parentCode: tree.county });
    expect(fieldsOf(missing.json())).toEqual([['name', 'required']]);
  });

  it('refuses a village whose town does not exist yet', async () => {
    const town = townCode();
    const res = await send('POST', '/api/regions', { code: `${town.slice(0, 9)}201`, name: '无镇村', level: 'village', parentCode: town });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual([['parentCode', 'region.parentNotFound']]);
  });

  it('refuses a code that already exists with DUPLICATE on the code field', async () => {
    const code = townCode();
    expect((await createTown(code)).statusCode).toBe(201);
    const again = await createTown(code, '另一个名字');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE');
    expect(fieldsOf(again.json())).toEqual([['code', 'region.codeTaken']]);
  });

  it('answers in English when asked', async () => {
    const res = await send('POST', '/api/regions', { code: townCode(), name: '错层镇', level: 'village', parentCode: tree.county }, { 'accept-language': 'en-US' });
    expect(res.json().errors[0]).toMatchObject({ field: 'level', message: 'The region code does not match the chosen level' });
  });
});

describe('editing a region', () => {
  it('renames with the version it read and refuses a stale version', async () => {
    const code = townCode();
    await createTown(code, '旧名镇');
    const renamed = await send('PATCH', `/api/regions/${code}`, { name: '新名镇', sort: 5, version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '新名镇', sort: 5, version: 2 });
    const stale = await send('PATCH', `/api/regions/${code}`, { name: '又一个名', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    expect((await t.app.inject({ method: 'GET', url: `/api/regions/${code}` })).json().name).toBe('新名镇');
    const record = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'region.update').where('object_id', '=', code).executeTakeFirst();
    expect(record?.detail).toEqual({ before: { name: '旧名镇', sort: 0 }, after: { name: '新名镇', sort: 5 } });
  });

  it('lets only one of two concurrent edits of the same version win', async () => {
    const code = townCode();
    await createTown(code);
    const [a, b] = await Promise.all([
      send('PATCH', `/api/regions/${code}`, { name: '甲改镇', version: 1 }),
      send('PATCH', `/api/regions/${code}`, { name: '乙改镇', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().code).toBe('STALE_VERSION');
  });

  it('says NOT_FOUND for an unknown region', async () => {
    const res = await send('PATCH', `/api/regions/${townCode()}`, { name: '无', version: 1 });
    expect(res.statusCode).toBe(404);
  });
});

describe('deleting a region', () => {
  it('deletes a region nothing refers to, and audits it', async () => {
    const code = townCode();
    await createTown(code);
    const res = await send('DELETE', `/api/regions/${code}`);
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/regions/${code}` })).statusCode).toBe(404);
    const record = await t.kernel.db.selectFrom('audit_log').select('action').where('action', '=', 'region.delete').where('object_id', '=', code).executeTakeFirst();
    expect(record).toBeDefined();
  });

  it('refuses with IN_USE while it has sub-regions, departments or staff, and keeps it', async () => {
    const withChild = townCode();
    await createTown(withChild);
    await send('POST', '/api/regions', { code: `${withChild.slice(0, 9)}101`, name: '某社区', level: 'village', parentCode: withChild });
    const children = await send('DELETE', `/api/regions/${withChild}`);
    expect(children.statusCode).toBe(409);
    expect(children.json()).toMatchObject({ code: 'IN_USE', detail: '该行政区划下还有下级区划,不能删除' });

    const withDepartment = townCode();
    await createTown(withDepartment);
    await makeDepartment(t.kernel, withDepartment);
    const departments = await send('DELETE', `/api/regions/${withDepartment}`);
    expect(departments.json()).toMatchObject({ code: 'IN_USE', detail: '该行政区划下还有部门,不能删除' });

    const withStaff = townCode();
    await createTown(withStaff);
    await makeStaff(t.kernel, { departmentId: cityDepartment, regionCode: withStaff, roles: [] });
    const staff = await send('DELETE', `/api/regions/${withStaff}`);
    expect(staff.json()).toMatchObject({ code: 'IN_USE', detail: '该行政区划下还有工作人员,不能删除' });

    for (const code of [withChild, withDepartment, withStaff]) expect((await t.app.inject({ method: 'GET', url: `/api/regions/${code}` })).statusCode).toBe(200);
  });
});

describe('reading regions (public, for address pickers)', () => {
  it('lists the provinces, the children of a region, a subtree and search results without signing in', async () => {
    const top = await t.app.inject({ method: 'GET', url: '/api/regions' });
    expect(top.json().items.map((r: { code: string }) => r.code)).toContain(tree.province);

    const subtree = await t.app.inject({ method: 'GET', url: `/api/regions?root=${tree.city}&depth=2` });
    const codes = subtree.json().items.map((r: { code: string }) => r.code);
    expect(codes[0]).toBe(tree.city);
    expect(codes).toEqual(expect.arrayContaining([tree.county, tree.otherCounty, tree.town]));
    // Parents come before their children, as a tree shows them.
    expect(codes.indexOf(tree.county)).toBeLessThan(codes.indexOf(tree.town));

    const code = townCode();
    await createTown(code, '搜索测试镇');
    const found = await t.app.inject({ method: 'GET', url: `/api/regions?q=${encodeURIComponent('搜索测试')}` });
    expect(found.json().items).toEqual([expect.objectContaining({ code, fullName: expect.stringContaining('测试区搜索测试镇') })]);
  });

  it('refuses to mix parent, root and q, and says NOT_FOUND for an unknown parent', async () => {
    const mixed = await t.app.inject({ method: 'GET', url: `/api/regions?parent=${tree.city}&q=x` });
    expect(mixed.statusCode).toBe(400);
    expect(fieldsOf(mixed.json())).toEqual([['parent', 'region.queryExclusive']]);
    expect((await t.app.inject({ method: 'GET', url: '/api/regions?parent=529900000000' })).statusCode).toBe(404);
  });
});
