import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { PublishedDataResource, StaffRole } from '@zhengtong/contracts';
import { inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { createTestApp, makeDepartment, makeEnterpriseCreditCode, makeIdNumber, makePhone, makeRegionTree, makeStaff, publishTestResource, uniqueSuffix, type TestApp } from '../../testing';

// Test-only: a city with a public-security bureau (provider of the person registry), a market regulator (of the entity
// registry), a social-security bureau and a big-data bureau (holding 统一身份认证), their data staff, and registered
// citizens and an enterprise. The registry resources are published on demand, so a test can watch values kept
// before the catalogue has them.

export type Citizen = { token: string; accountId: string; name: string; idNumber: string; phone: string };
export type Enterprise = { token: string; accountId: string; enterpriseId: string; name: string; creditCode: string };
type Department = { id: string; name: string; regionCode: string };

export type RegistryWorld = {
  t: TestApp;
  tree: Awaited<ReturnType<typeof makeRegionTree>>;
  police: Department;
  market: Department;
  hrss: Department;
  bigdata: Department;
  /** Tokens: police / market / hrss data admins, the chief data officer, a consumer, a reader who may unmask, a clerk. */
  staff: Record<'police' | 'market' | 'hrss' | 'chief' | 'consumer' | 'unmasker' | 'clerk', string>;
  citizen: Citizen;
  other: Citizen;
  enterprise: Enterprise;
};

export async function registerCitizen(t: TestApp, name: string): Promise<Citizen> {
  const idNumber = makeIdNumber();
  const phone = makePhone();
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name, idNumber, phone, password: 'Strong#Pass1' } });
  if (res.statusCode !== 201) throw new Error(`citizen registration failed: ${res.body}`);
  const token = res.json().token as string;
  const me = (await t.as(token, { method: 'GET', url: '/api/me' })).json();
  return { token, accountId: me.accountId as string, name, idNumber, phone };
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

export async function makeRegistryWorld(): Promise<RegistryWorld> {
  const t = await createTestApp();
  const tree = await makeRegionTree(t.kernel);
  const police = await makeDepartment(t.kernel, tree.city, `测试公安局${uniqueSuffix()}`);
  const market = await makeDepartment(t.kernel, tree.city, `测试市场监管局${uniqueSuffix()}`);
  const hrss = await makeDepartment(t.kernel, tree.city, `测试人社局${uniqueSuffix()}`);
  const bigdata = await makeDepartment(t.kernel, tree.city, `测试大数据局${uniqueSuffix()}`);
  const roles: Record<keyof RegistryWorld['staff'], { department: Department; roles: StaffRole[] }> = {
    police: { department: police, roles: ['data-admin'] },
    market: { department: market, roles: ['data-admin'] },
    hrss: { department: hrss, roles: ['data-admin'] },
    chief: { department: bigdata, roles: ['chief-data-officer'] },
    consumer: { department: hrss, roles: ['data-consumer'] },
    unmasker: { department: police, roles: ['data-admin', 'reviewer'] },
    clerk: { department: police, roles: ['clerk'] },
  };
  const staff = {} as RegistryWorld['staff'];
  for (const [key, s] of Object.entries(roles) as [keyof RegistryWorld['staff'], (typeof roles)[keyof RegistryWorld['staff']]][]) {
    const made = await makeStaff(t.kernel, { departmentId: s.department.id, regionCode: tree.city, roles: s.roles });
    staff[key] = await t.login(made.username, made.password);
  }
  const citizen = await registerCitizen(t, '张测试');
  const other = await registerCitizen(t, '𠮷测试');
  const enterprise = await registerEnterprise(t, citizen);
  await deliver(t);
  return { t, tree, police, market, hrss, bigdata, staff, citizen, other, enterprise };
}

const common = { shareType: 'conditional', openType: 'closed', level: 'important' } as const;

/** 人口库 as the catalogue will have it: 公安局 provides, the mobile number is the big-data bureau's (统一身份认证). */
export async function publishPersonRegistry(w: RegistryWorld): Promise<PublishedDataResource> {
  return publishTestResource(w.t.kernel, {
    providerDepartmentId: w.police.id,
    regionCode: w.tree.city,
    sourceKind: 'personRegistry',
    definition: {
      name: '人口基础信息',
      catalogueType: 'base',
      shareType: 'conditional',
      legalBasis: '《中华人民共和国居民身份证法》',
      openType: 'closed',
      keyField: 'idNumber',
      fields: [
        { key: 'idNumber', name: '公民身份号码', type: 'string', masking: 'idNumber', ...common },
        { key: 'name', name: '姓名', type: 'string', masking: 'name', ...common },
        { key: 'gender', name: '性别', type: 'string', ...common },
        { key: 'birthDate', name: '出生日期', type: 'date', ...common },
        { key: 'address', name: '户籍地址', type: 'string', masking: 'address', ...common },
        { key: 'mobile', name: '手机号码', type: 'string', masking: 'mobile', sourceDepartmentId: w.bigdata.id, ...common },
      ],
    },
  });
}

/** 法人库: 市场监管局 provides; the legal representative's ID number is personal. */
export async function publishEntityRegistry(w: RegistryWorld): Promise<PublishedDataResource> {
  return publishTestResource(w.t.kernel, {
    providerDepartmentId: w.market.id,
    regionCode: w.tree.city,
    sourceKind: 'entityRegistry',
    definition: {
      name: '法人基础信息',
      catalogueType: 'base',
      shareType: 'unconditional',
      openType: 'restricted',
      keyField: 'creditCode',
      fields: [
        { key: 'creditCode', name: '统一社会信用代码', type: 'string', shareType: 'unconditional', openType: 'restricted', level: 'general' },
        { key: 'name', name: '名称', type: 'string', shareType: 'unconditional', openType: 'restricted', level: 'general' },
        { key: 'legalRepName', name: '法定代表人', type: 'string', masking: 'name', shareType: 'unconditional', openType: 'closed', level: 'general' },
        { key: 'legalRepIdNumber', name: '法定代表人身份证号', type: 'string', masking: 'idNumber', shareType: 'unconditional', openType: 'closed', level: 'important' },
        { key: 'address', name: '住所', type: 'string', shareType: 'unconditional', openType: 'restricted', level: 'general' },
        { key: 'status', name: '登记状态', type: 'string', shareType: 'unconditional', openType: 'restricted', level: 'general' },
        { key: 'establishedOn', name: '成立日期', type: 'date', shareType: 'unconditional', openType: 'restricted', level: 'general' },
      ],
    },
  });
}

/** What the catalogue emits on publishing (publishTestResource writes the tables only). */
export async function announcePublished(w: RegistryWorld, resource: PublishedDataResource): Promise<void> {
  await inTransaction(w.t.kernel.db, (tx) => emit(tx, 'data-resource.published', { id: resource.id, code: resource.code, version: resource.version, providerDepartmentId: resource.providerDepartmentId }));
  await deliver(w.t);
}

/** Delivers outbox events and runs due jobs until nothing is left, as the workers would. */
export async function deliver(t: TestApp): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const events = await t.kernel.outbox.deliverPending(1000);
    const jobs = await t.kernel.jobs.runDue(200);
    if (events === 0 && jobs === 0) return;
  }
}

export function call(t: TestApp, token: string | undefined, method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  const options: InjectOptions = { method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) };
  return token ? t.as(token, options) : t.app.inject(options);
}
