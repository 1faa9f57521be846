import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResourceList, DataResourceView } from '@zhengtong/contracts';
import { createTestApp, testResourceCode, type TestApp } from '../../testing';
import { createResource, makeWorld, publishedResource, tableDefinition, type Who, type World } from './test-support';

// Who may and may not: a department's data admin keeps only its own department's entries; the chief data officer
// publishes, returns and keeps every department's; consumers browse what is published; others nothing.

let t: TestApp;
let w: World;
let draft: DataResourceView;
let published: DataResourceView;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
  draft = await createResource(w, w.policeAdmin, w.departments.police.id, tableDefinition());
  published = await publishedResource(w, w.policeAdmin, w.departments.police.id, tableDefinition({ name: '已发布的公安资源' }));
});
afterAll(async () => t?.close());

const codeOf = async (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await w.call(who, method, url, payload);
  return [res.statusCode, res.statusCode >= 400 ? (res.json() as { code: string }).code : 'ok'];
};

describe('anonymous callers', () => {
  it('must sign in for everything', async () => {
    const requests: ['GET' | 'POST' | 'PUT', string, unknown?][] = [
      ['GET', '/api/data-resources'],
      ['POST', '/api/data-resources', { code: testResourceCode(), providerDepartmentId: w.departments.police.id, definition: tableDefinition() }],
      ['GET', `/api/data-resources/${published.id}`],
      ['PUT', `/api/data-resources/${draft.id}/draft`, { version: draft.version, definition: tableDefinition() }],
      ['POST', `/api/data-resources/${published.id}/retire`, { version: published.version, reason: '越权' }],
      ['GET', '/api/data-resources/export.xlsx'],
      ['GET', '/api/data-quality'],
      ['GET', '/api/data-sub-levels'],
      ['POST', `/api/data-resources/${published.id}/records`, { rows: [{ idNumber: '1' }] }],
    ];
    for (const [method, url, payload] of requests) expect(await codeOf(null, method, url, payload), `${method} ${url}`).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('a data admin of another department', () => {
  it('may not create, edit, submit or retire the police’s entries', async () => {
    expect(await codeOf(w.marketAdmin, 'POST', '/api/data-resources', { code: testResourceCode(), providerDepartmentId: w.departments.police.id, definition: tableDefinition() })).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await codeOf(w.marketAdmin, 'PUT', `/api/data-resources/${draft.id}/draft`, { version: draft.version, definition: tableDefinition() })).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await codeOf(w.marketAdmin, 'POST', `/api/data-resources/${draft.id}/submit`, { version: draft.version })).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await codeOf(w.marketAdmin, 'POST', `/api/data-resources/${published.id}/retire`, { version: published.version, reason: '越权停用' })).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await codeOf(w.marketAdmin, 'POST', `/api/data-resources/${published.id}/records`, { rows: [{ idNumber: '539902198803150118' }] })).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await codeOf(w.marketAdmin, 'POST', `/api/data-resources/${published.id}/publish`, { version: published.version })).toEqual([403, 'FORBIDDEN']);
  });

  it('sees the published entry but not the police’s draft or history', async () => {
    expect(await codeOf(w.marketAdmin, 'GET', `/api/data-resources/${draft.id}`)).toEqual([404, 'NOT_FOUND']);
    const seen = (await w.call(w.marketAdmin, 'GET', `/api/data-resources/${published.id}`)).json() as DataResourceView;
    expect(seen).toMatchObject({ latest: null, history: [], can: { edit: false, retire: false } });
    const list = (await w.call(w.marketAdmin, 'GET', '/api/data-resources?pageSize=200')).json() as DataResourceList;
    expect(list.items.map((i) => i.id)).toContain(published.id);
    expect(list.items.map((i) => i.id)).not.toContain(draft.id);
  });
});

describe('a consumer', () => {
  it('browses published resources and can change nothing', async () => {
    const list = (await w.call(w.consumer, 'GET', '/api/data-resources?pageSize=200')).json() as DataResourceList;
    expect(list.items.map((i) => i.id)).toEqual([published.id]);
    expect(list.items[0]?.pending).toBeNull();
    expect(await codeOf(w.consumer, 'PUT', `/api/data-resources/${published.id}/draft`, { version: published.version, definition: tableDefinition() })).toEqual([403, 'FORBIDDEN']);
    expect(await codeOf(w.consumer, 'POST', '/api/data-resources', { code: testResourceCode(), providerDepartmentId: w.departments.hrss.id, definition: tableDefinition() })).toEqual([403, 'FORBIDDEN']);
    expect(await codeOf(w.consumer, 'POST', `/api/data-resources/${published.id}/retire`, { version: published.version, reason: '越权' })).toEqual([403, 'FORBIDDEN']);
    expect(await codeOf(w.consumer, 'GET', '/api/data-quality')).toEqual([403, 'FORBIDDEN']);
    expect(await codeOf(w.consumer, 'PUT', '/api/data-sub-levels', { items: [] })).toEqual([403, 'FORBIDDEN']);
  });
});

describe('staff without a data role', () => {
  it('may not browse the catalogue', async () => {
    expect(await codeOf(w.clerk, 'GET', '/api/data-resources')).toEqual([403, 'FORBIDDEN']);
    expect(await codeOf(w.clerk, 'GET', `/api/data-resources/${published.id}`)).toEqual([403, 'FORBIDDEN']);
  });
});

describe('the provider’s own data admin', () => {
  it('may not publish its own submission', async () => {
    const submitted = (await w.call(w.policeAdmin, 'POST', `/api/data-resources/${draft.id}/submit`, { version: draft.version })).json() as DataResourceView;
    expect(await codeOf(w.policeAdmin, 'POST', `/api/data-resources/${draft.id}/publish`, { version: submitted.version })).toEqual([403, 'FORBIDDEN']);
    expect(await codeOf(w.policeAdmin, 'POST', `/api/data-resources/${draft.id}/return`, { version: submitted.version, reason: '自己退回' })).toEqual([403, 'FORBIDDEN']);
  });
});

describe('the chief data officer', () => {
  it('catalogues for any department of the region', async () => {
    expect(await codeOf(w.cdo, 'POST', '/api/data-resources', { code: testResourceCode(), providerDepartmentId: w.departments.market.id, definition: tableDefinition() })).toEqual([201, 'ok']);
  });
});
