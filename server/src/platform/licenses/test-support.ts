import crypto from 'node:crypto';
import type { CreateLicenseTypeInput, LicenseTypeView, LicenseView, StaffRole } from '@zhengtong/contracts';
import { createLicenseTypeInput } from '@zhengtong/contracts';
import { systemActor } from '../../kernel/authz';
import { createTestApp, makeDepartment, makeEnterpriseCreditCode, makeIdNumber, makePhone, makeRegionTree, makeStaff, uniqueSuffix, type TestApp } from '../../testing';
import { createSeal } from '../seals';
import { createLicenseType } from './types';
import { tables } from './tables';

// Test-only: a region with an issuing department (with its 证照专用章), staff of every relevant role, registered
// citizens and an enterprise with an authorised agent, and licence types of both holder kinds.

export type Citizen = { token: string; accountId: string; name: string; idNumber: string };
export type Enterprise = { token: string; accountId: string; enterpriseId: string; name: string; creditCode: string };

export async function registerCitizen(t: TestApp, name = '测试𠮷祥'): Promise<Citizen> {
  const idNumber = makeIdNumber();
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name, idNumber, phone: makePhone(), password: 'Strong#Pass1' } });
  if (res.statusCode !== 201) throw new Error(`citizen registration failed: ${res.body}`);
  const token = res.json().token as string;
  const me = (await t.as(token, { method: 'GET', url: '/api/me' })).json();
  return { token, accountId: me.accountId as string, name: me.displayName as string, idNumber };
}

export async function registerEnterprise(t: TestApp, legalRep: Citizen): Promise<Enterprise> {
  const creditCode = makeEnterpriseCreditCode();
  const name = `云溪市测试${uniqueSuffix()}有限公司`;
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/enterprise', payload: { name, creditCode, legalRepName: legalRep.name, legalRepIdNumber: legalRep.idNumber, password: 'Strong#Pass1' } });
  if (res.statusCode !== 201) throw new Error(`enterprise registration failed: ${res.body}`);
  const token = res.json().token as string;
  const me = (await t.as(token, { method: 'GET', url: '/api/me' })).json();
  return { token, accountId: me.accountId as string, enterpriseId: me.enterpriseId as string, name, creditCode };
}

/** Makes `citizen` the enterprise's authorised agent and returns a token acting for it. */
export async function actingAgent(t: TestApp, enterprise: Enterprise, citizen: Citizen): Promise<string> {
  const grant = await t.as(enterprise.token, { method: 'POST', url: '/api/enterprise-agents', payload: { idNumber: citizen.idNumber, name: citizen.name } });
  if (grant.statusCode !== 201) throw new Error(`agent grant failed: ${grant.body}`);
  const acting = await t.as(citizen.token, { method: 'POST', url: '/api/auth/act-as', payload: { enterpriseId: enterprise.enterpriseId } });
  if (acting.statusCode !== 200) throw new Error(`act-as failed: ${acting.body}`);
  return citizen.token;
}

export async function makeLicenseSeal(t: TestApp, departmentId: string) {
  return createSeal(t.kernel, { actor: systemActor('test'), input: { departmentId, kind: 'licence' } });
}

export function typeCode(): string {
  return `T${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
}

export async function makeType(t: TestApp, input: Partial<CreateLicenseTypeInput> & { departmentId: string }): Promise<LicenseTypeView> {
  const parsed = createLicenseTypeInput.parse({
    code: typeCode(),
    name: '测试许可证',
    holderType: 'person',
    fields: [
      { key: 'scope', name: '许可范围', kind: 'text', isRequired: true },
      { key: 'grade', name: '等级', kind: 'number' },
    ],
    validity: { mode: 'years', years: 5 },
    trustLevel: 'A',
    ...input,
  });
  return createLicenseType(t.kernel, { actor: systemActor('test'), input: parsed });
}

export type World = {
  t: TestApp;
  tree: Awaited<ReturnType<typeof makeRegionTree>>;
  issuer: { id: string; name: string; regionCode: string };
  other: { id: string; name: string; regionCode: string };
  staff: Record<'reviewer' | 'otherReviewer' | 'clerk' | 'inspector' | 'catalogue' | 'sysadmin', string>;
  citizen: Citizen;
  stranger: Citizen;
  enterprise: Enterprise;
  agentToken: string;
  personType: LicenseTypeView;
  enterpriseType: LicenseTypeView;
};

export async function makeWorld(): Promise<World> {
  const t = await createTestApp();
  const tree = await makeRegionTree(t.kernel);
  const issuer = await makeDepartment(t.kernel, tree.county, `测试市场监管局${uniqueSuffix()}`);
  const other = await makeDepartment(t.kernel, tree.county, `测试卫健委${uniqueSuffix()}`);
  await makeLicenseSeal(t, issuer.id);
  await makeLicenseSeal(t, other.id);
  const roles: Record<keyof World['staff'], { department: string; region: string; roles: StaffRole[] }> = {
    reviewer: { department: issuer.id, region: tree.county, roles: ['reviewer'] },
    otherReviewer: { department: other.id, region: tree.county, roles: ['reviewer'] },
    clerk: { department: issuer.id, region: tree.county, roles: ['clerk'] },
    inspector: { department: other.id, region: tree.county, roles: ['inspector'] },
    catalogue: { department: other.id, region: tree.city, roles: ['catalogue-admin'] },
    sysadmin: { department: issuer.id, region: tree.city, roles: ['sysadmin'] },
  };
  const staff = {} as World['staff'];
  for (const [key, s] of Object.entries(roles) as [keyof World['staff'], (typeof roles)[keyof World['staff']]][]) {
    const made = await makeStaff(t.kernel, { departmentId: s.department, regionCode: s.region, roles: s.roles });
    staff[key] = await t.login(made.username, made.password);
  }
  const citizen = await registerCitizen(t, '张测试');
  const stranger = await registerCitizen(t, '李测试');
  const enterprise = await registerEnterprise(t, citizen);
  const agent = await registerCitizen(t, '王经办');
  const agentToken = await actingAgent(t, enterprise, agent);
  const personType = await makeType(t, { departmentId: issuer.id, name: '测试从业资格证' });
  const enterpriseType = await makeType(t, {
    departmentId: issuer.id,
    name: '测试经营许可证',
    holderType: 'enterprise',
    fields: [
      { key: 'scope', name: '经营项目', kind: 'text', isRequired: true, source: 'result.scope' },
      { key: 'validUntil', name: '有效期至', kind: 'date', isRequired: true, source: 'result.validUntil' },
    ],
    validity: { mode: 'field', field: 'validUntil' },
  });
  return { t, tree, issuer, other, staff, citizen, stranger, enterprise, agentToken, personType, enterpriseType };
}

/** Issues a licence by hand as the issuing department's reviewer. */
export async function issuePerson(w: World, holder: { name: string; idNumber: string }, extra: Record<string, unknown> = {}): Promise<LicenseView> {
  const res = await w.t.as(w.staff.reviewer, { method: 'POST', url: '/api/licenses', payload: { typeId: w.personType.id, holder: { type: 'person', ...holder }, fields: { scope: '道路货物运输' }, ...extra } });
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
  return res.json() as LicenseView;
}

export async function issueEnterprise(w: World, extra: Record<string, unknown> = {}): Promise<LicenseView> {
  const res = await w.t.as(w.staff.reviewer, {
    method: 'POST',
    url: '/api/licenses',
    payload: { typeId: w.enterpriseType.id, holder: { type: 'enterprise', name: w.enterprise.name, creditCode: w.enterprise.creditCode }, fields: { scope: '预包装食品销售', validUntil: '2099-12-31' }, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
  return res.json() as LicenseView;
}

/** Moves a licence's last valid day into the past, as time would. */
export async function backdateValidity(t: TestApp, id: string, validTo: string): Promise<void> {
  await tables(t.kernel.db).updateTable('licenses').set({ valid_from: '2000-01-01', valid_to: validTo }).where('id', '=', id).execute();
}
