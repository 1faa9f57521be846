import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { birthValues, makeCaseWorld, multipartFile, registerCitizen, samplePdf, staffAct, submittedCase, type CaseJson, type CaseWorld, type Citizen } from './test-support';

let t: TestApp;
let dataDir: string;
let world: CaseWorld;
let alice: Citizen;
let bob: Citizen;
let aliceCase: CaseJson;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cases-'));
  t = await createTestApp({ dataDir });
  world = await makeCaseWorld(t);
  alice = await registerCitizen(t);
  bob = await registerCitizen(t);
  aliceCase = await submittedCase(t, alice, world.versionId);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = (token: string, url: string) => t.as(token, { method: 'GET', url });
const post = (token: string, url: string, payload: unknown = {}) => t.as(token, { method: 'POST', url, payload: payload as Record<string, unknown> });

describe('citizen A never sees B’s case', () => {
  it('every applicant route answers "not found" to another citizen, and nothing changes', async () => {
    const id = aliceCase.id;
    const attempts = [
      get(bob.token, `/api/cases/${id}`),
      t.as(bob.token, { method: 'PATCH', url: `/api/cases/${id}`, payload: { version: aliceCase.version, values: birthValues } }),
      post(bob.token, `/api/cases/${id}/submit`, { version: aliceCase.version }),
      post(bob.token, `/api/cases/${id}/supplement`, { version: aliceCase.version }),
      post(bob.token, `/api/cases/${id}/withdraw`, { version: aliceCase.version, reason: '撤' }),
      t.as(bob.token, { method: 'POST', url: `/api/cases/${id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'x.pdf') }),
      get(bob.token, `/api/cases/${id}/receipt.pdf`),
      get(bob.token, `/api/cases/${id}/decision.pdf`),
      get(bob.token, `/api/cases/${id}/version-form`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const mine = (await get(bob.token, '/api/cases/mine')).json() as { items: { id: string }[] };
    expect(mine.items.some((c) => c.id === id)).toBe(false);
    expect((await get(alice.token, `/api/cases/${id}`)).json()).toMatchObject({ status: 'submitted', version: aliceCase.version });
  });

  it('a citizen cannot act as staff: no workbench, no processing actions, no window filing', async () => {
    expect((await get(alice.token, '/api/workbench/cases')).statusCode).toBe(403);
    expect((await post(alice.token, `/api/cases/${aliceCase.id}/actions/accept`, { version: aliceCase.version })).statusCode).toBe(403);
    expect((await post(alice.token, '/api/window/cases', { itemVersionId: world.versionId, applicant: { type: 'person', idNumber: alice.idNumber, name: alice.name } })).statusCode).toBe(403);
  });

  it('another citizen’s notice cannot be read or marked', async () => {
    const inbox = (await get(alice.token, '/api/notifications')).json() as { items: { id: string }[] };
    const notice = inbox.items[0]?.id ?? '';
    expect((await post(bob.token, `/api/notifications/${notice}/read`)).statusCode).toBe(404);
    expect(((await get(bob.token, '/api/notifications')).json() as { items: { id: string }[] }).items.some((n) => n.id === notice)).toBe(false);
  });

  it('anonymous callers must sign in (401) except for tracking and guides', async () => {
    // Valid bodies: the guard speaks after the body is validated, and a stranger should learn nothing but "sign in".
    const cases: [string, string, Record<string, unknown> | undefined][] = [
      ['GET', `/api/cases/${aliceCase.id}`, undefined],
      ['GET', '/api/cases/mine', undefined],
      ['POST', '/api/cases', { itemVersionId: world.versionId }],
      ['GET', '/api/workbench/cases', undefined],
      ['POST', `/api/cases/${aliceCase.id}/actions/accept`, { version: 1 }],
      ['GET', '/api/notifications', undefined],
      ['POST', '/api/window/cases', { itemVersionId: world.versionId, applicant: { type: 'person', idNumber: alice.idNumber, name: '王五' } }],
      ['GET', '/api/credit-blacklist', undefined],
    ];
    for (const [method, url, payload] of cases) {
      expect((await t.app.inject({ method: method === 'GET' ? 'GET' : 'POST', url, payload })).statusCode, url).toBe(401);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/service-item-versions/${world.versionId}/guide.pdf` })).statusCode).toBe(200);
  });
});

describe('department X cannot act on department Y’s case', () => {
  it('a reviewer of a sister department can neither read nor act (OUT_OF_SCOPE)', async () => {
    const c = await submittedCase(t, alice, world.versionId);
    const accepted = await staffAct(t, world.tokens.clerk, c, 'accept');
    const read = await get(world.tokens.otherReviewer, `/api/cases/${c.id}`);
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('OUT_OF_SCOPE');
    const act = await post(world.tokens.otherReviewer, `/api/cases/${c.id}/actions/approve`, { version: accepted.version });
    expect(act.statusCode).toBe(403);
    expect(act.json()).toMatchObject({ code: 'OUT_OF_SCOPE', detail: '该办件不属于您所在部门' });
    const queue = (await get(world.tokens.otherReviewer, '/api/workbench/cases?view=all')).json() as { items: { id: string }[] };
    expect(queue.items.some((x) => x.id === c.id)).toBe(false);
  });

  it('the version a case was filed under is read by whoever may read the case, and by no one else', async () => {
    const mine = await get(alice.token, `/api/cases/${aliceCase.id}/version-form`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ serviceItemId: expect.any(String), form: { fields: expect.arrayContaining([expect.objectContaining({ key: 'childName' })]) }, materials: expect.arrayContaining([expect.objectContaining({ key: 'birthCertificate' })]) });
    expect((await get(world.tokens.reviewer, `/api/cases/${aliceCase.id}/version-form`)).json()).toEqual(mine.json());
    expect((await get(world.tokens.otherReviewer, `/api/cases/${aliceCase.id}/version-form`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${aliceCase.id}/version-form` })).statusCode).toBe(401);
    expect((await get(alice.token, '/api/cases/not-a-uuid/version-form')).statusCode).toBe(400);
  });

  it('a clerk of another county cannot accept; a window clerk of the same county may (一窗受理) but not review', async () => {
    const c = await submittedCase(t, alice, world.versionId);
    const far = await post(world.tokens.farClerk, `/api/cases/${c.id}/actions/accept`, { version: c.version });
    expect(far.statusCode).toBe(403);
    expect(far.json().code).toBe('OUT_OF_SCOPE');
    const accepted = await staffAct(t, world.tokens.windowClerk, c, 'accept');
    expect(accepted.status).toBe('accepted');
    const review = await post(world.tokens.windowClerk, `/api/cases/${c.id}/actions/approve`, { version: accepted.version });
    expect(review.statusCode).toBe(403);
  });

  it('roles per step: a reviewer cannot accept, a clerk cannot approve a review, a leader reads but cannot act', async () => {
    const c = await submittedCase(t, alice, world.versionId);
    const byReviewer = await post(world.tokens.reviewer, `/api/cases/${c.id}/actions/accept`, { version: c.version });
    expect(byReviewer.statusCode).toBe(403);
    expect(byReviewer.json().code).toBe('FORBIDDEN');
    const accepted = await staffAct(t, world.tokens.clerk, c, 'accept');
    expect((await post(world.tokens.clerk, `/api/cases/${c.id}/actions/approve`, { version: accepted.version })).statusCode).toBe(403);
    const view = await get(world.tokens.leader, `/api/cases/${c.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ perspective: 'staff', allowedActions: [] });
    // The leader's route access (case.read) lets the request in; the step rules keep them out.
    expect((await post(world.tokens.leader, `/api/cases/${c.id}/actions/approve`, { version: accepted.version })).statusCode).toBe(403);
    expect((await get(world.tokens.reviewer, `/api/cases/${c.id}`)).json()).toMatchObject({ allowedActions: expect.arrayContaining(['approve', 'requestSupplement', 'transfer', 'startSpecial']) });
  });

  it('staff cannot apply online as if they were citizens, nor act on the applicant’s side of an online case', async () => {
    const res = await post(world.tokens.clerk, '/api/cases', { itemVersionId: world.versionId, values: birthValues });
    expect(res.statusCode).toBe(403);
    expect((await post(world.tokens.clerk, `/api/cases/${aliceCase.id}/withdraw`, { version: aliceCase.version, reason: '代撤' })).statusCode).toBe(403);
  });

  it('answers to phone and ID-number fields are masked for staff; the full data needs person.unmask and a purpose, and is audited', async () => {
    const staffView = (await get(world.tokens.reviewer, `/api/cases/${aliceCase.id}`)).json();
    expect(staffView.values.guardianPhone).toBe('139****5678');
    expect(staffView.applicant.idNumber).not.toBe(alice.idNumber);
    expect((await get(alice.token, `/api/cases/${aliceCase.id}`)).json().values.guardianPhone).toBe('13912345678');

    const url = `/api/cases/${aliceCase.id}/unmask`;
    expect((await post(world.tokens.clerk, url, { purpose: '核对监护人身份' })).statusCode).toBe(403);
    expect((await post(alice.token, url, { purpose: '核对监护人身份' })).statusCode).toBe(403);
    expect((await post(world.tokens.otherReviewer, url, { purpose: '核对监护人身份' })).json().code).toBe('OUT_OF_SCOPE');
    const noPurpose = await post(world.tokens.reviewer, url, { purpose: ' ' });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().errors).toContainEqual(expect.objectContaining({ field: 'purpose' }));

    const full = await post(world.tokens.reviewer, url, { purpose: '核对监护人身份' });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json()).toMatchObject({ applicant: { idNumber: alice.idNumber }, values: { guardianPhone: '13912345678' } });
    expect(full.json().values.childName).toBeUndefined();
    const trail = await t.kernel.db.selectFrom('audit_log').select(['action', 'object_id', 'detail']).where('action', 'in', ['case.unmask', 'person.unmask']).where('object_id', 'in', [aliceCase.id, alice.accountId]).execute();
    expect(trail.map((r) => r.action).sort()).toEqual(['case.unmask', 'person.unmask']);
    const dataUse = (await get(alice.token, '/api/me/data-access')).json() as { items: { action: string; purpose: string | null }[] };
    expect(dataUse.items).toContainEqual(expect.objectContaining({ action: 'person.unmask', purpose: '核对监护人身份' }));
  });

  it('staff reading a case leaves an audit record; the applicant’s ID number is masked in the staff view', async () => {
    await get(world.tokens.clerk, `/api/cases/${aliceCase.id}`);
    const reads = await t.kernel.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'case.read').where('object_id', '=', aliceCase.id).execute();
    expect(reads.length).toBeGreaterThan(0);
  });
});

describe('the dishonesty list (告知承诺 eligibility) is kept by the system admin only', () => {
  it('a listed citizen cannot promise instead of a material; others may; only sysadmin edits the list', async () => {
    const carol = await registerCitizen(t);
    const entry = { subjectType: 'person', idNumber: carol.idNumber, name: carol.name, reason: '失信被执行人', source: '信用中国' };
    expect((await post(world.tokens.clerk, '/api/credit-blacklist', entry)).statusCode).toBe(403);
    const added = await post(world.tokens.sysadmin, '/api/credit-blacklist', entry);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().subjectCode).not.toContain(carol.idNumber.slice(2, 10));
    const dup = await post(world.tokens.sysadmin, '/api/credit-blacklist', entry);
    expect(dup.statusCode).toBe(409);
    const missingId = await post(world.tokens.sysadmin, '/api/credit-blacklist', { ...entry, idNumber: undefined });
    expect(missingId.json().errors).toContainEqual(expect.objectContaining({ field: 'idNumber', code: 'required' }));

    const draft = (await post(carol.token, '/api/cases', { itemVersionId: world.versionId, values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } })).json() as CaseJson;
    await t.as(carol.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'b.pdf') });
    const refused = await post(carol.token, `/api/cases/${draft.id}/submit`, { version: draft.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toContainEqual(expect.objectContaining({ field: 'materialChoices', code: 'cases.pledgeIneligible' }));
    expect((await get(carol.token, `/api/cases/${draft.id}`)).json().status).toBe('draft');

    expect((await t.as(world.tokens.clerk, { method: 'DELETE', url: `/api/credit-blacklist/${added.json().id}` })).statusCode).toBe(403);
    expect((await t.as(world.tokens.sysadmin, { method: 'DELETE', url: `/api/credit-blacklist/${added.json().id}` })).statusCode).toBe(204);
    expect((await post(carol.token, `/api/cases/${draft.id}/submit`, { version: draft.version })).statusCode).toBe(200);
  });
});
