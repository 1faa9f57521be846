import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeEnterpriseCreditCode, makeIdNumber, type TestApp } from '../../testing';
import { inspectPdf } from '../../kernel/pdf/inspect';
import { birthElements, birthValues, makeCaseWorld, multipartFile, publishItem, registerCitizen, samplePdf, staffAct, submittedCase, type CaseJson, type CaseWorld, type Citizen } from './test-support';

let t: TestApp;
let dataDir: string;
let world: CaseWorld;
let alice: Citizen;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cases-'));
  t = await createTestApp({ dataDir });
  world = await makeCaseWorld(t);
  alice = await registerCitizen(t, '李𠮷');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = (token: string, url: string) => t.as(token, { method: 'GET', url });
const post = (token: string, url: string, payload: unknown = {}) => t.as(token, { method: 'POST', url, payload: payload as Record<string, unknown> });
const windowCase = (applicant: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  post(world.tokens.windowClerk, '/api/window/cases', { itemVersionId: world.versionId, applicant, values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' }, ...extra });

describe('综合窗口: 一窗受理 of online applications', () => {
  it('lists its region’s online cases waiting at 受理 and at 办结, for any department, and no longer once accepted', async () => {
    const online = await submittedCase(t, alice, world.versionId);
    const ids = async () => ((await get(world.tokens.windowClerk, '/api/workbench/cases?pageSize=100')).json() as { items: { id: string }[] }).items.map((x) => x.id);
    expect(await ids()).toContain(online.id);
    const far = ((await get(world.tokens.farClerk, '/api/workbench/cases?pageSize=100')).json() as { items: { id: string }[] }).items.map((x) => x.id);
    expect(far).not.toContain(online.id);
    const accepted = await staffAct(t, world.tokens.windowClerk, online, 'accept');
    expect(await ids()).not.toContain(online.id);
    expect(accepted.status).toBe('accepted');
  });
});

describe('综合窗口: a clerk files for a walk-in applicant', () => {
  it('finds a registered citizen by ID number, attaches scans (trust B), submits, accepts and prints the receipt with a QR code to the tracking page', async () => {
    const filed = await windowCase({ type: 'person', idNumber: alice.idNumber, name: alice.name, phone: alice.phone });
    expect(filed.statusCode, filed.body).toBe(201);
    let c = filed.json() as CaseJson;
    expect(c).toMatchObject({ perspective: 'staff', channel: 'window', status: 'draft', applicant: { type: 'person', name: '李𠮷', isRegistered: true } });
    expect((c.applicant as { idNumber: string }).idNumber).toMatch(/^5\*+\w{2}$/);
    const lookups = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.lookup').execute();
    expect(lookups.some((l) => l.detail.purpose === '综合窗口受理' && l.detail.found === true)).toBe(true);

    const scan = await t.as(world.tokens.windowClerk, { method: 'POST', url: `/api/cases/${c.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf('扫描件'), 'scan.pdf') });
    expect(scan.statusCode, scan.body).toBe(201);
    expect(scan.json().trustLevel).toBe('B');
    const submitted = await post(world.tokens.windowClerk, `/api/cases/${c.id}/submit`, { version: c.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    c = submitted.json() as CaseJson;
    expect(c.caseNumber).toMatch(/^\d{14}W\d{6}$/);
    const queue = (await get(world.tokens.windowClerk, '/api/workbench/cases')).json() as { items: { id: string }[] };
    expect(queue.items.some((x) => x.id === c.id)).toBe(true);
    c = await staffAct(t, world.tokens.windowClerk, c, 'accept');
    expect(c.status).toBe('accepted');

    const receipt = await get(world.tokens.windowClerk, `/api/cases/${c.id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    const text = inspectPdf(receipt.rawPayload).text;
    expect(text).toContain('受理回执');
    expect(text).toContain('李𠮷');
    expect(text).toContain('窗口核验原件');
    const code = /\/track\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? '';
    const tracked = await t.app.inject({ method: 'GET', url: `/api/case-tracking/${code}` });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ caseNumber: c.caseNumber, status: 'accepted', statusText: '已受理' });
    expect(tracked.body).not.toContain('李');

    // The registered citizen follows the window case online too.
    const mine = (await get(alice.token, '/api/cases/mine')).json() as { items: { id: string; channel: string }[] };
    expect(mine.items).toContainEqual(expect.objectContaining({ id: c.id, channel: 'window' }));
    const view = (await get(alice.token, `/api/cases/${c.id}`)).json() as { timeline: { text: string }[] };
    expect(view.timeline[0]?.text).toBe('窗口工作人员为您填写了申请');
  });

  it('an unregistered walk-in is recorded as such and can be filed and submitted in one go when nothing is left to upload', async () => {
    const elements = birthElements({ materials: [{ key: 'householdBook', name: '父母户口簿', source: 'applicant', originals: 1, copies: 1, canBeGap: true, isRequired: true, canBePledged: false, formats: ['pdf', 'jpg', 'png'], maxSizeMb: 10, issuer: '', blankFormUrl: null, sampleUrl: null, licenseTypeCode: null, note: '' }], allowsPledge: false });
    const { versionId } = await publishItem(t, world.catalogue, { departmentId: world.departmentId, regionCode: world.tree.county, elements });
    const res = await post(world.tokens.windowClerk, '/api/window/cases', { itemVersionId: versionId, applicant: { type: 'person', idNumber: makeIdNumber(), name: '赵六', phone: null }, values: birthValues, materialChoices: { householdBook: 'gap' }, submit: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', applicant: { isRegistered: false, name: '赵六' } });
  });

  it('refuses an applicant the item does not serve, an ID number with a wrong check digit, and a window outside the item’s region', async () => {
    const enterprise = await windowCase({ type: 'enterprise', creditCode: '91440101MA5CJQ4N59', name: '青禾食品有限公司', agentName: '王五', agentIdNumber: makeIdNumber() });
    expect(enterprise.statusCode).toBe(400);
    expect(enterprise.json().errors).toContainEqual(expect.objectContaining({ field: 'itemVersionId', code: 'cases.audienceMismatch' }));
    const badId = await windowCase({ type: 'person', idNumber: '110105194912310021', name: '钱七' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].field).toBe('applicant.idNumber');
    const far = await post(world.tokens.farClerk, '/api/window/cases', { itemVersionId: world.versionId, applicant: { type: 'person', idNumber: makeIdNumber(), name: '孙八' }, values: birthValues });
    expect(far.statusCode).toBe(403);
    expect(far.json()).toMatchObject({ code: 'OUT_OF_SCOPE', detail: '该事项不在您的窗口可受理范围内' });
    expect((await post(world.tokens.reviewer, '/api/window/cases', { itemVersionId: world.versionId, applicant: { type: 'person', idNumber: makeIdNumber(), name: '孙八' } })).statusCode).toBe(403);
  });
});

describe('optional steps: 现场勘验, 会签, 特别程序, 转办', () => {
  it('runs inspection, countersign by another department, a special procedure that pauses the clock, a transfer, then decision and completion', async () => {
    const elements = birthElements({
      workflow: {
        steps: [
          { key: 'accept', name: '受理', role: 'clerk', departmentIds: [], isOptional: false, limitDays: null },
          { key: 'review', name: '审查', role: 'reviewer', departmentIds: [], isOptional: false, limitDays: null },
          { key: 'inspect', name: '现场勘验', role: 'reviewer', departmentIds: [], isOptional: true, limitDays: null },
          { key: 'countersign', name: '会签', role: 'reviewer', departmentIds: [world.otherDepartmentId], isOptional: false, limitDays: null },
          { key: 'decide', name: '决定', role: 'reviewer', departmentIds: [], isOptional: false, limitDays: null },
          { key: 'complete', name: '办结', role: 'clerk', departmentIds: [], isOptional: false, limitDays: null },
        ],
        allowsSpecialProcedure: true,
        specialProcedureNote: '专家评审',
      },
    });
    const { versionId } = await publishItem(t, world.catalogue, { departmentId: world.departmentId, regionCode: world.tree.county, elements });
    const draft = (await post(alice.token, '/api/cases', { itemVersionId: versionId, values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } })).json() as CaseJson;
    await t.as(alice.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'b.pdf') });
    let c = (await post(alice.token, `/api/cases/${draft.id}/submit`, { version: draft.version })).json() as CaseJson;
    c = await staffAct(t, world.tokens.clerk, c, 'accept');
    c = await staffAct(t, world.tokens.reviewer, c, 'start-inspection', { scheduledAt: '2026-12-01T09:00:00+08:00', note: '核实经营场所' });
    expect(c).toMatchObject({ status: 'in_review', step: 'inspect' });
    c = await staffAct(t, world.tokens.reviewer, c, 'approve', { note: '勘验合格' });
    expect(c).toMatchObject({ step: 'countersign', countersignPending: [{ id: world.otherDepartmentId }] });

    const own = await post(world.tokens.reviewer, `/api/cases/${c.id}/actions/countersign`, { version: c.version, opinion: 'agree', note: '同意' });
    expect(own.statusCode).toBe(403);
    const otherQueue = (await get(world.tokens.otherReviewer, '/api/workbench/cases')).json() as { items: { id: string }[] };
    expect(otherQueue.items.some((x) => x.id === c.id)).toBe(true);
    expect((await get(world.tokens.otherReviewer, `/api/cases/${c.id}`)).json()).toMatchObject({ allowedActions: ['countersign'] });
    c = await staffAct(t, world.tokens.otherReviewer, c, 'countersign', { opinion: 'agree', note: '卫健部门同意' });
    expect(c).toMatchObject({ step: 'decide', countersignPending: [] });

    const dueBefore = c.dueAt;
    c = await staffAct(t, world.tokens.reviewer, { ...c, version: ((await get(world.tokens.reviewer, `/api/cases/${c.id}`)).json() as CaseJson).version }, 'start-special', { kind: 'expertReview' });
    expect(c).toMatchObject({ status: 'suspended', suspendKind: 'special', light: 'paused' });
    expect((await get(alice.token, `/api/cases/${c.id}`)).json().nextStep).toMatchObject({ who: 'government' });
    c = await staffAct(t, world.tokens.reviewer, c, 'end-special');
    expect(c).toMatchObject({ status: 'in_review', step: 'decide', dueAt: dueBefore });

    c = await staffAct(t, world.tokens.reviewer, c, 'transfer', { departmentId: world.otherDepartmentId, reason: '职责调整,由卫健局决定' });
    expect(c).toMatchObject({ departmentId: world.otherDepartmentId, status: 'in_review' });
    expect((await post(world.tokens.reviewer, `/api/cases/${c.id}/actions/approve`, { version: c.version, result: { registrationNo: 'X' } })).statusCode).toBe(403);
    expect((await t.as(alice.token, { method: 'POST', url: `/api/cases/${c.id}/materials?materialKey=householdBook`, ...multipartFile(samplePdf(), 'h.pdf') })).statusCode).toBe(201);
    c = await staffAct(t, world.tokens.otherReviewer, c, 'approve', { result: { registrationNo: 'WJ-001' } });
    expect(c.status).toBe('decided');
    // The 办结 step is at the counter: the county's comprehensive window hands out the result.
    c = await staffAct(t, world.tokens.windowClerk, c, 'complete');
    expect(c.status).toBe('completed');
    const history = (c.history as { action: string; clock: string }[]).map((h) => `${h.action}:${h.clock}`);
    expect(history).toEqual(['create:none', 'submit:none', 'accept:start', 'startInspection:none', 'approve:none', 'countersign:none', 'startSpecial:stop', 'endSpecial:resume', 'transfer:none', 'fulfilGap:none', 'approve:none', 'complete:end']);
    const timeline = ((await get(alice.token, `/api/cases/${c.id}`)).json() as { timeline: { text: string }[] }).timeline.map((e) => e.text);
    expect(timeline).toEqual(expect.arrayContaining(['安排现场勘验,工作人员将与您联系', '特别程序结束,办理时限恢复计算']));
    expect(timeline.some((s) => s.startsWith('转由') && s.endsWith('办理'))).toBe(true);
  });
});

describe('enterprises', () => {
  it('an enterprise applies online in its own name; a listed credit code cannot use 告知承诺', async () => {
    const { versionId } = await publishItem(t, world.catalogue, { departmentId: world.departmentId, regionCode: world.tree.county, item: { audience: 'both' } });
    const creditCode = makeEnterpriseCreditCode();
    const registered = await t.app.inject({ method: 'POST', url: '/api/registrations/enterprise', payload: { name: '云溪青禾食品有限公司', creditCode, legalRepName: '周九', legalRepIdNumber: makeIdNumber(), password: 'Company#2026x' } });
    expect(registered.statusCode, registered.body).toBe(201);
    const token = registered.json().token as string;
    const draft = await post(token, '/api/cases', { itemVersionId: versionId, values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } });
    expect(draft.statusCode, draft.body).toBe(201);
    const c = draft.json() as CaseJson;
    expect(c).toMatchObject({ applicantName: '云溪青禾食品有限公司', channel: 'online' });
    await t.as(token, { method: 'POST', url: `/api/cases/${c.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'b.pdf') });
    const listed = await post(world.tokens.sysadmin, '/api/credit-blacklist', { subjectType: 'enterprise', creditCode, name: '云溪青禾食品有限公司', reason: '严重违法失信', source: '市场监管' });
    expect(listed.statusCode, listed.body).toBe(201);
    const refused = await post(token, `/api/cases/${c.id}/submit`, { version: c.version });
    expect(refused.json().errors).toContainEqual(expect.objectContaining({ code: 'cases.pledgeIneligible' }));
    // Until submitted, an online application is the applicant's own: staff do not see drafts.
    expect((await get(world.tokens.clerk, `/api/cases/${c.id}`)).statusCode).toBe(403);
    const mine = (await get(token, '/api/cases/mine')).json() as { items: { id: string }[] };
    expect(mine.items.map((x) => x.id)).toContain(c.id);
  });
});
