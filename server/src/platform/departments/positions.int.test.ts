import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { createStaffAccount } from '../identity';
import { systemActor } from '../../kernel/authz';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  const home = (await makeDepartment(t.kernel, tree.city)).id;
  const s = await makeStaff(t.kernel, { departmentId: home, regionCode: tree.city, roles: ['sysadmin'] });
  admin = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.as(admin, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => (body.errors ?? []).map((e) => [e.field, e.code]);

describe('positions (岗位) inside a department', () => {
  it('adds, lists, renames and deletes positions; the department detail shows them', async () => {
    const d = (await makeDepartment(t.kernel, tree.city)).id;
    const created = await send('POST', `/api/departments/${d}/positions`, { name: '综合窗口受理员', sort: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const position = created.json();
    expect(position).toMatchObject({ departmentId: d, name: '综合窗口受理员', sort: 1, version: 1 });
    await send('POST', `/api/departments/${d}/positions`, { name: '𠮷窗口负责人', sort: 0 });
    expect((await send('GET', `/api/departments/${d}/positions`)).json().items.map((p: { name: string }) => p.name)).toEqual(['𠮷窗口负责人', '综合窗口受理员']);
    expect((await send('GET', `/api/departments/${d}`)).json()).toMatchObject({ positionCount: 2, positions: [{ name: '𠮷窗口负责人' }, { name: '综合窗口受理员' }] });

    const renamed = await send('PATCH', `/api/departments/${d}/positions/${position.id}`, { name: '受理员', version: 1 });
    expect(renamed.json()).toMatchObject({ name: '受理员', version: 2 });
    const stale = await send('PATCH', `/api/departments/${d}/positions/${position.id}`, { name: '过期', version: 1 });
    expect(stale.json().code).toBe('STALE_VERSION');

    expect((await send('DELETE', `/api/departments/${d}/positions/${position.id}`)).statusCode).toBe(204);
    const actions = await t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', position.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['position.create', 'position.update', 'position.delete']);
  });

  it('refuses a blank or duplicate name', async () => {
    const d = (await makeDepartment(t.kernel, tree.city)).id;
    expect(fieldsOf((await send('POST', `/api/departments/${d}/positions`, { name: ' ' })).json())).toEqual([['name', 'required']]);
    await send('POST', `/api/departments/${d}/positions`, { name: '科员' });
    const again = await send('POST', `/api/departments/${d}/positions`, { name: '科员' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'name', code: 'position.nameTaken', message: '本部门已有同名岗位' }]);
    const other = await send('POST', `/api/departments/${d}/positions`, { name: '副科员' });
    const rename = await send('PATCH', `/api/departments/${d}/positions/${other.json().id}`, { name: '科员', version: 1 });
    expect(fieldsOf(rename.json())).toEqual([['name', 'position.nameTaken']]);
  });

  it('refuses to delete a position staff hold, and to add one to a deactivated department', async () => {
    const d = (await makeDepartment(t.kernel, tree.city)).id;
    const position = (await send('POST', `/api/departments/${d}/positions`, { name: '网格员' })).json();
    await createStaffAccount(t.kernel, systemActor('test'), {
      username: `pos_${position.id.slice(-8)}`,
      name: '岗位人员',
      departmentId: d,
      regionCode: tree.city,
      positionId: position.id,
      phone: null,
      passwordHash: 'x',
      roles: [],
      mustChangePassword: true,
    });
    const held = await send('DELETE', `/api/departments/${d}/positions/${position.id}`);
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ code: 'IN_USE', detail: '还有工作人员在该岗位,不能删除' });

    const inactive = (await makeDepartment(t.kernel, tree.city)).id;
    await send('POST', `/api/departments/${inactive}/deactivate`, { version: 1 });
    expect((await send('POST', `/api/departments/${inactive}/positions`, { name: '科员' })).statusCode).toBe(409);
  });

  it('says NOT_FOUND for a position of another department', async () => {
    const a = (await makeDepartment(t.kernel, tree.city)).id;
    const b = (await makeDepartment(t.kernel, tree.city)).id;
    const position = (await send('POST', `/api/departments/${a}/positions`, { name: '科员' })).json();
    expect((await send('PATCH', `/api/departments/${b}/positions/${position.id}`, { name: '改', version: 1 })).statusCode).toBe(404);
    expect((await send('DELETE', `/api/departments/${b}/positions/${position.id}`)).statusCode).toBe(404);
  });
});
