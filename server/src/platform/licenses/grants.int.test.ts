import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LicenseView } from '@zhengtong/contracts';
import { systemActor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { findValidLicense, readLicenseForCase, useLicenseForCase } from '.';
import { tables } from './tables';
import { backdateValidity, issueEnterprise, issuePerson, makeWorld, type World } from './test-support';

// The holder's wallet (证照夹), grants (自主授权) and every use of a licence, listed back to the holder; and the
// functions the cases domain calls for 免证办 and for reading a licence granted to a case.

let w: World;
let licence: LicenseView;
beforeAll(async () => {
  w = await makeWorld();
  licence = await issuePerson(w, { name: w.citizen.name, idNumber: w.citizen.idNumber });
});
afterAll(async () => w?.t.close());

const as = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown) => w.t.as(token, { method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

describe('证照夹', () => {
  it('a citizen sees their own licences (issued by hand, matched by ID number), detail, QR and PDF; nobody else’s', async () => {
    const wallet = await as(w.citizen.token, 'GET', '/api/my/licenses');
    expect(wallet.statusCode).toBe(200);
    expect(wallet.json().items.map((l: { id: string }) => l.id)).toContain(licence.id);
    const detail = await as(w.citizen.token, 'GET', `/api/licenses/${licence.id}`);
    expect(detail.json()).toMatchObject({ id: licence.id, perspective: 'holder', holderNumber: licence.holderNumber });
    expect((await as(w.citizen.token, 'GET', `/api/licenses/${licence.id}/qr`)).json().payload).toMatch(/^ZTL1\./);
    const pdf = await as(w.citizen.token, 'GET', `/api/licenses/${licence.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    expect((await as(w.stranger.token, 'GET', '/api/my/licenses')).json().items.map((l: { id: string }) => l.id)).not.toContain(licence.id);
    expect((await as(w.stranger.token, 'GET', `/api/licenses/${licence.id}`)).statusCode).toBe(404);
    expect((await as(w.stranger.token, 'GET', `/api/licenses/${licence.id}/pdf`)).statusCode).toBe(404);
    expect((await as(w.enterprise.token, 'GET', `/api/licenses/${licence.id}`)).statusCode).toBe(404);
    expect((await as(w.citizen.token, 'GET', '/api/my/licenses?status=robot')).statusCode).toBe(400);
  });

  it('an enterprise and its acting agent see the enterprise’s licences; the agent’s own wallet does not mix them in', async () => {
    const held = await issueEnterprise(w);
    for (const token of [w.enterprise.token, w.agentToken]) {
      expect((await as(token, 'GET', '/api/my/licenses')).json().items.map((l: { id: string }) => l.id)).toContain(held.id);
      expect((await as(token, 'GET', `/api/licenses/${held.id}`)).json().perspective).toBe('holder');
    }
    expect((await as(w.citizen.token, 'GET', '/api/my/licenses')).json().items.map((l: { id: string }) => l.id)).not.toContain(held.id);
  });
});

describe('自主授权 and uses', () => {
  it('the holder grants another department; its staff use the licence; the holder sees who, what for and when', async () => {
    const denied = await as(w.staff.otherReviewer, 'POST', `/api/licenses/${licence.id}/uses`, { purpose: '核验从业资格' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toMatch(/未授权/);

    const granted = await as(w.citizen.token, 'POST', '/api/license-grants', { licenseId: licence.id, grantee: { kind: 'department', departmentId: w.other.id }, purpose: '申请卫生许可' });
    expect(granted.statusCode, granted.body).toBe(201);
    const grant = granted.json();
    expect(grant).toMatchObject({ licenseId: licence.id, status: 'active', grantee: { kind: 'department', departmentId: w.other.id, departmentName: w.other.name }, purpose: '申请卫生许可' });
    const days = (Date.parse(grant.validUntil) - Date.parse(grant.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const used = await as(w.staff.otherReviewer, 'POST', `/api/licenses/${licence.id}/uses`, { purpose: '核验从业资格' });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({ id: licence.id, perspective: 'staff', fields: [{ key: 'scope', value: '道路货物运输' }] });
    expect(used.json().holderNumber).not.toBe(w.citizen.idNumber);

    const uses = (await as(w.citizen.token, 'GET', `/api/licenses/${licence.id}/uses`)).json();
    expect(uses.items[0]).toMatchObject({ basis: 'grant', departmentId: w.other.id, departmentName: w.other.name, purpose: '核验从业资格', userName: '测试人员' });
    expect((await as(w.citizen.token, 'GET', '/api/my/license-uses')).json().items.map((u: { id: string }) => u.id)).toContain(uses.items[0].id);
    expect((await as(w.staff.reviewer, 'GET', `/api/licenses/${licence.id}/uses`)).statusCode).toBe(200);
    const audits = await w.t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', licence.id).execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['license-grant.create', 'license.use']));
    const events = await w.t.kernel.db.selectFrom('outbox_events').select(['topic', 'payload']).where('topic', 'in', ['license-grant.created', 'license.used']).execute();
    expect(events.filter((e) => e.payload.licenseId === licence.id).map((e) => e.topic).sort()).toEqual(['license-grant.created', 'license.used']);

    // Withdrawn: no more use; a second withdrawal is refused.
    const revoked = await as(w.citizen.token, 'POST', `/api/license-grants/${grant.id}/revoke`);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await as(w.staff.otherReviewer, 'POST', `/api/licenses/${licence.id}/uses`, { purpose: '再次核验' })).statusCode).toBe(403);
    expect((await as(w.citizen.token, 'POST', `/api/license-grants/${grant.id}/revoke`)).statusCode).toBe(409);
    expect((await as(w.citizen.token, 'GET', `/api/license-grants?licenseId=${licence.id}&status=revoked`)).json().items.map((g: { id: string }) => g.id)).toContain(grant.id);
  });

  it('a grant stops working when it expires', async () => {
    const grant = (await as(w.citizen.token, 'POST', '/api/license-grants', { licenseId: licence.id, grantee: { kind: 'department', departmentId: w.other.id }, purpose: '短期授权', days: 1 })).json();
    expect((await as(w.staff.otherReviewer, 'POST', `/api/licenses/${licence.id}/uses`, { purpose: '使用一次' })).statusCode).toBe(200);
    await sql`update license_grants set created_at = now() - interval '2 days', valid_until = now() - interval '1 day' where id = ${grant.id}`.execute(w.t.kernel.db);
    const refused = await as(w.staff.otherReviewer, 'POST', `/api/licenses/${licence.id}/uses`, { purpose: '过期后使用' });
    expect(refused.statusCode).toBe(403);
    expect((await as(w.citizen.token, 'GET', `/api/license-grants?licenseId=${licence.id}&status=expired`)).json().items.map((g: { id: string }) => g.id)).toContain(grant.id);
    expect((await as(w.citizen.token, 'POST', `/api/license-grants/${grant.id}/revoke`)).statusCode).toBe(409);
  });

  it('refuses grants that make no sense, with a reason', async () => {
    const bad: { body: Record<string, unknown>; status: number; check: (b: Record<string, unknown>) => void }[] = [
      { body: { licenseId: licence.id, grantee: { kind: 'department', departmentId: w.other.id }, purpose: '太久', days: 91 }, status: 400, check: (b) => expect(b.errors).toContainEqual(expect.objectContaining({ field: 'days', code: 'too_big' })) },
      { body: { licenseId: licence.id, grantee: { kind: 'case' }, purpose: '办件' }, status: 400, check: (b) => expect(b.errors).toContainEqual(expect.objectContaining({ code: 'license.grantCaseRequired' })) },
      { body: { licenseId: licence.id, grantee: { kind: 'case', caseNumber: '123' }, purpose: '办件' }, status: 400, check: (b) => expect(b.errors).toContainEqual(expect.objectContaining({ field: 'grantee.caseNumber', code: 'license.caseNumber' })) },
      { body: { licenseId: licence.id, grantee: { kind: 'robot' }, purpose: '办件' }, status: 400, check: (b) => expect(b.errors).toContainEqual(expect.objectContaining({ field: 'grantee.kind' })) },
      { body: { licenseId: licence.id, grantee: { kind: 'department', departmentId: newId() }, purpose: '不存在的部门' }, status: 400, check: (b) => expect(b.errors).toContainEqual(expect.objectContaining({ code: 'license.grantDepartment' })) },
      { body: { licenseId: licence.id, grantee: { kind: 'department', departmentId: w.other.id } }, status: 400, check: (b) => expect(b.errors).toContainEqual(expect.objectContaining({ field: 'purpose', code: 'required' })) },
      { body: { licenseId: newId(), grantee: { kind: 'department', departmentId: w.other.id }, purpose: '别人的证' }, status: 404, check: () => {} },
    ];
    for (const c of bad) {
      const res = await as(w.citizen.token, 'POST', '/api/license-grants', c.body);
      expect(res.statusCode, `${JSON.stringify(c.body)} → ${res.body}`).toBe(c.status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      c.check(res.json());
    }
    // Someone else's licence: not found, not forbidden (no hint that it exists).
    expect((await as(w.stranger.token, 'POST', '/api/license-grants', { licenseId: licence.id, grantee: { kind: 'department', departmentId: w.other.id }, purpose: '冒用' })).statusCode).toBe(404);
    expect((await as(w.staff.reviewer, 'POST', '/api/license-grants', { licenseId: licence.id, grantee: { kind: 'department', departmentId: w.other.id }, purpose: '员工' })).statusCode).toBe(403);
    const revokedLicence = await issuePerson(w, { name: w.citizen.name, idNumber: w.citizen.idNumber });
    await as(w.staff.reviewer, 'POST', `/api/licenses/${revokedLicence.id}/revoke`, { reason: '注销', version: 1 });
    const onRevoked = await as(w.citizen.token, 'POST', '/api/license-grants', { licenseId: revokedLicence.id, grantee: { kind: 'department', departmentId: w.other.id }, purpose: '已注销' });
    expect(onRevoked.statusCode).toBe(409);
    expect((await as(w.citizen.token, 'POST', '/api/license-grants/not-a-uuid/revoke')).statusCode).toBe(400);
    expect((await as(w.citizen.token, 'POST', `/api/license-grants/${newId()}/revoke`)).statusCode).toBe(404);
  });
});

describe('for the cases domain', () => {
  it('免证办: the applicant’s valid licence of a type is found and its use recorded for the case', async () => {
    const caseId = newId();
    const actor = systemActor('网上申请');
    const used = await w.t.kernel.db.transaction().execute((tx) =>
      useLicenseForCase(tx, { holder: { type: 'person', accountId: w.citizen.accountId }, typeCode: w.personType.code, caseId, caseNumber: '53990220260501O000123', departmentId: w.other.id, actor }),
    );
    expect(used).toMatchObject({ typeCode: w.personType.code, holderName: w.citizen.name, trustLevel: 'A', fields: [{ key: 'scope', name: '许可范围', value: '道路货物运输' }] });
    expect(used?.signature).toMatch(/^30/);
    const use = await tables(w.t.kernel.db).selectFrom('license_uses').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(use).toMatchObject({ basis: 'application', purpose: '免证办', department_id: w.other.id, case_number: '53990220260501O000123', user_name: '网上申请' });
    // Nothing valid of that type: nothing used.
    const none = await w.t.kernel.db.transaction().execute((tx) =>
      useLicenseForCase(tx, { holder: { type: 'person', accountId: w.stranger.accountId }, typeCode: w.personType.code, caseId: newId(), departmentId: w.other.id, actor }),
    );
    expect(none).toBeUndefined();
    expect(await findValidLicense(w.t.kernel.db, { type: 'person', accountId: w.citizen.accountId }, 'NO-SUCH-TYPE')).toBeUndefined();
  });

  it('an expired licence is not used for 免证办', async () => {
    const holder = await (await import('./test-support')).registerCitizen(w.t, '孙过期');
    const only = await issuePerson(w, { name: holder.name, idNumber: holder.idNumber });
    await backdateValidity(w.t, only.id, '2021-01-01');
    expect(await findValidLicense(w.t.kernel.db, { type: 'person', accountId: holder.accountId }, w.personType.code)).toBeUndefined();
  });

  it('a licence granted to a case is read by that case only, while the grant lasts', async () => {
    const caseId = newId();
    const caseNumber = '53990220260501W000777';
    const grant = (await as(w.citizen.token, 'POST', '/api/license-grants', { licenseId: licence.id, grantee: { kind: 'case', caseNumber }, purpose: '用于该办件' })).json();
    const actor = systemActor('审批人员');
    const read = await w.t.kernel.db.transaction().execute((tx) => readLicenseForCase(tx, { license: { identifier: licence.identifier }, caseId, caseNumber, departmentId: w.other.id, actor, purpose: '审查材料' }));
    expect(read).toMatchObject({ id: licence.id, identifier: licence.identifier });
    const other = w.t.kernel.db.transaction().execute((tx) => readLicenseForCase(tx, { license: { id: licence.id }, caseId: newId(), caseNumber: '53990220260501W000778', departmentId: w.other.id, actor, purpose: '别的办件' }));
    await expect(other).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN' && e.detailKey === 'license.noGrant');
    await as(w.citizen.token, 'POST', `/api/license-grants/${grant.id}/revoke`);
    const after = w.t.kernel.db.transaction().execute((tx) => readLicenseForCase(tx, { license: { id: licence.id }, caseId, caseNumber, departmentId: w.other.id, actor, purpose: '撤回后' }));
    await expect(after).rejects.toBeInstanceOf(AppError);
  });
});
