import { expect } from 'vitest';
import type { ExchangeClientSecretView, PublishedDataResource, ShareRequestView } from '@zhengtong/contracts';
import { toLocalDate } from '../../kernel/calendar';
import { makeDepartment, makeIdNumber, makePhone, makeRegionTree, makeStaff, publishTestResource, type TestApp } from '../../testing';

// The people and resources of the exchange tests, made fresh per test file: a provider (公安局-like, with a conditional
// person resource and an unconditional one), a consuming department, the platform, and outsiders who must be refused.

export type ExchangeWorld = {
  tokens: Record<'consumer' | 'consumer2' | 'platform' | 'provider' | 'otherProvider' | 'otherConsumer' | 'reviewer', string>;
  departments: Record<'provider' | 'consumer' | 'platform' | 'other', string>;
  /** 有条件共享, key 身份证号, with a hidden field and a field not shared. */
  people: PublishedDataResource;
  /** 无条件共享, key licence number. */
  licences: PublishedDataResource;
  citizens: { idNumber: string; name: string; mobile: string }[];
};

export const today = () => toLocalDate(new Date());
export const inDays = (days: number) => toLocalDate(new Date(Date.now() + days * 86_400_000));

export async function makeExchangeWorld(t: TestApp): Promise<ExchangeWorld> {
  const tree = await makeRegionTree(t.kernel);
  const provider = await makeDepartment(t.kernel, tree.city, `测试公安局${Math.random().toString(36).slice(2, 6)}`);
  const consumer = await makeDepartment(t.kernel, tree.city, `测试人社局${Math.random().toString(36).slice(2, 6)}`);
  const platform = await makeDepartment(t.kernel, tree.city, `测试大数据局${Math.random().toString(36).slice(2, 6)}`);
  const other = await makeDepartment(t.kernel, tree.city);
  const staff = async (departmentId: string, roles: Parameters<typeof makeStaff>[1]['roles']) => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode: tree.city, roles });
    return t.login(s.username, s.password);
  };
  const tokens = {
    consumer: await staff(consumer.id, ['data-consumer']),
    consumer2: await staff(consumer.id, ['data-consumer']),
    platform: await staff(platform.id, ['chief-data-officer']),
    provider: await staff(provider.id, ['data-admin']),
    otherProvider: await staff(other.id, ['data-admin']),
    otherConsumer: await staff(other.id, ['data-consumer']),
    reviewer: await staff(provider.id, ['reviewer']),
  };
  const citizens = [
    { idNumber: makeIdNumber(), name: '张三丰', mobile: '13912345678' },
    { idNumber: makeIdNumber(), name: '𠮷祥', mobile: '13800001111' },
  ];
  const people = await publishTestResource(t.kernel, {
    providerDepartmentId: provider.id,
    regionCode: tree.city,
    sourceKind: 'personRegistry',
    definition: {
      name: '测试人口基础信息',
      shareType: 'conditional',
      legalBasis: '《中华人民共和国居民身份证法》',
      openType: 'closed',
      keyField: 'idNumber',
      fields: [
        { key: 'idNumber', name: '身份证号', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'idNumber' },
        { key: 'name', name: '姓名', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'name' },
        { key: 'gender', name: '性别', type: 'string', shareType: 'conditional', openType: 'closed', level: 'general' },
        { key: 'mobile', name: '手机号码', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'mobile' },
        { key: 'secretNote', name: '内部备注', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'hidden' },
        { key: 'religion', name: '宗教信仰', type: 'string', shareType: 'none', openType: 'closed', level: 'core', masking: 'hidden' },
      ],
    },
    records: citizens.map((c) => ({ idNumber: c.idNumber, name: c.name, gender: '男', mobile: c.mobile, secretNote: '内部', religion: '无' })),
  });
  const licences = await publishTestResource(t.kernel, {
    providerDepartmentId: provider.id,
    regionCode: tree.city,
    definition: {
      name: '测试许可信息',
      shareType: 'unconditional',
      openType: 'open',
      keyField: 'licenseNumber',
      fields: [
        { key: 'licenseNumber', name: '许可证编号', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
        { key: 'holder', name: '经营者', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
        { key: 'legalRep', name: '法定代表人', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general', masking: 'name' },
        { key: 'address', name: '地址', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general', masking: 'address' },
      ],
    },
    records: [
      { licenseNumber: 'JY15399020001', holder: '云溪青禾食品', legalRep: '欧阳修', address: '云溪市澜沧区翠湖路 18 号' },
      { licenseNumber: 'JY15399020002', holder: '云溪绿源物流', legalRep: '李四', address: '云溪市澜沧区滨江大道 66 号' },
    ],
  });
  return { tokens, departments: { provider: provider.id, consumer: consumer.id, platform: platform.id, other: other.id }, people, licences, citizens };
}

type Inject = { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: Record<string, unknown> };

/** A call as a signed-in person; the body parsed. */
export async function call<T = unknown>(t: TestApp, token: string, req: Inject, expected = 200): Promise<T> {
  const res = await t.as(token, req);
  expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBe(expected);
  return res.json() as T;
}

export function requestInput(resource: PublishedDataResource, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resource: resource.code,
    fields: resource.fields.filter((f) => f.shareType !== 'none' && f.masking !== 'hidden').map((f) => f.key),
    purpose: '办理社会保险参保登记时核验身份',
    legalBasis: '《社会保险法》第五十七条',
    validFrom: today(),
    validTo: inDays(180),
    expectedDailyVolume: 1000,
    ...overrides,
  };
}

/** A request taken through to approval (platform, then the provider when conditional). */
export async function approvedRequest(
  t: TestApp,
  world: ExchangeWorld,
  resource: PublishedDataResource,
  options: { input?: Record<string, unknown>; review?: Record<string, unknown>; unmaskedFields?: string[] } = {},
): Promise<ShareRequestView> {
  let request = await call<ShareRequestView>(t, world.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(resource, options.input) }, 201);
  request = await call<ShareRequestView>(t, world.tokens.platform, { method: 'POST', url: `/api/share-requests/${request.id}/review`, payload: { decision: 'approve', version: request.version, ...options.review } });
  if (request.status === 'providerReview') {
    request = await call<ShareRequestView>(t, world.tokens.provider, {
      method: 'POST',
      url: `/api/share-requests/${request.id}/answer`,
      payload: { decision: 'approve', version: request.version, unmaskedFields: options.unmaskedFields ?? [] },
    });
  }
  expect(request.status).toBe('approved');
  return request;
}

export async function makeClient(t: TestApp, token: string, name = '社保业务系统'): Promise<ExchangeClientSecretView> {
  return call<ExchangeClientSecretView>(t, token, { method: 'POST', url: '/api/exchange-clients', payload: { name } }, 201);
}

export function basic(client: ExchangeClientSecretView): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${client.client.clientId}:${client.secret}`).toString('base64')}` };
}

export function query(t: TestApp, headers: Record<string, string>, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/exchange/query', headers, payload });
}

/** A citizen registered through the real route, signed in. */
export async function registerCitizen(t: TestApp, name: string): Promise<{ token: string; idNumber: string; name: string; phone: string }> {
  const idNumber = makeIdNumber();
  const phone = makePhone();
  const res = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name, idNumber, phone, password: 'Citizen#2026x' } });
  expect(res.statusCode, res.body).toBe(201);
  return { token: (res.json() as { token: string }).token, idNumber, name, phone };
}
