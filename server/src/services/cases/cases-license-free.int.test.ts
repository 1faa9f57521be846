import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseTypeInput } from '@zhengtong/contracts';
import { systemActor } from '../../kernel/authz';
import { verifyAuditChain } from '../../kernel/audit';
import { createLicenseType } from '../../platform/licenses';
import { createSeal } from '../../platform/seals';
import { createTestApp, makeIdNumber, type TestApp } from '../../testing';
import { birthElements, birthValues, makeCaseWorld, multipartFile, publishItem, registerCitizen, samplePdf, type CaseJson, type CaseWorld, type Citizen } from './test-support';

// 免证办: a material that names a licence type is fetched from the applicant's valid electronic licence instead of
// being uploaded; the use is recorded for the holder, the case keeps the licence data, and 免证办率 counts it.

let t: TestApp;
let dataDir: string;
let world: CaseWorld;
let holder: Citizen;
let other: Citizen;
let versionId: string;
let typeCode: string;
let typeId: string;

type Material = { key: string; mode: string | null; license: { identifier: string; typeName: string; issuerName: string; fields: { key: string; value: string }[]; fetchedAt: string | null } | null };
const material = (c: CaseJson, key: string) => (c.materials as Material[]).find((m) => m.key === key);
const post = (token: string, url: string, payload: unknown) => t.as(token, { method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (token: string, url: string) => t.as(token, { method: 'GET', url });

async function issueTo(person: { name: string; idNumber: string }): Promise<{ id: string; identifier: string }> {
  const res = await post(world.tokens.reviewer, '/api/licenses', { typeId, holder: { type: 'person', name: person.name, idNumber: person.idNumber }, fields: { childName: '张小明', certificateNo: 'Y530001' } });
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.body}`);
  return res.json() as { id: string; identifier: string };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cases-'));
  t = await createTestApp({ dataDir });
  world = await makeCaseWorld(t);
  // The handling department also issues 出生医学证明-like licences here (its reviewer holds license.issue).
  await createSeal(t.kernel, { actor: systemActor('test'), input: { departmentId: world.departmentId, kind: 'licence' } });
  typeCode = `B${Date.now().toString(36).toUpperCase()}`;
  const type = await createLicenseType(t.kernel, {
    actor: systemActor('test'),
    input: createLicenseTypeInput.parse({
      code: typeCode,
      name: '出生医学证明',
      departmentId: world.departmentId,
      holderType: 'person',
      fields: [
        { key: 'childName', name: '新生儿姓名', kind: 'text', isRequired: true },
        { key: 'certificateNo', name: '证明编号', kind: 'text', isRequired: true },
      ],
      validity: { mode: 'permanent' },
      trustLevel: 'A',
    }),
  });
  typeId = type.id;
  const materials = (birthElements().materials as Record<string, unknown>[]).map((m) => (m.key === 'birthCertificate' ? { ...m, licenseTypeCode: typeCode } : m));
  versionId = (await publishItem(t, world.catalogue, { departmentId: world.departmentId, regionCode: world.tree.county, elements: birthElements({ materials: materials as never }) })).versionId;
  holder = await registerCitizen(t);
  other = await registerCitizen(t);
  await issueTo(holder);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const application = { values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } };

describe('免证办 when applying online', () => {
  it('shows beforehand which materials the applicant’s licences satisfy', async () => {
    const res = await get(holder.token, `/api/cases/license-materials?itemVersionId=${versionId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ materialKey: 'birthCertificate', license: expect.objectContaining({ typeName: '出生医学证明', fetchedAt: null }) })]);
    expect((await get(other.token, `/api/cases/license-materials?itemVersionId=${versionId}`)).json().items).toEqual([]);
    expect((await get(world.tokens.clerk, `/api/cases/license-materials?itemVersionId=${versionId}`)).statusCode).toBe(403);
    expect((await get(holder.token, '/api/cases/license-materials?itemVersionId=nope')).statusCode).toBe(400);
  });

  it('submits without the upload: the licence is fetched, kept on the case, and its use recorded for the holder', async () => {
    const res = await post(holder.token, '/api/cases', { itemVersionId: versionId, ...application, submit: true });
    expect(res.statusCode).toBe(201);
    const submitted = res.json() as CaseJson;
    const fetched = material(submitted, 'birthCertificate');
    expect(fetched).toMatchObject({ mode: 'license', license: { typeName: '出生医学证明', fetchedAt: expect.any(String) } });
    expect(fetched?.license?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'certificateNo', value: 'Y530001' })]));
    // The holder sees who used the licence, for which case.
    const uses = (await get(holder.token, '/api/my/license-uses')).json() as { items: { caseNumber: string; purpose: string }[] };
    expect(uses.items).toContainEqual(expect.objectContaining({ caseNumber: submitted.caseNumber, purpose: '免证办' }));
    // The reviewer sees the licence data in the case.
    const accepted = await post(world.tokens.clerk, `/api/cases/${submitted.id}/actions/accept`, { version: submitted.version });
    expect(accepted.statusCode).toBe(200);
    expect(material(accepted.json() as CaseJson, 'birthCertificate')?.license?.identifier).toBe(fetched?.license?.identifier);
    const counts = await t.kernel.db.selectFrom('cases').select(['materials_required', 'materials_fetched']).where('id', '=', submitted.id).executeTakeFirstOrThrow();
    expect(counts).toEqual({ materials_required: 3, materials_fetched: 1 });
    expect(await verifyAuditChain(t.kernel.db)).toMatchObject({ ok: true });
  });

  it('also fetches when a saved draft is submitted later', async () => {
    const draft = (await post(holder.token, '/api/cases', { itemVersionId: versionId, ...application })).json() as CaseJson;
    const res = await post(holder.token, `/api/cases/${draft.id}/submit`, { version: draft.version });
    expect(res.statusCode).toBe(200);
    expect(material(res.json() as CaseJson, 'birthCertificate')?.mode).toBe('license');
  });

  it('the applicant may decline the fetch (upload) and hand in the file; an uploaded material is never fetched', async () => {
    const declined = await post(holder.token, '/api/cases', { itemVersionId: versionId, values: birthValues, materialChoices: { ...application.materialChoices, birthCertificate: 'upload' }, submit: true });
    expect(declined.statusCode).toBe(400);
    expect(declined.json().errors).toContainEqual(expect.objectContaining({ field: 'materials.birthCertificate', code: 'cases.materialMissing' }));
    const notLicensed = await post(holder.token, '/api/cases', { itemVersionId: versionId, values: birthValues, materialChoices: { householdBook: 'upload' } });
    expect(notLicensed.statusCode).toBe(400);
    expect(notLicensed.json().errors).toContainEqual(expect.objectContaining({ field: 'materialChoices.householdBook', code: 'cases.uploadChoiceNotLicensed' }));
    const draft = (await post(holder.token, '/api/cases', { itemVersionId: versionId, ...application })).json() as CaseJson;
    const upload = await t.as(holder.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'birth.pdf') });
    expect(upload.statusCode).toBe(201);
    const submitted = await post(holder.token, `/api/cases/${draft.id}/submit`, { version: (await get(holder.token, `/api/cases/${draft.id}`)).json().version });
    expect(submitted.statusCode).toBe(200);
    expect(material(submitted.json() as CaseJson, 'birthCertificate')?.mode).toBe('upload');
    expect(await t.kernel.db.selectFrom('case_licenses').select('material_key').where('case_id', '=', draft.id).execute()).toEqual([]);
  });

  it('still asks an applicant without a valid licence for the upload, and leaves nothing behind', async () => {
    const res = await post(other.token, '/api/cases', { itemVersionId: versionId, ...application, submit: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'materials.birthCertificate', code: 'cases.materialMissing' }));
  });

  it('does not fetch a revoked licence', async () => {
    const person = await registerCitizen(t);
    const license = await issueTo(person);
    const revoked = await post(world.tokens.reviewer, `/api/licenses/${license.id}/revoke`, { reason: '证明信息有误', version: 1 });
    expect(revoked.statusCode).toBe(200);
    expect((await get(person.token, `/api/cases/license-materials?itemVersionId=${versionId}`)).json().items).toEqual([]);
    expect((await post(person.token, '/api/cases', { itemVersionId: versionId, ...application, submit: true })).statusCode).toBe(400);
  });
});

describe('免证办 at the comprehensive window', () => {
  it('the clerk sees what a walk-in need not bring, and the filing fetches it', async () => {
    const walkIn = { name: '赵𠮷', idNumber: makeIdNumber() };
    await issueTo(walkIn);
    const preview = await post(world.tokens.windowClerk, '/api/window/license-materials', { itemVersionId: versionId, applicant: { type: 'person', idNumber: walkIn.idNumber } });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().items.map((i: { materialKey: string }) => i.materialKey)).toEqual(['birthCertificate']);
    expect((await post(holder.token, '/api/window/license-materials', { itemVersionId: versionId, applicant: { type: 'person', idNumber: walkIn.idNumber } })).statusCode).toBe(403);
    expect((await post(world.tokens.windowClerk, '/api/window/license-materials', { itemVersionId: versionId, applicant: { type: 'person', idNumber: '123' } })).statusCode).toBe(400);
    const filed = await post(world.tokens.windowClerk, '/api/window/cases', { itemVersionId: versionId, applicant: { type: 'person', ...walkIn, phone: null }, ...application, submit: true });
    expect(filed.statusCode).toBe(201);
    expect(material(filed.json() as CaseJson, 'birthCertificate')?.mode).toBe('license');
  });
});

describe('免证办率', () => {
  it('counts fetched ÷ required materials per item and overall for the leader’s region', async () => {
    const res = await get(world.tokens.leader, '/api/cases/license-free-rate');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const item = body.items.find((i: { cases: number }) => i.cases > 0);
    // Every submitted case asked for three materials; all but the one uploaded by choice fetched the licence.
    expect(item).toMatchObject({ required: item.cases * 3, fetched: item.cases - 1 });
    expect(body.overall.rate).toBeCloseTo((item.cases - 1) / (item.cases * 3), 3);
    expect((await get(holder.token, '/api/cases/license-free-rate')).statusCode).toBe(403);
    expect((await get(world.tokens.leader, '/api/cases/license-free-rate?from=2026-12-01&to=2026-11-01')).statusCode).toBe(400);
    expect((await get(world.tokens.leader, '/api/cases/license-free-rate?from=yesterday')).statusCode).toBe(400);
  });
});
