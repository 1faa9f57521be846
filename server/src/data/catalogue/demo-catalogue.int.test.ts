import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResourceList, OrgImportReport } from '@zhengtong/contracts';
import { createTestApp, makeStaff, type TestApp } from '../../testing';
import { multipartFile } from '../../kernel/spreadsheet/test-support';
import { newId } from '../../kernel/ids';
import { demoRegions } from '../../demo/regions';
import { demoDepartments, departmentCreditCode } from '../../demo/people';
import { seedDemoDataCatalogue } from '../../demo/data-catalogue';
import { allRecords } from './records';
import { getPublishedResource } from './published';
import { qualityScores } from './quality';

// The demo city's catalogue, seeded on the demo's regions and departments alone: every entry in the state the other
// domains' demos expect, its records loaded through the checked path, fast enough for `npm start` on PGlite.

let t: TestApp;
let seconds = 0;
let cdo = '';
beforeAll(async () => {
  t = await createTestApp();
  for (const r of demoRegions()) await t.kernel.db.insertInto('regions').values({ code: r.code, name: r.name, level: r.level, parent_code: r.parent }).execute();
  let bigdata = '';
  for (const d of demoDepartments) {
    const id = newId();
    if (d.key === 'bigdata') bigdata = id;
    await t.kernel.db.insertInto('departments').values({ id, name: d.name, short_name: d.shortName, credit_code: departmentCreditCode(d.region, d.orgBase), region_code: d.region }).execute();
  }
  const started = Date.now();
  await seedDemoDataCatalogue(t.kernel);
  seconds = (Date.now() - started) / 1000;
  const staff = await makeStaff(t.kernel, { departmentId: bigdata, regionCode: '539900000000', roles: ['chief-data-officer'] });
  cdo = await t.login(staff.username, staff.password);
}, 60_000);
afterAll(async () => t?.close());

describe('the demo catalogue', () => {
  it('is seeded quickly', () => {
    expect(seconds, `${seconds} s`).toBeLessThan(3);
    console.info(`demo catalogue seeded in ${seconds} s`);
  });

  it('has every state and the fixed codes the other domains use', async () => {
    const list = (await t.as(cdo, { method: 'GET', url: '/api/data-resources?pageSize=50' })).json() as DataResourceList;
    const state = Object.fromEntries(list.items.map((i) => [i.code, i.pending ? `${i.status}/${i.pending.status}` : i.status]));
    expect(state).toEqual({
      '539900-CY-0001': 'published',
      '539900-GA-0001': 'published',
      '539900-JT-0001': 'published',
      '539900-JT-0002': 'draft/draft',
      '539900-MZ-0001': 'published',
      '539900-RS-0001': 'published',
      '539900-RX-0001': 'published',
      '539900-SJ-0001': 'published',
      '539900-SJ-0002': 'published',
      '539900-WJ-0001': 'published',
      '539900-WJ-0002': 'retired',
      '539900-YB-0001': 'published',
      '539900-ZR-0001': 'review/review',
    });
    const people = await getPublishedResource(t.kernel.db, '539900-GA-0001');
    expect(people).toMatchObject({ sourceKind: 'personRegistry', shareType: 'conditional', openType: 'closed', keyField: 'idNumber', level: 'important' });
    expect(people.fields.find((f) => f.key === 'mobile')?.sourceDepartmentId).not.toBeNull();
    const entities = await getPublishedResource(t.kernel.db, '539900-SJ-0001');
    expect(entities.fields.find((f) => f.key === 'legalRepIdNumber')).toMatchObject({ shareType: 'conditional', openType: 'closed' });
  });

  it('holds the records of the table resources, 低保 spread so that some groups are small', async () => {
    const counts = Object.fromEntries(
      await Promise.all(['539900-SJ-0002', '539900-WJ-0001', '539900-MZ-0001', '539900-JT-0001', '539900-CY-0001', '539900-RX-0001'].map(async (code) => [code, (await getPublishedResource(t.kernel.db, code)).recordCount])),
    );
    expect(counts).toEqual({ '539900-SJ-0002': 60, '539900-WJ-0001': 40, '539900-MZ-0001': 400, '539900-JT-0001': 30, '539900-CY-0001': 180, '539900-RX-0001': 60 });
    const groups = new Map<string, number>();
    for await (const page of allRecords(t.kernel.db, t.kernel.keys, await getPublishedResource(t.kernel.db, '539900-MZ-0001'))) {
      for (const r of page) groups.set(`${String(r.town)}/${String(r.ageBand)}`, (groups.get(`${String(r.town)}/${String(r.ageBand)}`) ?? 0) + 1);
    }
    expect([...groups.values()].some((n) => n < 10)).toBe(true);
    expect([...groups.values()].some((n) => n >= 10)).toBe(true);
  });

  it('shows quality problems where the demo has them', async () => {
    const report = await qualityScores(t.kernel.db, t.kernel.keys);
    const byCode = new Map(report.items.map((i) => [i.code, i]));
    expect(byCode.get('539900-YB-0001')?.validity).toBeLessThan(100);
    expect(byCode.get('539900-SJ-0002')?.completeness).toBeLessThan(100);
    expect(byCode.get('539900-JT-0001')?.timeliness).toBeLessThan(100);
    expect(byCode.get('539900-CY-0001')).toMatchObject({ completeness: 100, validity: 100, timeliness: 100 });
  });

  it('imports its own export back without a change', async () => {
    const exported = await t.as(cdo, { method: 'GET', url: '/api/data-resources/export.xlsx' });
    const res = await t.as(cdo, { method: 'POST', url: '/api/data-resources/import', ...multipartFile(exported.rawPayload) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as OrgImportReport).toMatchObject({ total: 13, unchanged: 13, created: 0, updated: 0 });
  });
});
