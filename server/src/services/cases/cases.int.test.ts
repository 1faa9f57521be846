import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { inspectPdf } from '../../kernel/pdf/inspect';
import { birthElements, makeCatalogueAdmins, multipartFile, publishItem, registerCitizen, samplePdf, samplePng, type Citizen } from './test-support';

let t: TestApp;
let dataDir: string;
let versionId: string;
let citizen: Citizen;
const tokens: Record<'clerk' | 'reviewer', string> = { clerk: '', reviewer: '' };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cases-'));
  t = await createTestApp({ dataDir });
  const tree = await makeRegionTree(t.kernel);
  const dept = await makeDepartment(t.kernel, tree.county, `云溪公安分局${Math.random().toString(36).slice(2, 6)}`);
  const catalogue = await makeCatalogueAdmins(t, { departmentId: dept.id, regionCode: tree.county });
  versionId = (await publishItem(t, catalogue, { departmentId: dept.id, regionCode: tree.county })).versionId;
  const clerk = await makeStaff(t.kernel, { departmentId: dept.id, regionCode: tree.county, roles: ['clerk'] });
  const reviewer = await makeStaff(t.kernel, { departmentId: dept.id, regionCode: tree.county, roles: ['reviewer'] });
  tokens.clerk = await t.login(clerk.username, clerk.password);
  tokens.reviewer = await t.login(reviewer.username, reviewer.password);
  citizen = await registerCitizen(t, '张𠮷明');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Json = Record<string, unknown> & { version: number; status: string; id: string };
const as = (token: string) => ({
  get: (url: string) => t.as(token, { method: 'GET', url }),
  post: (url: string, payload: unknown = {}, headers: Record<string, string> = {}) => t.as(token, { method: 'POST', url, payload: payload as Record<string, unknown>, headers }),
  patch: (url: string, payload: unknown) => t.as(token, { method: 'PATCH', url, payload: payload as Record<string, unknown> }),
  upload: (caseId: string, key: string, file: Buffer, name = 'scan.pdf', type = 'application/pdf') => t.as(token, { method: 'POST', url: `/api/cases/${caseId}/materials?materialKey=${key}`, ...multipartFile(file, name, type) }),
});
const values = { childName: '张小明', birthDate: '2026-10-02', guardianPhone: '13912345678' };

async function act(token: string, c: Json, action: string, body: Record<string, unknown> = {}): Promise<Json> {
  const res = await as(token).post(`/api/cases/${c.id}/actions/${action}`, { version: c.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as Json;
}

describe('an online application from draft to completion', () => {
  it('draft → submit (materials checked) → accept with 容缺 → 补正 loop → review → decision → completed, letter downloadable', async () => {
    const me = as(citizen.token);
    const created = await me.post('/api/cases', { itemVersionId: versionId, values, contactPhone: citizen.phone });
    expect(created.statusCode, created.body).toBe(201);
    let c = created.json() as Json;
    expect(c).toMatchObject({ perspective: 'applicant', status: 'draft', caseNumber: null, applicantName: '张𠮷明', allowedActions: ['edit', 'upload', 'submit'] });
    expect((c.nextStep as { who: string }).who).toBe('applicant');

    const early = await me.post(`/api/cases/${c.id}/submit`, { version: c.version });
    expect(early.statusCode).toBe(400);
    const missing = (early.json() as { errors: { field: string; code: string; message: string }[] }).errors;
    expect(missing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'materials.birthCertificate', code: 'cases.materialMissing', message: '请上传此项材料' }),
        expect.objectContaining({ field: 'materials.householdBook' }),
        expect.objectContaining({ field: 'materials.marriageProof' }),
      ]),
    );
    expect(missing.some((e) => e.field === 'materials.proxyLetter')).toBe(false);

    const upload = await me.upload(c.id, 'birthCertificate', samplePdf('出生医学证明'), 'birth.pdf');
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({ materialKey: 'birthCertificate', format: 'pdf', trustLevel: 'C' });

    const edited = await me.patch(`/api/cases/${c.id}`, { version: c.version, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } });
    expect(edited.statusCode, edited.body).toBe(200);
    c = edited.json() as Json;

    const submitted = await me.post(`/api/cases/${c.id}/submit`, { version: c.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    c = submitted.json() as Json;
    expect(c.status).toBe('submitted');
    expect(c.caseNumber).toMatch(/^\d{6}\d{8}O\d{6}$/);
    const materials = c.materials as { key: string; mode: string | null; pledgedAt: string | null }[];
    expect(materials.find((m) => m.key === 'marriageProof')).toMatchObject({ mode: 'pledge' });
    expect(materials.find((m) => m.key === 'marriageProof')?.pledgedAt).not.toBeNull();

    // Staff view: the clerk accepts; the missing 户口簿 gets a due date no later than the promised one.
    let staff = (await as(tokens.clerk).get(`/api/cases/${c.id}`)).json() as Json;
    expect(staff).toMatchObject({ perspective: 'staff', status: 'submitted', allowedActions: expect.arrayContaining(['accept', 'refuse', 'requestSupplement']) });
    staff = await act(tokens.clerk, staff, 'accept', { note: '材料齐全(户口簿容缺)' });
    expect(staff).toMatchObject({ status: 'accepted', step: 'review', light: 'green' });
    expect(staff.dueAt).not.toBeNull();
    const gap = (staff.materials as { key: string; gapDueAt: string | null }[]).find((m) => m.key === 'householdBook');
    expect(gap?.gapDueAt).not.toBeNull();
    expect(new Date(gap?.gapDueAt ?? 0).getTime()).toBeLessThanOrEqual(new Date(String(staff.dueAt)).getTime());

    let mine = (await me.get(`/api/cases/${c.id}`)).json() as Json;
    expect((mine.nextStep as { who: string; text: string }).text).toMatch(/^请在 .+ 前补交:父母户口簿/);

    // 补正: the reviewer says exactly what to fix; the clock stops; the applicant fixes and resubmits.
    staff = await act(tokens.reviewer, staff, 'request-supplement', { items: [{ target: 'material', key: 'birthCertificate', reason: '扫描件不清晰,请重新上传彩色扫描件' }], note: '补正材料请在网上提交' });
    expect(staff).toMatchObject({ status: 'suspended', suspendKind: 'supplement', light: 'paused' });
    mine = (await me.get(`/api/cases/${c.id}`)).json() as Json;
    expect(mine.nextStep).toMatchObject({ who: 'applicant' });
    expect((mine.nextStep as { text: string }).text).toContain('出生医学证明:扫描件不清晰,请重新上传彩色扫描件');
    expect(mine.allowedActions).toEqual(expect.arrayContaining(['upload', 'supplement', 'withdraw']));

    expect((await me.upload(c.id, 'birthCertificate', samplePng(), 'birth.png', 'image/png')).statusCode).toBe(201);
    const resubmitted = await me.post(`/api/cases/${c.id}/supplement`, { version: mine.version, note: '已重新扫描' });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'accepted', step: 'review' });

    staff = (await as(tokens.reviewer).get(`/api/cases/${c.id}`)).json() as Json;
    staff = await act(tokens.reviewer, staff, 'approve', { note: '内部意见:同意,建议准予' });
    expect(staff).toMatchObject({ status: 'in_review', step: 'decide' });
    // Review opinions are internal; the applicant reads what happened, not what the reviewer wrote.
    expect(JSON.stringify(((await me.get(`/api/cases/${c.id}`)).json() as Json).timeline)).not.toContain('内部意见');

    // No approval while a 容缺 material is still owed.
    const blocked = await as(tokens.reviewer).post(`/api/cases/${c.id}/actions/approve`, { version: staff.version, result: { registrationNo: 'HJ-2026-0001' } });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toBe('尚有容缺材料未补齐,不能作出准予决定');
    expect((await me.upload(c.id, 'householdBook', samplePdf('户口簿'), 'hukou.pdf')).statusCode).toBe(201);

    staff = (await as(tokens.reviewer).get(`/api/cases/${c.id}`)).json() as Json;
    const noResult = await as(tokens.reviewer).post(`/api/cases/${c.id}/actions/approve`, { version: staff.version });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.json().errors).toContainEqual(expect.objectContaining({ field: 'result.registrationNo', code: 'required' }));
    staff = await act(tokens.reviewer, staff, 'approve', { result: { registrationNo: 'HJ-2026-0001' } });
    expect(staff).toMatchObject({ status: 'decided', step: 'complete', result: { kind: 'approved', values: { registrationNo: 'HJ-2026-0001' }, hasLetter: true } });

    // The applicant gets the letter once the case is completed (送达), not before.
    expect((await me.get(`/api/cases/${c.id}/decision.pdf`)).statusCode).toBe(404);
    staff = await act(tokens.clerk, staff, 'complete');
    expect(staff).toMatchObject({ status: 'completed', step: null, light: 'none' });
    expect((staff.history as { action: string }[]).map((h) => h.action)).toEqual(['create', 'edit', 'submit', 'accept', 'requestSupplement', 'resubmit', 'approve', 'fulfilGap', 'approve', 'complete']);

    mine = (await me.get(`/api/cases/${c.id}`)).json() as Json;
    expect(mine).toMatchObject({ status: 'completed', nextStep: { who: 'nobody' }, allowedActions: expect.arrayContaining(['downloadDecision', 'downloadReceipt']) });
    const letter = await me.get(`/api/cases/${c.id}/decision.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const text = inspectPdf(letter.rawPayload);
    expect(text.fontNames.some((n) => n.endsWith('+NotoSansSC-Regular'))).toBe(true);
    expect(text.text).toContain('张𠮷明');
    expect(text.text).toContain('准予登记');
    expect(text.text).toContain('HJ-2026-0001');
    expect(text.text).toContain(String(c.caseNumber));

    const receipt = await me.get(`/api/cases/${c.id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    const receiptText = inspectPdf(receipt.rawPayload).text;
    expect(receiptText).toContain('受理回执');
    expect(receiptText).toContain(String(c.caseNumber));
    expect(receiptText).toContain('父母户口簿');

    // Completion is an outbox event for licences, 好差评 and the cockpit; notices went to the inbox and as SMS.
    const events = await t.kernel.db.selectFrom('outbox_events').select(['topic', 'payload']).where('topic', 'in', ['case.completed', 'notification.sms']).execute();
    const completed = events.find((e) => e.topic === 'case.completed' && e.payload.caseId === c.id);
    expect(completed?.payload).toMatchObject({ caseNumber: c.caseNumber, itemVersionId: versionId, applicant: { type: 'person', accountId: citizen.accountId }, result: { kind: 'approved', values: { registrationNo: 'HJ-2026-0001' } } });
    const sms = events.filter((e) => e.topic === 'notification.sms' && e.payload.caseId === c.id);
    expect(sms.length).toBeGreaterThanOrEqual(4);
    expect(sms.every((e) => e.payload.phone === citizen.phone && !String(e.payload.text).includes('张𠮷明'))).toBe(true);
    const inbox = (await me.get('/api/notifications')).json() as { items: { title: string; caseId: string }[]; unread: number };
    expect(inbox.items.map((n) => n.title)).toEqual(expect.arrayContaining(['申请已提交', '申请已受理', '请补正申请材料', '申请已办结']));
    expect(inbox.unread).toBe(inbox.items.length);

    // Every step is in the audit chain, in the same transaction as the change.
    const audited = await t.kernel.db.selectFrom('audit_log').select('action').where('object_type', '=', 'case').where('object_id', '=', c.id).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['case.create', 'case.submit', 'case.accept', 'case.requestSupplement', 'case.resubmit', 'case.approve', 'case.complete', 'case.material.upload', 'case.read']));
  });

  it('the applicant’s timeline is in plain words and the 告知承诺 is recorded with the words signed', async () => {
    const mine = (await as(citizen.token).get('/api/cases/mine')).json() as { items: Json[]; total: number };
    expect(mine.total).toBeGreaterThanOrEqual(1);
    const id = mine.items[0]?.id ?? '';
    const view = (await as(citizen.token).get(`/api/cases/${id}`)).json() as { timeline: { text: string }[] };
    const texts = view.timeline.map((e) => e.text);
    expect(texts[0]).toBe('您开始填写申请');
    expect(texts.some((s) => /^申请已提交,办件编号 \d{14}O\d{6},等待受理$/.test(s))).toBe(true);
    expect(texts.some((s) => s.includes('已受理您的申请,承诺在'))).toBe(true);
    const pledge = await t.kernel.db.selectFrom('case_pledges').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(pledge.pledge_text).toContain('本人张𠮷明承诺');
    expect(pledge.text_sm3).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a refusal states its reason and issues 不予受理决定书; a withdrawal closes the case; nothing happens after', async () => {
    const me = as(citizen.token);
    const draft = (await me.post('/api/cases', { itemVersionId: versionId, values, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } })).json() as Json;
    await me.upload(draft.id, 'birthCertificate', samplePdf());
    const submitted = (await me.post(`/api/cases/${draft.id}/submit`, { version: draft.version })).json() as Json;
    const noReason = await as(tokens.clerk).post(`/api/cases/${draft.id}/actions/refuse`, { version: submitted.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toContainEqual(expect.objectContaining({ field: 'reason', code: 'required' }));
    const refused = await act(tokens.clerk, submitted, 'refuse', { reason: '申请人不属于本辖区户籍' });
    expect(refused).toMatchObject({ status: 'refused', result: { kind: 'refused', reason: '申请人不属于本辖区户籍' } });
    const letter = inspectPdf((await me.get(`/api/cases/${draft.id}/decision.pdf`)).rawPayload).text;
    expect(letter).toContain('不予受理决定书');
    expect(letter).toContain('申请人不属于本辖区户籍');
    expect(letter).toContain('六十日内依法申请行政复议');
    const after = await as(tokens.clerk).post(`/api/cases/${draft.id}/actions/accept`, { version: refused.version });
    expect(after.statusCode).toBe(409);
    expect(after.json().detail).toBe('办件当前状态为“不予受理”,不能执行此操作');

    const second = (await me.post('/api/cases', { itemVersionId: versionId, values, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } })).json() as Json;
    await me.upload(second.id, 'birthCertificate', samplePdf());
    const sent = (await me.post(`/api/cases/${second.id}/submit`, { version: second.version })).json() as Json;
    const accepted = await act(tokens.clerk, sent, 'accept');
    const noWhy = await me.post(`/api/cases/${second.id}/withdraw`, { version: accepted.version, reason: '' });
    expect(noWhy.statusCode).toBe(400);
    const withdrawn = await me.post(`/api/cases/${second.id}/withdraw`, { version: accepted.version, reason: '已在异地办理' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', nextStep: { who: 'nobody' } });
    const again = await me.post(`/api/cases/${second.id}/withdraw`, { version: (withdrawn.json() as Json).version, reason: '再撤一次' });
    expect(again.statusCode).toBe(409);
    const event = await t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'case.withdrawn').execute();
    expect(event.some((e) => e.payload.caseId === second.id)).toBe(true);
  });
});

describe('即办件', () => {
  it('is completed at acceptance with its result and letter, and emits case.completed', async () => {
    const tree = await makeRegionTree(t.kernel);
    const dept = await makeDepartment(t.kernel, tree.county);
    const catalogue = await makeCatalogueAdmins(t, { departmentId: dept.id, regionCode: tree.county });
    const elements = birthElements({
      caseKind: 'immediate',
      promisedLimit: { days: 0, unit: 'workingDay', note: '' },
      legalLimit: null,
      allowsGaps: false,
      allowsPledge: false,
      materials: [{ key: 'idCard', name: '居民身份证', source: 'government', originals: 1, copies: 0, formats: ['pdf', 'jpg', 'png'], maxSizeMb: 5, isRequired: true, canBeGap: false, canBePledged: false, issuer: '', blankFormUrl: null, sampleUrl: null, licenseTypeCode: null, note: '' }],
      workflow: { steps: [{ key: 'accept', name: '受理', role: 'clerk', departmentIds: [], isOptional: false, limitDays: null }, { key: 'complete', name: '办结', role: 'clerk', departmentIds: [], isOptional: false, limitDays: null }], allowsSpecialProcedure: false, specialProcedureNote: '' },
    });
    const { versionId: immediate } = await publishItem(t, catalogue, { departmentId: dept.id, regionCode: tree.county, elements });
    const clerk = await makeStaff(t.kernel, { departmentId: dept.id, regionCode: tree.county, roles: ['clerk'] });
    const clerkToken = await t.login(clerk.username, clerk.password);
    const me = as(citizen.token);
    const draft = (await me.post('/api/cases', { itemVersionId: immediate, values })).json() as Json;
    expect((await me.upload(draft.id, 'idCard', samplePdf())).statusCode).toBe(201);
    const submitted = (await me.post(`/api/cases/${draft.id}/submit`, { version: draft.version })).json() as Json;
    const done = await act(clerkToken, submitted, 'accept', { result: { registrationNo: 'JB-1' } });
    expect(done).toMatchObject({ status: 'completed', step: null, result: { kind: 'approved', hasLetter: true } });
    expect(done.acceptedAt).not.toBeNull();
    expect((await me.get(`/api/cases/${draft.id}/decision.pdf`)).statusCode).toBe(200);
    const event = await t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'case.completed').execute();
    expect(event.some((e) => e.payload.caseId === draft.id)).toBe(true);
  });
});

describe('public tracking behind the receipt’s QR code', () => {
  it('shows status and dates only; an unknown or malformed code is refused', async () => {
    const mine = (await as(citizen.token).get('/api/cases/mine?status=completed')).json() as { items: Json[] };
    const id = mine.items[0]?.id ?? '';
    const view = (await as(citizen.token).get(`/api/cases/${id}`)).json() as { trackingCode: string; caseNumber: string };
    const res = await t.app.inject({ method: 'GET', url: `/api/case-tracking/${view.trackingCode}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseNumber: view.caseNumber, status: 'completed', statusText: '已办结' });
    expect(res.body).not.toContain('张');
    expect(Object.keys(res.json()).sort()).toEqual(['acceptedAt', 'caseNumber', 'completedAt', 'departmentName', 'dueDate', 'itemName', 'status', 'statusText', 'submittedAt', 'updatedAt']);
    expect((await t.app.inject({ method: 'GET', url: `/api/case-tracking/${'A'.repeat(22)}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/case-tracking/short' })).statusCode).toBe(400);
  });

  it('the receipt’s QR code links to the tracking page (PUBLIC_URL/track/<code>)', async () => {
    const mine = (await as(citizen.token).get('/api/cases/mine?status=completed')).json() as { items: Json[] };
    const id = mine.items[0]?.id ?? '';
    const view = (await as(citizen.token).get(`/api/cases/${id}`)).json() as { trackingCode: string };
    const text = inspectPdf((await as(citizen.token).get(`/api/cases/${id}/receipt.pdf`)).rawPayload).text;
    expect(text).toContain(`http://localhost:8080/track/${view.trackingCode}`);
  });
});

describe('printable guide', () => {
  it('renders the published version’s 办事指南 for anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/service-item-versions/${versionId}/guide.pdf` });
    expect(res.statusCode).toBe(200);
    const text = inspectPdf(res.rawPayload).text;
    expect(text).toContain('办事指南');
    expect(text).toContain('出生医学证明');
    expect(text).toContain('受理 → 审查 → 决定 → 办结');
    expect((await t.app.inject({ method: 'GET', url: '/api/service-item-versions/00000000-0000-7000-8000-000000000000/guide.pdf' })).statusCode).toBe(404);
  });
});
