import { departmentSheetColumns as col } from '@zhengtong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, uniqueSuffix, type TestApp } from '../../testing';
import { makeDepartmentCreditCode, makeWorkbook, multipartFile, readWorkbook } from './test-support';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  const home = (await makeDepartment(t.kernel, tree.province)).id;
  const s = await makeStaff(t.kernel, { departmentId: home, regionCode: tree.province, roles: ['sysadmin'] });
  admin = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

type Body = Record<string, unknown>;
const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Body) => t.as(admin, { method, url, ...(payload ? { payload } : {}) });
const importFile = (file: Buffer, query = '') => t.as(admin, { method: 'POST', url: `/api/departments/import${query}`, ...multipartFile(file) });
const byCreditCode = (code: string) => t.kernel.db.selectFrom('departments').selectAll().where('credit_code', '=', code).executeTakeFirst();
const header = [col.name, col.shortName, col.creditCode, col.regionCode, col.parentCreditCode, col.sort, col.status, col.positions];
async function create(extra: Body = {}): Promise<{ id: string; name: string; creditCode: string; version: number }> {
  const res = await send('POST', '/api/departments', { name: `导入局${uniqueSuffix()}`, creditCode: makeDepartmentCreditCode(), regionCode: tree.city, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('exporting and re-importing departments', () => {
  it('round-trips the city’s departments, positions and hierarchy into an empty installation, 𠮷 included', async () => {
    const bureau = await create({ name: '𠮷州市𠮷祥局', shortName: '𠮷祥局' });
    await send('POST', `/api/departments/${bureau.id}/positions`, { name: '𠮷岗', sort: 0 });
    await send('POST', `/api/departments/${bureau.id}/positions`, { name: '科员', sort: 1 });
    const branch = await create({ name: '𠮷祥局澜沧分局', regionCode: tree.county, parentId: bureau.id });
    await send('POST', `/api/departments/${branch.id}/deactivate`, { version: 1 });

    const exported = await send('GET', `/api/departments/export.xlsx?regionCode=${tree.city}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain("filename*=UTF-8''%E9%83%A8%E9%97%A8.xlsx");
    const sheet = await readWorkbook(exported.rawPayload);
    expect(sheet[0]).toEqual([col.name, col.shortName, col.creditCode, col.regionCode, col.regionName, col.parentCreditCode, col.sort, col.status, col.positions]);
    expect(sheet.find((r) => r[2] === bureau.creditCode)).toEqual(['𠮷州市𠮷祥局', '𠮷祥局', bureau.creditCode, tree.city, `测试市${tree.city.slice(2, 4)}`, '', '0', '启用', '𠮷岗、科员']);
    expect(sheet.find((r) => r[2] === branch.creditCode)?.slice(5, 8)).toEqual([bureau.creditCode, '0', '停用']);

    const regions = (await send('GET', `/api/regions/export.xlsx?root=${tree.city}`)).rawPayload;
    const other = await createTestApp();
    try {
      await other.kernel.db.insertInto('regions').values({ code: tree.province, name: '测试省', level: 'province', parent_code: null }).execute();
      const home = (await makeDepartment(other.kernel, tree.province)).id;
      const s = await makeStaff(other.kernel, { departmentId: home, regionCode: tree.province, roles: ['sysadmin'] });
      const token = await other.login(s.username, s.password);
      const regionImport = await other.as(token, { method: 'POST', url: '/api/regions/import', ...multipartFile(regions) });
      expect(regionImport.statusCode, regionImport.body).toBe(200);
      const res = await other.as(token, { method: 'POST', url: '/api/departments/import', ...multipartFile(exported.rawPayload) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ isApplied: true, created: sheet.length - 1, updated: 0, errors: [] });
      const again = await other.as(token, { method: 'GET', url: `/api/departments/export.xlsx?regionCode=${tree.city}` });
      expect(await readWorkbook(again.rawPayload)).toEqual(sheet);
    } finally {
      await other.close();
    }
  });

  it('upserts by credit code: renames, adds positions and new departments whose parent comes later in the sheet', async () => {
    const existing = await create();
    const parentCode = makeDepartmentCreditCode();
    const childCode = makeDepartmentCreditCode(tree.county);
    const res = await importFile(
      await makeWorkbook(header, [
        [`${existing.name}改`, '', existing.creditCode, tree.city, '', 0, '启用', '科员、 副科员'],
        ['新分局', '分局', childCode, tree.county, parentCode, 2, '', '窗口'],
        ['新总局', '', parentCode, tree.city, '', 1, '启用', ''],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isApplied: true, total: 3, created: 2, updated: 1, unchanged: 0 });
    expect(await byCreditCode(existing.creditCode)).toMatchObject({ name: `${existing.name}改`, version: 2 });
    const parent = await byCreditCode(parentCode);
    expect(await byCreditCode(childCode)).toMatchObject({ name: '新分局', short_name: '分局', parent_id: parent?.id, region_code: tree.county, sort: 2 });
    const detail = (await send('GET', `/api/departments/${existing.id}`)).json();
    expect(detail.positions.map((p: { name: string }) => p.name)).toEqual(['科员', '副科员']);
    const record = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'department.import').orderBy('id', 'desc').executeTakeFirst();
    expect(record?.detail).toMatchObject({ created: expect.arrayContaining([expect.objectContaining({ creditCode: parentCode })]), positionsAdded: 3 });
  });

  it('a dry run reports and changes nothing', async () => {
    const code = makeDepartmentCreditCode();
    const res = await importFile(await makeWorkbook(header, [['预检局', '', code, tree.city, '', '', '', '']]), '?dryRun=true');
    expect(res.json()).toEqual({ dryRun: true, isApplied: false, total: 1, created: 1, updated: 0, unchanged: 0, errorCount: 0, errors: [] });
    expect(await byCreditCode(code)).toBeUndefined();
  });
});

describe('wrong rows', () => {
  it('one wrong row: refuses the whole sheet with the row and field, and changes nothing', async () => {
    const existing = await create();
    const goodCode = makeDepartmentCreditCode();
    const res = await importFile(
      await makeWorkbook(header, [
        [`${existing.name}改`, '', existing.creditCode, tree.city, '', '', '', ''],
        ['正确的新局', '', goodCode, tree.city, '', '', '', ''],
        ['错区划的局', '', makeDepartmentCreditCode(), `${tree.city.slice(0, 4)}66000000`, '', '', '', ''],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().report.errors).toEqual([{ row: 4, field: 'regionCode', column: col.regionCode, code: 'region.notFound', message: '行政区划不存在' }]);
    expect(await byCreditCode(goodCode)).toBeUndefined();
    expect(await byCreditCode(existing.creditCode)).toMatchObject({ name: existing.name, version: 1 });
  });

  it('reports every kind of wrong row at once', async () => {
    const existing = await create();
    const countyBranch = await create({ regionCode: tree.county });
    const good = makeDepartmentCreditCode();
    const wrongCheck = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const loopA = makeDepartmentCreditCode();
    const loopB = makeDepartmentCreditCode();
    const twice = makeDepartmentCreditCode();
    const res = await importFile(
      await makeWorkbook(header, [
        ['校验位错', '', wrongCheck, tree.city, '', '', '', ''],
        ['无上级', '', makeDepartmentCreditCode(), tree.city, makeDepartmentCreditCode(), '', '', ''],
        ['环甲', '', loopA, tree.city, loopB, '', '', ''],
        ['环乙', '', loopB, tree.city, loopA, '', '', ''],
        ['重复一', '', twice, tree.city, '', '', '', ''],
        ['重复二', '', twice, tree.city, '', '', '', ''],
        [existing.name, '', makeDepartmentCreditCode(), tree.city, '', '', '', ''],
        ['状态怪', '', makeDepartmentCreditCode(), tree.city, '', '', '暂停', ''],
        ['岗位怪', '', makeDepartmentCreditCode(), tree.city, '', '', '', '<b>'],
        ['区县在上', '', makeDepartmentCreditCode(), tree.city, countyBranch.creditCode, '', '', ''],
      ]),
    );
    const errors = res.json().report.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]);
    expect(errors).toEqual([
      [2, 'creditCode', 'creditCode.checksum'],
      [3, 'parentCreditCode', 'department.parentNotFound'],
      [4, 'parentCreditCode', 'department.parentCycle'],
      [5, 'parentCreditCode', 'department.parentCycle'],
      [7, 'creditCode', 'import.duplicateRow'],
      [8, 'name', 'department.nameTaken'],
      [9, 'status', 'import.statusUnknown'],
      [10, 'positions', 'org.nameChars'],
      [11, 'parentCreditCode', 'department.parentRegion'],
    ]);
  });
});
