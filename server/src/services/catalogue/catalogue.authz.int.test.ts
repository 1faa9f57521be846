import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { publishedItem, sampleElements, sampleItemInput } from './test-support';
import { makeWorld, type World } from './test-world';

// Who may and may not: catalogue admins (事项管理员) keep their region's catalogue; department editors only their own
// department's implementations; reviewing needs service-item.review; other staff and the public only read the portal.

let t: TestApp;
let w: World;
let itemId: string;
let marketImplementation: string;
let healthImplementation: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
  const item = (await w.call(w.admin, 'POST', '/api/service-items', { ...sampleItemInput(), regionCode: undefined })).json();
  itemId = item.id;
  marketImplementation = (await w.call(w.admin, 'POST', `/api/service-items/${itemId}/implementations`, { departmentId: w.departments.market.id })).json().id;
  healthImplementation = (await w.call(w.admin, 'POST', `/api/service-items/${itemId}/implementations`, { departmentId: w.departments.health.id })).json().id;
});
afterAll(async () => t?.close());

const newItem = () => ({ ...sampleItemInput(), regionCode: undefined });

describe('items', () => {
  it('only catalogue admins create items: editors, clerks and the public may not', async () => {
    expect((await w.call(w.admin, 'POST', '/api/service-items', newItem())).statusCode).toBe(201);
    expect((await w.call(w.marketEditor, 'POST', '/api/service-items', newItem())).json().code).toBe('FORBIDDEN');
    expect((await w.call(w.clerk, 'POST', '/api/service-items', newItem())).json().code).toBe('FORBIDDEN');
    expect((await w.call(null, 'POST', '/api/service-items', newItem())).statusCode).toBe(401);
  });

  it('a county admin may not change the city’s items, nor put items into the city’s catalogue', async () => {
    const item = (await w.call(w.admin, 'GET', `/api/service-items/${itemId}`)).json();
    expect((await w.call(w.countyAdmin, 'PATCH', `/api/service-items/${itemId}`, { name: '改名', version: item.version })).json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.countyAdmin, 'DELETE', `/api/service-items/${itemId}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.countyAdmin, 'POST', '/api/service-items', { ...newItem(), regionCode: w.tree.city })).json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.countyAdmin, 'POST', '/api/service-items', newItem())).statusCode).toBe(201);
  });

  it('staff without catalogue permissions cannot read the staff catalogue; everyone can read the portal', async () => {
    expect((await w.call(w.clerk, 'GET', '/api/service-items')).json().code).toBe('FORBIDDEN');
    expect((await w.call(w.clerk, 'GET', `/api/service-items/${itemId}`)).json().code).toBe('FORBIDDEN');
    expect((await w.call(w.clerk, 'GET', '/api/service-item-versions')).json().code).toBe('FORBIDDEN');
    expect((await w.call(w.clerk, 'GET', `/api/service-items/${itemId}/implementations/differences`)).json().code).toBe('FORBIDDEN');
    expect((await w.call(null, 'GET', '/api/service-items')).statusCode).toBe(401);
    expect((await w.call(null, 'GET', '/api/service-items/search?q=测试')).statusCode).toBe(200);
    expect((await w.call(null, 'GET', '/api/life-events')).statusCode).toBe(200);
    expect((await w.call(w.marketEditor, 'GET', '/api/service-items')).statusCode).toBe(200);
  });
});

describe('implementations and drafts', () => {
  it('a department editor works on its own department’s implementation only', async () => {
    expect((await w.call(w.marketEditor, 'POST', `/api/service-item-implementations/${marketImplementation}/versions`, {})).statusCode).toBe(201);
    const other = await w.call(w.marketEditor, 'POST', `/api/service-item-implementations/${healthImplementation}/versions`, {});
    expect(other.json().code).toBe('OUT_OF_SCOPE');
    const item = (await w.call(w.admin, 'POST', '/api/service-items', newItem())).json();
    expect((await w.call(w.marketEditor, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.health.id })).json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.marketEditor, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.market.id })).statusCode).toBe(201);
  });

  it('the region’s catalogue admin works on any department of the region; a county admin not on the city’s', async () => {
    const health = (await w.call(w.admin, 'POST', `/api/service-item-implementations/${healthImplementation}/versions`, {})).json();
    expect(health.status).toBe('draft');
    const edit = await w.call(w.countyAdmin, 'PUT', `/api/service-item-versions/${health.id}`, { elements: sampleElements(), revision: health.revision });
    expect(edit.json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.countyAdmin, 'GET', `/api/service-item-versions/${health.id}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.healthEditor, 'PUT', `/api/service-item-versions/${health.id}`, { elements: sampleElements(), revision: health.revision })).statusCode).toBe(200);
    expect((await w.call(w.marketEditor, 'PATCH', `/api/service-item-implementations/${healthImplementation}`, { isActive: false, version: 1 })).json().code).toBe('OUT_OF_SCOPE');
  });

  it('reviewing needs service-item.review in the implementation’s region: editors and county admins may not approve', async () => {
    const { implementation } = await publishedItem(t.kernel, { regionCode: w.tree.city, departmentId: w.departments.market.id });
    const d = (await w.call(w.marketEditor, 'POST', `/api/service-item-implementations/${implementation.id}/versions`, {})).json();
    const submitted = (await w.call(w.marketEditor, 'POST', `/api/service-item-versions/${d.id}/submit`, { revision: d.revision })).json();
    expect(submitted.status).toBe('review');
    expect((await w.call(w.marketEditor, 'POST', `/api/service-item-versions/${d.id}/approve`, { revision: submitted.revision })).json().code).toBe('FORBIDDEN');
    expect((await w.call(w.countyAdmin, 'POST', `/api/service-item-versions/${d.id}/approve`, { revision: submitted.revision })).json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.countyAdmin, 'POST', `/api/service-item-versions/${d.id}/reject`, { revision: submitted.revision, reason: '不行' })).json().code).toBe('OUT_OF_SCOPE');
    expect((await w.call(w.clerk, 'POST', `/api/service-item-versions/${d.id}/approve`, { revision: submitted.revision })).json().code).toBe('FORBIDDEN');
    expect((await w.call(w.admin, 'POST', `/api/service-item-versions/${d.id}/approve`, { revision: submitted.revision })).json().status).toBe('published');
  });

  it('nothing is audited as done when it is refused', async () => {
    const before = await t.kernel.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', 'like', 'service-item%').executeTakeFirstOrThrow();
    await w.call(w.marketEditor, 'POST', `/api/service-item-implementations/${healthImplementation}/versions`, {});
    await w.call(w.clerk, 'POST', '/api/service-items', newItem());
    const after = await t.kernel.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', 'like', 'service-item%').executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
