import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeIdNumber, makeRegionTree, makeStaff, type TestApp } from '../../testing';

let t: TestApp;
let regions: Awaited<ReturnType<typeof makeRegionTree>>;
let cityDept: string;
let countyDept: string;
let otherCountyDept: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  regions = await makeRegionTree(t.kernel);
  cityDept = (await makeDepartment(t.kernel, regions.city)).id;
  countyDept = (await makeDepartment(t.kernel, regions.county)).id;
  otherCountyDept = (await makeDepartment(t.kernel, regions.otherCounty)).id;
  const people = {
    sysadmin: await makeStaff(t.kernel, { departmentId: cityDept, regionCode: regions.city, roles: ['sysadmin'] }),
    countyAdmin: await makeStaff(t.kernel, { departmentId: countyDept, regionCode: regions.county, roles: ['sysadmin'] }),
    secadmin: await makeStaff(t.kernel, { departmentId: cityDept, regionCode: regions.city, roles: ['secadmin'] }),
    auditor: await makeStaff(t.kernel, { departmentId: cityDept, regionCode: regions.city, roles: ['auditor'] }),
    clerk: await makeStaff(t.kernel, { departmentId: countyDept, regionCode: regions.county, roles: ['clerk'] }),
  };
  for (const [key, s] of Object.entries(people)) tokens[key] = await t.login(s.username, s.password);
});
afterAll(async () => t?.close());

const newStaff = (departmentId: string, extra: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 10)}`,
  name: '新同事',
  departmentId,
  initialPassword: 'Initial#2026',
  ...extra,
});
const post = (who: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.as(tokens[who] ?? '', { method: 'POST', url, payload: payload as Record<string, unknown>, headers });

describe('who may manage staff accounts', () => {
  it('a system admin creates staff in their region; the new account must change its password first', async () => {
    const res = await post('sysadmin', '/api/staff', newStaff(countyDept));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ departmentId: countyDept, regionCode: regions.county, roles: [] });
    const token = await t.login(created.username, 'Initial#2026');
    const blocked = await t.as(token, { method: 'GET', url: '/api/staff' });
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await t.as(token, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'Initial#2026', newPassword: 'Changed#2026x' } });
    expect(changed.json()).toEqual({ stage: 'full' });
  });

  it('a county admin cannot create staff in another county, and sees only their region', async () => {
    const res = await post('countyAdmin', '/api/staff', newStaff(otherCountyDept));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
    const list = await t.as(tokens.countyAdmin ?? '', { method: 'GET', url: '/api/staff?pageSize=200' });
    expect(list.json().items.every((s: { regionCode: string }) => s.regionCode.startsWith(regions.county.slice(0, 6)))).toBe(true);
  });

  it('clerks and auditors may not manage staff; anonymous callers must sign in', async () => {
    expect((await post('clerk', '/api/staff', newStaff(countyDept))).statusCode).toBe(403);
    expect((await post('auditor', '/api/staff', newStaff(countyDept))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/staff' })).statusCode).toBe(401);
  });

  it('only the security admin grants roles (三员分立), never two separated roles to one account, never to themselves', async () => {
    const created = (await post('sysadmin', '/api/staff', newStaff(countyDept))).json();
    const bySysadmin = await t.as(tokens.sysadmin ?? '', { method: 'PUT', url: `/api/staff/${created.accountId}/roles`, payload: { roles: ['reviewer'], version: created.version } });
    expect(bySysadmin.statusCode).toBe(403);
    const withRolesBySysadmin = await post('sysadmin', '/api/staff', newStaff(countyDept, { roles: ['clerk'] }));
    expect(withRolesBySysadmin.statusCode).toBe(403);

    const conflict = await t.as(tokens.secadmin ?? '', { method: 'PUT', url: `/api/staff/${created.accountId}/roles`, payload: { roles: ['sysadmin', 'auditor'], version: created.version } });
    expect(conflict.statusCode).toBe(422);
    expect(conflict.json().code).toBe('ROLE_CONFLICT');

    const ok = await t.as(tokens.secadmin ?? '', { method: 'PUT', url: `/api/staff/${created.accountId}/roles`, payload: { roles: ['reviewer', 'clerk'], version: created.version } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles).toEqual(['clerk', 'reviewer']);

    const stale = await t.as(tokens.secadmin ?? '', { method: 'PUT', url: `/api/staff/${created.accountId}/roles`, payload: { roles: ['clerk'], version: created.version } });
    expect(stale.json().code).toBe('STALE_VERSION');

    const me = (await t.as(tokens.secadmin ?? '', { method: 'GET', url: '/api/me' })).json();
    const self = await t.as(tokens.secadmin ?? '', { method: 'GET', url: `/api/staff/${me.accountId}` });
    const selfGrant = await t.as(tokens.secadmin ?? '', { method: 'PUT', url: `/api/staff/${me.accountId}/roles`, payload: { roles: ['secadmin', 'leader'], version: self.json().version } });
    expect(selfGrant.statusCode).toBe(403);
  });

  it('two admins editing the same account: the second gets a clear STALE_VERSION', async () => {
    const created = (await post('sysadmin', '/api/staff', newStaff(countyDept))).json();
    const edits = await Promise.all(
      ['甲', '乙'].map((name) => t.as(tokens.sysadmin ?? '', { method: 'PATCH', url: `/api/staff/${created.accountId}`, payload: { name, version: created.version } })),
    );
    expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(edits.find((r) => r.statusCode === 409)?.json().title).toBe('该记录已被他人修改,请刷新后重试');
  });

  it('a duplicate user name is refused on the field; a retried create with the same Idempotency-Key makes one account', async () => {
    const body = newStaff(countyDept);
    const key = `k-${Math.random()}`;
    const first = await post('sysadmin', '/api/staff', body, { 'idempotency-key': key });
    const retry = await post('sysadmin', '/api/staff', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().accountId).toBe(first.json().accountId);
    const dup = await post('sysadmin', '/api/staff', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toContainEqual(expect.objectContaining({ field: 'username', code: 'username.taken' }));
  });

  it('the security admin unlocks a locked account; a disabled account cannot sign in', async () => {
    const s = await makeStaff(t.kernel, { departmentId: countyDept, regionCode: regions.county, roles: [] });
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: 'Wrong#pass1' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: s.password } })).statusCode).toBe(423);
    expect((await post('sysadmin', `/api/staff/${s.accountId}/unlock`, {})).statusCode).toBe(403);
    expect((await post('secadmin', `/api/staff/${s.accountId}/unlock`, {})).statusCode).toBe(200);
    expect(await t.login(s.username, s.password)).toBeTruthy();

    const view = (await t.as(tokens.sysadmin ?? '', { method: 'GET', url: `/api/staff/${s.accountId}` })).json();
    const disabled = await t.as(tokens.sysadmin ?? '', { method: 'PATCH', url: `/api/staff/${s.accountId}`, payload: { status: 'disabled', version: view.version } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: s.password } });
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
  });
});

describe('personal data is masked and every read is audited', () => {
  it('a clerk sees a masked person and cannot unmask; a reviewer can, and both reads are in the audit trail', async () => {
    const reg = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name: '欧阳娜娜', idNumber: '11010519491231002X', phone: '13912345678', password: 'Strong#Pass1' } });
    const personId = reg.json().me.accountId;
    const masked = await t.as(tokens.clerk ?? '', { method: 'GET', url: `/api/persons/${personId}?purpose=窗口核验` });
    expect(masked.json()).toMatchObject({ name: '欧***', idNumber: '1***************2X', phone: '139****5678', isMasked: true });
    expect((await t.as(tokens.clerk ?? '', { method: 'GET', url: `/api/persons/${personId}?unmask=true` })).statusCode).toBe(403);
    const reviewer = await makeStaff(t.kernel, { departmentId: countyDept, regionCode: regions.county, roles: ['reviewer'] });
    const rt = await t.login(reviewer.username, reviewer.password);
    const clear = await t.as(rt, { method: 'GET', url: `/api/persons/${personId}?unmask=true&purpose=审查申请材料` });
    expect(clear.json()).toMatchObject({ idNumber: '11010519491231002X', isMasked: false });
    const trail = await t.kernel.db.selectFrom('audit_log').select(['action', 'actor_id', 'detail']).where('object_id', '=', personId).orderBy('id').execute();
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['person.read', 'person.unmask']));
    expect(trail.find((r) => r.action === 'person.unmask')?.detail).toEqual({ purpose: '审查申请材料' });
    expect(JSON.stringify(trail)).not.toContain('11010519491231002X');
  });

  it('a citizen cannot read another citizen', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name: '甲某', idNumber: makeIdNumber(), phone: '13712345678', password: 'Strong#Pass1' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name: '乙某', idNumber: makeIdNumber(), phone: '13612345678', password: 'Strong#Pass1' } });
    if (a.statusCode !== 201 || b.statusCode !== 201) return expect.fail(`registration failed: ${a.body} ${b.body}`);
    const res = await t.as(a.json().token, { method: 'GET', url: `/api/persons/${b.json().me.accountId}` });
    expect(res.statusCode).toBe(403);
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated write from another origin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `zt_session=${tokens.clerk}`, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_REJECTED');
  });
});
