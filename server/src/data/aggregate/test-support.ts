import type { DataRecordValues, PublishedDataResource, StaffRole } from '@zhengtong/contracts';
import { makeDepartment, makeIdNumber, makeRegionTree, makeStaff, publishTestResource, type TestApp } from '../../testing';

// Test-only: a city with a providing department (民政), two consuming departments, the platform, and a 低保-like
// resource whose records fall unevenly over four towns — so that some groups are under k = 10.

export type World = {
  t: TestApp;
  regions: Awaited<ReturnType<typeof makeRegionTree>>;
  provider: { id: string; name: string };
  consumerDepartment: { id: string; name: string };
  otherDepartment: { id: string; name: string };
  tokens: { platform: string; consumer: string; otherConsumer: string; dataAdmin: string; reviewer: string };
};

async function login(t: TestApp, options: { departmentId: string; regionCode: string; roles: StaffRole[] }): Promise<string> {
  const staff = await makeStaff(t.kernel, options);
  return t.login(staff.username, staff.password);
}

export async function makeWorld(t: TestApp): Promise<World> {
  const regions = await makeRegionTree(t.kernel);
  const bigData = await makeDepartment(t.kernel, regions.city, `大数据局${regions.city.slice(2, 4)}`);
  const provider = await makeDepartment(t.kernel, regions.city, `民政局${regions.city.slice(2, 4)}`);
  const consumerDepartment = await makeDepartment(t.kernel, regions.city, `人社局${regions.city.slice(2, 4)}`);
  const otherDepartment = await makeDepartment(t.kernel, regions.city, `医保局${regions.city.slice(2, 4)}`);
  const city = regions.city;
  return {
    t,
    regions,
    provider,
    consumerDepartment,
    otherDepartment,
    tokens: {
      platform: await login(t, { departmentId: bigData.id, regionCode: city, roles: ['chief-data-officer'] }),
      consumer: await login(t, { departmentId: consumerDepartment.id, regionCode: city, roles: ['data-consumer'] }),
      otherConsumer: await login(t, { departmentId: otherDepartment.id, regionCode: city, roles: ['data-consumer'] }),
      dataAdmin: await login(t, { departmentId: provider.id, regionCode: city, roles: ['data-admin'] }),
      reviewer: await login(t, { departmentId: consumerDepartment.id, regionCode: city, roles: ['reviewer'] }),
    },
  };
}

export const towns = { A: '翠湖街道', B: '澜沧街道', C: '青石镇', D: '云峰镇' } as const;

/** Town → [men, women]: A 10, B 9, C 4, D 30 (of whom 3 women). */
const layout: readonly [string, number, number][] = [
  [towns.A, 5, 5],
  [towns.B, 9, 0],
  [towns.C, 0, 4],
  [towns.D, 27, 3],
];

export function minimumLivingRecords(): DataRecordValues[] {
  const records: DataRecordValues[] = [];
  let i = 0;
  for (const [town, men, women] of layout) {
    for (let j = 0; j < men + women; j += 1) {
      records.push({
        idNumber: makeIdNumber(),
        name: `测试${i}`,
        gender: j < men ? '男' : '女',
        ageBand: ['18-39', '40-59', '60+'][i % 3] ?? '60+',
        town,
        // One household far above the clamp (10): its sum counts as 10.
        householdSize: i === 30 ? 50 : (i % 5) + 1,
        monthlyAmountFen: 60_000 + (i % 5) * 10_000,
        since: '2024-01-01',
      });
      i += 1;
    }
  }
  return records;
}

const fields = [
  { key: 'idNumber', name: '身份证号', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'idNumber' },
  { key: 'name', name: '姓名', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'name' },
  { key: 'gender', name: '性别', type: 'string', shareType: 'conditional', openType: 'closed', level: 'general' },
  { key: 'ageBand', name: '年龄段', type: 'string', shareType: 'conditional', openType: 'closed', level: 'general' },
  { key: 'town', name: '所属街道(乡镇)', type: 'string', shareType: 'conditional', openType: 'closed', level: 'general' },
  { key: 'householdSize', name: '家庭人口数', type: 'integer', shareType: 'conditional', openType: 'closed', level: 'general' },
  { key: 'monthlyAmountFen', name: '月保障金额(分)', type: 'integer', shareType: 'conditional', openType: 'closed', level: 'general' },
  { key: 'since', name: '纳入保障日期', type: 'date', shareType: 'conditional', openType: 'closed', level: 'general' },
  { key: 'caseNote', name: '核查备注', type: 'string', shareType: 'none', openType: 'closed', level: 'important', legalBasis: '内部核查' },
] as const;

export async function publishMinimumLiving(w: World, records = minimumLivingRecords()): Promise<PublishedDataResource> {
  return publishTestResource(w.t.kernel, {
    providerDepartmentId: w.provider.id,
    regionCode: w.regions.city,
    definition: { name: '测试最低生活保障对象信息', shareType: 'conditional', legalBasis: '《社会救助暂行办法》', openType: 'closed', keyField: 'idNumber', fields },
    records,
  });
}

/** The standard registration: town, gender, ageBand as dimensions; the two amounts as measures; k = 10. */
export function registration(resource: PublishedDataResource, overrides: Record<string, unknown> = {}) {
  return {
    resource: resource.code,
    dimensions: ['town', 'gender', 'ageBand'],
    measures: [
      { field: 'householdSize', clampMin: 0, clampMax: 10 },
      { field: 'monthlyAmountFen', clampMin: 0, clampMax: 200_000 },
    ],
    k: 10,
    isNoisy: false,
    epsilon: 1,
    note: '测试登记',
    ...overrides,
  };
}

export async function call(w: World, token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const options = { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) };
  return token ? w.t.as(token, options) : w.t.app.inject(options);
}

export async function register(w: World, resource: PublishedDataResource, overrides: Record<string, unknown> = {}) {
  const res = await call(w, w.tokens.platform, 'POST', '/api/aggregate-resources', registration(resource, overrides));
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return res.json() as { resourceId: string; version: number };
}

export const purpose = '测试:分析低保对象分布,制定就业帮扶计划';

/** A region tree of another city than the world's (makeRegionTree picks its city at random). */
export async function otherCity(w: World): Promise<Awaited<ReturnType<typeof makeRegionTree>>> {
  for (;;) {
    const tree = await makeRegionTree(w.t.kernel);
    if (tree.city !== w.regions.city) return tree;
  }
}
