import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenseView } from '@zhengtong/contracts';
import { issuePerson, makeWorld, type World } from './test-support';

// Who may and may not: staff act only on licences their own department issued (license.read / issue / manage by
// role); catalogue admins keep the types; holders see only their own; the anonymous only the public verification.

let w: World;
let licence: LicenseView;
beforeAll(async () => {
  w = await makeWorld();
  licence = await issuePerson(w, { name: w.citizen.name, idNumber: w.citizen.idNumber });
});
afterAll(async () => w?.t.close());

type Method = 'GET' | 'POST' | 'PATCH';
const as = (token: string, method: Method, url: string, payload?: unknown) => w.t.as(token, { method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

const issueBody = () => ({ typeId: w.personType.id, holder: { type: 'person', name: '越权', idNumber: w.stranger.idNumber }, fields: { scope: '越权签发' } });

describe('anonymous callers', () => {
  it('must sign in for everything but the catalogue and the public verification', async () => {
    const requests: [Method, string, unknown?][] = [
      ['GET', '/api/licenses'],
      ['POST', '/api/licenses', issueBody()],
      ['GET', `/api/licenses/${licence.id}`],
      ['GET', `/api/licenses/${licence.id}/pdf`],
      ['GET', `/api/licenses/${licence.id}/qr`],
      ['POST', `/api/licenses/${licence.id}/revoke`, { reason: '越权注销', version: 1 }],
      ['GET', `/api/licenses/${licence.id}/uses`],
      ['POST', `/api/licenses/${licence.id}/uses`, { purpose: '越权使用' }],
      ['GET', `/api/licenses/${licence.id}/verifications`],
      ['GET', '/api/my/licenses'],
      ['GET', '/api/my/license-uses'],
      ['GET', '/api/license-grants'],
      ['POST', '/api/license-grants', { licenseId: licence.id, grantee: { kind: 'department', departmentId: w.other.id }, purpose: '越权' }],
      ['POST', '/api/license-types', { code: 'X1', name: '越权证照', departmentId: w.issuer.id, holderType: 'person', fields: [], validity: { mode: 'permanent' }, trustLevel: 'A' }],
      ['PATCH', `/api/license-types/${w.personType.id}`, { version: 1 }],
      ['POST', `/api/licenses/import?typeId=${w.personType.id}`],
    ];
    for (const [method, url, payload] of requests) {
      const res = await w.t.app.inject({ method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await w.t.app.inject({ method: 'GET', url: '/api/license-types' })).statusCode).toBe(200);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/licenses/verify/${licence.id}` })).statusCode).toBe(200);
  });
});

describe('staff', () => {
  it('another department’s staff cannot read, list, change or issue the department’s licences', async () => {
    for (const who of ['otherReviewer', 'inspector'] as const) {
      const token = w.staff[who];
      const read = await as(token, 'GET', `/api/licenses/${licence.id}`);
      expect(read.statusCode, who).toBe(403);
      expect(read.json().code).toBe('OUT_OF_SCOPE');
      expect((await as(token, 'GET', `/api/licenses/${licence.id}/pdf`)).statusCode, who).toBe(403);
      expect((await as(token, 'GET', `/api/licenses/${licence.id}/verifications`)).statusCode, who).toBe(403);
      expect((await as(token, 'GET', '/api/licenses')).json().items.map((l: { id: string }) => l.id), who).not.toContain(licence.id);
    }
    const revoke = await as(w.staff.otherReviewer, 'POST', `/api/licenses/${licence.id}/revoke`, { reason: '越权注销', version: 1 });
    expect(revoke.statusCode).toBe(403);
    const issue = await as(w.staff.otherReviewer, 'POST', '/api/licenses', issueBody());
    expect(issue.statusCode).toBe(403);
    expect(issue.json().detail).toMatch(/发证部门/);
  });

  it('the issuing department: clerks read but neither issue nor change; reviewers do all three', async () => {
    expect((await as(w.staff.clerk, 'GET', `/api/licenses/${licence.id}`)).statusCode).toBe(200);
    expect((await as(w.staff.clerk, 'GET', '/api/licenses')).json().items.map((l: { id: string }) => l.id)).toContain(licence.id);
    expect((await as(w.staff.clerk, 'POST', '/api/licenses', issueBody())).statusCode).toBe(403);
    expect((await as(w.staff.clerk, 'POST', `/api/licenses/${licence.id}/suspend`, { reason: '越权暂扣', version: 1 })).statusCode).toBe(403);
    expect((await as(w.staff.reviewer, 'GET', `/api/licenses/${licence.id}/verifications`)).statusCode).toBe(200);
    // Staff reads of a licence are audited.
    const reads = await w.t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', licence.id).where('action', '=', 'license.read').execute();
    expect(reads.length).toBeGreaterThan(0);
  });

  it('types are the catalogue admin’s, in their region; others cannot create or edit them', async () => {
    const body = { code: `AZ${Date.now() % 100000}`, name: '权限测试证', departmentId: w.issuer.id, holderType: 'person', fields: [], validity: { mode: 'permanent' }, trustLevel: 'B' };
    for (const who of ['reviewer', 'clerk', 'sysadmin'] as const) {
      expect((await as(w.staff[who], 'POST', '/api/license-types', body)).statusCode, who).toBe(403);
      expect((await as(w.staff[who], 'PATCH', `/api/license-types/${w.personType.id}`, { name: '越权', version: 1 })).statusCode, who).toBe(403);
    }
    expect((await as(w.citizen.token, 'POST', '/api/license-types', body)).statusCode).toBe(403);
    expect((await as(w.staff.catalogue, 'POST', '/api/license-types', body)).statusCode).toBe(201);
    // …and the catalogue admin is no issuer.
    expect((await as(w.staff.catalogue, 'POST', '/api/licenses', issueBody())).statusCode).toBe(403);
  });

  it('the system admin has nothing to do with licences; staff have no wallet', async () => {
    expect((await as(w.staff.sysadmin, 'GET', '/api/licenses')).statusCode).toBe(403);
    expect((await as(w.staff.sysadmin, 'GET', `/api/licenses/${licence.id}`)).statusCode).toBe(403);
    expect((await as(w.staff.reviewer, 'GET', '/api/my/licenses')).statusCode).toBe(403);
    expect((await as(w.staff.reviewer, 'GET', '/api/license-grants')).statusCode).toBe(403);
  });
});

describe('holders', () => {
  it('citizens cannot list, issue or change licences, and cannot see another’s', async () => {
    expect((await as(w.citizen.token, 'GET', '/api/licenses')).statusCode).toBe(403);
    expect((await as(w.citizen.token, 'POST', '/api/licenses', issueBody())).statusCode).toBe(403);
    expect((await as(w.citizen.token, 'POST', `/api/licenses/${licence.id}/revoke`, { reason: '自己注销', version: 1 })).statusCode).toBe(403);
    expect((await as(w.citizen.token, 'POST', `/api/licenses/${licence.id}/uses`, { purpose: '自用' })).statusCode).toBe(403);
    for (const url of [`/api/licenses/${licence.id}`, `/api/licenses/${licence.id}/qr`, `/api/licenses/${licence.id}/uses`]) {
      expect((await as(w.stranger.token, 'GET', url)).statusCode, url).toBe(404);
      expect((await as(w.agentToken, 'GET', url)).statusCode, url).toBe(404);
    }
  });

  it('once revoked, the holder gets no licence file; the issuing department still does', async () => {
    const revoked = await issuePerson(w, { name: w.citizen.name, idNumber: w.citizen.idNumber });
    await as(w.staff.reviewer, 'POST', `/api/licenses/${revoked.id}/revoke`, { reason: '注销', version: 1 });
    const holder = await as(w.citizen.token, 'GET', `/api/licenses/${revoked.id}/pdf`);
    expect(holder.statusCode).toBe(409);
    expect(holder.json().detail).toMatch(/已注销/);
    expect((await as(w.staff.reviewer, 'GET', `/api/licenses/${revoked.id}/pdf`)).statusCode).toBe(200);
  });
});
