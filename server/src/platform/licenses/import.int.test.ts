import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenseImportReport } from '@zhengtong/contracts';
import { parseLicenseIdentifier } from '@zhengtong/contracts';
import { makeWorkbook, multipartFile } from '../../kernel/spreadsheet/test-support';
import { makeEnterpriseCreditCode, makeIdNumber } from '../../testing';
import { verifyWithSeal } from '../seals';
import { parseCsv } from './import-file';
import { tables } from './tables';
import { makeWorld, type World } from './test-support';

// 历史证照电子化: good rows issued, bad rows reported with their reasons, re-importing never issues twice.

let w: World;
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => w?.t.close());

const header = ['原证照编号', '持证主体名称', '持证主体证件号码', '有效期起始', '有效期截止', '发证日期', '经营项目', '有效期至'];

function csv(rows: string[][]): Buffer {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from(`\ufeff${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function upload(file: Buffer, fileName: string, query = `typeId=${w.enterpriseType.id}`, token = w.staff.reviewer) {
  const { payload, headers } = multipartFile(file, fileName, fileName.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return w.t.as(token, { method: 'POST', url: `/api/licenses/import?${query}`, payload, headers });
}

describe('importing historical licences', () => {
  it('issues the good rows, reports the bad ones per column, and never issues a row twice', async () => {
    const good1 = makeEnterpriseCreditCode();
    const good2 = makeEnterpriseCreditCode();
    const rows = [
      ['SP5399020001', '云溪市老字号食品店', good1, '2019-03-01', '', '2019-03-01', '预包装食品销售,含"冷藏"食品', '2024-02-28'],
      ['SP5399020002', '云溪市翠湖餐饮有限公司', good2, '2023-05-10', '', '', '热食类食品制售', '2028-05-09'],
      ['SP5399020003', '错误信用代码', '91539902MA1QH0013X', '2023-05-10', '', '', '热食类食品制售', '2028-05-09'],
      ['', '没有编号', makeEnterpriseCreditCode(), '2023-05-10', '', '', '热食类', '2028-05-09'],
      ['SP5399020005', '日期错误', makeEnterpriseCreditCode(), '2023-02-30', '', '', '热食类', '2028-13-01'],
      ['SP5399020001', '重复编号', makeEnterpriseCreditCode(), '2023-05-10', '', '', '热食类', '2028-05-09'],
      ['SP5399020007', '缺经营项目', makeEnterpriseCreditCode(), '2023-05-10', '', '', '', '2028-05-09'],
    ];
    const first = await upload(csv(rows), '历史食品经营许可证.csv');
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json() as LicenseImportReport;
    expect(report).toMatchObject({ dryRun: false, total: 7, issued: 2, existing: 0, invalid: 5, isTruncated: false });
    const byRow = new Map(report.rows.map((r) => [r.row, r]));
    // Errors come first in the report, each with the column a person would look at.
    expect(report.rows.slice(0, 5).every((r) => r.outcome === 'invalid')).toBe(true);
    expect(byRow.get(4)?.errors).toEqual([expect.objectContaining({ field: 'holderNumber', column: '持证主体证件号码', code: 'creditCode.checksum' })]);
    expect(byRow.get(5)?.errors).toEqual([expect.objectContaining({ field: 'originalNumber', column: '原证照编号', code: 'required' })]);
    expect(byRow.get(6)?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'validFrom', code: 'license.fieldDate' }), expect.objectContaining({ field: 'fields.validUntil', column: '有效期至', code: 'license.fieldDate' })]));
    expect(byRow.get(7)?.errors).toEqual([expect.objectContaining({ code: 'license.import.duplicateInFile', message: '原证照编号在文件中重复(与第 2 行相同)' })]);
    expect(byRow.get(8)?.errors).toEqual([expect.objectContaining({ field: 'fields.scope', column: '经营项目', code: 'required' })]);
    const issued = byRow.get(2);
    expect(issued).toMatchObject({ outcome: 'issued', originalNumber: 'SP5399020001' });
    expect(parseLicenseIdentifier(issued?.identifier ?? '')).toMatchObject({ ok: true, typeCode: w.enterpriseType.code });

    const stored = await tables(w.t.kernel.db).selectFrom('licenses').selectAll().where('identifier', '=', issued?.identifier ?? '').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ source: 'import', original_number: 'SP5399020001', holder_credit_code: good1, valid_from: '2019-03-01', valid_to: '2024-02-28' });
    expect(stored.fields.scope).toBe('预包装食品销售,含"冷藏"食品');
    // Its own date of issue, and already expired (reported as such at once).
    const detail = (await w.t.as(w.staff.reviewer, { method: 'GET', url: `/api/licenses/${stored.id}` })).json();
    expect(detail).toMatchObject({ status: 'expired', originalNumber: 'SP5399020001' });
    expect(detail.issuedAt.slice(0, 10)).toBe('2019-03-01');
    const audit = await w.t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'license.import').execute();
    expect(audit.some((a) => a.detail.count === 2)).toBe(true);

    // The same file again, and a corrected version: nothing issued twice; fixed rows are issued now.
    const again = (await upload(csv(rows), '历史食品经营许可证.csv')).json() as LicenseImportReport;
    expect(again).toMatchObject({ issued: 0, existing: 2, invalid: 5 });
    expect(again.rows.find((r) => r.row === 2)).toMatchObject({ outcome: 'existing', identifier: issued?.identifier });
    const fixed = rows.map((r) => [...r]);
    fixed[2] = ['SP5399020003', '错误信用代码(已更正)', makeEnterpriseCreditCode(), '2023-05-10', '', '', '热食类食品制售', '2028-05-09'];
    const third = (await upload(csv(fixed), '更正后.csv')).json() as LicenseImportReport;
    expect(third).toMatchObject({ issued: 1, existing: 2, invalid: 4 });
    const count = await tables(w.t.kernel.db).selectFrom('licenses').select((eb) => eb.fn.countAll<string>().as('n')).where('type_id', '=', w.enterpriseType.id).where('source', '=', 'import').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('reads .xlsx the same way, and a dry run issues nothing', async () => {
    const people = [makeIdNumber(), makeIdNumber()];
    const workbook = await makeWorkbook(
      ['原证照编号', '持证主体名称', '持证主体证件号码', '有效期起始', '许可范围', '等级'],
      [
        ['CY-0001', '𠮷祥', people[0] ?? '', '2024-01-01', '危险货物运输', 2],
        ['CY-0002', '张某', people[1] ?? '', '2024-01-01', '普通货物运输', 'A级'],
      ],
    );
    const dry = (await upload(workbook, '从业资格证.xlsx', `typeId=${w.personType.id}&dryRun=true`)).json() as LicenseImportReport;
    expect(dry).toMatchObject({ dryRun: true, issued: 0, invalid: 1 });
    expect(dry.rows.map((r) => r.outcome).sort()).toEqual(['checked', 'invalid']);
    expect(dry.rows.find((r) => r.row === 3)?.errors).toEqual([expect.objectContaining({ column: '等级', code: 'license.fieldNumber' })]);
    const real = (await upload(workbook, '从业资格证.xlsx', `typeId=${w.personType.id}`)).json() as LicenseImportReport;
    expect(real).toMatchObject({ issued: 1, invalid: 1 });
    const row = await tables(w.t.kernel.db).selectFrom('licenses').selectAll().where('original_number', '=', 'CY-0001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ holder_name: '𠮷祥', holder_type: 'person' });
    expect(row.holder_id_enc).not.toContain(people[0]);
    expect(row.valid_to).toBe('2028-12-31');
  });

  it('a large batch is signed on the signing threads, and every signature verifies (also with OpenSSL)', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`BIG-${i}`, `批量商户${i}`, makeEnterpriseCreditCode(), '2024-01-01', '', '2024-01-01', '预包装食品销售', '2029-12-31']);
    const report = (await upload(csv(rows), '批量.csv')).json() as LicenseImportReport;
    expect(report).toMatchObject({ issued: 150, invalid: 0 });
    const stored = await tables(w.t.kernel.db).selectFrom('licenses').select(['signed_data', 'seal_key_id', 'signature']).where('original_number', 'like', 'BIG-%').execute();
    expect(stored).toHaveLength(150);
    for (const row of stored) {
      const verdict = await verifyWithSeal(w.t.kernel.db, row.seal_key_id, Buffer.from(row.signed_data, 'utf8'), row.signature);
      expect(verdict.valid).toBe(true);
    }
    const sample = stored[77];
    if (hasOpenssl && sample) {
      const key = (await w.t.app.inject({ method: 'GET', url: '/api/seals/public-keys' })).json().keys.find((k: { keyId: string }) => k.keyId === sample.seal_key_id);
      const dir = mkdtempSync(join(tmpdir(), 'zt-import-'));
      try {
        writeFileSync(join(dir, 'pub.pem'), key.publicKeyPem);
        writeFileSync(join(dir, 'sig.der'), Buffer.from(sample.signature, 'hex'));
        writeFileSync(join(dir, 'data.json'), sample.signed_data);
        expect(execFileSync('openssl', ['dgst', '-sm3', '-verify', join(dir, 'pub.pem'), '-sigopt', 'distid:1234567812345678', '-signature', join(dir, 'sig.der'), join(dir, 'data.json')], { encoding: 'utf8' })).toMatch(/Verified OK/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('answers a wrong upload with 4xx problem+json and a reason', async () => {
    const cases: { file: Buffer; name: string; query?: string; status: number; detail?: RegExp; field?: string }[] = [
      { file: Buffer.from('a,b\n1,2\n'), name: 'x.csv', status: 400, detail: /缺少必需的列/ },
      { file: Buffer.from(`${header.join(',')}\n`), name: 'x.csv', status: 400, detail: /没有数据行/ },
      { file: Buffer.from([0xff, 0xfe, 0x00, 0x41]), name: 'x.csv', status: 400, detail: /UTF-8/ },
      { file: Buffer.from('hello'), name: 'x.txt', status: 415 },
      { file: Buffer.from('PK\u0003\u0004broken'), name: 'x.xlsx', status: 400 },
      { file: csv([]), name: 'x.csv', query: 'typeId=nope', status: 400, field: 'typeId' },
      { file: csv([]), name: 'x.csv', query: 'typeId=0190c5a0-0000-7000-8000-000000000000', status: 400, field: 'typeId' },
      { file: csv([]), name: 'x.csv', query: `typeId=${w.enterpriseType.id}&dryRun=perhaps`, status: 400, field: 'dryRun' },
    ];
    for (const c of cases) {
      const res = await upload(c.file, c.name, c.query);
      expect(res.statusCode, `${c.name} ${c.query ?? ''} → ${res.body}`).toBe(c.status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      if (c.detail) expect(res.json().detail).toMatch(c.detail);
      if (c.field) expect(res.json().errors?.[0]?.field).toBe(c.field);
    }
    const notMultipart = await w.t.as(w.staff.reviewer, { method: 'POST', url: `/api/licenses/import?typeId=${w.enterpriseType.id}`, payload: { rows: [] } });
    expect([400, 415]).toContain(notMultipart.statusCode);
    expect(notMultipart.headers['content-type']).toMatch(/problem\+json/);
    // Another department may not import into the type, and learns it before sending the file.
    const other = await upload(csv([['X-1', '甲', makeEnterpriseCreditCode(), '2024-01-01', '', '', '经营', '2029-01-01']]), 'x.csv', undefined, w.staff.otherReviewer);
    expect(other.statusCode).toBe(403);
  });

  it('parses RFC 4180 CSV: quotes, doubled quotes, line breaks inside quotes, CRLF, BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","d ""e"""\r\n"f\ng",h,\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['f\ng', 'h', ''],
    ]);
    expect(parseCsv('x')).toEqual([['x']]);
  });
});
