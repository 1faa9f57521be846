import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeIdNumber, makePhone, makeRegionTree, makeStaff, type TestApp } from '../../testing';

let t: TestApp;
let clerk: string;
let reviewer: string;
let citizen: { token: string; accountId: string; idNumber: string };
let other: { token: string; accountId: string };

async function registerCitizen(name: string) {
  const idNumber = makeIdNumber();
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name, idNumber, phone: makePhone(), password: 'Citizen@2026x' } });
  expect(res.statusCode).toBe(201);
  const body = res.json() as { token: string; me: { accountId: string } };
  return { token: body.token, accountId: body.me.accountId, idNumber };
}

beforeAll(async () => {
  t = await createTestApp();
  const { county } = await makeRegionTree(t.kernel);
  const socialSecurity = await makeDepartment(t.kernel, county, '测试区人力资源和社会保障局');
  const publicSecurity = await makeDepartment(t.kernel, county, '测试区公安分局');
  const c = await makeStaff(t.kernel, { departmentId: socialSecurity.id, regionCode: county, roles: ['clerk'] });
  const r = await makeStaff(t.kernel, { departmentId: publicSecurity.id, regionCode: county, roles: ['reviewer'] });
  clerk = await t.login(c.username, c.password);
  reviewer = await t.login(r.username, r.password);
  citizen = await registerCitizen('𠮷祥');
  other = await registerCitizen('李四');

  const read = (token: string, query: string) => t.as(token, { method: 'GET', url: `/api/persons/${citizen.accountId}?${query}` });
  expect((await read(clerk, `purpose=${encodeURIComponent('办理社保关系转移')}`)).statusCode).toBe(200);
  expect((await read(reviewer, `unmask=true&purpose=${encodeURIComponent('核查户籍信息')}`)).statusCode).toBe(200);
  expect((await t.as(clerk, { method: 'POST', url: '/api/persons/lookup', payload: { idNumber: citizen.idNumber } })).statusCode).toBe(200);
  // Her own look-up is not a use by government and is left out.
  expect((await read(citizen.token, '')).statusCode).toBe(200);
});
afterAll(async () => t?.close());

type Item = { kind: string; action: string; purpose: string | null; departmentName: string | null; staffName: string | null; roles: string[]; isSystem: boolean; result: string; at: string };

describe('我的数据使用记录 (data-use tracker)', () => {
  it('shows the citizen who used her data, from which department, in what role, how and why — newest first', async () => {
    const res = await t.as(citizen.token, { method: 'GET', url: '/api/me/data-access' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Item[]; total: number };
    expect(total).toBe(3);
    expect(items.map((i) => [i.kind, i.departmentName, i.staffName, i.roles, i.purpose])).toEqual([
      ['lookup', '测试区人力资源和社会保障局', '测试人员', ['综合窗口人员'], null],
      ['unmask', '测试区公安分局', '测试人员', ['审批人员'], '核查户籍信息'],
      ['read', '测试区人力资源和社会保障局', '测试人员', ['综合窗口人员'], '办理社保关系转移'],
    ]);
    expect(items.every((i) => i.result === 'success' && !i.isSystem)).toBe(true);
    expect(Date.parse(items[0]?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(items[2]?.at ?? ''));
  });

  it('names roles in the reader\'s language', async () => {
    const res = await t.as(citizen.token, { method: 'GET', url: '/api/me/data-access', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect((res.json() as { items: Item[] }).items.map((i) => i.roles)).toEqual([['Front-desk clerk'], ['Reviewer'], ['Front-desk clerk']]);
  });

  it('pages', async () => {
    const first = (await t.as(citizen.token, { method: 'GET', url: '/api/me/data-access?pageSize=2' })).json() as { items: Item[]; total: number };
    const second = (await t.as(citizen.token, { method: 'GET', url: '/api/me/data-access?pageSize=2&page=2' })).json() as { items: Item[]; total: number };
    expect([first.items.length, second.items.length, first.total, second.total]).toEqual([2, 1, 3, 3]);
    expect(second.items[0]?.kind).toBe('read');
  });

  it('shows each person only the uses of their own data', async () => {
    const res = await t.as(other.token, { method: 'GET', url: '/api/me/data-access' });
    expect(res.json()).toEqual({ items: [], total: 0 });
  });

  it('needs a sign-in and sensible paging', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/data-access' })).statusCode).toBe(401);
    const bad = await t.as(citizen.token, { method: 'GET', url: '/api/me/data-access?pageSize=0&page=x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['page', 'pageSize']);
  });
});
