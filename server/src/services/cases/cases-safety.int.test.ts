import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { verifyAuditChain } from '../../kernel/audit';
import { birthElements, birthValues, makeCaseWorld, publishItem, multipartFile, registerCitizen, sampleExe, samplePdf, samplePng, staffAct, submittedCase, type CaseJson, type CaseWorld, type Citizen } from './test-support';

let t: TestApp;
let dataDir: string;
let world: CaseWorld;
let citizen: Citizen;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cases-'));
  t = await createTestApp({ dataDir });
  world = await makeCaseWorld(t);
  citizen = await registerCitizen(t);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const post = (token: string, url: string, payload: unknown, headers: Record<string, string> = {}) => t.as(token, { method: 'POST', url, payload: payload as Record<string, unknown>, headers });
const countCases = async () => Number((await t.kernel.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).where('filed_by', '=', citizen.accountId).executeTakeFirstOrThrow()).n);

describe('idempotent submission', () => {
  it('a retried POST /api/cases with the same Idempotency-Key replays the first answer: one case', async () => {
    const before = await countCases();
    const body = { itemVersionId: world.versionId, values: birthValues };
    const first = await post(citizen.token, '/api/cases', body, { 'idempotency-key': 'apply-1' });
    const retry = await post(citizen.token, '/api/cases', body, { 'idempotency-key': 'apply-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await countCases()).toBe(before + 1);
    const changed = await post(citizen.token, '/api/cases', { ...body, values: { ...birthValues, childName: '李四' } }, { 'idempotency-key': 'apply-1' });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('concurrent identical submissions with one key make one case; the late twin is told to wait or gets the replay', async () => {
    const before = await countCases();
    const body = { itemVersionId: world.versionId, values: birthValues };
    const results = await Promise.all([1, 2, 3].map(() => post(citizen.token, '/api/cases', body, { 'idempotency-key': 'apply-concurrent' })));
    expect(results.every((r) => r.statusCode === 201 || (r.statusCode === 409 && r.json().detail === '相同的请求正在处理中,请稍候'))).toBe(true);
    const ids = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id as string));
    expect(ids.size).toBe(1);
    expect(await countCases()).toBe(before + 1);
  });

  it('submitting the same draft twice at once: one case number, the other submission refused', async () => {
    const draft = (await post(citizen.token, '/api/cases', { itemVersionId: world.versionId, values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } })).json() as CaseJson;
    await t.as(citizen.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'b.pdf') });
    const results = await Promise.all([1, 2].map(() => post(citizen.token, `/api/cases/${draft.id}/submit`, { version: draft.version })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('STALE_VERSION');
    const actions = await t.kernel.db.selectFrom('case_actions').select('action').where('case_id', '=', draft.id).where('action', '=', 'submit').execute();
    expect(actions).toHaveLength(1);
  });

  it('a submission refused for missing materials leaves no stray draft behind (submit=true checks first)', async () => {
    const before = await countCases();
    const res = await post(citizen.token, '/api/cases', { itemVersionId: world.versionId, values: birthValues, submit: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'materials.birthCertificate', code: 'cases.materialMissing' }));
    expect(await countCases()).toBe(before);
  });
});

describe('submitting in one request (submit=true)', () => {
  it('writes the submitted case once and answers with exactly what reading it gives', async () => {
    // A version whose only materials may be handed in later (容缺) or promised (告知承诺): nothing to upload.
    const materials = (birthElements().materials as { key: string }[]).filter((m) => m.key === 'householdBook' || m.key === 'marriageProof');
    const { versionId } = await publishItem(t, world.catalogue, { departmentId: world.departmentId, regionCode: world.tree.county, elements: birthElements({ materials: materials as never }) });
    const res = await post(citizen.token, '/api/cases', { itemVersionId: versionId, values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' }, submit: true });
    expect(res.statusCode).toBe(201);
    const answered = res.json() as CaseJson;
    expect(answered).toMatchObject({ status: 'submitted', perspective: 'applicant' });
    expect(answered.caseNumber).toMatch(/^[0-9]{14}O[0-9]{6}$/);
    const read = await t.as(citizen.token, { method: 'GET', url: `/api/cases/${answered.id}` });
    expect(answered).toEqual(read.json());
    const actions = await t.kernel.db.selectFrom('case_actions').select(['seq', 'action', 'to_status']).where('case_id', '=', answered.id).orderBy('seq').execute();
    expect(actions).toEqual([{ seq: 1, action: 'create', to_status: 'draft' }, { seq: 2, action: 'submit', to_status: 'submitted' }]);
    const pledges = await t.kernel.db.selectFrom('case_pledges').select('material_key').where('case_id', '=', answered.id).execute();
    expect(pledges).toEqual([{ material_key: 'marriageProof' }]);
    const audited = await t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', answered.id).orderBy('id').execute();
    expect(audited.map((a) => a.action)).toEqual(['case.create', 'case.submit']);
    expect(await verifyAuditChain(t.kernel.db)).toMatchObject({ ok: true });
  });
});

describe('two clerks on the same step', () => {
  it('both press 受理 at once: one wins, the other gets STALE_VERSION with a clear message and nothing is done twice', async () => {
    const c = await submittedCase(t, citizen, world.versionId);
    const results = await Promise.all([world.tokens.clerk, world.tokens.clerk2].map((token) => post(token, `/api/cases/${c.id}/actions/accept`, { version: c.version })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)?.json();
    expect(loser).toMatchObject({ code: 'STALE_VERSION', title: '该记录已被他人修改,请刷新后重试', detail: '该办件刚刚已被他人处理(当前状态:“已受理”),请刷新后查看最新情况' });
    const accepts = await t.kernel.db.selectFrom('case_actions').select('action').where('case_id', '=', c.id).where('action', '=', 'accept').execute();
    expect(accepts).toHaveLength(1);
    const gaps = await t.kernel.db.selectFrom('case_gaps').selectAll().where('case_id', '=', c.id).execute();
    expect(gaps).toHaveLength(1);
  });

  it('an action with an old version is refused even without a race', async () => {
    const c = await submittedCase(t, citizen, world.versionId);
    const accepted = await staffAct(t, world.tokens.clerk, c, 'accept');
    const stale = await post(world.tokens.reviewer, `/api/cases/${c.id}/actions/approve`, { version: c.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    expect((await post(world.tokens.reviewer, `/api/cases/${c.id}/actions/approve`, { version: accepted.version })).statusCode).toBe(200);
  });
});

describe('material uploads are checked by content and size', () => {
  let draft: CaseJson;
  beforeAll(async () => {
    draft = (await post(citizen.token, '/api/cases', { itemVersionId: world.versionId, values: birthValues })).json() as CaseJson;
  });
  const upload = (key: string, file: Buffer, name: string, type = 'application/pdf') => t.as(citizen.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=${key}`, ...multipartFile(file, name, type) });

  it('an .exe renamed .pdf is refused by its magic bytes (415), and nothing is stored', async () => {
    const res = await upload('birthCertificate', sampleExe(), 'birth.pdf', 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: '无法识别文件内容:只接受真实的 PDF、JPG、PNG 或 OFD 文件' });
    const rows = await t.kernel.db.selectFrom('case_materials').selectAll().where('case_id', '=', draft.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('a file over the material’s limit is refused with 413 naming the limit; an empty file with 400', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await upload('birthCertificate', big, 'big.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toBe('文件超过 1 MB 的大小限制');
    const empty = await upload('birthCertificate', Buffer.alloc(0), 'empty.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toContainEqual(expect.objectContaining({ field: 'file', code: 'cases.fileEmpty' }));
  });

  it('a format the material does not accept, an unknown material, a material not asked for, no file, not multipart', async () => {
    const ofd = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('OFD.xml'), Buffer.alloc(16)]);
    const wrong = await upload('birthCertificate', ofd, 'birth.ofd', 'application/ofd');
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().detail).toBe('文件类型不符:此项材料只接受 pdf、jpg、png');
    const unknown = await upload('passport', samplePdf(), 'p.pdf');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual(expect.objectContaining({ field: 'materialKey', code: 'cases.materialUnknown' }));
    const notAsked = await upload('proxyLetter', samplePdf(), 'p.pdf');
    expect(notAsked.json().errors).toContainEqual(expect.objectContaining({ field: 'materialKey', code: 'cases.materialNotApplicable' }));
    const badKey = await t.as(citizen.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=../x`, ...multipartFile(samplePdf(), 'p.pdf') });
    expect(badKey.statusCode).toBe(400);
    const json = await t.as(citizen.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const boundary = 'xyz';
    const noFile = await t.as(citizen.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, payload: `--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(noFile.statusCode).toBe(400);
  });

  it('a real PNG is kept with the type found in it, whatever the name says; the file can be viewed and removed while a draft', async () => {
    const res = await upload('birthCertificate', samplePng(), 'scan.pdf', 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ format: 'png', fileName: 'scan.png', trustLevel: 'C' });
    const file = await t.as(citizen.token, { method: 'GET', url: `/api/cases/${draft.id}/materials/${res.json().id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const removed = await t.as(citizen.token, { method: 'DELETE', url: `/api/cases/${draft.id}/materials/${res.json().id}` });
    expect(removed.statusCode).toBe(204);
    expect((await t.as(citizen.token, { method: 'DELETE', url: `/api/cases/${draft.id}/materials/${res.json().id}` })).statusCode).toBe(404);
  });

  it('after submission no upload is taken unless asked for (补正) or owed (容缺)', async () => {
    const c = await submittedCase(t, citizen, world.versionId);
    const res = await t.as(citizen.token, { method: 'POST', url: `/api/cases/${c.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'b.pdf') });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('办件当前状态下不能再上传此项材料');
  });
});

describe('bad input is a 4xx with field errors, never a 500', () => {
  it('create: unknown version, bad form answers, choices the item does not allow', async () => {
    const unknown = await post(citizen.token, '/api/cases', { itemVersionId: '00000000-0000-7000-8000-000000000000', values: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual(expect.objectContaining({ field: 'itemVersionId', code: 'cases.versionNotInForce' }));
    const notUuid = await post(citizen.token, '/api/cases', { itemVersionId: 'x' });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().errors).toContainEqual(expect.objectContaining({ field: 'itemVersionId' }));
    const badValues = await post(citizen.token, '/api/cases', { itemVersionId: world.versionId, values: { birthDate: '2026-02-30', guardianPhone: '123' } });
    expect(badValues.statusCode).toBe(400);
    expect(badValues.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'values.birthDate', code: 'invalid_format' }), expect.objectContaining({ field: 'values.guardianPhone', code: 'phone.invalid' })]));
    const badChoice = await post(citizen.token, '/api/cases', { itemVersionId: world.versionId, materialChoices: { birthCertificate: 'pledge', nothing: 'gap' } });
    expect(badChoice.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'materialChoices.birthCertificate', code: 'cases.pledgeNotAllowed' }), expect.objectContaining({ field: 'materialChoices.nothing', code: 'cases.materialUnknown' })]));
    const badPhone = await post(citizen.token, '/api/cases', { itemVersionId: world.versionId, contactPhone: '12', contactEmail: 'no' });
    expect(badPhone.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'contactPhone' }), expect.objectContaining({ field: 'contactEmail', code: 'email.invalid' })]));
    const notJson = await t.as(citizen.token, { method: 'POST', url: '/api/cases', payload: '{bad', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
  });

  it('draft edits, submit, supplement, withdraw and actions: missing or wrong version, wrong state, bad ids', async () => {
    const draft = (await post(citizen.token, '/api/cases', { itemVersionId: world.versionId, values: birthValues })).json() as CaseJson;
    expect((await t.as(citizen.token, { method: 'PATCH', url: `/api/cases/${draft.id}`, payload: { values: {} } })).statusCode).toBe(400);
    const stale = await t.as(citizen.token, { method: 'PATCH', url: `/api/cases/${draft.id}`, payload: { version: draft.version + 5, values: birthValues } });
    expect(stale.json().code).toBe('STALE_VERSION');
    const hidden = await t.as(citizen.token, { method: 'PATCH', url: `/api/cases/${draft.id}`, payload: { version: draft.version, values: { ...birthValues, proxyName: '王五' } } });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().values).not.toHaveProperty('proxyName');
    expect((await post(citizen.token, `/api/cases/${draft.id}/supplement`, { version: hidden.json().version })).statusCode).toBe(409);
    expect((await post(citizen.token, `/api/cases/${draft.id}/withdraw`, { version: hidden.json().version, reason: '不办了' })).statusCode).toBe(409);
    expect((await post(citizen.token, '/api/cases/not-a-uuid/submit', { version: 1 })).statusCode).toBe(400);
    expect((await post(citizen.token, '/api/cases/00000000-0000-7000-8000-000000000000/submit', { version: 1 })).statusCode).toBe(404);
    const c = await submittedCase(t, citizen, world.versionId);
    const noItems = await post(world.tokens.clerk, `/api/cases/${c.id}/actions/request-supplement`, { version: c.version, items: [] });
    expect(noItems.json().errors).toContainEqual(expect.objectContaining({ field: 'items', code: 'too_small' }));
    const badKey = await post(world.tokens.clerk, `/api/cases/${c.id}/actions/request-supplement`, { version: c.version, items: [{ target: 'material', key: 'nope', reason: '缺' }] });
    expect(badKey.json().errors).toContainEqual(expect.objectContaining({ field: 'items.0.key', code: 'cases.supplementKeyUnknown' }));
    const badGapDate = await post(world.tokens.clerk, `/api/cases/${c.id}/actions/accept`, { version: c.version, gapDueDate: '2099-01-01' });
    expect(badGapDate.statusCode).toBe(400);
    expect(badGapDate.json().errors).toContainEqual(expect.objectContaining({ field: 'gapDueDate', code: 'cases.gapDueTooLate' }));
    const pastGap = await post(world.tokens.clerk, `/api/cases/${c.id}/actions/accept`, { version: c.version, gapDueDate: '2020-01-01' });
    expect(pastGap.json().errors).toContainEqual(expect.objectContaining({ field: 'gapDueDate', code: 'cases.gapDueInPast' }));
    expect((await post(world.tokens.clerk, `/api/cases/${c.id}/actions/accept`, { version: 'one' })).statusCode).toBe(400);
    expect((await post(world.tokens.clerk, `/api/cases/${c.id}/actions/fly`, { version: c.version })).statusCode).toBe(404);
    const transfer = await post(world.tokens.clerk, `/api/cases/${c.id}/actions/transfer`, { version: c.version, departmentId: world.departmentId, reason: '转' });
    expect(transfer.json().errors).toContainEqual(expect.objectContaining({ field: 'departmentId', code: 'cases.transferSameDepartment' }));
    const far = await post(world.tokens.clerk, `/api/cases/${c.id}/actions/transfer`, { version: c.version, departmentId: world.farDepartmentId, reason: '转' });
    expect(far.json().errors).toContainEqual(expect.objectContaining({ field: 'departmentId', code: 'cases.transferDepartment' }));
    const nothingChanged = await t.as(citizen.token, { method: 'GET', url: `/api/cases/${c.id}` });
    expect(nothingChanged.json()).toMatchObject({ status: 'submitted', version: c.version });
  });

  it('queries: bad paging, unknown light, bad notification id', async () => {
    expect((await t.as(world.tokens.clerk, { method: 'GET', url: '/api/workbench/cases?pageSize=1000' })).statusCode).toBe(400);
    expect((await t.as(world.tokens.clerk, { method: 'GET', url: '/api/workbench/cases?light=blue' })).statusCode).toBe(400);
    expect((await t.as(citizen.token, { method: 'GET', url: '/api/cases/mine?status=flying' })).statusCode).toBe(400);
    expect((await t.as(citizen.token, { method: 'POST', url: '/api/notifications/x/read' })).statusCode).toBe(400);
    expect((await t.as(citizen.token, { method: 'POST', url: '/api/notifications/00000000-0000-7000-8000-000000000000/read' })).statusCode).toBe(404);
  });
});
