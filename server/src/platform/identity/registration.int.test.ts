import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeEnterpriseCreditCode, makeIdNumber, makePhone, type TestApp } from '../../testing';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const register = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/registrations/citizen', payload });
const countAccounts = async () => Number((await t.kernel.db.selectFrom('accounts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('citizen self-registration', () => {
  it('registers a real-name citizen with a rare-character name, signs them in, and keeps the name intact', async () => {
    const idNumber = makeIdNumber().toLowerCase();
    const res = await register({ name: '𠮷祥', idNumber, phone: makePhone(), password: 'Strong#Pass1' });
    expect(res.statusCode).toBe(201);
    const { token, me } = res.json();
    expect(me).toMatchObject({ accountType: 'citizen', displayName: '𠮷祥', stage: 'full' });
    const person = await t.as(token, { method: 'GET', url: `/api/persons/${me.accountId}` });
    expect(person.json()).toMatchObject({ name: '𠮷*', isMasked: true });
    expect(person.json().idNumber).toMatch(/^\d\*{15}.{2}$/);
    const own = await t.as(token, { method: 'GET', url: `/api/persons/${me.accountId}?unmask=true` });
    // Lowercase x is accepted and stored uppercase.
    expect(own.json()).toMatchObject({ name: '𠮷祥', idNumber: idNumber.toUpperCase(), isMasked: false });
  });

  it('rejects a wrong check digit with a clear Chinese field message and creates nothing', async () => {
    const before = await countAccounts();
    const good = makeIdNumber();
    const wrongLast = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const res = await register({ name: '张三', idNumber: wrongLast, phone: makePhone(), password: 'Strong#Pass1' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toContainEqual({ field: 'idNumber', code: 'idNumber.checksum', message: expect.stringContaining('校验位') });
    expect(await countAccounts()).toBe(before);
  });

  it('explains 15-digit numbers, bad dates and weak passwords field by field, in English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registrations/citizen',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { name: '', idNumber: '110105491231002', phone: '123', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(fields).toMatchObject({ name: 'name.invalid', idNumber: 'idNumber.legacy15', phone: 'phone.invalid' });
    expect(res.json().title).toBe('Some fields are not valid');
    const weak = await register({ name: '王五', idNumber: makeIdNumber(), phone: makePhone(), password: 'password' });
    expect(weak.json().errors).toContainEqual(expect.objectContaining({ field: 'password', code: 'password.weak' }));
  });

  it('refuses a second account for the same ID number or phone, also when both arrive at once', async () => {
    const idNumber = makeIdNumber();
    const phone = makePhone();
    const first = await register({ name: '李雷', idNumber, phone, password: 'Strong#Pass1' });
    expect(first.statusCode).toBe(201);
    const again = await register({ name: '李雷', idNumber, phone: makePhone(), password: 'Strong#Pass1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toContainEqual(expect.objectContaining({ field: 'idNumber', code: 'idNumber.taken' }));
    const samePhone = await register({ name: '韩梅梅', idNumber: makeIdNumber(), phone, password: 'Strong#Pass1' });
    expect(samePhone.json().errors).toContainEqual(expect.objectContaining({ field: 'phone', code: 'phone.taken' }));

    const racer = makeIdNumber();
    const results = await Promise.all([1, 2, 3].map(() => register({ name: '并发', idNumber: racer, phone: makePhone(), password: 'Strong#Pass1' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('lets a citizen sign in with ID number or mobile', async () => {
    const idNumber = makeIdNumber();
    const phone = makePhone();
    await register({ name: '赵六', idNumber, phone, password: 'Strong#Pass1' });
    expect(await t.login(idNumber, 'Strong#Pass1')).toBeTruthy();
    expect(await t.login(phone, 'Strong#Pass1')).toBeTruthy();
  });
});

describe('enterprise self-registration and agents (经办人)', () => {
  it('registers an enterprise, appoints a citizen agent who then acts for it, and revokes the agent', async () => {
    const creditCode = makeEnterpriseCreditCode();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registrations/enterprise',
      payload: { name: '云溪测试科技有限公司', creditCode, legalRepName: '孙七', legalRepIdNumber: makeIdNumber(), password: 'Strong#Pass1' },
    });
    expect(res.statusCode).toBe(201);
    const enterpriseToken = res.json().token;
    expect(res.json().me).toMatchObject({ accountType: 'enterprise', enterpriseName: '云溪测试科技有限公司' });

    const agentId = makeIdNumber();
    const agent = await register({ name: '周八', idNumber: agentId, phone: makePhone(), password: 'Strong#Pass1' });
    const agentToken = agent.json().token;
    const notYet = await t.as(agentToken, { method: 'POST', url: '/api/auth/act-as', payload: { enterpriseId: res.json().me.enterpriseId } });
    expect(notYet.statusCode).toBe(403);

    const wrongName = await t.as(enterpriseToken, { method: 'POST', url: '/api/enterprise-agents', payload: { idNumber: agentId, name: '别人' } });
    expect(wrongName.statusCode).toBe(404);
    const grant = await t.as(enterpriseToken, { method: 'POST', url: '/api/enterprise-agents', payload: { idNumber: agentId, name: '周八' } });
    expect(grant.statusCode).toBe(201);
    const dup = await t.as(enterpriseToken, { method: 'POST', url: '/api/enterprise-agents', payload: { idNumber: agentId, name: '周八' } });
    expect(dup.statusCode).toBe(409);
    // An agent may not appoint further agents.
    const byAgent = await t.as(agentToken, { method: 'POST', url: '/api/enterprise-agents', payload: { idNumber: makeIdNumber(), name: '某人' } });
    expect(byAgent.statusCode).toBe(403);

    const acting = await t.as(agentToken, { method: 'POST', url: '/api/auth/act-as', payload: { enterpriseId: res.json().me.enterpriseId } });
    expect(acting.json()).toMatchObject({ accountType: 'citizen', enterpriseName: '云溪测试科技有限公司' });

    await t.as(enterpriseToken, { method: 'DELETE', url: `/api/enterprise-agents/${grant.json().id}` });
    const me = await t.as(agentToken, { method: 'GET', url: '/api/me' });
    expect(me.json().enterpriseId).toBeNull();
  });

  it('rejects an invalid credit code and a duplicate one', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/registrations/enterprise',
      payload: { name: '某公司', creditCode: '91440101MA5CJQ4N58', legalRepName: '孙七', legalRepIdNumber: makeIdNumber(), password: 'Strong#Pass1' },
    });
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ field: 'creditCode', code: 'creditCode.checksum' }));
    const code = makeEnterpriseCreditCode();
    const payload = { name: '某公司', creditCode: code, legalRepName: '孙七', legalRepIdNumber: makeIdNumber(), password: 'Strong#Pass1' };
    expect((await t.app.inject({ method: 'POST', url: '/api/registrations/enterprise', payload })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/registrations/enterprise', payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toContainEqual(expect.objectContaining({ field: 'creditCode', code: 'creditCode.taken' }));
  });
});
