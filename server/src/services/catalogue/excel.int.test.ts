import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueSheetColumns as col, materialSheetColumns as mcol, type OrgImportReport } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../../testing';
import { multipartFile } from '../../kernel/spreadsheet/test-support';
import { publishedItem, uniqueBasicCode } from './test-support';
import { countRows, makeWorld, type World } from './test-world';

let t: TestApp;
let w: World;
let basicCode: string;
let marketCredit: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
  const { item } = await publishedItem(t.kernel, { regionCode: w.tree.city, departmentId: w.departments.market.id, item: { name: '食品经营许可(导入测试)', aliases: ['餐饮许可证'] } });
  basicCode = item.basicCode;
  marketCredit = (await t.kernel.db.selectFrom('departments').select('credit_code').where('id', '=', w.departments.market.id).executeTakeFirstOrThrow()).credit_code;
});
afterAll(async () => t?.close());

async function exported(who: { token: string } = w.admin): Promise<ExcelJS.Workbook> {
  const res = await w.call(who, 'GET', '/api/service-items/export.xlsx');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('事项目录.xlsx'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return workbook;
}

function header(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values;
  return Array.isArray(values) ? values.slice(1).map((v) => String(v ?? '')) : [];
}

function rowOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  const at = header(sheet).indexOf(col.basicCode) + 1;
  for (let n = 2; n <= sheet.rowCount; n++) if (String(sheet.getRow(n).getCell(at).value) === code) return sheet.getRow(n);
  throw new Error(`no row for ${code}`);
}

function set(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, column: string, value: string | number): void {
  row.getCell(header(sheet).indexOf(column) + 1).value = value;
}

async function upload(workbook: ExcelJS.Workbook, who: { token: string } = w.admin, dryRun = false) {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const { payload, headers } = multipartFile(buffer, '事项目录.xlsx');
  return t.as(who.token, { method: 'POST', url: `/api/service-items/import${dryRun ? '?dryRun=true' : ''}`, payload, headers });
}

const items = (workbook: ExcelJS.Workbook) => {
  const sheet = workbook.getWorksheet('事项');
  if (!sheet) throw new Error('no 事项 sheet');
  return sheet;
};

describe('Excel export and import', () => {
  it('exports one row per implementation with Chinese headers and the materials on their own sheet', async () => {
    const workbook = await exported();
    const sheet = items(workbook);
    expect(header(sheet).slice(0, 4)).toEqual([col.basicCode, col.name, col.type, col.powerSource]);
    const row = rowOf(sheet, basicCode);
    const cell = (name: string) => String(row.getCell(header(sheet).indexOf(name) + 1).value);
    expect(cell(col.type)).toBe('行政许可');
    expect(cell(col.departmentCreditCode)).toBe(marketCredit);
    expect(cell(col.promisedLimit)).toBe('5个工作日');
    expect(cell(col.versionLabel)).toBe('第1版(已发布)');
    const materials = workbook.getWorksheet('申请材料');
    expect(materials?.rowCount).toBe(4);
    expect(header(materials as ExcelJS.Worksheet)).toContain(mcol.canBeGap);
  });

  it('re-importing an unchanged export changes nothing', async () => {
    const before = await countRows(t, 'service_item_versions');
    const res = await upload(await exported());
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as OrgImportReport;
    expect(report).toMatchObject({ isApplied: true, created: 0, updated: 0, errorCount: 0 });
    expect(report.unchanged).toBe(report.total);
    expect(await countRows(t, 'service_item_versions')).toBe(before);
  });

  it('dry-runs, then puts changed elements into a new draft and creates new items with their implementations', async () => {
    const workbook = await exported();
    const sheet = items(workbook);
    set(sheet, rowOf(sheet, basicCode), col.promisedLimit, '3个工作日');
    const fresh = uniqueBasicCode();
    sheet.addRow(
      header(sheet).map((h) =>
        ({
          [col.basicCode]: fresh,
          [col.name]: '新增导入事项𠮷',
          [col.type]: '公共服务',
          [col.audience]: '自然人',
          [col.basis]: '《中华人民共和国社会保险法》第五十八条',
          [col.lifeEvents]: '出生、就医',
          [col.aliases]: '导入别名',
          [col.departmentCategory]: '测试',
          [col.departmentCreditCode]: marketCredit,
          [col.acceptanceConditions]: '本市居民',
          [col.promisedLimit]: '即办',
          [col.caseKind]: '即办件',
          [col.channels]: '网上办理、窗口办理',
          [col.visitsRequired]: 0,
          [col.location]: '市民中心一楼',
          [col.consultPhone]: '0872-1234567',
        })[h] ?? '',
      ),
    );
    const versionsBefore = await countRows(t, 'service_item_versions');
    const dry = await upload(workbook, w.admin, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, isApplied: false, created: 1, updated: 1, errorCount: 0 });
    expect(await countRows(t, 'service_item_versions')).toBe(versionsBefore);

    const real = await upload(workbook);
    expect(real.json()).toMatchObject({ isApplied: true, created: 1, updated: 1 });
    const drafts = await t.kernel.db
      .selectFrom('service_item_versions as v')
      .innerJoin('service_item_implementations as i', 'i.id', 'v.implementation_id')
      .innerJoin('service_items as s', 's.id', 'i.service_item_id')
      .select(['s.basic_code', 'v.version', 'v.status', 'v.promised_limit_days', 'v.case_kind', 'v.hours'])
      .where('v.status', '=', 'draft')
      .execute();
    expect(drafts.find((d) => d.basic_code === basicCode)).toMatchObject({ version: 2, promised_limit_days: 3 });
    expect(drafts.find((d) => d.basic_code === fresh)).toMatchObject({ version: 1, case_kind: 'immediate', promised_limit_days: 0 });
    const created = (await w.call(w.admin, 'GET', `/api/service-items?q=${fresh}`)).json().items[0];
    expect(created).toMatchObject({ name: '新增导入事项𠮷', lifeEvents: ['birth', 'medical'], regionCode: w.tree.city, implementationCount: 1 });
    const record = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'service-item.import').orderBy('id', 'desc').executeTakeFirst();
    expect(record?.detail).toMatchObject({ created: 1, updated: 1 });
  });

  it('reports every wrong row with its column, and changes nothing when any row is wrong', async () => {
    const workbook = await exported();
    const sheet = items(workbook);
    const row = rowOf(sheet, basicCode);
    set(sheet, row, col.promisedLimit, '三天');
    set(sheet, row, col.caseKind, '快件');
    const copy = sheet.addRow(header(sheet).map((_, i) => row.getCell(i + 1).value));
    copy.getCell(header(sheet).indexOf(col.name) + 1).value = '别的名字';
    const bad = sheet.addRow(header(sheet).map((h) => ({ [col.basicCode]: 'bad code', [col.name]: '坏行', [col.type]: '行政批准', [col.audience]: '个人', [col.basis]: '没有书名号', [col.departmentCategory]: '测试' })[h] ?? ''));
    const before = await countRows(t, 'service_items');
    const res = await upload(workbook);
    expect(res.statusCode).toBe(400);
    const report = res.json().report as OrgImportReport;
    expect(report.isApplied).toBe(false);
    const errors = report.errors.map((e) => [e.row, e.column, e.code]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [row.number, col.promisedLimit, 'catalogue.limitFormat'],
        [row.number, col.caseKind, 'catalogue.caseKindUnknown'],
        [copy.number, col.name, 'catalogue.sheetItemMismatch'],
        [bad.number, col.type, 'catalogue.typeUnknown'],
        [bad.number, col.basis, 'catalogue.basisFormat'],
      ]),
    );
    expect(report.errors.find((e) => e.code === 'catalogue.limitFormat')?.message).toContain('工作日');
    expect(await countRows(t, 'service_items')).toBe(before);
  });

  it('replaces the materials of an implementation from the 申请材料 sheet, keeping what the sheet cannot say', async () => {
    const workbook = await exported();
    const materials = workbook.getWorksheet('申请材料');
    if (!materials) throw new Error('no materials sheet');
    for (let n = materials.rowCount; n >= 2; n--) materials.spliceRows(n, 1);
    materials.addRow([basicCode, marketCredit, '居民身份证', '政府部门核发', 1, 0, 'pdf、jpg', '是', '否', '否', '']);
    materials.addRow([basicCode, marketCredit, '营业场所照片', '申请人自备', 0, 1, 'jpg', '否', '否', '否', '门头和内部各一张']);
    // Without materials that may be handed in later or pledged, the item row must turn 容缺 and 告知承诺 off too.
    const refused = await upload(workbook);
    expect((refused.json().report as OrgImportReport).errors.map((e) => e.code)).toEqual(['catalogue.gapsWithoutMaterial', 'catalogue.pledgeWithoutMaterial']);
    const sheet = items(workbook);
    set(sheet, rowOf(sheet, basicCode), col.allowsGaps, '否');
    set(sheet, rowOf(sheet, basicCode), col.allowsPledge, '否');
    const res = await upload(workbook);
    expect(res.statusCode, res.body).toBe(200);
    const draft = await t.kernel.db
      .selectFrom('service_item_versions as v')
      .innerJoin('service_item_implementations as i', 'i.id', 'v.implementation_id')
      .innerJoin('service_items as s', 's.id', 'i.service_item_id')
      .select(['v.materials', 'v.allows_gaps', 'v.allows_pledge'])
      .where('s.basic_code', '=', basicCode)
      .where('v.status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const list = draft.materials as { key: string; name: string; licenseTypeCode: string | null; formats: string[] }[];
    expect(list.map((m) => [m.key, m.name])).toEqual([['idCard', '居民身份证'], ['material1', '营业场所照片']]);
    expect(list[0]?.licenseTypeCode).toBe('111');
  });

  it('lets a department editor change its own implementation but not the item, nor another department’s', async () => {
    const workbook = await exported(w.marketEditor);
    const sheet = items(workbook);
    set(sheet, rowOf(sheet, basicCode), col.aliases, '餐饮许可证、新别名');
    const res = await upload(workbook, w.marketEditor);
    expect(res.statusCode).toBe(400);
    expect((res.json().report as OrgImportReport).errors.map((e) => e.code)).toContain('catalogue.notYours');
    const { item } = await publishedItem(t.kernel, { regionCode: w.tree.city, departmentId: w.departments.health.id });
    const other = await exported(w.marketEditor);
    const otherSheet = items(other);
    set(otherSheet, rowOf(otherSheet, item.basicCode), col.hours, '全天');
    expect(((await upload(other, w.marketEditor)).json().report as OrgImportReport).errors.map((e) => e.code)).toContain('catalogue.notYours');
    expect((await upload(await exported(), w.clerk)).json().code).toBe('FORBIDDEN');
  });

  it('refuses what is not a workbook', async () => {
    const { payload, headers } = multipartFile(Buffer.from('基本编码,事项名称'), '事项.xlsx');
    const res = await t.as(w.admin.token, { method: 'POST', url: '/api/service-items/import', payload, headers });
    expect(res.statusCode).toBe(415);
  });
});
