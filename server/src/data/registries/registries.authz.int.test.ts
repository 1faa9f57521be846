import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcePublished, call, makeRegistryWorld, publishPersonRegistry, type RegistryWorld } from './test-support';

// Who may and who may not: registry reads need registry.read, uploads data-resource.manage (the caller's department is
// the source), configuration data-resource.review (the platform), disputes their raiser or the verifying department.

let w: RegistryWorld;
let subjectId = '';
let disputeId = '';

beforeAll(async () => {
  w = await makeRegistryWorld();
  await announcePublished(w, await publishPersonRegistry(w));
  await call(w.t, w.staff.police, 'POST', '/api/registries/person/observations', { rows: [{ key: w.citizen.idNumber, values: { name: w.citizen.name, address: '测试市测试区一号路 1 号' } }] });
  subjectId = (await call(w.t, w.staff.police, 'GET', `/api/registries/person/subjects?key=${w.citizen.idNumber}`)).json().items[0].id;
  disputeId = (await call(w.t, w.citizen.token, 'POST', '/api/my/registry/disputes', { fieldKey: 'address', claimedValue: '测试市测试区二号路 2 号', reason: '地址有误' })).json().id;
}, 60_000);
afterAll(async () => {
  await w.t.close();
});

type Who = 'anonymous' | 'citizen' | 'enterprise' | 'clerk' | 'consumer' | 'police' | 'hrss' | 'chief';
const token = (who: Who): string | undefined => {
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'citizen':
      return w.citizen.token;
    case 'enterprise':
      return w.enterprise.token;
    default:
      return w.staff[who];
  }
};

type Case = { name: string; method: 'GET' | 'POST' | 'PUT'; url: () => string; body?: () => unknown; may: Who[]; mayNot: Who[] };

const cases: Case[] = [
  { name: 'overview', method: 'GET', url: () => '/api/registries', may: ['police', 'hrss', 'chief'], mayNot: ['citizen', 'enterprise', 'clerk', 'consumer'] },
  { name: 'search subjects', method: 'GET', url: () => `/api/registries/person/subjects?key=${w.citizen.idNumber}`, may: ['police', 'chief'], mayNot: ['citizen', 'clerk', 'consumer'] },
  { name: 'one subject', method: 'GET', url: () => `/api/registries/person/subjects/${subjectId}`, may: ['hrss'], mayNot: ['citizen', 'enterprise', 'clerk', 'consumer'] },
  { name: 'conflicts', method: 'GET', url: () => '/api/registries/person/conflicts', may: ['chief'], mayNot: ['citizen', 'clerk', 'consumer'] },
  { name: 'conflict summary', method: 'GET', url: () => '/api/registries/person/conflicts/summary', may: ['hrss'], mayNot: ['citizen', 'consumer'] },
  { name: 'run a cross-check', method: 'POST', url: () => '/api/registries/person/cross-check', may: ['chief'], mayNot: ['citizen', 'clerk', 'consumer'] },
  {
    name: 'upload values',
    method: 'POST',
    url: () => '/api/registries/person/observations',
    body: () => ({ rows: [{ key: w.other.idNumber, values: { gender: '女' } }] }),
    may: ['hrss', 'chief'],
    mayNot: ['citizen', 'enterprise', 'clerk', 'consumer'],
  },
  { name: 'systems', method: 'GET', url: () => '/api/registries/config/systems', may: ['police'], mayNot: ['citizen', 'consumer'] },
  { name: 'set a system’s holder', method: 'PUT', url: () => '/api/registries/config/systems/identity', body: () => ({ departmentId: w.bigdata.id }), may: ['chief'], mayNot: ['police', 'citizen', 'consumer'] },
  {
    name: 'map a licence type',
    method: 'PUT',
    url: () => '/api/registries/config/license-sources/T301',
    body: () => ({ registry: 'entity', mapping: [{ from: 'holderName', to: 'name' }] }),
    may: ['chief'],
    mayNot: ['police', 'citizen'],
  },
  { name: 'full sync', method: 'POST', url: () => '/api/registries/config/sync', may: ['chief'], mayNot: ['police', 'citizen'] },
  { name: 'disputes queue', method: 'GET', url: () => '/api/registry-disputes', may: ['police', 'consumer', 'chief'], mayNot: ['citizen', 'enterprise', 'clerk'] },
  { name: 'one dispute', method: 'GET', url: () => `/api/registry-disputes/${disputeId}`, may: ['citizen', 'police', 'hrss'], mayNot: ['enterprise', 'clerk', 'consumer'] },
  { name: 'my registry record', method: 'GET', url: () => '/api/my/registry', may: ['citizen', 'enterprise'], mayNot: ['police', 'chief'] },
];

describe.each(cases)('$name', (c) => {
  it('refuses anonymous callers (401)', async () => {
    expect((await call(w.t, undefined, c.method, c.url(), c.body?.())).statusCode).toBe(401);
  });
  it.each(c.may)('lets %s', async (who) => {
    const res = await call(w.t, token(who), c.method, c.url(), c.body?.());
    expect(res.statusCode, res.body).toBeLessThan(300);
  });
  it.each(c.mayNot)('refuses %s', async (who) => {
    const res = await call(w.t, token(who), c.method, c.url(), c.body?.());
    expect([403, 404]).toContain(res.statusCode);
  });
});

describe('dispute decisions', () => {
  it('are for the verifying department’s data admin (correct, reject) and the raiser (withdraw) only', async () => {
    for (const who of ['anonymous', 'citizen', 'clerk', 'consumer', 'hrss', 'chief'] as const) {
      const res = await call(w.t, token(who), 'POST', `/api/registry-disputes/${disputeId}/reject`, { version: 1, reason: '不予更正' });
      expect(res.statusCode, who).toBe(who === 'anonymous' ? 401 : 403);
    }
    for (const who of ['police', 'enterprise', 'hrss'] as const) {
      expect((await call(w.t, token(who), 'POST', `/api/registry-disputes/${disputeId}/withdraw`, { version: 1 })).statusCode, who).toBeGreaterThanOrEqual(403);
    }
    expect((await call(w.t, w.staff.police, 'POST', `/api/registry-disputes/${disputeId}/reject`, { version: 1, reason: '不予更正' })).statusCode).toBe(200);
  });

  it('a citizen disputes only their own record', async () => {
    expect((await call(w.t, w.other.token, 'POST', `/api/registries/person/subjects/${subjectId}/disputes`, { fieldKey: 'name', claimedValue: '别人', reason: '不是我' })).statusCode).toBe(403);
    // Their own /my route finds their own record, never another's: 𠮷测试 has no values yet beyond the platform's.
    const own = await call(w.t, w.other.token, 'POST', '/api/my/registry/disputes', { fieldKey: 'name', claimedValue: '别人', reason: '不是我' });
    expect(own.statusCode).toBe(201);
    expect(own.json().subjectId).not.toBe(subjectId);
  });
});

describe('the API description', () => {
  it('documents every registry route in OpenAPI', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/registries',
        '/api/registries/{registry}/subjects',
        '/api/registries/{registry}/subjects/{id}',
        '/api/registries/{registry}/observations',
        '/api/registries/{registry}/observations/file',
        '/api/registries/{registry}/conflicts',
        '/api/registry-disputes/{id}/correct',
        '/api/my/registry',
        '/api/my/registry/disputes',
      ]),
    );
    expect(doc.paths['/api/registries/{registry}/observations'].post.requestBody).toBeDefined();
  });
});
