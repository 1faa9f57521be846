import { regionSheetColumns as col } from '@zhengtong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { makeWorkbook, multipartFile, readWorkbook } from '../../kernel/spreadsheet/test-support';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let admin: string;
let county6: string;
let nextTown = 100;
const newTown = () => `${county6}${nextTown++}000`;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  county6 = tree.county.slice(0, 6);
  const dept = (await makeDepartment(t.kernel, tree.city)).id;
  const s = await makeStaff(t.kernel, { departmentId: dept, regionCode: tree.city, roles: ['sysadmin'] });
  admin = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

const importFile = (file: Buffer, query = '', token = admin, filename?: string, type?: string) =>
  t.as(token, { method: 'POST', url: `/api/regions/import${query}`, ...multipartFile(file, filename, type) });
const exportTree = (root: string, token = admin) => t.as(token, { method: 'GET', url: `/api/regions/export.xlsx?root=${root}` });
const exists = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/regions/${code}` })).statusCode === 200;
const header = [col.code, col.name, col.level, col.parentCode, col.sort];

describe('exporting regions', () => {
  it('downloads the subtree as .xlsx with Chinese headers, 生僻字 intact, codes as text', async () => {
    const town = newTown();
    await t.as(admin, { method: 'POST', url: '/api/regions', payload: { code: town, name: '𠮷家镇', level: 'town', parentCode: tree.county } });
    const res = await exportTree(tree.county);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92.xlsx");
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0]).toEqual([col.code, col.name, col.level, col.parentCode, col.sort, col.fullName]);
    expect(rows[1]?.slice(0, 4)).toEqual([tree.county, '测试区', '县级', tree.city]);
    expect(rows.find((r) => r[0] === town)?.slice(0, 3)).toEqual([town, '𠮷家镇', '乡级']);
  });
});

describe('importing regions', () => {
  it('round-trips an export into an empty installation, 𠮷 included', async () => {
    const town = newTown();
    await t.as(admin, { method: 'POST', url: '/api/regions', payload: { code: town, name: '𠮷祥镇', level: 'town', parentCode: tree.county } });
    await t.as(admin, { method: 'POST', url: '/api/regions', payload: { code: `${town.slice(0, 9)}101`, name: '𠮷祥社区', level: 'village', parentCode: town } });
    const file = (await exportTree(tree.city)).rawPayload;

    const other = await createTestApp();
    try {
      // The other installation starts with only the province (the root every deployment is set up with).
      await other.kernel.db.insertInto('regions').values({ code: tree.province, name: '测试省', level: 'province', parent_code: null }).execute();
      const dept = (await makeDepartment(other.kernel, tree.province)).id;
      const s = await makeStaff(other.kernel, { departmentId: dept, regionCode: tree.province, roles: ['sysadmin'] });
      const token = await other.login(s.username, s.password);
      const res = await other.as(token, { method: 'POST', url: '/api/regions/import', ...multipartFile(file) });
      expect(res.statusCode, res.body).toBe(200);
      const rows = (await readWorkbook(file)).length - 1;
      expect(res.json()).toMatchObject({ isApplied: true, total: rows, created: rows, updated: 0, errors: [] });
      const village = await other.app.inject({ method: 'GET', url: `/api/regions/${town.slice(0, 9)}101` });
      expect(village.json()).toMatchObject({ name: '𠮷祥社区', fullName: `测试省测试市${tree.city.slice(2, 4)}测试区𠮷祥镇𠮷祥社区` });
      const record = await other.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'region.import').executeTakeFirst();
      expect(record?.detail).toMatchObject({ created: expect.arrayContaining([town]) });
    } finally {
      await other.close();
    }
  });

  it('re-importing an unchanged export changes nothing; an edited name is updated', async () => {
    const first = await importFile((await exportTree(tree.county)).rawPayload);
    expect(first.json()).toMatchObject({ isApplied: true, created: 0, updated: 0 });
    const rows = (await readWorkbook((await exportTree(tree.county)).rawPayload)).slice(1);
    const edited = rows.map((r) => (r[0] === tree.town ? [r[0] ?? '', '改过名的街道', r[2] ?? '', r[3] ?? '', r[4] ?? ''] : r.slice(0, 5)));
    const res = await importFile(await makeWorkbook(header, edited));
    expect(res.json()).toMatchObject({ isApplied: true, created: 0, updated: 1, unchanged: rows.length - 1 });
    expect((await t.app.inject({ method: 'GET', url: `/api/regions/${tree.town}` })).json()).toMatchObject({ name: '改过名的街道', version: 2 });
  });

  it('a dry run reports what would change and changes nothing', async () => {
    const town = newTown();
    const res = await importFile(await makeWorkbook(header, [[town, '预检镇', '乡级', tree.county, 1]]), '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: true, isApplied: false, total: 1, created: 1, updated: 0, unchanged: 0, errorCount: 0, errors: [] });
    expect(await exists(town)).toBe(false);
  });

  it('accepts codes Excel turned into numbers and derives a blank level and parent', async () => {
    const town = newTown();
    const res = await importFile(await makeWorkbook([col.code, col.name], [[Number(town), '数字码镇'], [Number(`${town.slice(0, 9)}201`), '数字码村']]));
    expect(res.json()).toMatchObject({ isApplied: true, created: 2 });
    expect((await t.app.inject({ method: 'GET', url: `/api/regions/${town.slice(0, 9)}201` })).json()).toMatchObject({ level: 'village', parentCode: town });
  });

  it('one wrong row: refuses the whole file with a per-row report and changes nothing', async () => {
    const good = newTown();
    const bad = newTown();
    const res = await importFile(await makeWorkbook(header, [[good, '正确镇', '乡级', tree.county, 1], [bad, '错层镇', '县级', tree.county, 2]]));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', detail: '有 1 行数据有误,未导入任何数据,请修改后重新导入' });
    expect(body.report).toMatchObject({ isApplied: false, total: 2 });
    expect(body.report.errors).toEqual([{ row: 3, field: 'level', column: col.level, code: 'region.levelMismatch', message: '行政区划代码与所选层级不符' }]);
    expect(body.errors).toEqual([{ field: 'rows.3.level', code: 'region.levelMismatch', message: '行政区划代码与所选层级不符' }]);
    expect(await exists(good)).toBe(false);
    expect(await exists(bad)).toBe(false);
  });

  it('reports every kind of wrong row at once', async () => {
    const town = newTown();
    const orphanTown = newTown();
    const res = await importFile(
      await makeWorkbook(header, [
        ['12345', '短码', '', '', ''],
        [town, '', '乡级', '', ''],
        [newTown(), '怪层镇', '区', '', ''],
        [newTown(), '错父镇', '乡级', tree.otherCounty, ''],
        [`${orphanTown.slice(0, 9)}201`, '孤村', '', '', ''],
        [tree.town, '重复一', '', '', ''],
        [tree.town, '重复二', '', '', ''],
        [newTown(), '错序镇', '', '', '第一'],
      ]),
    );
    const errors = res.json().report.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]);
    expect(errors).toEqual([
      [2, 'code', 'regionCode.invalid'],
      [3, 'name', 'required'],
      [4, 'level', 'import.levelUnknown'],
      [5, 'parentCode', 'region.parentMismatch'],
      [6, 'parentCode', 'region.parentNotFound'],
      [8, 'code', 'import.duplicateRow'],
      [9, 'sort', 'import.sortInvalid'],
    ]);
    expect(res.json().report.errors.find((e: { row: number }) => e.row === 8).message).toBe('与第 7 行重复');
  });
});

describe('what an upload must be', () => {
  it('refuses a file that is not an .xlsx workbook', async () => {
    const text = await importFile(Buffer.from('区划代码,区划名称\n'), '', admin, 'regions.xlsx');
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: '请上传 Excel 文件(.xlsx)' });
    const xls = await importFile(await makeWorkbook(header, []), '', admin, 'regions.xls', 'application/vnd.ms-excel');
    expect(xls.statusCode).toBe(415);
    const json = await t.as(admin, { method: 'POST', url: '/api/regions/import', payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
    expect(json.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'required' })]);
    const notMultipart = await t.as(admin, { method: 'POST', url: '/api/regions/import', payload: { file: 'UEsDBA==' } });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('refuses a file over 5 MB', async () => {
    const res = await importFile(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(5 * 1024 * 1024 + 10)]));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names missing columns, and refuses an empty sheet', async () => {
    const missing = await importFile(await makeWorkbook([col.code, '名字'], [[newTown(), '某镇']]));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('表格缺少必需的列:区划名称');
    const empty = await importFile(await makeWorkbook(header, []));
    expect(empty.json().detail).toBe('表格中没有数据行');
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const res = await importFile(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('无法读取该 Excel 文件,请确认文件未损坏、未加密');
  });
});
