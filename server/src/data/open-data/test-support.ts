import type { LightMyRequestResponse } from 'fastify';
import type { PublishedDataResource } from '@zhengtong/contracts';
import { makeDepartment, makeEnterpriseCreditCode, makeIdNumber, makePhone, makeRegionTree, makeStaff, publishTestResource, uniqueSuffix, type TestApp } from '../../testing';

// Test-only: a region with a providing department, a chief data officer there and one in another city, a department
// data admin, registered developers (two persons and an enterprise), and three datasets written straight into the
// catalogue — an open one with items of every kind, a restricted one (法人-like) and a closed one.

export type Developer = { token: string; accountId: string; name: string; idNumber: string };
export type EnterpriseDev = { token: string; accountId: string; enterpriseId: string; name: string; creditCode: string };

export async function registerCitizen(t: TestApp, name = '测试𠮷祥'): Promise<Developer> {
  const idNumber = makeIdNumber();
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name, idNumber, phone: makePhone(), password: 'Strong#Pass1' } });
  if (res.statusCode !== 201) throw new Error(`citizen registration failed: ${res.body}`);
  const token = res.json().token as string;
  const me = (await t.as(token, { method: 'GET', url: '/api/me' })).json();
  return { token, accountId: me.accountId as string, name: me.displayName as string, idNumber };
}

export async function registerEnterprise(t: TestApp, legalRep: Developer): Promise<EnterpriseDev> {
  const creditCode = makeEnterpriseCreditCode();
  const name = `云溪市开放测试${uniqueSuffix()}有限公司`;
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/enterprise', payload: { name, creditCode, legalRepName: legalRep.name, legalRepIdNumber: legalRep.idNumber, password: 'Strong#Pass1' } });
  if (res.statusCode !== 201) throw new Error(`enterprise registration failed: ${res.body}`);
  const token = res.json().token as string;
  const me = (await t.as(token, { method: 'GET', url: '/api/me' })).json();
  return { token, accountId: me.accountId as string, enterpriseId: me.enterpriseId as string, name, creditCode };
}

export const licenceFields = [
  { key: 'licenseNumber', name: '许可证编号', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
  { key: 'enterpriseName', name: '经营者名称', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
  { key: 'score', name: '量化分级得分', type: 'integer', shareType: 'unconditional', openType: 'open', level: 'general' },
  { key: 'remark', name: '备注', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
  { key: 'ownerMobile', name: '负责人手机', type: 'string', shareType: 'unconditional', openType: 'restricted', level: 'general', masking: 'mobile' },
  { key: 'inspectorId', name: '检查人员身份证号', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'idNumber' },
  { key: 'internalCode', name: '内部编码', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general', masking: 'hidden' },
] as const;

export const entityFields = [
  { key: 'creditCode', name: '统一社会信用代码', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
  { key: 'name', name: '名称', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
  { key: 'legalRepName', name: '法定代表人', type: 'string', shareType: 'unconditional', openType: 'restricted', level: 'general', masking: 'name' },
  { key: 'legalRepIdNumber', name: '法定代表人身份证号', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'idNumber' },
] as const;

export type OpenWorld = {
  t: TestApp;
  tree: Awaited<ReturnType<typeof makeRegionTree>>;
  provider: { id: string; name: string; regionCode: string };
  cdo: string;
  otherCdo: string;
  dataAdmin: string;
  clerk: string;
  citizen: Developer;
  other: Developer;
  enterprise: EnterpriseDev;
  open: PublishedDataResource;
  restricted: PublishedDataResource;
  closed: PublishedDataResource;
  licenceRows: { licenseNumber: string; enterpriseName: string; score: number; remark: string; ownerMobile: string; inspectorId: string; internalCode: string }[];
};

export async function makeOpenWorld(t: TestApp, options: { licenceRows?: number } = {}): Promise<OpenWorld> {
  const tree = await makeRegionTree(t.kernel);
  const provider = await makeDepartment(t.kernel, tree.city, `测试市场监管局${uniqueSuffix()}`);
  const otherTree = await makeRegionTree(t.kernel);
  const otherDept = await makeDepartment(t.kernel, otherTree.city);
  const staff = async (departmentId: string, regionCode: string, roles: Parameters<typeof makeStaff>[1]['roles']) => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode, roles });
    return t.login(s.username, s.password);
  };
  const cdo = await staff(provider.id, tree.city, ['chief-data-officer']);
  const otherCdo = await staff(otherDept.id, otherTree.city, ['chief-data-officer']);
  const dataAdmin = await staff(provider.id, tree.city, ['data-admin']);
  const clerk = await staff(provider.id, tree.city, ['clerk']);
  const citizen = await registerCitizen(t, '开放𠮷祥');
  const other = await registerCitizen(t, '李四');
  const enterprise = await registerEnterprise(t, citizen);

  const count = options.licenceRows ?? 25;
  const licenceRows = Array.from({ length: count }, (_, i) => ({
    licenseNumber: `JY1539902${String(i + 1).padStart(5, '0')}`,
    enterpriseName: i === 0 ? '云溪市"老街",小吃店' : `云溪市第${i + 1}食品店`,
    score: 60 + (i % 40),
    remark: i === 1 ? '=HYPERLINK("http://evil")' : i === 2 ? '多行\n备注' : '',
    ownerMobile: `1390000${String(1000 + i)}`,
    inspectorId: makeIdNumber(),
    internalCode: `SECRET-${i}`,
  }));
  const open = await publishTestResource(t.kernel, {
    providerDepartmentId: provider.id,
    regionCode: tree.city,
    definition: {
      name: `测试食品经营许可信息${uniqueSuffix()}`,
      summary: '全市食品经营许可证的发放情况',
      themes: ['市场监管', '食品安全'],
      keywords: ['食品', '许可'],
      shareType: 'unconditional',
      openType: 'open',
      updateCycle: 'daily',
      format: 'database',
      keyField: 'licenseNumber',
      fields: licenceFields,
    },
    records: licenceRows,
  });
  const restricted = await publishTestResource(t.kernel, {
    providerDepartmentId: provider.id,
    regionCode: tree.city,
    definition: {
      name: `测试法人基础信息${uniqueSuffix()}`,
      summary: '法人基础信息(受限开放)',
      themes: ['法人'],
      keywords: ['企业'],
      shareType: 'unconditional',
      openType: 'restricted',
      updateCycle: 'realtime',
      keyField: 'creditCode',
      fields: entityFields,
    },
    records: [
      { creditCode: makeEnterpriseCreditCode(), name: '云溪市青禾食品有限公司', legalRepName: '张三丰', legalRepIdNumber: makeIdNumber() },
      { creditCode: makeEnterpriseCreditCode(), name: '云溪市翠湖餐饮有限公司', legalRepName: '𠮷祥', legalRepIdNumber: makeIdNumber() },
    ],
  });
  const closed = await publishTestResource(t.kernel, {
    providerDepartmentId: provider.id,
    regionCode: tree.city,
    definition: {
      name: `测试低保对象${uniqueSuffix()}`,
      shareType: 'conditional',
      legalBasis: '《社会救助暂行办法》',
      openType: 'closed',
      keyField: 'idNumber',
      fields: [{ key: 'idNumber', name: '身份证号', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'idNumber' }],
    },
    records: [{ idNumber: makeIdNumber() }],
  });
  return { t, tree, provider, cdo, otherCdo, dataAdmin, clerk, citizen, other, enterprise, open, restricted, closed, licenceRows };
}

export type Call = (token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;

export function caller(t: TestApp): Call {
  return (token, method, url, payload, headers = {}) =>
    t.app.inject({ method, url, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

export async function newKey(call: Call, token: string, name = '测试应用'): Promise<string> {
  const res = await call(token, 'POST', '/api/open/api-keys', { name });
  if (res.statusCode !== 201) throw new Error(`key creation failed: ${res.body}`);
  return res.json().secret as string;
}
