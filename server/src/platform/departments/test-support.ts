import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { makeCreditCode } from '@zhengtong/contracts';

// Test-only helpers. (The multipart/workbook pair mirrors regions/upload-test-support.ts: domains may not import
// each other's internals; both could move to server/src/testing.)

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid, random 机关 统一社会信用代码 (authority 1, type 1) registered in the given region. */
export function makeDepartmentCreditCode(regionCode = '539900000000'): string {
  const org = Array.from(crypto.randomBytes(8), (b) => CREDIT_CHARSET.charAt(b % CREDIT_CHARSET.length)).join('');
  return makeCreditCode(`11${regionCode.slice(0, 6)}`, org);
}

export function multipartFile(file: Buffer, filename = 'departments.xlsx') {
  const boundary = `----zt${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function makeWorkbook(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(Array.from(values, (v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}
