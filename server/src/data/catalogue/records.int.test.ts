import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../kernel/audit';
import { createTestApp, makeDepartment, makeIdNumber, makeRegionTree, publishTestResource, type TestApp } from '../../testing';
import { allRecords, readRecordsByKey, writeRecords } from './records';
import { tables } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const personFields = [
  { key: 'idNumber', name: '身份证号', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'idNumber' },
  { key: 'name', name: '姓名', type: 'string', shareType: 'conditional', openType: 'closed', level: 'important', masking: 'name' },
  { key: 'town', name: '所属街道', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' },
] as const;

describe('data records', () => {
  it('seals personal fields, keys personal records by blind index, and reads them back whole', async () => {
    const regions = await makeRegionTree(t.kernel);
    const department = await makeDepartment(t.kernel, regions.city);
    const idNumber = makeIdNumber();
    const resource = await publishTestResource(t.kernel, {
      providerDepartmentId: department.id,
      regionCode: regions.city,
      definition: { name: '测试人口', shareType: 'conditional', legalBasis: '法规', openType: 'closed', keyField: 'idNumber', fields: personFields },
      records: [{ idNumber: idNumber.toLowerCase(), name: '𠮷祥', town: '翠湖街道' }],
    });
    expect(resource.recordCount).toBe(1);
    expect(resource.level).toBe('important');

    const stored = await tables(t.kernel.db).selectFrom('data_records').selectAll().where('resource_id', '=', resource.id).execute();
    expect(stored).toHaveLength(1);
    const raw = JSON.stringify(stored[0]);
    expect(raw).not.toContain(idNumber);
    expect(raw).not.toContain('𠮷祥');
    expect(stored[0]?.data).toEqual({ town: '翠湖街道' });

    const found = await readRecordsByKey(t.kernel.db, t.kernel.keys, resource, [idNumber, makeIdNumber()]);
    expect(found.size).toBe(1);
    expect(found.get(idNumber)).toEqual({ idNumber: idNumber.toUpperCase(), name: '𠮷祥', town: '翠湖街道' });

    // A later row for the same key replaces the earlier one.
    await inTransaction(t.kernel.db, (tx) => writeRecords(tx, t.kernel.keys, resource, [{ idNumber, name: '𠮷祥', town: '青石镇' }]));
    const pages = [];
    for await (const page of allRecords(t.kernel.db, t.kernel.keys, resource, 1)) pages.push(...page);
    expect(pages).toEqual([{ idNumber, name: '𠮷祥', town: '青石镇' }]);
  });
});
