import crypto from 'node:crypto';
import type { IdentityCodePreset } from '@zhengtong/contracts';
import { makeDepartment, makeEnterpriseCreditCode, makeIdNumber, makePhone, makeRegionTree, makeStaff, type TestApp } from '../../testing';

// The people of the identity-code tests, all made through the real routes (registration, agents, act-as) or the
// shared factories: a 政务服务局 clerk and an inspector of another department who may scan, a reviewer and a security
// admin who may not, citizens, an enterprise, and a citizen acting as the enterprise's agent.

export const CITIZEN_PASSWORD = 'Citizen#2026x';

export type Holder = { token: string; accountId: string; name: string; idNumber: string; phone: string };
export type EnterpriseHolder = { token: string; enterpriseId: string; name: string; creditCode: string };

async function created<T>(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, what: string): Promise<T> {
  const res = await response;
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

const givenNames = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const randomName = () => `李${Array.from({ length: 2 }, () => givenNames[crypto.randomInt(givenNames.length)] ?? '明').join('')}`;

export async function registerCitizen(t: TestApp, name = randomName()): Promise<Holder> {
  const idNumber = makeIdNumber();
  const phone = makePhone();
  const body = await created<{ token: string; me: { accountId: string } }>(
    t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name, idNumber, phone, password: CITIZEN_PASSWORD } }),
    'register citizen',
  );
  return { token: body.token, accountId: body.me.accountId, name, idNumber, phone };
}

export async function registerEnterprise(t: TestApp): Promise<EnterpriseHolder> {
  const name = `云溪市测试${crypto.randomBytes(2).toString('hex')}科技有限公司`;
  const creditCode = makeEnterpriseCreditCode();
  const body = await created<{ token: string; me: { enterpriseId: string } }>(
    t.app.inject({ method: 'POST', url: '/api/registrations/enterprise', payload: { name, creditCode, legalRepName: '赵法人', legalRepIdNumber: makeIdNumber(), password: CITIZEN_PASSWORD } }),
    'register enterprise',
  );
  return { token: body.token, enterpriseId: body.me.enterpriseId, name, creditCode };
}

/** A citizen the enterprise authorised as 经办人, signed in a second time and acting for the enterprise. */
export async function actingAgent(t: TestApp, enterprise: EnterpriseHolder): Promise<Holder & { actingToken: string }> {
  const agent = await registerCitizen(t);
  await created(t.as(enterprise.token, { method: 'POST', url: '/api/enterprise-agents', payload: { idNumber: agent.idNumber, name: agent.name } }), 'grant agent');
  const actingToken = await t.login(agent.idNumber, CITIZEN_PASSWORD);
  await created(t.as(actingToken, { method: 'POST', url: '/api/auth/act-as', payload: { enterpriseId: enterprise.enterpriseId } }), 'act as');
  return { ...agent, actingToken };
}

export type CodeWorld = {
  departmentName: string;
  inspectorDepartmentName: string;
  tokens: Record<'clerk' | 'inspector' | 'reviewer' | 'secadmin', string>;
  accountIds: Record<'clerk' | 'inspector', string>;
};

export async function makeCodeWorld(t: TestApp): Promise<CodeWorld> {
  const tree = await makeRegionTree(t.kernel);
  const hall = await makeDepartment(t.kernel, tree.county, `政务服务局${crypto.randomBytes(2).toString('hex')}`);
  const market = await makeDepartment(t.kernel, tree.county, `市场监管局${crypto.randomBytes(2).toString('hex')}`);
  const clerk = await makeStaff(t.kernel, { departmentId: hall.id, regionCode: tree.county, roles: ['clerk'] });
  const inspector = await makeStaff(t.kernel, { departmentId: market.id, regionCode: tree.county, roles: ['inspector'] });
  const reviewer = await makeStaff(t.kernel, { departmentId: market.id, regionCode: tree.county, roles: ['reviewer'] });
  const secadmin = await makeStaff(t.kernel, { departmentId: hall.id, regionCode: tree.county, roles: ['secadmin'] });
  return {
    departmentName: hall.name,
    inspectorDepartmentName: market.name,
    tokens: {
      clerk: await t.login(clerk.username, clerk.password),
      inspector: await t.login(inspector.username, inspector.password),
      reviewer: await t.login(reviewer.username, reviewer.password),
      secadmin: await t.login(secadmin.username, secadmin.password),
    },
    accountIds: { clerk: clerk.accountId, inspector: inspector.accountId },
  };
}

export async function mint(t: TestApp, token: string, preset: IdentityCodePreset): Promise<{ code: string; [key: string]: unknown }> {
  return created(t.as(token, { method: 'POST', url: '/api/me/identity-code', payload: { preset } }), `mint ${preset}`);
}

export function scan(t: TestApp, token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.as(token, { method: 'POST', url: '/api/identity-codes/scan', payload: body, headers });
}
