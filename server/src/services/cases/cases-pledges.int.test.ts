import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { makeCaseWorld, multipartFile, registerCitizen, samplePdf, staffAct, submittedCase, type CaseJson, type CaseWorld, type Citizen } from './test-support';

// 告知承诺 事后核查: the handling department checks each promise after acceptance; a false one revokes the approval.

let t: TestApp;
let dataDir: string;
let world: CaseWorld;
let alice: Citizen;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-pledges-'));
  t = await createTestApp({ dataDir });
  world = await makeCaseWorld(t);
  alice = await registerCitizen(t);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const check = (token: string, c: CaseJson, body: Record<string, unknown>, materialKey = 'marriageProof') =>
  t.as(token, { method: 'POST', url: `/api/cases/${c.id}/pledges/${materialKey}/check`, payload: { version: c.version, ...body } });

type Material = { key: string; pledgeCheck: { outcome: string; note: string } | null };
const pledgeOf = (view: CaseJson) => (view.materials as Material[]).find((m) => m.key === 'marriageProof')?.pledgeCheck;

async function completedCase(): Promise<CaseJson> {
  const accepted = await staffAct(t, world.tokens.clerk, await submittedCase(t, alice, world.versionId), 'accept');
  await t.as(alice.token, { method: 'POST', url: `/api/cases/${accepted.id}/materials?materialKey=householdBook`, ...multipartFile(samplePdf('户口簿'), 'hukou.pdf') });
  const fresh = (await t.as(world.tokens.reviewer, { method: 'GET', url: `/api/cases/${accepted.id}` })).json() as CaseJson;
  const reviewed = await staffAct(t, world.tokens.reviewer, fresh, 'approve');
  const decided = await staffAct(t, world.tokens.reviewer, reviewed, 'approve', { result: { registrationNo: 'HJ-2026-001' } });
  return staffAct(t, world.tokens.clerk, decided, 'complete');
}

describe('告知承诺 words', () => {
  it('shows the applicant before submitting exactly the words that are then recorded and fingerprinted', async () => {
    const draft = (await t.as(alice.token, { method: 'POST', url: '/api/cases', payload: { itemVersionId: world.versionId, values: { childName: '张小明', birthDate: '2026-10-02', guardianPhone: '13912345678' }, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } } })).json() as CaseJson;
    const shown = (draft.materials as { key: string; pledgeWords: string | null }[]).find((m) => m.key === 'marriageProof')?.pledgeWords;
    expect(shown).toContain(`本人${alice.name}承诺`);
    await t.as(alice.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'b.pdf') });
    expect((await t.as(alice.token, { method: 'POST', url: `/api/cases/${draft.id}/submit`, payload: { version: draft.version } })).statusCode).toBe(200);
    const recorded = await t.kernel.db.selectFrom('case_pledges').select('pledge_text').where('case_id', '=', draft.id).executeTakeFirstOrThrow();
    expect(recorded.pledge_text).toBe(shown);
  });
});

describe('告知承诺 事后核查', () => {
  it('waits for acceptance, is for the handling department’s reviewers only, and refuses bad input', async () => {
    const submitted = await submittedCase(t, alice, world.versionId);
    const early = await check(world.tokens.reviewer, submitted, { outcome: 'confirmed', note: '已核查婚姻登记信息' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('办件受理后才能核查承诺');

    const accepted = await staffAct(t, world.tokens.clerk, submitted, 'accept');
    const body = { outcome: 'confirmed', note: '已核查婚姻登记信息' };
    expect((await check(world.tokens.clerk, accepted, body)).statusCode).toBe(403);
    expect((await check(alice.token, accepted, body)).statusCode).toBe(403);
    expect((await check(world.tokens.otherReviewer, accepted, body)).json().code).toBe('OUT_OF_SCOPE');
    const bad = await check(world.tokens.reviewer, accepted, { outcome: 'maybe', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['note', 'outcome']);
    expect((await check(world.tokens.reviewer, accepted, body, 'householdBook')).json()).toMatchObject({ code: 'NOT_FOUND', detail: '该办件没有这项材料的承诺' });
    expect((await check(world.tokens.reviewer, { ...accepted, version: accepted.version - 1 }, body)).json().code).toBe('STALE_VERSION');
    expect(pledgeOf((await t.as(world.tokens.reviewer, { method: 'GET', url: `/api/cases/${accepted.id}` })).json())).toBeNull();

    const confirmed = await check(world.tokens.reviewer, accepted, body);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(pledgeOf(confirmed.json())).toMatchObject({ outcome: 'confirmed', note: '已核查婚姻登记信息' });
    expect(confirmed.json().status).toBe('accepted');
    const again = await check(world.tokens.reviewer, confirmed.json(), { outcome: 'false', note: '改判' });
    expect(again.json()).toMatchObject({ code: 'CONFLICT', detail: '这项承诺已经核查过了' });
  });

  it('two reviewers recording a check at once: one wins, the other is told', async () => {
    const accepted = await staffAct(t, world.tokens.clerk, await submittedCase(t, alice, world.versionId), 'accept');
    const results = await Promise.all([check(world.tokens.reviewer, accepted, { outcome: 'confirmed', note: '甲' }), check(world.tokens.reviewer, accepted, { outcome: 'false', note: '乙' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('a false promise revokes the approval, tells the applicant why and reports it for the credit record', async () => {
    const done = await completedCase();
    expect(done).toMatchObject({ status: 'completed', result: { kind: 'approved', revokedAt: null } });
    const res = await check(world.tokens.reviewer, done, { outcome: 'false', note: '婚姻登记系统中无该结婚记录' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', result: { kind: 'approved', revokedReason: '婚姻登记系统中无该结婚记录', revokedAt: expect.any(String) } });

    const mine = (await t.as(alice.token, { method: 'GET', url: `/api/cases/${done.id}` })).json();
    expect(mine.result.revokedReason).toBe('婚姻登记系统中无该结婚记录');
    expect(mine.timeline.map((e: { text: string }) => e.text)).toContain('您的承诺经核查与事实不符:婚姻登记系统中无该结婚记录');
    const inbox = (await t.as(alice.token, { method: 'GET', url: '/api/notifications' })).json() as { items: { title: string; body: string }[] };
    expect(inbox.items.find((n) => n.title === '承诺核查不实')?.body).toContain('已作出的准予决定依法撤销');
    const events = await t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'case.pledge-false').execute();
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ caseId: done.id, materialKey: 'marriageProof', revoked: true, applicant: expect.objectContaining({ accountId: alice.accountId }) }));
    const trail = await t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', done.id).where('action', '=', 'case.checkPledge').execute();
    expect(trail).toHaveLength(1);
  });
});
