import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataResourceView, StaffRole } from '@zhengtong/contracts';
import { makeDepartment, makeRegionTree, makeStaff, testResourceCode, type TestApp } from '../../testing';

// Test-only: a city with two providers, a consuming department and the platform's 大数据局, staff of each data
// role, and small helpers for the catalogue's API.

export type World = Awaited<ReturnType<typeof makeWorld>>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Who = { token: string; accountId: string } | null;

export async function makeWorld(t: TestApp) {
  const tree = await makeRegionTree(t.kernel);
  const suffix = tree.city.slice(2, 4);
  const bigdata = await makeDepartment(t.kernel, tree.city, `大数据局${suffix}`);
  const police = await makeDepartment(t.kernel, tree.city, `公安局${suffix}`);
  const market = await makeDepartment(t.kernel, tree.city, `市场监管局${suffix}`);
  const hrss = await makeDepartment(t.kernel, tree.city, `人社局${suffix}`);
  const staff = async (departmentId: string, roles: StaffRole[]) => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode: tree.city, roles });
    return { token: await t.login(s.username, s.password), accountId: s.accountId };
  };
  const call = (who: Who, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> => {
    const options: InjectOptions = { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) };
    return who ? t.as(who.token, options) : t.app.inject(options);
  };
  return {
    tree,
    departments: { bigdata, police, market, hrss },
    cdo: await staff(bigdata.id, ['chief-data-officer']),
    policeAdmin: await staff(police.id, ['data-admin']),
    marketAdmin: await staff(market.id, ['data-admin']),
    consumer: await staff(hrss.id, ['data-consumer']),
    clerk: await staff(hrss.id, ['clerk']),
    call,
  };
}

/** A valid definition of a small table resource (one personal key, a town, an integer); override what a test needs. */
export function tableDefinition(overrides: Record<string, unknown> = {}) {
  return {
    name: '低保对象测试表',
    catalogueType: 'department',
    classification: { category: '社会保障', item: '社会救助', directory: '最低生活保障', detail: '' },
    summary: '测试用的低保对象信息',
    format: 'database',
    themes: ['社会救助'],
    keywords: ['低保'],
    shareType: 'conditional',
    legalBasis: '《社会救助暂行办法》',
    shareMethods: ['interface'],
    openType: 'closed',
    updateCycle: 'monthly',
    keyField: 'idNumber',
    fields: [
      { key: 'idNumber', name: '身份证号', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', subLevel: 'L4', masking: 'idNumber' },
      { key: 'name', name: '姓名', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'name' },
      { key: 'town', name: '所属街道', type: 'string', shareType: 'conditional', openType: 'closed', level: 'general', subLevel: 'L2' },
      { key: 'householdSize', name: '家庭人口', type: 'integer', shareType: 'conditional', openType: 'closed', level: 'general' },
      { key: 'since', name: '纳入日期', type: 'date', shareType: 'conditional', openType: 'closed', level: 'general' },
    ],
    ...overrides,
  };
}

/** An open table resource (licences of shops) with an open key. */
export function openDefinition(overrides: Record<string, unknown> = {}) {
  return {
    name: '食品经营许可测试表',
    catalogueType: 'department',
    classification: { category: '市场监管', item: '许可', directory: '', detail: '' },
    summary: '测试用的食品经营许可信息',
    format: 'spreadsheet',
    themes: ['市场监管', '营商环境'],
    shareType: 'unconditional',
    openType: 'open',
    updateCycle: 'daily',
    keyField: 'licenseNumber',
    fields: [
      { key: 'licenseNumber', name: '许可证编号', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general', subLevel: 'L1' },
      { key: 'enterpriseName', name: '经营者名称', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
      { key: 'creditCode', name: '统一社会信用代码', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general', identifier: 'creditCode' },
      { key: 'validUntil', name: '有效期至', type: 'date', shareType: 'unconditional', openType: 'open', level: 'general' },
    ],
    ...overrides,
  };
}

export async function createResource(w: World, who: Who, providerDepartmentId: string, definition: Record<string, unknown>, code = testResourceCode()): Promise<DataResourceView> {
  const res = await w.call(who, 'POST', '/api/data-resources', { code, providerDepartmentId, definition });
  if (res.statusCode !== 201) throw new Error(`create ${code}: ${res.statusCode} ${res.body}`);
  return res.json() as DataResourceView;
}

/** Drafted by the provider's admin, submitted, and published by the chief data officer. */
export async function publishedResource(w: World, who: Who, providerDepartmentId: string, definition: Record<string, unknown>, code?: string): Promise<DataResourceView> {
  const created = await createResource(w, who, providerDepartmentId, definition, code);
  const submitted = await w.call(who, 'POST', `/api/data-resources/${created.id}/submit`, { version: created.version });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.body}`);
  const published = await w.call(w.cdo, 'POST', `/api/data-resources/${created.id}/publish`, { version: (submitted.json() as DataResourceView).version });
  if (published.statusCode !== 200) throw new Error(`publish: ${published.body}`);
  return published.json() as DataResourceView;
}

export const fieldsOf = (res: LightMyRequestResponse) => ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);
