import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, uniqueSuffix, type TestApp } from '../../testing';
import { makeDepartmentCreditCode } from './test-support';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let admin: string;
let adminDepartment: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  adminDepartment = (await makeDepartment(t.kernel, tree.city)).id;
  const s = await makeStaff(t.kernel, { departmentId: adminDepartment, regionCode: tree.city, roles: ['sysadmin'] });
  admin = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

type Body = Record<string, unknown>;
const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.as(admin, { method, url, ...(payload === undefined ? {} : { payload: payload as Body }) });
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => (body.errors ?? []).map((e) => [e.field, e.code]);
const newDepartment = (extra: Body = {}): Body => ({ name: `测试局${uniqueSuffix()}`, creditCode: makeDepartmentCreditCode(), regionCode: tree.city, ...extra });
async function create(extra: Body = {}): Promise<{ id: string; version: number; name: string; creditCode: string }> {
  const res = await send('POST', '/api/departments', newDepartment(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const departmentCount = async () => Number((await t.kernel.db.selectFrom('departments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('creating a department', () => {
  it('creates it with its credit code and region, keeps a 生僻字 name, and audits it', async () => {
    const creditCode = makeDepartmentCreditCode();
    const res = await send('POST', '/api/departments', { name: '𠮷州市𠮷祥局', shortName: '𠮷祥局', creditCode: creditCode.toLowerCase(), regionCode: tree.city, sort: 3 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: '𠮷州市𠮷祥局', shortName: '𠮷祥局', creditCode, regionCode: tree.city, regionLevel: 'city', parentId: null, isActive: true, version: 1, positions: [], sort: 3 });
    expect((await send('GET', `/api/departments/${body.id}`)).json().name).toBe('𠮷州市𠮷祥局');
    const record = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'department.create').where('object_id', '=', body.id).executeTakeFirst();
    expect(record?.detail).toMatchObject({ creditCode, regionCode: tree.city });
  });

  it('refuses a wrong credit code, an unknown region and missing fields, naming each field, and adds nothing', async () => {
    const before = await departmentCount();
    const good = makeDepartmentCreditCode();
    const wrongCheck = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const checksum = await send('POST', '/api/departments', newDepartment({ creditCode: wrongCheck }));
    expect(checksum.statusCode).toBe(400);
    expect(checksum.json().errors).toEqual([{ field: 'creditCode', code: 'creditCode.checksum', message: '统一社会信用代码校验位不正确，请核对最后一位' }]);
    const missing = await send('POST', '/api/departments', {});
    expect(fieldsOf(missing.json()).sort()).toEqual([['creditCode', 'required'], ['name', 'required'], ['regionCode', 'required']]);
    const region = await send('POST', '/api/departments', newDepartment({ regionCode: `${tree.city.slice(0, 4)}77000000` }));
    expect(fieldsOf(region.json())).toEqual([['regionCode', 'region.notFound']]);
    expect(region.json().errors[0].message).toBe('行政区划不存在');
    expect(await departmentCount()).toBe(before);
  });

  it('refuses a credit code another department uses, and a name already used in the same region', async () => {
    const first = await create();
    const sameCode = await send('POST', '/api/departments', newDepartment({ creditCode: first.creditCode }));
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json()).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'creditCode', code: 'department.creditCodeTaken', message: '该统一社会信用代码已被其他部门使用' }] });
    const sameName = await send('POST', '/api/departments', newDepartment({ name: first.name }));
    expect(fieldsOf(sameName.json())).toEqual([['name', 'department.nameTaken']]);
    // The same name in another region is a different department (每个区县都有民政局).
    expect((await send('POST', '/api/departments', newDepartment({ name: first.name, regionCode: tree.county }))).statusCode).toBe(201);
  });

  it('accepts a county branch under a city bureau, but not the reverse, nor an unknown parent', async () => {
    const bureau = await create();
    const branch = await send('POST', '/api/departments', newDepartment({ regionCode: tree.county, parentId: bureau.id }));
    expect(branch.statusCode).toBe(201);
    expect(branch.json()).toMatchObject({ parentId: bureau.id, parentName: bureau.name });
    const reverse = await send('POST', '/api/departments', newDepartment({ parentId: branch.json().id }));
    expect(fieldsOf(reverse.json())).toEqual([['parentId', 'department.parentRegion']]);
    const ghost = await send('POST', '/api/departments', newDepartment({ parentId: '01900000-0000-7000-8000-000000000000' }));
    expect(fieldsOf(ghost.json())).toEqual([['parentId', 'department.parentNotFound']]);
  });
});

describe('editing a department', () => {
  it('changes fields with the version it read, and refuses a stale version', async () => {
    const d = await create();
    const res = await send('PATCH', `/api/departments/${d.id}`, { name: `${d.name}改`, shortName: null, sort: 9, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: `${d.name}改`, shortName: null, sort: 9, version: 2 });
    const stale = await send('PATCH', `/api/departments/${d.id}`, { name: '过期修改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const record = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'department.update').where('object_id', '=', d.id).executeTakeFirst();
    expect(record?.detail).toMatchObject({ before: { name: d.name, sort: 0 }, after: { name: `${d.name}改`, sort: 9 } });
  });

  it('lets only one of two concurrent edits win', async () => {
    const d = await create();
    const results = await Promise.all([send('PATCH', `/api/departments/${d.id}`, { sort: 1, version: 1 }), send('PATCH', `/api/departments/${d.id}`, { sort: 2, version: 1 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('refuses a parent below itself, a taken credit code, and a move that leaves its branches outside', async () => {
    const top = await create();
    const middle = await create({ parentId: top.id });
    const bottom = await create({ parentId: middle.id });
    const cycle = await send('PATCH', `/api/departments/${top.id}`, { parentId: bottom.id, version: 1 });
    expect(fieldsOf(cycle.json())).toEqual([['parentId', 'department.parentCycle']]);
    const self = await send('PATCH', `/api/departments/${top.id}`, { parentId: top.id, version: 1 });
    expect(fieldsOf(self.json())).toEqual([['parentId', 'department.parentCycle']]);
    const taken = await send('PATCH', `/api/departments/${top.id}`, { creditCode: middle.creditCode, version: 1 });
    expect(taken.statusCode).toBe(409);
    expect(fieldsOf(taken.json())).toEqual([['creditCode', 'department.creditCodeTaken']]);
    const move = await send('PATCH', `/api/departments/${middle.id}`, { regionCode: tree.county, version: 1 });
    expect(fieldsOf(move.json())).toEqual([['regionCode', 'department.childrenOutsideRegion']]);
    expect((await send('GET', `/api/departments/${top.id}`)).json()).toMatchObject({ version: 1, parentId: null, childCount: 1 });
  });
});

describe('deactivating, reactivating and deleting', () => {
  it('deactivates bottom-up and reactivates top-down; a deactivated department takes no new staff', async () => {
    const parent = await create();
    const child = await create({ parentId: parent.id });
    const refused = await send('POST', `/api/departments/${parent.id}/deactivate`, { version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', detail: '该部门还有启用的下级部门,请先停用下级部门' });
    expect((await send('POST', `/api/departments/${child.id}/deactivate`, { version: 1 })).json()).toMatchObject({ isActive: false, version: 2 });
    expect((await send('POST', `/api/departments/${parent.id}/deactivate`, { version: 1 })).json()).toMatchObject({ isActive: false });
    // Asking again is harmless.
    expect((await send('POST', `/api/departments/${parent.id}/deactivate`, { version: 1 })).statusCode).toBe(200);

    const staff = await send('POST', '/api/staff', { username: `u${uniqueSuffix()}`, name: '新同事', departmentId: parent.id, initialPassword: 'Initial#2026' });
    expect(staff.json().errors).toEqual([{ field: 'departmentId', code: 'department.notFound', message: '部门不存在或已停用' }]);

    const early = await send('POST', `/api/departments/${child.id}/reactivate`, { version: 2 });
    expect(early.json()).toMatchObject({ code: 'CONFLICT', detail: '上级部门已停用' });
    expect((await send('POST', `/api/departments/${parent.id}/reactivate`, { version: 2 })).json()).toMatchObject({ isActive: true, version: 3 });
    expect((await send('POST', `/api/departments/${child.id}/reactivate`, { version: 2 })).json()).toMatchObject({ isActive: true });
    const actions = await t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', parent.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['department.create', 'department.deactivate', 'department.reactivate']);
  });

  it('deletes a department created by mistake together with its positions', async () => {
    const d = await create();
    await send('POST', `/api/departments/${d.id}/positions`, { name: '科员' });
    expect((await send('DELETE', `/api/departments/${d.id}`)).statusCode).toBe(204);
    expect((await send('GET', `/api/departments/${d.id}`)).statusCode).toBe(404);
    expect(await t.kernel.db.selectFrom('positions').select('id').where('department_id', '=', d.id).execute()).toEqual([]);
  });

  it('refuses to delete a department with staff or sub-departments, suggesting deactivation', async () => {
    const withStaff = await create();
    await makeStaff(t.kernel, { departmentId: withStaff.id, regionCode: tree.city, roles: [] });
    const staff = await send('DELETE', `/api/departments/${withStaff.id}`);
    expect(staff.statusCode).toBe(409);
    expect(staff.json()).toMatchObject({ code: 'IN_USE', detail: '该部门还有工作人员,不能删除,请改为停用' });
    const parent = await create();
    await create({ parentId: parent.id });
    expect((await send('DELETE', `/api/departments/${parent.id}`)).json()).toMatchObject({ code: 'IN_USE', detail: '该部门还有下级部门,不能删除' });
    expect((await send('GET', `/api/departments/${withStaff.id}`)).statusCode).toBe(200);
  });
});

describe('listing departments', () => {
  it('filters by region subtree, exact region, text, credit code and status, with paging', async () => {
    const tag = uniqueSuffix();
    const cityOne = await create({ name: `列表局${tag}甲` });
    const countyOne = await create({ name: `列表局${tag}乙`, regionCode: tree.county });
    const townOne = await create({ name: `列表局${tag}丙`, regionCode: tree.town });
    await send('POST', `/api/departments/${townOne.id}/deactivate`, { version: 1 });
    const q = encodeURIComponent(`列表局${tag}`);

    const all = await send('GET', `/api/departments?q=${q}`);
    expect(all.json().total).toBe(3);
    const subtree = await send('GET', `/api/departments?q=${q}&regionCode=${tree.county}`);
    expect(subtree.json().items.map((d: { id: string }) => d.id).sort()).toEqual([countyOne.id, townOne.id].sort());
    const exact = await send('GET', `/api/departments?q=${q}&regionCode=${tree.county}&includeDescendants=false`);
    expect(exact.json().items.map((d: { id: string }) => d.id)).toEqual([countyOne.id]);
    const inactive = await send('GET', `/api/departments?q=${q}&isActive=false`);
    expect(inactive.json().items.map((d: { id: string }) => d.id)).toEqual([townOne.id]);
    const byCode = await send('GET', `/api/departments?q=${cityOne.creditCode.toLowerCase()}`);
    expect(byCode.json().items.map((d: { id: string }) => d.id)).toEqual([cityOne.id]);
    const paged = await send('GET', `/api/departments?q=${q}&pageSize=2&page=2`);
    expect(paged.json()).toMatchObject({ total: 3, items: [expect.any(Object)] });
    // LIKE wildcards in the search text are taken literally.
    expect((await send('GET', '/api/departments?q=%25')).json().total).toBe(0);
  });

  it('offers every active department of the region for pickers', async () => {
    const d = await create();
    const res = await send('GET', `/api/departments/options?regionCode=${tree.city}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual(expect.arrayContaining([{ id: d.id, name: d.name, shortName: null, parentId: null, regionCode: tree.city, isActive: true }]));
  });
});
