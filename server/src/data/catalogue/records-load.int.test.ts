import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResourceView, OrgImportReport } from '@zhengtong/contracts';
import { createTestApp, makeIdNumber, testResourceCode, type TestApp } from '../../testing';
import { makeWorkbook, multipartFile } from '../../kernel/spreadsheet/test-support';
import { readRecordsByKey } from './records';
import { getPublishedResource } from './published';
import { makeWorld, publishedResource, tableDefinition, type World } from './test-support';

// 数据载入: the provider loads records from a CSV or .xlsx file or through the JSON API; every row is checked against
// the item types, a wrong row stops the whole load and is reported with its reason; a dry run changes nothing.

let t: TestApp;
let w: World;
let resource: DataResourceView;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
  resource = await publishedResource(w, w.policeAdmin, w.departments.police.id, tableDefinition());
});
afterAll(async () => t?.close());

const upload = (file: Buffer, name: string, dryRun = false) => {
  const form = multipartFile(file, name, name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return t.as(w.policeAdmin.token, { method: 'POST', url: `/api/data-resources/${resource.id}/records/upload?dryRun=${dryRun}`, headers: form.headers, payload: form.payload });
};
const count = async () => (await getPublishedResource(t.kernel.db, resource.id)).recordCount;

describe('loading records', () => {
  const a = makeIdNumber();
  const b = makeIdNumber();
  const csv = (rows: string[]) => Buffer.from(`\uFEFF身份证号,姓名,所属街道,家庭人口,纳入日期,备注\r\n${rows.join('\r\n')}\r\n`, 'utf8');

  it('reports every wrong row and writes nothing', async () => {
    const res = await upload(csv([`${a},张三,翠湖街道,3,2025-01-05,x`, '539902198803150119,李四,滨江街道,三口,2025-02-30,', `${a},王五,翠湖街道,2,2025-03-01,`, ',无名,金沙镇,1,,']), 'records.csv');
    expect(res.statusCode, res.body).toBe(400);
    const report = (res.json() as { report: OrgImportReport }).report;
    expect(report).toMatchObject({ dryRun: false, isApplied: false, total: 4 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '身份证号', 'idNumber.checksum'],
      [3, '家庭人口', 'data.value.integer'],
      [3, '纳入日期', 'data.value.date'],
      [4, '身份证号', 'data.record.duplicateKey'],
      [5, '身份证号', 'data.record.keyRequired'],
    ]);
    expect(report.errors[3]?.message).toBe('主键与第 2 行重复');
    expect(await count()).toBe(0);
  });

  it('checks in a dry run, then loads; loading the same file again changes nothing', async () => {
    const file = csv([`${a},张三,翠湖街道,3,2025/1/5,`, `${b},𠮷祥,滨江街道,,2025-02-01,`]);
    const dry = await upload(file, 'records.csv', true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, isApplied: false, created: 2, errorCount: 0 });
    expect(await count()).toBe(0);
    const applied = await upload(file, 'records.csv');
    expect(applied.json()).toMatchObject({ isApplied: true, created: 2, updated: 0, unchanged: 0 });
    expect(await count()).toBe(2);
    const again = await upload(file, 'records.csv');
    expect(again.json()).toMatchObject({ isApplied: true, created: 0, updated: 0, unchanged: 2 });
    const stored = await readRecordsByKey(t.kernel.db, t.kernel.keys, await getPublishedResource(t.kernel.db, resource.id), [a, b]);
    expect(stored.get(a)).toEqual({ idNumber: a, name: '张三', town: '翠湖街道', householdSize: 3, since: '2025-01-05' });
    expect(stored.get(b)).toMatchObject({ name: '𠮷祥', householdSize: null });
  });

  it('reads .xlsx files by item names or keys', async () => {
    const file = await makeWorkbook(['idNumber', '姓名', 'town', '家庭人口'], [[a, '张三', '文林社区', 4]]);
    const res = await upload(file, 'records.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 1 });
  });

  it('refuses a file without the key column', async () => {
    const res = await upload(Buffer.from('姓名,所属街道\r\n张三,翠湖街道\r\n'), 'records.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('缺少必需的列:身份证号');
  });

  it('takes JSON batches of at most 1000 rows and deletes by key', async () => {
    const c = makeIdNumber();
    const res = await w.call(w.policeAdmin, 'POST', `/api/data-resources/${resource.id}/records`, { rows: [{ idNumber: c, name: '王芳', town: '金沙镇', householdSize: 2, since: '2024-12-01' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, isApplied: true });
    const unknown = await w.call(w.policeAdmin, 'POST', `/api/data-resources/${resource.id}/records`, { rows: [{ idNumber: c, nickname: '芳芳' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().report.errors[0]).toMatchObject({ row: 1, field: 'nickname', code: 'data.record.unknownField' });
    const tooMany = await w.call(w.policeAdmin, 'POST', `/api/data-resources/${resource.id}/records`, { rows: Array.from({ length: 1001 }, () => ({ idNumber: makeIdNumber() })) });
    expect(tooMany.statusCode).toBe(400);
    const before = await count();
    const deleted = await w.call(w.policeAdmin, 'POST', `/api/data-resources/${resource.id}/records/delete`, { keys: [c, makeIdNumber()] });
    expect(deleted.json()).toEqual({ deleted: 1, recordCount: before - 1 });
    const history = ((await w.call(w.policeAdmin, 'GET', `/api/data-resources/${resource.id}`)).json() as DataResourceView).history.map((h) => h.action);
    expect(history.slice(0, 2)).toEqual(['deleteRecords', 'loadRecords']);
  });

  it('refuses uploads to registry resources, drafts and from other departments', async () => {
    const registry = await publishedResource(w, w.policeAdmin, w.departments.police.id, tableDefinition({ name: '人口库测试' }));
    // A registry resource is one whose source is 人口库/法人库: made here through the API for a registry kind.
    const res = await w.call(w.policeAdmin, 'POST', '/api/data-resources', { code: testResourceCode(), providerDepartmentId: w.departments.police.id, sourceKind: 'personRegistry', definition: tableDefinition() });
    const person = res.json() as DataResourceView;
    const submitted = (await w.call(w.policeAdmin, 'POST', `/api/data-resources/${person.id}/submit`, { version: person.version })).json() as DataResourceView;
    expect((await w.call(w.policeAdmin, 'POST', `/api/data-resources/${person.id}/records`, { rows: [{ idNumber: makeIdNumber() }] })).statusCode).toBe(409);
    await w.call(w.cdo, 'POST', `/api/data-resources/${person.id}/publish`, { version: submitted.version });
    const refused = await w.call(w.policeAdmin, 'POST', `/api/data-resources/${person.id}/records`, { rows: [{ idNumber: makeIdNumber() }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('人口库、法人库资源的数据由基础库维护,不能在此载入');
    const draft = (await w.call(w.policeAdmin, 'POST', '/api/data-resources', { code: testResourceCode(), providerDepartmentId: w.departments.police.id, definition: tableDefinition() })).json() as DataResourceView;
    expect((await w.call(w.policeAdmin, 'POST', `/api/data-resources/${draft.id}/records`, { rows: [{ idNumber: makeIdNumber() }] })).statusCode).toBe(409);
    expect((await w.call(w.marketAdmin, 'POST', `/api/data-resources/${registry.id}/records`, { rows: [{ idNumber: makeIdNumber() }] })).statusCode).toBe(403);
  });
});
