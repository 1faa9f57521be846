import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DataResourceView, OrgImportReport } from '@zhengtong/contracts';
import { createTestApp, testResourceCode, type TestApp } from '../../testing';
import { multipartFile } from '../../kernel/spreadsheet/test-support';
import { tables } from './tables';
import { createResource, makeWorld, openDefinition, publishedResource, tableDefinition, type World } from './test-support';

// 资源目录 Excel: the export (sheet 资源 + sheet 信息项) imports back unchanged; an edited row becomes a draft or a
// new draft version, a new row a new resource; a wrong cell stops the import and is reported by row and column.

let t: TestApp;
let w: World;
let published: DataResourceView;
let draft: DataResourceView;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
  published = await publishedResource(w, w.policeAdmin, w.departments.police.id, tableDefinition({ name: '导出测试人口', releasedOn: '2026-01-15', relatedCodes: ['539900-GA-0001'] }));
  const fields = tableDefinition().fields.map((f, i) => (i === 2 ? { ...f, sourceDepartmentId: w.departments.bigdata.id, description: '户籍所在街道' } : f));
  draft = await createResource(w, w.policeAdmin, w.departments.police.id, tableDefinition({ name: '导出测试草稿', fields }));
  await publishedResource(w, w.marketAdmin, w.departments.market.id, openDefinition({ name: '导出测试许可' }));
});
afterAll(async () => t?.close());

async function exportAs(who: World['policeAdmin']): Promise<Buffer> {
  const res = await w.call(who, 'GET', '/api/data-resources/export.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
  return res.rawPayload;
}

const importAs = async (who: World['policeAdmin'], file: Buffer, dryRun = false) => {
  const form = multipartFile(file, 'catalogue.xlsx');
  return t.as(who?.token ?? '', { method: 'POST', url: `/api/data-resources/import?dryRun=${dryRun}`, headers: form.headers, payload: form.payload });
};

async function edit(file: Buffer, change: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ExcelJS.Buffer);
  change(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const versionCount = async () => Number((await tables(t.kernel.db).selectFrom('data_resource_versions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

function rowOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).text === code) found ??= row;
  });
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

describe('the catalogue workbook', () => {
  it('exports what the reader may see: the police admin its drafts too, a consumer only what is published', async () => {
    const police = new ExcelJS.Workbook();
    await police.xlsx.load((await exportAs(w.policeAdmin)) as unknown as ExcelJS.Buffer);
    const codes = (book: ExcelJS.Workbook) => (book.getWorksheet('资源')?.getColumn(1).values ?? []).slice(2).map(String);
    expect(codes(police)).toEqual(expect.arrayContaining([published.code, draft.code]));
    expect(police.getWorksheet('信息项')?.getRow(1).getCell(2).text).toBe('信息项标识');
    const consumer = new ExcelJS.Workbook();
    await consumer.xlsx.load((await exportAs(w.consumer)) as unknown as ExcelJS.Buffer);
    expect(codes(consumer)).toContain(published.code);
    expect(codes(consumer)).not.toContain(draft.code);
  });

  it('imports its own export back without changing anything', async () => {
    const before = await versionCount();
    const file = await exportAs(w.policeAdmin);
    const res = await importAs(w.policeAdmin, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as OrgImportReport;
    // The police admin's sheet holds the market's published entry too; it is the same, so it is left alone.
    expect(report).toMatchObject({ isApplied: true, created: 0, updated: 0, errorCount: 0 });
    expect(report.unchanged).toBe(report.total);
    expect(await versionCount()).toBe(before);
  });

  it('turns an edited row into a new draft version and a new row into a new resource', async () => {
    const code = testResourceCode();
    const file = await edit(await exportAs(w.policeAdmin), (book) => {
      const resources = book.getWorksheet('资源');
      const fields = book.getWorksheet('信息项');
      if (!resources || !fields) throw new Error('sheets missing');
      rowOf(resources, published.code).getCell(11).value = '导入修改后的摘要';
      const copy = rowOf(resources, draft.code).values as ExcelJS.CellValue[];
      const added = resources.addRow(copy.slice(1));
      added.getCell(1).value = code;
      added.getCell(2).value = '导入新建的资源';
      fields.eachRow((row) => {
        if (row.getCell(1).text === draft.code) fields.addRow((row.values as ExcelJS.CellValue[]).slice(1).map((v, i) => (i === 0 ? code : v)));
      });
    });
    const dry = await importAs(w.policeAdmin, file, true);
    expect(dry.json()).toMatchObject({ dryRun: true, isApplied: false, created: 1, updated: 1 });
    const res = await importAs(w.policeAdmin, file);
    expect(res.json()).toMatchObject({ isApplied: true, created: 1, updated: 1 });
    const changed = (await w.call(w.policeAdmin, 'GET', `/api/data-resources/${published.id}`)).json() as DataResourceView;
    expect(changed).toMatchObject({ status: 'published', published: { summary: '测试用的低保对象信息' }, latest: { number: 2, status: 'draft', definition: { summary: '导入修改后的摘要' } } });
    const list = (await w.call(w.policeAdmin, 'GET', `/api/data-resources?q=${code}`)).json() as { items: DataResourceView[] };
    expect(list.items[0]).toMatchObject({ name: '导入新建的资源', status: 'draft' });
    const newOne = (await w.call(w.policeAdmin, 'GET', `/api/data-resources/${list.items[0]?.id}`)).json() as DataResourceView;
    expect(newOne.latest?.definition.fields[2]).toMatchObject({ sourceDepartmentId: w.departments.bigdata.id, description: '户籍所在街道', subLevel: 'L2' });
  });

  it('reports wrong cells by sheet, row and column, and changes nothing', async () => {
    const before = await versionCount();
    const file = await edit(await exportAs(w.policeAdmin), (book) => {
      const resources = book.getWorksheet('资源');
      const fields = book.getWorksheet('信息项');
      if (!resources || !fields) throw new Error('sheets missing');
      rowOf(resources, published.code).getCell(15).value = '随便共享';
      rowOf(resources, published.code).getCell(11).value = '又改了摘要';
      const fieldRow = rowOf(fields, draft.code);
      fieldRow.getCell(7).value = '无条件开放';
    });
    const res = await importAs(w.policeAdmin, file);
    expect(res.statusCode).toBe(400);
    const report = (res.json() as { report: OrgImportReport }).report;
    expect(report.errors.map((e) => [e.column, e.code])).toEqual(
      expect.arrayContaining([
        ['共享类型', 'data.import.unknownValue'],
        ['信息项·开放类型', 'data.fieldOpenLooser'],
      ]),
    );
    expect(await versionCount()).toBe(before);
  });

  it('refuses the market’s rows to the police admin', async () => {
    const file = await edit(await exportAs(w.policeAdmin), (book) => {
      const resources = book.getWorksheet('资源');
      if (!resources) throw new Error('sheet missing');
      resources.eachRow((row, n) => {
        if (n > 1 && row.getCell(2).text === '导出测试许可') row.getCell(11).value = '越权修改';
      });
    });
    const res = await importAs(w.policeAdmin, file);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { report: OrgImportReport }).report.errors.map((e) => e.code)).toContain('data.import.outOfScope');
  });
});
