import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { sampleItemInput } from './test-support';
import { countRows, fieldsOf, makeWorld, type World } from './test-world';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
});
afterAll(async () => t?.close());

const newItem = (extra: Record<string, unknown> = {}) => ({ ...sampleItemInput(), regionCode: undefined, ...extra });

describe('service items (基本目录)', () => {
  it('creates an item in the admin’s catalogue with its life events, keywords and aliases, and audits it', async () => {
    const res = await w.call(w.admin, 'POST', '/api/service-items', newItem({ name: '个体工商户设立登记𠮷', aliases: ['营业执照'], keywords: ['开店'], lifeEvents: ['start-business'], audience: 'both' }));
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({ name: '个体工商户设立登记𠮷', regionCode: w.tree.city, aliases: ['营业执照'], lifeEvents: ['start-business'], implementationCount: 0, publishedCount: 0, version: 1 });
    const record = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'service-item.create').where('object_id', '=', item.id).executeTakeFirst();
    expect(record?.detail).toMatchObject({ basicCode: item.basicCode, regionCode: w.tree.city });
    expect((await w.call(w.marketEditor, 'GET', `/api/service-items/${item.id}`)).json().name).toBe('个体工商户设立登记𠮷');
  });

  it('refuses bad codes, missing basis, one-character aliases and unknown life events, naming each field, and adds nothing', async () => {
    const before = await countRows(t, 'service_items');
    const bad = await w.call(w.admin, 'POST', '/api/service-items', newItem({ basicCode: 'ab-1', basis: [], aliases: ['证'] }));
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual([['aliases.0', 'catalogue.wordTooShort'], ['basicCode', 'catalogue.basicCode'], ['basis', 'too_small']]);
    const events = await w.call(w.admin, 'POST', '/api/service-items', newItem({ lifeEvents: ['no-such-event'] }));
    expect(fieldsOf(events)).toEqual([['lifeEvents.0', 'catalogue.lifeEventUnknown']]);
    const empty = await w.call(w.admin, 'POST', '/api/service-items', {});
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty).map(([field]) => field)).toEqual(expect.arrayContaining(['basicCode', 'name', 'type', 'basis', 'audience', 'departmentCategory']));
    expect(await countRows(t, 'service_items')).toBe(before);
  });

  it('refuses a basic code or a name already in the catalogue', async () => {
    const first = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    const code = await w.call(w.admin, 'POST', '/api/service-items', newItem({ basicCode: first.basicCode.toLowerCase() }));
    expect(code.statusCode).toBe(409);
    expect(fieldsOf(code)).toEqual([['basicCode', 'catalogue.basicCodeTaken']]);
    const name = await w.call(w.admin, 'POST', '/api/service-items', newItem({ name: first.name }));
    expect(name.statusCode).toBe(409);
    expect(fieldsOf(name)).toEqual([['name', 'catalogue.nameTaken']]);
  });

  it('updates optimistically: a stale version loses with STALE_VERSION and changes nothing', async () => {
    const item = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    const [a, b] = await Promise.all([
      w.call(w.admin, 'PATCH', `/api/service-items/${item.id}`, { aliases: ['甲'.repeat(2)], version: item.version }),
      w.call(w.secondAdmin, 'PATCH', `/api/service-items/${item.id}`, { aliases: ['乙'.repeat(2)], version: item.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('STALE_VERSION');
    const now = (await w.call(w.admin, 'GET', `/api/service-items/${item.id}`)).json();
    expect(now.version).toBe(2);
    const stale = await w.call(w.admin, 'PATCH', `/api/service-items/${item.id}`, { name: '另一个名字', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await w.call(w.admin, 'GET', `/api/service-items/${item.id}`)).json().name).toBe(item.name);
  });

  it('fixes the basic code once a department implements the item, and deletes only unimplemented items', async () => {
    const item = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    const implementation = await w.call(w.admin, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.market.id });
    expect(implementation.statusCode, implementation.body).toBe(201);
    const recode = await w.call(w.admin, 'PATCH', `/api/service-items/${item.id}`, { basicCode: 'X12345678', version: item.version });
    expect(fieldsOf(recode)).toEqual([['basicCode', 'catalogue.implementationBasicCode']]);
    const inUse = await w.call(w.admin, 'DELETE', `/api/service-items/${item.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('IN_USE');
    const spare = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    expect((await w.call(w.admin, 'DELETE', `/api/service-items/${spare.id}`)).statusCode).toBe(204);
    expect((await w.call(w.admin, 'GET', `/api/service-items/${spare.id}`)).statusCode).toBe(404);
  });

  it('lists the catalogue with filters and paging', async () => {
    const named = (await w.call(w.admin, 'POST', '/api/service-items', newItem({ name: '列表测试事项', type: 'publicService', lifeEvents: ['medical'] }))).json();
    const byName = (await w.call(w.marketEditor, 'GET', '/api/service-items?q=列表测试')).json();
    expect(byName.items.map((i: { id: string }) => i.id)).toEqual([named.id]);
    const byCode = (await w.call(w.admin, 'GET', `/api/service-items?q=${named.basicCode}`)).json();
    expect(byCode.total).toBe(1);
    const filtered = (await w.call(w.admin, 'GET', '/api/service-items?type=publicService&lifeEvent=medical')).json();
    expect(filtered.items.every((i: { type: string }) => i.type === 'publicService')).toBe(true);
    const page = (await w.call(w.admin, 'GET', '/api/service-items?pageSize=2&page=1')).json();
    expect(page.items.length).toBe(2);
    expect(page.total).toBeGreaterThan(2);
    expect((await w.call(w.admin, 'GET', '/api/service-items?pageSize=500')).statusCode).toBe(400);
  });
});

describe('implementations (实施清单)', () => {
  it('builds the 实施编码 from the department’s credit code, the basic code and a serial', async () => {
    const item = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    const res = await w.call(w.marketEditor, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.market.id });
    expect(res.statusCode, res.body).toBe(201);
    const department = await t.kernel.db.selectFrom('departments').select('credit_code').where('id', '=', w.departments.market.id).executeTakeFirstOrThrow();
    expect(res.json()).toMatchObject({ implementationCode: `${department.credit_code}${item.basicCode}01`, serial: 1, region: { code: w.tree.city }, current: null, pending: null, isActive: true });
    const again = await w.call(w.admin, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.market.id });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual([['departmentId', 'catalogue.implementationTaken']]);
  });

  it('serves only the department’s region or below, and only existing active departments', async () => {
    const item = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    const above = await w.call(w.admin, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.countyOffice.id, regionCode: w.tree.city });
    expect(fieldsOf(above)).toEqual([['regionCode', 'catalogue.departmentRegion']]);
    const outside = await w.call(w.countyAdmin, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.countyOffice.id, regionCode: w.tree.city });
    expect(outside.json().code).toBe('OUT_OF_SCOPE');
    const unknown = await w.call(w.admin, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: '01900000-0000-7000-8000-000000000000' });
    expect(fieldsOf(unknown)).toEqual([['departmentId', 'catalogue.departmentNotFound']]);
    const county = await w.call(w.countyAdmin, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.countyOffice.id });
    expect(county.statusCode).toBe(201);
    expect(county.json().region.code).toBe(w.tree.otherCounty);
  });

  it('deactivates optimistically and deletes only what never published', async () => {
    const item = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    const implementation = (await w.call(w.marketEditor, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.market.id })).json();
    const off = await w.call(w.marketEditor, 'PATCH', `/api/service-item-implementations/${implementation.id}`, { isActive: false, version: implementation.version });
    expect(off.json()).toMatchObject({ isActive: false, version: 2 });
    const stale = await w.call(w.marketEditor, 'PATCH', `/api/service-item-implementations/${implementation.id}`, { isActive: true, version: 1 });
    expect(stale.json().code).toBe('STALE_VERSION');
    const draft = await w.call(w.marketEditor, 'POST', `/api/service-item-implementations/${implementation.id}/versions`, {});
    expect(draft.json().detail).toBe('该实施清单已停用');
    expect((await w.call(w.marketEditor, 'DELETE', `/api/service-item-implementations/${implementation.id}`)).statusCode).toBe(204);
  });
});
