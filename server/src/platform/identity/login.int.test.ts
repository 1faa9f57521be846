import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { currentTotp } from './totp';

let t: TestApp;
let departmentId: string;
let county: string;

beforeAll(async () => {
  t = await createTestApp();
  const regions = await makeRegionTree(t.kernel);
  county = regions.county;
  departmentId = (await makeDepartment(t.kernel, county)).id;
});
afterAll(async () => t?.close());

describe('sign-in', () => {
  it('signs in with the right password and shows who I am', async () => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['clerk'] });
    const token = await t.login(s.username, s.password);
    const me = await t.as(token, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ accountType: 'staff', roles: ['clerk'], regionCode: county, stage: 'full' });
  });

  it('refuses a wrong password with a Chinese problem+json message', async () => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: 'Wrong@pass1' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', title: '账号或密码错误' });
  });

  it('locks the account after 5 failures, even for the right password, and says for how long', async () => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: 'Wrong@pass1' } });
      expect(res.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: 'Wrong@pass1' } });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: s.password } });
    expect(right.statusCode).toBe(423);
    expect(right.json().detail).toMatch(/15 分钟/);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', totp: '12' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'totp', 'username']);
  });

  it('requires TOTP for a staff account that has it, and refuses a replayed code', async () => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['reviewer'], totpRequired: true });
    const first = await t.login(s.username, s.password);
    const me = await t.as(first, { method: 'GET', url: '/api/me' });
    expect(me.json().stage).toBe('totp-enrol');
    const blocked = await t.as(first, { method: 'GET', url: '/api/staff' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TOTP_SETUP_REQUIRED');
    const setup = await t.as(first, { method: 'POST', url: '/api/auth/totp/setup' });
    const { secret } = setup.json() as { secret: string };
    const code = currentTotp(secret);
    const confirmed = await t.as(first, { method: 'POST', url: '/api/auth/totp/confirm', payload: { code } });
    expect(confirmed.json()).toEqual({ stage: 'full' });

    const noCode = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: s.password } });
    expect(noCode.json().code).toBe('TOTP_REQUIRED');
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: s.password, totp: code } });
    expect(replay.json().code).toBe('TOTP_INVALID');
    const next = currentTotp(secret, Date.now() + 30_000);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: s.username, password: s.password, totp: next } });
    expect(ok.statusCode).toBe(200);
  });

  it('logout ends the session; logout everywhere ends all of them', async () => {
    const s = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const a = await t.login(s.username, s.password);
    const b = await t.login(s.username, s.password);
    expect((await t.as(a, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await t.as(a, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.as(b, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const c = await t.login(s.username, s.password);
    await t.as(c, { method: 'POST', url: '/api/auth/logout-everywhere' });
    expect((await t.as(b, { method: 'GET', url: '/api/me' })).json().code).toBe('SESSION_EXPIRED');
  });
});

describe('per-address limit on sign-in', () => {
  it('answers 429 with a clear message once one address tries too often, whatever the accounts', async () => {
    const limited = await createTestApp({ authRateLimitPerMinute: 3 });
    try {
      const attempt = (i: number) => limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'Wrong#pass1' } });
      for (let i = 0; i < 3; i++) expect((await attempt(i)).statusCode).toBe(401);
      const blocked = await attempt(4);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'RATE_LIMITED', title: '请求过于频繁,请稍后再试' });
    } finally {
      await limited.close();
    }
  });
});
