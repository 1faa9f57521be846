import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImplementationDifferences, ServiceGuide, ServiceSearchResult } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../../testing';
import { seedDemoCity } from '../../demo';

// The portal on the demo city's catalogue: search relevance, browsing, guides per region, and the 四级四同 report.

let t: TestApp;
let catalogueAdmin: string;
const CITY = '539900000000';
const COUNTY = '539921000000';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.kernel);
  catalogueAdmin = await t.login('catalogue', 'Yunxi@2026');
});
afterAll(async () => t?.close());

const search = async (query: Record<string, string | number>): Promise<ServiceSearchResult> => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await t.app.inject({ method: 'GET', url: `/api/service-items/search?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const names = (r: ServiceSearchResult) => r.items.map((i) => i.name);
const itemId = async (name: string) => (await search({ q: name })).items.find((i) => i.name === name)?.id ?? '';

describe('the demo catalogue', () => {
  it('has at least 30 published items across at least 8 departments, some also implemented by 青石县', async () => {
    const all = await search({ pageSize: 50 });
    expect(all.total).toBeGreaterThanOrEqual(30);
    expect(all.facets.departments.length).toBeGreaterThanOrEqual(9);
    expect(all.items.every((i) => i.implementations.length > 0)).toBe(true);
    const county = await search({ regionCode: COUNTY, departmentId: all.facets.departments.find((d) => d.name.startsWith('青石县'))?.id ?? '' });
    expect(names(county)).toEqual(expect.arrayContaining(['个体工商户设立登记', '食品经营许可', '公共场所卫生许可']));
  });
});

describe('search forgives partial and everyday words', () => {
  it.each([
    ['营业执照', '个体工商户设立登记', 'alias'],
    ['办营业执照', '个体工商户设立登记', 'alias'],
    ['生孩子', '出生登记', 'keyword'],
    ['出生证', '出生登记', 'keyword'],
    ['低保', '最低生活保障申请', 'alias'],
    ['怎么办理低保', '最低生活保障申请', 'alias'],
    ['最低生活保障申请', '最低生活保障申请', 'name'],
    ['医保卡', '社会保障卡申领', 'alias'],
    ['暂住证', '居住证申领', 'alias'],
    ['开饭店', '食品经营许可', 'keyword'],
    ['残疾证', '残疾人证办理', 'alias'],
    ['二手房过户', '国有建设用地使用权及房屋所有权转移登记', 'alias'],
  ])('%s finds %s first (by %s)', async (q, expected, matchedBy) => {
    const result = await search({ q });
    expect(result.items[0]).toMatchObject({ name: expected, matchedBy });
  });

  it('ranks an exact name above aliases, keywords and partial matches', async () => {
    const result = await search({ q: '出生登记' });
    expect(result.items[0]).toMatchObject({ name: '出生登记', matchedBy: 'name', matchedTerm: '出生登记' });
    const partial = await search({ q: '卫生许可' });
    expect(names(partial)[0]).toBe('公共场所卫生许可');
    const typo = await search({ q: '食品经营许可证办理流程' });
    expect(names(typo)[0]).toBe('食品经营许可');
  });

  it('says which alias matched, finds items by department name, and finds nothing for nonsense', async () => {
    const result = await search({ q: '营业执照' });
    expect(result.items[0]).toMatchObject({ matchedTerm: '营业执照' });
    const byDepartment = await search({ q: '公安局' });
    expect(byDepartment.items.length).toBeGreaterThanOrEqual(4);
    expect(byDepartment.items.every((i) => i.matchedBy === 'department' || i.matchedBy === 'partial' || i.matchedBy === 'keyword')).toBe(true);
    expect(names(byDepartment)).toContain('出生登记');
    expect((await search({ q: '量子纠缠望远镜' })).total).toBe(0);
    expect((await search({ q: '！！' })).total).toBeGreaterThanOrEqual(30);
  });

  it('filters by audience, life event, department and region, with facet counts that ignore their own filter', async () => {
    const birth = await search({ lifeEvent: 'birth' });
    expect(names(birth)).toEqual(expect.arrayContaining(['出生登记', '城乡居民基本医疗保险参保登记', '社会保障卡申领']));
    expect(birth.facets.lifeEvents.find((e) => e.code === 'start-business')?.count).toBeGreaterThan(0);
    const enterprise = await search({ audience: 'enterprise' });
    expect(names(enterprise)).toContain('食品经营许可');
    expect(names(enterprise)).not.toContain('出生登记');
    expect(names(enterprise)).toContain('个体工商户设立登记');
    const persons = enterprise.facets.audiences.find((a) => a.audience === 'person')?.count ?? 0;
    expect(persons).toBeGreaterThan(10);
    const page2 = await search({ pageSize: 10, page: 2 });
    expect(page2.items.length).toBe(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/service-items/search?pageSize=51' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/service-items/search?regionCode=12' })).statusCode).toBe(400);
  });

  it('lists life events with how many items each offers now', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/life-events' });
    const events = (res.json() as { items: { code: string; itemCount: number; name: { 'zh-CN': string } }[] }).items;
    expect(events.find((e) => e.code === 'birth')).toMatchObject({ name: { 'zh-CN': '出生' } });
    expect(events.find((e) => e.code === 'birth')?.itemCount).toBeGreaterThanOrEqual(3);
  });
});

describe('guides', () => {
  it('gives a 青石县 applicant the county’s guide and a city applicant the city’s, with the others to choose from', async () => {
    const id = await itemId('食品经营许可');
    const county = (await t.app.inject({ method: 'GET', url: `/api/service-items/${id}/guide?regionCode=539921100000` })).json() as ServiceGuide;
    expect(county.implementation.region.code).toBe(COUNTY);
    expect(county.promisedLimit.days).toBe(3);
    expect(county.location).toContain('青石县政务服务中心');
    expect(county.otherImplementations.map((o) => o.region.code)).toEqual([CITY]);
    const city = (await t.app.inject({ method: 'GET', url: `/api/service-items/${id}/guide?regionCode=539902001000` })).json() as ServiceGuide;
    expect(city.implementation.region.code).toBe(CITY);
    expect(city).toMatchObject({ caseKind: 'promised', allowsPledge: true, serviceItem: { name: '食品经营许可', lifeEvents: ['start-business', 'operating-permits'] } });
    expect(city.materials.some((m) => m.canBePledged)).toBe(true);
    expect(city.form.fields.some((f) => f.visibleWhen !== undefined)).toBe(true);
    expect('revision' in city).toBe(false);
    const chosen = (await t.app.inject({ method: 'GET', url: `/api/service-items/${id}/guide?implementationId=${county.implementation.id}` })).json() as ServiceGuide;
    expect(chosen.implementation.id).toBe(county.implementation.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/service-items/01900000-0000-7000-8000-000000000000/guide' })).statusCode).toBe(404);
  });
});

describe('四级四同 report', () => {
  const report = async (name: string) => {
    const res = await t.as(catalogueAdmin, { method: 'GET', url: `/api/service-items/${await itemId(name)}/implementations/differences` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ImplementationDifferences;
  };

  it('lists local differences of 食品经营许可 without flagging them', async () => {
    const r = await report('食品经营许可');
    expect(r.implementations.length).toBe(2);
    expect(r.violationCount).toBe(0);
    const limit = r.elements.find((e) => e.element === 'promisedLimit');
    expect(limit).toMatchObject({ kind: 'local', isUniform: false, isViolation: false });
    expect(r.elements.filter((e) => e.kind === 'mustMatch').every((e) => e.isUniform)).toBe(true);
  });

  it('flags 青石县’s 公共场所卫生许可, still published under the basis before its amendment', async () => {
    const r = await report('公共场所卫生许可');
    expect(r.violationCount).toBe(1);
    const basis = r.elements.find((e) => e.element === 'basis');
    expect(basis?.isViolation).toBe(true);
    const county = r.implementations.find((i) => i.region.code === COUNTY);
    expect(basis?.groups.find((g) => g.implementationIds.includes(county?.id ?? ''))?.isAsDefined).toBe(false);
    expect(r.implementations.find((i) => i.region.code === CITY)?.version).toBe(2);
  });
});
