import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyRegistryView, RegistryConflictView, RegistryDisputeSummary, RegistrySubjectView } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../../testing';
import { DEMO_PASSWORD, seedDemoCity } from '../../demo';
import { getPublishedResource, readRecordsByKey } from '../catalogue';

// The demo city's registries: 张三's record as 公安局 states it (his mobile number from 统一身份认证), 人社局's older
// address reported as a conflict, his open dispute about his 民族 waiting for gadata, and 青禾食品 in the entity
// registry from its 营业执照.

let t: TestApp;
const ZHANG = '539902198803150118';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.kernel);
}, 240_000);
afterAll(async () => t?.close());

const get = async <T>(username: string, url: string): Promise<T> => {
  const res = await t.as(await t.login(username, DEMO_PASSWORD), { method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
};

describe('the demo registries', () => {
  it('hold 张三 as 公安局 and 统一身份认证 state him', async () => {
    const person = await getPublishedResource(t.kernel.db, '539900-GA-0001');
    const record = (await readRecordsByKey(t.kernel.db, t.kernel.keys, person, [ZHANG])).get(ZHANG);
    expect(record).toMatchObject({ name: '张三', gender: '男', birthDate: '1988-03-15', ethnicity: '汉族', mobile: '13800000001', address: '云溪市澜沧区翠湖街道翠湖路 18 号 2 栋 301 室' });
    expect(person.recordCount).toBeGreaterThanOrEqual(5);
    const found = await get<{ items: { id: string }[] }>('gadata', `/api/registries/person/subjects?key=${ZHANG}`);
    const view = await get<RegistrySubjectView>('gadata', `/api/registries/person/subjects/${found.items[0]?.id}`);
    expect(view.fields.find((f) => f.key === 'mobile')?.sources[0]).toMatchObject({ source: 'identity', isAuthoritative: true, heldByName: '大数据局' });
  });

  it('report 人社局’s different address for 张三 as a conflict, and his open dispute waits for 公安局', async () => {
    const conflicts = await get<{ items: RegistryConflictView[] }>('dataadmin', '/api/registries/person/conflicts');
    expect(conflicts.items).toEqual([expect.objectContaining({ fieldKey: 'address', sourceName: '人社局', authoritativeSourceName: '公安局', subjectName: '张*' })]);
    const queue = await get<{ items: RegistryDisputeSummary[] }>('gadata', '/api/registry-disputes?scope=handling&status=open');
    expect(queue.items).toEqual([expect.objectContaining({ fieldKey: 'ethnicity', raiserKind: 'citizen', handlingDepartmentName: '公安局', status: 'open' })]);
    const mine = await get<MyRegistryView>('13800000001', '/api/my/registry');
    expect(mine.fields.find((f) => f.key === 'ethnicity')).toMatchObject({ value: '汉族', canDispute: false, openDispute: { status: 'open' } });
    expect(mine.fields.find((f) => f.key === 'address')).toMatchObject({ canDispute: true, isMasked: true });
  });

  it('hold the demo enterprises from their 营业执照 and 市场监管局’s registrations', async () => {
    const entity = await getPublishedResource(t.kernel.db, '539900-SJ-0001');
    const records = await readRecordsByKey(t.kernel.db, t.kernel.keys, entity, ['91539902MA1QH0013H']);
    expect(records.get('91539902MA1QH0013H')).toMatchObject({ name: '云溪市青禾食品有限公司', legalRepName: '张三', status: '存续', establishedOn: '2019-06-18', legalRepIdNumber: ZHANG });
    expect(entity.recordCount).toBe(3);
    const enterprise = await get<MyRegistryView>('91539902MA1QH0013H', '/api/my/registry');
    expect(enterprise).toMatchObject({ registry: 'entity', isFound: true });
  });
});
