import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeIdNumber, makePhone, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { systemActor } from '../../kernel/authz';
import { audit } from '../../kernel/audit';

let t: TestApp;
const tokens: Record<'auditor' | 'sysadmin' | 'secadmin' | 'clerk' | 'citizen', string> = { auditor: '', sysadmin: '', secadmin: '', clerk: '', citizen: '' };
let clerkId: string;
let citizenId: string;

type Page = { items: { id: string; action: string; actorId: string | null; actorName: string | null; result: string; objectId: string | null; at: string; detail: Record<string, unknown> }[]; nextCursor: string | null; total: number; isTotalCapped: boolean };

beforeAll(async () => {
  t = await createTestApp();
  const { county } = await makeRegionTree(t.kernel);
  const department = await makeDepartment(t.kernel, county, '测试市人力资源和社会保障局');
  for (const role of ['auditor', 'sysadmin', 'secadmin', 'clerk'] as const) {
    const staff = await makeStaff(t.kernel, { departmentId: department.id, regionCode: county, roles: [role] });
    if (role === 'clerk') clerkId = staff.accountId;
    tokens[role] = await t.login(staff.username, staff.password);
  }
  const registered = await t.app.inject({
    method: 'POST',
    url: '/api/registrations/citizen',
    payload: { name: '𠮷祥', idNumber: makeIdNumber(), phone: makePhone(), password: 'Citizen@2026x' },
  });
  expect(registered.statusCode).toBe(201);
  const body = registered.json() as { token: string; me: { accountId: string } };
  tokens.citizen = body.token;
  citizenId = body.me.accountId;
  // Personal data read with a stated purpose, by the clerk and by the citizen herself.
  expect((await t.as(tokens.clerk, { method: 'GET', url: `/api/persons/${citizenId}?purpose=${encodeURIComponent('办理社保关系转移')}` })).statusCode).toBe(200);
  expect((await t.as(tokens.citizen, { method: 'GET', url: `/api/persons/${citizenId}` })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const search = async (query: string, token = tokens.auditor) => t.as(token, { method: 'GET', url: `/api/audit-records?${query}` });
const page = async (query: string): Promise<Page> => {
  const res = await search(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

async function writeRecords(action: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    await t.kernel.db.transaction().execute((tx) => audit(tx, systemActor('paging-test'), { action: `${action}.${n}`, detail: { n } }));
  }
}

describe('audit trail search', () => {
  it('pages newest first with a cursor, without gaps or repeats, and counts the matches', async () => {
    await writeRecords('test.paging', 5);
    const first = await page('action=test.paging&pageSize=2');
    expect(first.items.map((r) => r.action)).toEqual(['test.paging.4', 'test.paging.3']);
    expect(first).toMatchObject({ total: 5, isTotalCapped: false });
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const second = await page(`action=test.paging&pageSize=2&cursor=${first.nextCursor}`);
    expect(second.items.map((r) => r.action)).toEqual(['test.paging.2', 'test.paging.1']);
    const third = await page(`action=test.paging&pageSize=2&cursor=${second.nextCursor}`);
    expect(third.items.map((r) => r.action)).toEqual(['test.paging.0']);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by actor, action prefix, object, result, IP, request id and time range', async () => {
    const byActor = await page(`actorId=${clerkId}&action=person`);
    expect(byActor.items.map((r) => r.action)).toEqual(['person.read']);
    expect(byActor.items[0]).toMatchObject({ objectId: citizenId, detail: { purpose: '办理社保关系转移' } });

    const byName = await page(`actorName=${encodeURIComponent('𠮷')}&objectType=person`);
    expect(byName.items.map((r) => [r.actorName, r.action])).toEqual([['𠮷祥', 'person.read']]);

    const byObject = await page(`objectType=person&objectId=${citizenId}`);
    expect(byObject.items.map((r) => r.actorId)).toEqual([citizenId, clerkId]);

    // 'person' is the action and its children; 'person.' only the children; nothing matches half a word.
    expect((await page('action=account.login&pageSize=200')).total).toBeGreaterThanOrEqual(4);
    expect((await page('action=account.log')).total).toBe(0);
    expect((await page('action=test.paging.')).total).toBe(5);

    const requestId = byActor.items[0] ? (await t.as(tokens.auditor, { method: 'GET', url: `/api/audit-records/${byActor.items[0].id}` })).json().requestId : '';
    expect((await page(`requestId=${requestId}`)).items.map((r) => r.action)).toEqual(['person.read']);
    expect((await page('ip=127.0.0.1&action=person.read')).total).toBe(2);
    expect((await page('ip=10.9.9.9')).total).toBe(0);

    const at = byActor.items[0]?.at ?? '';
    const justBefore = new Date(Date.parse(at) - 1).toISOString();
    const justAfter = new Date(Date.parse(at) + 1).toISOString();
    expect((await page(`from=${justBefore}&to=${justAfter}&action=person.read`)).items.map((r) => r.actorId)).toContain(clerkId);
    expect((await page(`from=${justAfter}&actorId=${clerkId}&action=person`)).total).toBe(0);
    expect((await page(`to=${justBefore}&actorId=${clerkId}&action=person`)).total).toBe(0);
  });

  it('shows one record with its hashes, and 404 for one that does not exist', async () => {
    const [newest] = (await page('action=person.read&pageSize=1')).items;
    const res = await t.as(tokens.auditor, { method: 'GET', url: `/api/audit-records/${newest?.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: newest?.id, action: 'person.read', hash: expect.stringMatching(/^[0-9a-f]{64}$/), prevHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await t.as(tokens.auditor, { method: 'GET', url: '/api/audit-records/999999999' })).json().code).toBe('NOT_FOUND');
    expect((await t.as(tokens.auditor, { method: 'GET', url: '/api/audit-records/abc' })).statusCode).toBe(400);
    expect((await t.as(tokens.auditor, { method: 'GET', url: '/api/audit-records/99999999999999999999' })).statusCode).toBe(400);
  });

  it('refuses bad filters with field errors', async () => {
    const cases: [string, string, string][] = [
      ['from=2026-03-01T00:00:00%2B08:00&to=2026-02-01T00:00:00%2B08:00', 'to', 'audit.rangeReversed'],
      ['from=yesterday', 'from', 'invalid_format'],
      ['result=maybe', 'result', 'invalid_value'],
      ['pageSize=500', 'pageSize', 'too_big'],
      ['cursor=12x', 'cursor', 'invalid_format'],
      ['cursor=9999999999999999999', 'cursor', 'invalid_format'],
      ['from=0000-01-01T00:00:00Z', 'from', 'invalid_format'],
      ['actorId=not-a-uuid', 'actorId', 'invalid_format'],
      ['action=%25%25', 'action', 'audit.actionFormat'],
      ['ip=999.1.1.1', 'ip', 'invalid_format'],
    ];
    for (const [query, field, code] of cases) {
      const res = await search(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, query).toContainEqual(expect.objectContaining({ field, code }));
    }
    const reversed = await search('from=2026-03-01T00:00:00%2B08:00&to=2026-02-01T00:00:00%2B08:00');
    expect(reversed.json().errors[0].message).toBe('结束时间必须晚于开始时间');
  });

  it('records each search, view and verification in the trail itself', async () => {
    const before = (await page('action=audit.search')).total;
    await page('action=test.paging');
    const searches = await page('action=audit.search&pageSize=1');
    // The two searches above; a page never shows the record of its own search, which is written after it.
    expect(searches.total).toBe(before + 2);
    expect(searches.items[0]?.detail).toMatchObject({ filter: { action: 'test.paging' }, returned: 5 });
    expect((await page('action=audit.view')).total).toBeGreaterThanOrEqual(1);
  });
});

describe('who may read the audit trail (三员分立)', () => {
  const routes: { method: 'GET' | 'POST'; url: string; action: string }[] = [
    { method: 'GET', url: '/api/audit-records', action: 'audit.search' },
    { method: 'GET', url: '/api/audit-records/1', action: 'audit.view' },
    { method: 'GET', url: '/api/audit-records/export.csv', action: 'audit.export' },
    { method: 'GET', url: '/api/audit-records/export.xlsx', action: 'audit.export' },
    { method: 'POST', url: '/api/audit-records/verify', action: 'audit.verify' },
  ];

  it('the auditor may; the system admin, security admin, a clerk and a citizen may not', async () => {
    for (const route of routes) {
      expect((await t.as(tokens.auditor, { method: route.method, url: route.url })).statusCode, route.url).toBe(200);
      for (const who of ['sysadmin', 'secadmin', 'clerk', 'citizen'] as const) {
        const res = await t.as(tokens[who], { method: route.method, url: route.url });
        expect(res.statusCode, `${who} ${route.url}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
      expect((await t.app.inject({ method: route.method, url: route.url })).statusCode).toBe(401);
    }
  });

  it('records the refused attempts for the auditor to see', async () => {
    const refused = await page('result=denied&action=audit&pageSize=200');
    const sysadminMe = (await t.as(tokens.sysadmin, { method: 'GET', url: '/api/me' })).json().accountId as string;
    const bySysadmin = refused.items.filter((r) => r.actorId === sysadminMe).map((r) => r.action).sort();
    expect(bySysadmin).toEqual(['audit.export', 'audit.export', 'audit.search', 'audit.verify', 'audit.view']);
  });
});

describe('export', () => {
  it('exports CSV in UTF-8 with a BOM, Chinese headers and rare characters intact', async () => {
    const res = await t.as(tokens.auditor, { method: 'GET', url: `/api/audit-records/export.csv?objectType=person&objectId=${citizenId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-records-\d{8}-\d{6}\.csv"; filename\*=UTF-8''%E5%AE%A1%E8%AE%A1%E8%AE%B0%E5%BD%95/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-export-rows']).toBe('2');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('编号,时间(北京时间),操作人,操作人账号,角色,操作,对象类型,对象编号,结果,来源IP,请求编号,详情,哈希(SM3)');
    expect(lines).toHaveLength(4); // header, two records, the empty string after the last CRLF
    expect(lines[1]).toContain('𠮷祥');
    expect(lines[1]).toContain(',成功,');
    expect(lines[2]).toContain('"{""purpose"":""办理社保关系转移""}"');
    expect(lines[2]).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3},/);
  });

  it('labels the CSV in English for an English reader', async () => {
    const res = await t.as(tokens.auditor, { method: 'GET', url: `/api/audit-records/export.csv?objectId=${citizenId}`, headers: { 'accept-language': 'en-US' } });
    expect(res.rawPayload.subarray(3).toString('utf8').split('\r\n')[0]).toBe('ID,Time (Beijing),Actor,Actor account,Role,Action,Object type,Object ID,Result,Source IP,Request ID,Detail,Hash (SM3)');
  });

  it('exports a workbook Excel opens, with the same rows', async () => {
    const res = await t.as(tokens.auditor, { method: 'GET', url: `/api/audit-records/export.xlsx?objectType=person&objectId=${citizenId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type, which Node's Buffer<ArrayBufferLike> does not match exactly.
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('审计记录');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet?.getRow(2).getCell(3).value).toBe('𠮷祥');
    expect(sheet?.getRow(3).getCell(12).value).toBe('{"purpose":"办理社保关系转移"}');
  });

  it('is a snapshot that does not contain its own audit record, which it writes first', async () => {
    const before = (await page('action=audit.export')).total;
    const res = await t.as(tokens.auditor, { method: 'GET', url: '/api/audit-records/export.csv?action=audit.export' });
    const rows = res.rawPayload.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '').length - 1;
    expect(rows).toBe(before);
    const recorded = await page('action=audit.export&pageSize=1');
    expect(recorded.total).toBe(before + 1);
    expect(recorded.items[0]?.detail).toMatchObject({ format: 'csv', rows: before, filter: { action: 'audit.export' } });
  });

  it('refuses bad filters before writing anything', async () => {
    const res = await t.as(tokens.auditor, { method: 'GET', url: '/api/audit-records/export.xlsx?result=ok' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'result' }));
  });
});

describe('chain verification through the API', () => {
  it('reports an intact chain and records the check', async () => {
    const res = await t.as(tokens.auditor, { method: 'POST', url: '/api/audit-records/verify' });
    expect(res.statusCode).toBe(200);
    const verdict = res.json();
    expect(verdict).toMatchObject({ isIntact: true, brokenId: null, reason: null });
    expect(verdict.checked).toBeGreaterThan(10);
    const [recorded] = (await page('action=audit.verify&result=success&pageSize=1')).items;
    expect(recorded?.detail).toMatchObject({ isIntact: true, checked: verdict.checked });
  });

  // Last in this file: it breaks the chain on purpose.
  it('names the record an attacker edited in the database', async () => {
    const [target] = (await page(`actorId=${clerkId}&action=person.read`)).items;
    await t.database.execScript(
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
       UPDATE audit_log SET detail = '{"purpose": "无"}'::jsonb WHERE id = ${target?.id};
       ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`,
    );
    const verdict = (await t.as(tokens.auditor, { method: 'POST', url: '/api/audit-records/verify' })).json();
    expect(verdict).toMatchObject({ isIntact: false, brokenId: target?.id, reason: 'hash-mismatch', lastId: null });
    const [recorded] = (await page('action=audit.verify&pageSize=1')).items;
    expect(recorded?.detail).toMatchObject({ isIntact: false, brokenId: target?.id, reason: 'hash-mismatch' });
  });
});
