import crypto from 'node:crypto';
import type { ItemVersionElements } from '@zhengtong/contracts';
import { makeDepartment, makeIdNumber, makePhone, makeRegionTree, makeStaff, type TestApp } from '../../testing';

// Test-only helpers: published item versions made through the catalogue's own HTTP routes (this domain never
// touches catalogue tables), citizens registered through identity's routes, and file bodies for uploads.

export type Catalogue = { editor: string; reviewer: string };

/** Two catalogue admins of a region: one drafts and submits, the other approves (the catalogue's four eyes). */
export async function makeCatalogueAdmins(t: TestApp, options: { departmentId: string; regionCode: string }): Promise<Catalogue> {
  const a = await makeStaff(t.kernel, { ...options, roles: ['catalogue-admin'] });
  const b = await makeStaff(t.kernel, { ...options, roles: ['catalogue-admin'] });
  return { editor: await t.login(a.username, a.password), reviewer: await t.login(b.username, b.password) };
}

/** A 出生登记-like item: form with a conditional field, materials with 容缺, 告知承诺 and a proxy letter. */
export function birthElements(overrides: Partial<ItemVersionElements> = {}): Record<string, unknown> {
  return {
    acceptanceConditions: '新生儿父母一方为本市户籍居民',
    legalLimit: { days: 20, unit: 'workingDay', note: '' },
    promisedLimit: { days: 5, unit: 'workingDay', note: '' },
    caseKind: 'promised',
    channels: ['window', 'online'],
    visitsRequired: 0,
    fees: { isCharged: false },
    location: '云溪市民中心二楼 A 区综合窗口',
    hours: '工作日 9:00–17:00',
    consultPhone: '0871-12345678',
    complaintPhone: '12345',
    allowsPledge: true,
    allowsGaps: true,
    materials: [
      { key: 'birthCertificate', name: '出生医学证明', source: 'government', issuer: '助产机构', originals: 1, copies: 0, formats: ['pdf', 'jpg', 'png'], maxSizeMb: 1 },
      { key: 'householdBook', name: '父母户口簿', source: 'applicant', originals: 1, copies: 1, canBeGap: true },
      { key: 'marriageProof', name: '结婚证', source: 'applicant', copies: 1, canBePledged: true },
      { key: 'proxyLetter', name: '授权委托书', source: 'applicant', originals: 1, isRequired: true, appliesWhen: { field: 'byProxy', equals: true } },
    ],
    form: {
      fields: [
        { key: 'childName', label: { 'zh-CN': '新生儿姓名', 'en-US': 'Child name' }, type: 'text', required: true },
        { key: 'birthDate', label: { 'zh-CN': '出生日期', 'en-US': 'Date of birth' }, type: 'date', required: true },
        { key: 'guardianPhone', label: { 'zh-CN': '监护人手机号', 'en-US': 'Guardian phone' }, type: 'phone', required: true },
        { key: 'byProxy', label: { 'zh-CN': '委托他人办理', 'en-US': 'By proxy' }, type: 'checkbox' },
        { key: 'proxyName', label: { 'zh-CN': '受托人姓名', 'en-US': 'Proxy' }, type: 'text', required: true, visibleWhen: { field: 'byProxy', equals: true } },
      ],
    },
    workflow: {
      steps: [
        { key: 'accept', name: '受理', role: 'clerk' },
        { key: 'review', name: '审查', role: 'reviewer' },
        { key: 'decide', name: '决定', role: 'reviewer' },
        { key: 'complete', name: '办结', role: 'clerk' },
      ],
      allowsSpecialProcedure: true,
    },
    resultFields: [{ key: 'registrationNo', label: { 'zh-CN': '户籍登记号', 'en-US': 'Registration number' }, type: 'text', required: true }],
    resultTemplate: '{{applicantName}}:你于 {{acceptedAt}} 受理的{{itemName}}(办件编号 {{caseNumber}}),准予登记。新生儿 {{form.childName}},户籍登记号 {{result.registrationNo}}。',
    ...overrides,
  };
}

async function ok<T>(promise: Promise<{ statusCode: number; body: string; json: () => unknown }>, expected: number, what: string): Promise<T> {
  const res = await promise;
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Creates an item with one implementation and publishes a version with `elements`; returns the version id. */
export async function publishItem(
  t: TestApp,
  catalogue: Catalogue,
  options: { departmentId: string; regionCode: string; elements?: Record<string, unknown>; item?: Record<string, unknown> },
): Promise<{ versionId: string; implementationId: string; serviceItemId: string }> {
  const suffix = crypto.randomBytes(4).toString('hex').toUpperCase();
  const item = await ok<{ id: string }>(
    t.as(catalogue.editor, {
      method: 'POST',
      url: '/api/service-items',
      payload: {
        basicCode: `T${suffix}0001`,
        name: `出生登记${suffix}`,
        type: 'confirmation',
        powerSource: 'statutory',
        basis: [{ name: '《中华人民共和国户口登记条例》', article: '第七条' }],
        audience: 'person',
        departmentCategory: '公安',
        regionCode: options.regionCode,
        ...options.item,
      },
    }),
    201,
    'create item',
  );
  const implementation = await ok<{ id: string }>(
    t.as(catalogue.editor, { method: 'POST', url: `/api/service-items/${item.id}/implementations`, payload: { departmentId: options.departmentId, regionCode: options.regionCode } }),
    201,
    'create implementation',
  );
  const draft = await ok<{ id: string; revision: number }>(t.as(catalogue.editor, { method: 'POST', url: `/api/service-item-implementations/${implementation.id}/versions`, payload: {} }), 201, 'create draft');
  const edited = await ok<{ revision: number }>(
    t.as(catalogue.editor, { method: 'PUT', url: `/api/service-item-versions/${draft.id}`, payload: { elements: options.elements ?? birthElements(), revision: draft.revision } }),
    200,
    'edit draft',
  );
  const submitted = await ok<{ revision: number }>(t.as(catalogue.editor, { method: 'POST', url: `/api/service-item-versions/${draft.id}/submit`, payload: { revision: edited.revision } }), 200, 'submit version');
  await ok(t.as(catalogue.reviewer, { method: 'POST', url: `/api/service-item-versions/${draft.id}/approve`, payload: { revision: submitted.revision } }), 200, 'approve version');
  return { versionId: draft.id, implementationId: implementation.id, serviceItemId: item.id };
}

export type Citizen = { token: string; idNumber: string; phone: string; name: string; accountId: string };

const givenNames = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const randomName = () => `王${Array.from({ length: 2 }, () => givenNames[crypto.randomInt(givenNames.length)] ?? '明').join('')}`;

export async function registerCitizen(t: TestApp, name = randomName()): Promise<Citizen> {
  const idNumber = makeIdNumber();
  const phone = makePhone();
  const res = await ok<{ token: string; me: { accountId: string } }>(
    t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name, idNumber, phone, password: 'Citizen#2026x' } }),
    201,
    'register citizen',
  );
  return { token: res.token, idNumber, phone, name, accountId: res.me.accountId };
}

export const samplePdf = (text = 'sample'): Buffer => Buffer.from(`%PDF-1.7\n% ${text} ${crypto.randomBytes(8).toString('hex')}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
export const samplePng = (): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);
/** A Windows executable's first bytes: what a renamed .exe looks like inside. */
export const sampleExe = (): Buffer => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.'), crypto.randomBytes(64)]);

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartFile(file: Buffer, filename: string, contentType = 'application/pdf'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zt${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export type CaseWorld = {
  tree: Awaited<ReturnType<typeof makeRegionTree>>;
  departmentId: string;
  otherDepartmentId: string;
  windowDepartmentId: string;
  farDepartmentId: string;
  catalogue: Catalogue;
  versionId: string;
  tokens: Record<'clerk' | 'clerk2' | 'reviewer' | 'otherReviewer' | 'farClerk' | 'windowClerk' | 'leader' | 'sysadmin', string>;
};

/**
 * A county with the implementing department (clerk, second clerk, reviewer), a sister department (reviewer), the
 * county's government service centre (window clerk), a department of another county (clerk), a leader and a
 * system admin, and a published 出生登记-like item.
 */
export async function makeCaseWorld(t: TestApp, options: { elements?: Record<string, unknown> } = {}): Promise<CaseWorld> {
  const tree = await makeRegionTree(t.kernel);
  const dept = await makeDepartment(t.kernel, tree.county, `公安分局${crypto.randomBytes(2).toString('hex')}`);
  const other = await makeDepartment(t.kernel, tree.county, `卫健局${crypto.randomBytes(2).toString('hex')}`);
  const window = await makeDepartment(t.kernel, tree.county, `政务服务中心${crypto.randomBytes(2).toString('hex')}`);
  const far = await makeDepartment(t.kernel, tree.otherCounty, `外县公安局${crypto.randomBytes(2).toString('hex')}`);
  const catalogue = await makeCatalogueAdmins(t, { departmentId: dept.id, regionCode: tree.county });
  const { versionId } = await publishItem(t, catalogue, { departmentId: dept.id, regionCode: tree.county, elements: options.elements });
  const staff = {
    clerk: await makeStaff(t.kernel, { departmentId: dept.id, regionCode: tree.county, roles: ['clerk'] }),
    clerk2: await makeStaff(t.kernel, { departmentId: dept.id, regionCode: tree.county, roles: ['clerk'] }),
    reviewer: await makeStaff(t.kernel, { departmentId: dept.id, regionCode: tree.county, roles: ['reviewer'] }),
    otherReviewer: await makeStaff(t.kernel, { departmentId: other.id, regionCode: tree.county, roles: ['reviewer'] }),
    farClerk: await makeStaff(t.kernel, { departmentId: far.id, regionCode: tree.otherCounty, roles: ['clerk'] }),
    windowClerk: await makeStaff(t.kernel, { departmentId: window.id, regionCode: tree.county, roles: ['clerk'] }),
    leader: await makeStaff(t.kernel, { departmentId: window.id, regionCode: tree.county, roles: ['leader'] }),
    sysadmin: await makeStaff(t.kernel, { departmentId: window.id, regionCode: tree.county, roles: ['sysadmin'] }),
  };
  const tokens = {} as CaseWorld['tokens'];
  for (const [key, s] of Object.entries(staff) as [keyof CaseWorld['tokens'], { username: string; password: string }][]) tokens[key] = await t.login(s.username, s.password);
  return { tree, departmentId: dept.id, otherDepartmentId: other.id, windowDepartmentId: window.id, farDepartmentId: far.id, catalogue, versionId, tokens };
}

export const birthValues = { childName: '张小明', birthDate: '2026-10-02', guardianPhone: '13912345678' };

export type CaseJson = Record<string, unknown> & { id: string; version: number; status: string };

/** A submitted case of `citizen` (birth certificate uploaded, 户口簿 容缺, 结婚证 告知承诺). */
export async function submittedCase(t: TestApp, citizen: Citizen, versionId: string): Promise<CaseJson> {
  const draft = await ok<CaseJson>(t.as(citizen.token, { method: 'POST', url: '/api/cases', payload: { itemVersionId: versionId, values: birthValues, materialChoices: { householdBook: 'gap', marriageProof: 'pledge' } } }), 201, 'create case');
  await ok(t.as(citizen.token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'birth.pdf') }), 201, 'upload');
  return ok<CaseJson>(t.as(citizen.token, { method: 'POST', url: `/api/cases/${draft.id}/submit`, payload: { version: draft.version } }), 200, 'submit');
}

/** Takes a staff action and returns the new view (fails the test on anything but 200). */
export async function staffAct(t: TestApp, token: string, c: CaseJson, action: string, body: Record<string, unknown> = {}): Promise<CaseJson> {
  return ok<CaseJson>(t.as(token, { method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, payload: { version: c.version, ...body } }), 200, action);
}
