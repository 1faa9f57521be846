import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataQualityReport, DataResourceView } from '@zhengtong/contracts';
import { createTestApp, makeIdNumber, type TestApp } from '../../testing';
import { inTransaction } from '../../kernel/audit';
import { getPublishedResource } from './published';
import { writeRecords } from './records';
import { qualityScores, timeliness } from './quality';
import { tables } from './tables';
import { makeWorld, openDefinition, publishedResource, tableDefinition, type World } from './test-support';

// 数据质量: completeness, validity and timeliness measured on the records as stored; a data admin sees its own
// department's scores, the chief data officer every provider's.

let t: TestApp;
let w: World;
let people: DataResourceView;
let shops: DataResourceView;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
  people = await publishedResource(w, w.policeAdmin, w.departments.police.id, tableDefinition());
  shops = await publishedResource(w, w.marketAdmin, w.departments.market.id, openDefinition());
  const a = makeIdNumber();
  const b = makeIdNumber();
  // Two complete, valid rows through the API.
  const loaded = await w.call(w.policeAdmin, 'POST', `/api/data-resources/${people.id}/records`, {
    rows: [
      { idNumber: a, name: '张三', town: '翠湖街道', householdSize: 3, since: '2025-01-05' },
      { idNumber: b, name: '李四', town: '金沙镇', householdSize: 1, since: '2025-02-01' },
    ],
  });
  expect(loaded.statusCode, loaded.body).toBe(200);
  // Two rows that came another way (as a registry or an older definition would leave them): a wrong ID number, a
  // household size typed as text, and empty values.
  const resource = await getPublishedResource(t.kernel.db, people.id);
  await inTransaction(t.kernel.db, (tx) =>
    writeRecords(tx, t.kernel.keys, resource, [
      { idNumber: '539902198803150119', name: '王五', town: null, householdSize: '两口', since: null },
      { idNumber: makeIdNumber(), name: '赵六', town: '滨江街道', householdSize: 2, since: null },
    ]),
  );
  await w.call(w.marketAdmin, 'POST', `/api/data-resources/${shops.id}/records`, { rows: [{ licenseNumber: 'JY15399020000001', enterpriseName: '青禾食品', creditCode: '91539902MA1QH0013H', validUntil: '2030-01-01' }] });
  // The licences were last written two days ago: a daily resource is late (full marks up to one day, none after three).
  await tables(t.kernel.db).updateTable('data_resources').set({ records_updated_at: new Date(Date.now() - 2 * 86_400_000) }).where('id', '=', shops.id).execute();
});
afterAll(async () => t?.close());

describe('quality scores', () => {
  it('measure completeness, validity and timeliness on the stored records', async () => {
    const report = await qualityScores(t.kernel.db, t.kernel.keys, { resourceIds: [people.id, shops.id] });
    const byCode = new Map(report.items.map((i) => [i.code, i]));
    // 4 records × 5 fields = 20 values, 17 filled (王五 lacks town and since, 赵六 since); 2 of the 17 invalid.
    expect(byCode.get(people.code)).toMatchObject({ recordCount: 4, completeness: 85, validity: 88.2, timeliness: 100, invalidByField: { idNumber: 1, householdSize: 1 } });
    expect(byCode.get(people.code)?.score).toBe(91.1);
    // Two days old, daily cycle: half a cycle beyond the first → 50.
    expect(byCode.get(shops.code)).toMatchObject({ completeness: 100, validity: 100, timeliness: 50 });
    expect(report.overall.completeness).toBe(92.5);
  });

  it('give full marks within one cycle and none after three', () => {
    const now = new Date('2026-11-10T00:00:00Z');
    expect(timeliness('monthly', new Date('2026-10-20T00:00:00Z'), now)).toBe(100);
    expect(timeliness('weekly', new Date('2026-10-20T00:00:00Z'), now)).toBe(0);
    expect(timeliness('irregular', new Date('2020-01-01T00:00:00Z'), now)).toBe(100);
    expect(timeliness('daily', null, now)).toBeNull();
  });

  it('are shown to each data admin for their own department and to the chief data officer for all', async () => {
    const police = (await w.call(w.policeAdmin, 'GET', '/api/data-quality')).json() as DataQualityReport;
    expect(police.items.map((i) => i.code)).toEqual([people.code]);
    expect((await w.call(w.policeAdmin, 'GET', `/api/data-quality?provider=${w.departments.market.id}`)).statusCode).toBe(403);
    const all = (await w.call(w.cdo, 'GET', '/api/data-quality')).json() as DataQualityReport;
    expect(all.items.map((i) => i.code).sort()).toEqual([people.code, shops.code].sort());
    const one = (await w.call(w.consumer, 'GET', `/api/data-resources/${shops.id}/quality`)).json() as { score: { completeness: number } };
    expect(one.score.completeness).toBe(100);
  });
});
