import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { OpenDatasetList, OpenDatasetView } from '@zhengtong/contracts';
import { parseCsv } from '../../platform/licenses';
import { systemActor } from '../../kernel/authz';
import { retireResource } from '../catalogue';
import { createTestApp, publishTestResource, type TestApp } from '../../testing';
import { caller, licenceFields, makeOpenWorld, type Call, type OpenWorld } from './test-support';

// The public portal: which datasets are open, what of them leaves (open items only, masked, hidden never), the
// preview, and the downloads in three formats, read back as a person's tools would read them.

let t: TestApp;
let w: OpenWorld;
let call: Call;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeOpenWorld(t);
  call = caller(t);
});
afterAll(async () => {
  await t.close();
});

const list = async (query = '') => (await call(null, 'GET', `/api/open/datasets?pageSize=200${query}`)).json() as OpenDatasetList;

describe('open datasets on the portal', () => {
  it('lists open and restricted resources to anyone, never closed ones, with facets', async () => {
    const all = await list();
    const codes = all.items.map((d) => d.code);
    expect(codes).toContain(w.open.code);
    expect(codes).toContain(w.restricted.code);
    expect(codes).not.toContain(w.closed.code);
    expect(all.facets.providers.find((p) => p.value === w.provider.id)?.count).toBeGreaterThanOrEqual(2);
    expect(all.facets.openTypes.map((o) => o.value).sort()).toEqual(['open', 'restricted']);

    const bySearch = await list(`&q=${encodeURIComponent('食品 许可')}`);
    expect(bySearch.items.map((d) => d.code)).toContain(w.open.code);
    expect(bySearch.items.map((d) => d.code)).not.toContain(w.restricted.code);
    // Item names are searchable too.
    expect((await list(`&q=${encodeURIComponent('法定代表人')}`)).items.map((d) => d.code)).toContain(w.restricted.code);

    const filtered = await list(`&provider=${w.provider.id}&theme=${encodeURIComponent('食品安全')}&updateCycle=daily&format=database`);
    expect(filtered.items.map((d) => d.code)).toEqual([w.open.code]);
    // Facets count what the other filters leave: the theme facet still offers the restricted dataset's theme.
    expect(filtered.facets.openTypes.find((o) => o.value === 'open')?.count).toBe(1);
    expect((await list('&openType=restricted')).items.every((d) => d.openType === 'restricted')).toBe(true);
  });

  it('stops listing, showing and serving a dataset once the catalogue retires it', async () => {
    const gone = await publishTestResource(t.kernel, {
      providerDepartmentId: w.provider.id,
      regionCode: w.tree.city,
      definition: { name: '即将停用的数据集', shareType: 'unconditional', openType: 'open', keyField: 'licenseNumber', fields: [licenceFields[0]] },
      records: [{ licenseNumber: 'X1' }],
    });
    expect((await call(null, 'GET', `/api/open/datasets/${gone.code}`)).statusCode).toBe(200);
    await retireResource(t.kernel, { actor: systemActor('test'), id: gone.id, version: 1, input: { reason: '停止更新' } });
    expect((await list()).items.map((d) => d.code)).not.toContain(gone.code);
    expect((await call(null, 'GET', `/api/open/datasets/${gone.code}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', `/api/open/datasets/${gone.code}/download/csv`)).statusCode).toBe(404);
    expect((await call(null, 'GET', `/api/3/action/package_show?id=${gone.code}`)).statusCode).toBe(404);
  });

  it('shows a dataset with its open items only: restricted ones by name, closed and hidden ones not at all', async () => {
    const res = await call(null, 'GET', `/api/open/datasets/${w.open.code}`);
    expect(res.statusCode).toBe(200);
    const view = res.json() as OpenDatasetView;
    expect(view.fields.map((f) => f.key)).toEqual(['licenseNumber', 'enterpriseName', 'score', 'remark']);
    expect(view.restrictedFields.map((f) => f.key)).toEqual(['ownerMobile']);
    expect(view.preview).toHaveLength(10);
    expect(Object.keys(view.preview[0] ?? {})).toEqual(['licenseNumber', 'enterpriseName', 'score', 'remark']);
    const raw = res.body;
    expect(raw).not.toContain('SECRET-');
    expect(raw).not.toContain('internalCode');
    expect(raw).not.toContain('inspectorId');
    expect(raw).not.toContain(w.licenceRows[0]?.ownerMobile ?? 'x');
    expect(view.files.map((d) => d.format)).toEqual(['csv', 'json', 'xlsx']);
    expect(view.licence.name).toBe('公共数据开放许可协议');

    expect((await call(null, 'GET', `/api/open/datasets/${w.closed.code}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/open/datasets/NO-SUCH-CODE')).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await call(null, 'GET', '/api/open/datasets/%20bad%20code')).statusCode).toBe(400);
    expect((await call(null, 'GET', '/api/open/datasets?format=pdf')).statusCode).toBe(400);
    expect((await call(null, 'GET', '/api/open/datasets?pageSize=0')).statusCode).toBe(400);
  });

  it('downloads CSV (UTF-8 with BOM, RFC 4180) that parses back to the open items', async () => {
    const before = (await list()).items.find((d) => d.code === w.open.code)?.downloads ?? 0;
    const res = await call(null, 'GET', `/api/open/datasets/${w.open.code}/download/csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))?.[1] ?? '')).toContain('测试食品经营许可信息');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.rawPayload.toString('utf8'));
    expect(rows[0]).toEqual(['许可证编号', '经营者名称', '量化分级得分', '备注']);
    expect(rows).toHaveLength(w.licenceRows.length + 1);
    const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byNumber.get('JY153990200001')).toEqual(['JY153990200001', '云溪市"老街",小吃店', '60', '']);
    // A formula-looking text is written as text, so a spreadsheet never runs it.
    expect(byNumber.get('JY153990200002')?.[3]).toBe('\'=HYPERLINK("http://evil")');
    expect(byNumber.get('JY153990200003')?.[3]).toBe('多行\n备注');
    expect(res.body).not.toContain('SECRET-');
    expect(res.body).not.toContain('1390000');
    // A HEAD request (a link checker) answers the same headers and is not counted.
    const head = await t.app.inject({ method: 'HEAD', url: `/api/open/datasets/${w.open.code}/download/csv` });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('text/csv; charset=utf-8');
    const after = (await list()).items.find((d) => d.code === w.open.code)?.downloads ?? 0;
    expect(after).toBe(before + 1);
  });

  it('downloads JSON with the items’ keys and XLSX that Excel can read', async () => {
    const json = await call(null, 'GET', `/api/open/datasets/${w.open.code}/download/json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = json.json() as { dataset: string; fields: { key: string }[]; records: Record<string, unknown>[] };
    expect(body.dataset).toBe(w.open.code);
    expect(body.fields.map((f) => f.key)).toEqual(['licenseNumber', 'enterpriseName', 'score', 'remark']);
    expect(body.records).toHaveLength(w.licenceRows.length);
    expect(body.records[0]).toEqual({ licenseNumber: 'JY153990200001', enterpriseName: '云溪市"老街",小吃店', score: 60, remark: '' });

    const xlsx = await call(null, 'GET', `/api/open/datasets/${w.open.code}/download/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, '许可证编号', '经营者名称', '量化分级得分', '备注']);
    expect(sheet?.rowCount).toBe(w.licenceRows.length + 1);
    expect(sheet?.getRow(2).getCell(1).value).toBe('JY153990200001');
    expect(sheet?.getRow(2).getCell(3).value).toBe(60);

    expect((await call(null, 'GET', `/api/open/datasets/${w.open.code}/download/pdf`)).statusCode).toBe(400);
    expect((await call(null, 'GET', `/api/open/datasets/${w.closed.code}/download/csv`)).statusCode).toBe(404);
  });

  it('downloads only the open items of a restricted dataset, and streams a large one whole', async () => {
    const res = await call(null, 'GET', `/api/open/datasets/${w.restricted.code}/download/csv`);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(['统一社会信用代码', '名称']);
    expect(res.body).not.toContain('张');
    expect(res.body).not.toContain('𠮷');

    const big = await makeOpenWorld(t, { licenceRows: 2_300 });
    const file = await call(null, 'GET', `/api/open/datasets/${big.open.code}/download/json`);
    expect((file.json() as { records: unknown[] }).records).toHaveLength(2_300);
  });

  it('exports the catalogue as DCAT-AP JSON-LD', async () => {
    const res = await call(null, 'GET', '/api/open/catalog.jsonld');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = res.json() as Record<string, unknown> & { 'dcat:dataset': Record<string, unknown>[] };
    expect(doc['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' });
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['dct:title']).toEqual({ '@value': '公共数据开放目录', '@language': 'zh' });
    const ds = doc['dcat:dataset'].find((d) => d['dct:identifier'] === w.open.code);
    expect(ds).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:title': { '@value': w.open.name, '@language': 'zh' },
      'dct:description': { '@language': 'zh' },
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': { '@value': w.provider.name, '@language': 'zh' } },
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/DAILY' },
      'dct:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
    });
    expect(ds?.['dcat:keyword']).toEqual(expect.arrayContaining([{ '@value': '食品', '@language': 'zh' }, { '@value': '市场监管', '@language': 'zh' }]));
    const distributions = ds?.['dcat:distribution'] as (Record<string, { '@id': string }> & { '@type': string })[];
    expect(distributions.map((d) => d['dcat:mediaType']?.['@id'])).toEqual([
      'http://www.iana.org/assignments/media-types/text/csv',
      'http://www.iana.org/assignments/media-types/application/json',
      'http://www.iana.org/assignments/media-types/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(distributions.every((d) => d['@type'] === 'dcat:Distribution' && d['dcat:downloadURL']?.['@id'].startsWith('http'))).toBe(true);
    const restricted = doc['dcat:dataset'].find((d) => d['dct:identifier'] === w.restricted.code);
    expect(restricted?.['dct:accrualPeriodicity']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/frequency/CONT' });
    expect(doc['dcat:dataset'].some((d) => d['dct:identifier'] === w.closed.code)).toBe(false);
  });
});
