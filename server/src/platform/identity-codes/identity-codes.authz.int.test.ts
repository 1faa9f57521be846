import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { makeCodeWorld, mint, registerCitizen, registerEnterprise, scan, type CodeWorld, type EnterpriseHolder, type Holder } from './test-support';

// Who may do what with identity codes: holders (citizens, enterprises, agents acting for one) mint, reset and read
// their own history; only staff holding identity-code.scan (clerk, inspector) scan; the security admin sets the
// lifetime; anyone may fetch the public keys.

let t: TestApp;
let world: CodeWorld;
let citizen: Holder;
let enterprise: EnterpriseHolder;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeCodeWorld(t);
  citizen = await registerCitizen(t);
  enterprise = await registerEnterprise(t);
});
afterAll(async () => t?.close());

const scanBody = (code: string) => ({ code, purpose: 'identityCheck', attributes: ['maskedName'] });

describe('without signing in', () => {
  it('nothing but the public keys', async () => {
    const code = (await mint(t, citizen.token, 'realName')).code;
    const calls = [
      { method: 'POST' as const, url: '/api/me/identity-code', payload: { preset: 'realName' } },
      { method: 'POST' as const, url: '/api/me/identity-code/reset' },
      { method: 'GET' as const, url: '/api/me/identity-code/scans' },
      { method: 'POST' as const, url: '/api/identity-codes/scan', payload: scanBody(code) },
      { method: 'GET' as const, url: '/api/identity-codes/settings' },
      { method: 'PUT' as const, url: '/api/identity-codes/settings', payload: { ttlSeconds: 30 } },
    ];
    for (const call of calls) {
      const res = await t.app.inject(call);
      expect(res.statusCode, call.url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/identity-codes/public-keys' })).statusCode).toBe(200);
    // The code was not used up by the anonymous attempt.
    expect((await scan(t, world.tokens.clerk, scanBody(code))).statusCode).toBe(200);
  });
});

describe('scanning', () => {
  it('the clerk and the inspector may scan', async () => {
    for (const token of [world.tokens.clerk, world.tokens.inspector]) {
      const res = await scan(t, token, scanBody((await mint(t, citizen.token, 'realName')).code));
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('citizens, enterprises, agents, and staff without identity-code.scan may not — and leave no trace in the holder’s history', async () => {
    const code = (await mint(t, citizen.token, 'realName')).code;
    const before = (await t.as(citizen.token, { method: 'GET', url: '/api/me/identity-code/scans' })).json().total;
    const other = await registerCitizen(t);
    for (const token of [other.token, citizen.token, enterprise.token, world.tokens.reviewer, world.tokens.secadmin]) {
      const res = await scan(t, token, scanBody(code));
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await t.as(citizen.token, { method: 'GET', url: '/api/me/identity-code/scans' })).json().total).toBe(before);
  });

  it('a staff session that must still change its initial password may not scan', async () => {
    const tree = await makeRegionTree(t.kernel);
    const department = await makeDepartment(t.kernel, tree.county);
    const newcomer = await makeStaff(t.kernel, { departmentId: department.id, regionCode: tree.county, roles: ['clerk'], mustChangePassword: true });
    const token = await t.login(newcomer.username, newcomer.password);
    const res = await scan(t, token, scanBody((await mint(t, citizen.token, 'realName')).code));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

describe('holding a code', () => {
  it('staff hold no code: mint, reset and history are refused with a reason', async () => {
    for (const call of [
      { method: 'POST' as const, url: '/api/me/identity-code', payload: { preset: 'realName' } },
      { method: 'POST' as const, url: '/api/me/identity-code/reset' },
      { method: 'GET' as const, url: '/api/me/identity-code/scans' },
    ]) {
      const res = await t.as(world.tokens.clerk, call);
      expect(res.statusCode, call.url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', detail: '只有个人和企业可以出示码' });
    }
  });

  it('a holder’s reset touches only their own alias', async () => {
    const other = await registerCitizen(t);
    const othersCode = (await mint(t, other.token, 'realName')).code;
    await mint(t, citizen.token, 'realName');
    expect((await t.as(citizen.token, { method: 'POST', url: '/api/me/identity-code/reset' })).statusCode).toBe(200);
    expect((await scan(t, world.tokens.clerk, scanBody(othersCode))).statusCode).toBe(200);
  });
});

describe('the lifetime setting', () => {
  it('only the security admin reads and changes it', async () => {
    for (const token of [world.tokens.clerk, world.tokens.reviewer, citizen.token, enterprise.token]) {
      expect((await t.as(token, { method: 'GET', url: '/api/identity-codes/settings' })).statusCode).toBe(403);
      expect((await t.as(token, { method: 'PUT', url: '/api/identity-codes/settings', payload: { ttlSeconds: 30 } })).statusCode).toBe(403);
    }
    expect((await t.as(world.tokens.secadmin, { method: 'GET', url: '/api/identity-codes/settings' })).statusCode).toBe(200);
  });
});
