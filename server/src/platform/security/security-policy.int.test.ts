import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../identity';
import { createTestApp, makeDepartment, makePhone, makeIdNumber, makeRegionTree, makeStaff, type TestApp } from '../../testing';

let t: TestApp;
let county: string;
let departmentId: string;
const tokens: Record<'secadmin' | 'sysadmin' | 'auditor' | 'clerk' | 'citizen', string> = { secadmin: '', sysadmin: '', auditor: '', clerk: '', citizen: '' };

beforeAll(async () => {
  t = await createTestApp();
  ({ county } = await makeRegionTree(t.kernel));
  departmentId = (await makeDepartment(t.kernel, county)).id;
  for (const role of ['secadmin', 'sysadmin', 'auditor', 'clerk'] as const) {
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [role] });
    tokens[role] = await t.login(staff.username, staff.password);
  }
  const citizen = await t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload: { name: '王五', idNumber: makeIdNumber(), phone: makePhone(), password: 'Citizen@2026x' } });
  tokens.citizen = (citizen.json() as { token: string }).token;
});
afterAll(async () => t?.close());

type Policy = { requireStaffTotp: boolean; isEnforcedByConfig: boolean; version: string; updatedAt: string | null; updatedBy: string | null };

const read = async (): Promise<Policy> => (await t.as(tokens.secadmin, { method: 'GET', url: '/api/security-policy' })).json() as Policy;
const write = (payload: unknown, token = tokens.secadmin) => t.as(token, { method: 'PUT', url: '/api/security-policy', payload: payload as Record<string, unknown> });

describe('security policy', () => {
  it('starts with TOTP optional and never saved', async () => {
    expect(await read()).toEqual({ requireStaffTotp: false, isEnforcedByConfig: false, version: '0', updatedAt: null, updatedBy: null });
  });

  it('the security admin requires TOTP for all staff; staff must enrol at their next sign-in; the change is audited', async () => {
    const secadminId = (await t.as(tokens.secadmin, { method: 'GET', url: '/api/me' })).json().accountId as string;
    const res = await write({ requireStaffTotp: true, version: '0' });
    expect(res.statusCode).toBe(200);
    const saved = res.json() as Policy;
    expect(saved).toMatchObject({ requireStaffTotp: true, updatedBy: secadminId });
    expect(saved.version).not.toBe('0');
    expect(await read()).toEqual(saved);

    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['clerk'] });
    const token = await t.login(staff.username, staff.password);
    expect((await t.as(token, { method: 'GET', url: '/api/me' })).json().stage).toBe('totp-enrol');

    const record = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'security-policy.update').executeTakeFirstOrThrow();
    expect(record).toMatchObject({ actor_id: secadminId, detail: { before: { requireStaffTotp: false }, after: { requireStaffTotp: true } } });

    const off = await write({ requireStaffTotp: false, version: saved.version });
    expect(off.statusCode).toBe(200);
    const anotherStaff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['clerk'] });
    const anotherToken = await t.login(anotherStaff.username, anotherStaff.password);
    expect((await t.as(anotherToken, { method: 'GET', url: '/api/me' })).json().stage).toBe('full');
  });

  it('refuses a save based on an old version, and lets only one of two concurrent saves through', async () => {
    const { version } = await read();
    const first = await write({ requireStaffTotp: true, version });
    expect(first.statusCode).toBe(200);
    const stale = await write({ requireStaffTotp: false, version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');

    const current = (await read()).version;
    const results = await Promise.all([write({ requireStaffTotp: false, version: current }), write({ requireStaffTotp: false, version: current })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const before = await read();
    const cases: [unknown, string, string][] = [
      [{ version: before.version }, 'requireStaffTotp', 'required'],
      [{ requireStaffTotp: 'yes', version: before.version }, 'requireStaffTotp', 'invalid_type'],
      [{ requireStaffTotp: true }, 'version', 'required'],
      [{ requireStaffTotp: true, version: '' }, 'version', 'required'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await write(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors, JSON.stringify(payload)).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await read()).toEqual(before);
  });

  it('only the security admin may read or change it', async () => {
    const { version } = await read();
    for (const who of ['sysadmin', 'auditor', 'clerk', 'citizen'] as const) {
      expect((await t.as(tokens[who], { method: 'GET', url: '/api/security-policy' })).statusCode, who).toBe(403);
      expect((await write({ requireStaffTotp: true, version }, tokens[who])).statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/security-policy' })).statusCode).toBe(401);
    expect((await read()).version).toBe(version);
  });
});

describe('security policy forced by the deployment', () => {
  it('shows it as enforced and refuses to turn it off here', async () => {
    const forced = await createTestApp({ requireStaffTotp: true });
    try {
      const { county: c } = await makeRegionTree(forced.kernel);
      const department = await makeDepartment(forced.kernel, c);
      // The security admin is staff too: the deployment makes them enrol a second factor before anything else.
      const staff = await makeStaff(forced.kernel, { departmentId: department.id, regionCode: c, roles: ['secadmin'] });
      const token = await forced.login(staff.username, staff.password);
      expect((await forced.as(token, { method: 'GET', url: '/api/security-policy' })).json().code).toBe('TOTP_SETUP_REQUIRED');
      const { secret } = (await forced.as(token, { method: 'POST', url: '/api/auth/totp/setup' })).json() as { secret: string };
      expect((await forced.as(token, { method: 'POST', url: '/api/auth/totp/confirm', payload: { code: currentTotp(secret) } })).json()).toEqual({ stage: 'full' });
      const policy = (await forced.as(token, { method: 'GET', url: '/api/security-policy' })).json() as Policy;
      expect(policy).toMatchObject({ requireStaffTotp: true, isEnforcedByConfig: true });
      const res = await forced.as(token, { method: 'PUT', url: '/api/security-policy', payload: { requireStaffTotp: false, version: policy.version } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'requireStaffTotp', code: 'securityPolicy.enforcedByConfig', message: expect.stringContaining('REQUIRE_STAFF_TOTP') }]);
    } finally {
      await forced.close();
    }
  });
});
