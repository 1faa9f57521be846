import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeIdentityCodePayload, formatIdentityCode, parseIdentityCode, toBase64Url, type IdentityCodePayload } from '@zhengtong/contracts';
import { generateSm2KeyPair, SM2_DEFAULT_USER_ID, sm2Sign, sm3Hex } from '../../kernel/crypto';
import { newId } from '../../kernel/ids';
import { maskIdNumber, maskName, maskPhone } from '../../kernel/masking';
import { createTestApp, type TestApp } from '../../testing';
import { signCode } from './codes';
import { activeKey, privateKeyOf } from './keys';
import { codesDb } from './tables';
import { actingAgent, makeCodeWorld, mint, registerCitizen, registerEnterprise, scan, type CodeWorld, type Holder } from './test-support';

// 一人一码 / 一企一码 through the API: the holder mints, the hall scans; consent, expiry, one use per code, reset,
// tampering, the log the holder sees, and the signature checked by an independent SM2 implementation (OpenSSL 3).

let t: TestApp;
let world: CodeWorld;
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeCodeWorld(t);
});
afterAll(async () => t?.close());

const counterService = { purpose: 'counterService' };
const clerkScans = (code: string, attributes: string[], extra: Record<string, unknown> = {}) => scan(t, world.tokens.clerk, { code, ...counterService, attributes, ...extra });

async function scansOfHolder(accountId: string) {
  return codesDb(t.kernel.db).selectFrom('identity_code_scans').selectAll().where('holder_account_id', '=', accountId).orderBy('scanned_at').execute();
}

async function auditsOf(objectId: string, action: string) {
  return t.kernel.db.selectFrom('audit_log').selectAll().where('object_id', '=', objectId).where('action', '=', action).orderBy('id').execute();
}

/** A code for the holder's current alias with times of our choosing, signed with the platform key (as minting does). */
async function codeWith(holderCode: string, change: Partial<IdentityCodePayload>): Promise<string> {
  const parsed = parseIdentityCode(holderCode);
  if (!parsed) throw new Error('unreadable code');
  return signCode(t.kernel, await activeKey(t.kernel), { ...parsed.payload, nonce: crypto.randomBytes(8).toString('hex'), ...change });
}

function expectRefusal(res: { statusCode: number; json: () => unknown }, status: number, code: string): void {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  const body = res.json() as { errors?: { field: string; code: string }[] };
  expect(body.errors?.[0]?.code).toBe(code);
}

describe('minting and scanning a personal code', () => {
  let person: Holder;
  beforeAll(async () => {
    person = await registerCitizen(t, '𠮷祥云');
  });

  it('mints a short compact code with no personal data, and the clerk reads exactly what was asked, masked', async () => {
    const minted = await mint(t, person.token, 'service');
    expect(minted).toMatchObject({ kind: 'person', preset: 'service', attributes: ['realNameLevel', 'name', 'maskedIdNumber', 'maskedPhone'], holderLabel: maskName('𠮷祥云'), ttlSeconds: 60 });
    expect(minted.code).toMatch(/^ZTC1\.[A-Za-z0-9_-]{59}\.[A-Za-z0-9_-]{92,96}$/);
    expect(Date.parse(String(minted.expiresAt)) - Date.parse(String(minted.issuedAt))).toBe(60_000);
    const payload = Buffer.from(String(minted.code).split('.')[1] ?? '', 'base64url');
    for (const secret of [person.idNumber, person.phone, person.accountId.replace(/-/g, ''), Buffer.from('𠮷祥云').toString('hex')]) {
      expect(payload.toString('hex')).not.toContain(secret);
      expect(minted.code).not.toContain(secret);
    }

    const res = await clerkScans(minted.code, ['name', 'maskedIdNumber', 'maskedPhone']);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'person', purpose: 'counterService', code: { keyId: minted.keyId, expiresAt: minted.expiresAt } });
    expect(body.attributes).toEqual({ name: '𠮷祥云', maskedIdNumber: maskIdNumber(person.idNumber), maskedPhone: maskPhone(person.phone) });
    expect(body.attributes.maskedIdNumber).toMatch(/^\d\*{15}\d[\dX]$/);
    expect(res.body).not.toContain(person.idNumber);
    expect(res.body).not.toContain(person.phone);

    const [logged] = await scansOfHolder(person.accountId);
    expect(logged).toMatchObject({ id: body.scanId, result: 'success', scanner_account_id: world.accountIds.clerk, department_name: world.departmentName, purpose: 'counterService', requested_attributes: ['name', 'maskedIdNumber', 'maskedPhone'], holder_kind: 'person' });
    const [record] = await auditsOf(person.accountId, 'identity-code.scan');
    expect(record).toMatchObject({ actor_id: world.accountIds.clerk, object_type: 'person', result: 'success' });
    expect(record?.detail).toMatchObject({ scanId: body.scanId, purpose: '窗口办事', purposeCode: 'counterService', attributes: ['name', 'maskedIdNumber', 'maskedPhone'] });
    const events = await t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'identity-code.scanned').execute();
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ scanId: body.scanId, holderKind: 'person', holderId: person.accountId }));

    // The person's data-use record (数据使用记录) shows the scan with its purpose, as every other use of their data.
    const uses = (await t.as(person.token, { method: 'GET', url: '/api/me/data-access' })).json();
    expect(uses.items).toContainEqual(expect.objectContaining({ action: 'identity-code.scan', purpose: '窗口办事', departmentName: world.departmentName }));
  });

  it('returns the minimum: a subset of the consent gives only that subset', async () => {
    const minted = await mint(t, person.token, 'service');
    const res = await scan(t, world.tokens.inspector, { code: minted.code, purpose: 'identityCheck', attributes: ['realNameLevel'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attributes).toEqual({ realNameLevel: 1 });
  });

  it('refuses with 403 identityCode.consentRequired, naming what is missing and returning nothing, and logs the refusal', async () => {
    const minted = await mint(t, person.token, 'realName');
    expect(minted.attributes).toEqual(['realNameLevel', 'maskedName']);
    const res = await clerkScans(minted.code, ['maskedName', 'maskedPhone', 'maskedIdNumber']);
    expect(res.statusCode).toBe(403);
    const body = res.json();
    expect(body.code).toBe('FORBIDDEN');
    expect(body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['attributes.maskedPhone', 'identityCode.consentRequired'],
      ['attributes.maskedIdNumber', 'identityCode.consentRequired'],
    ]);
    expect(body.detail).toContain('手机号(脱敏)、身份证号(脱敏)');
    expect(res.body).not.toContain(maskName(person.name));
    const english = await scan(t, world.tokens.clerk, { code: minted.code, ...counterService, attributes: ['maskedPhone'] }, { 'accept-language': 'en-US' });
    expect(english.json().detail).toContain('Mobile number (masked)');

    const refusals = (await scansOfHolder(person.accountId)).filter((s) => s.result === 'consentRequired');
    expect(refusals.at(-2)).toMatchObject({ missing_attributes: ['maskedPhone', 'maskedIdNumber'], requested_attributes: ['maskedName', 'maskedPhone', 'maskedIdNumber'] });
    expect((await auditsOf(person.accountId, 'identity-code.scan')).map((r) => r.detail.scanId)).not.toContain(refusals.at(-1)?.id);

    // A refusal does not use the code up: asking only for what was consented then succeeds.
    const retry = await clerkScans(minted.code, ['maskedName']);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().attributes).toEqual({ maskedName: maskName(person.name) });
  });

  it('refuses an expired code (400 identityCode.expired) and logs it against the holder', async () => {
    const minted = await mint(t, person.token, 'realName');
    const now = Math.floor(Date.now() / 1000);
    const expired = await codeWith(minted.code, { issuedAt: now - 120, expiresAt: now - 60 });
    const res = await clerkScans(expired, ['maskedName']);
    expectRefusal(res, 400, 'identityCode.expired');
    expect(res.json().detail).toMatch(/已过期/);
    expect((await scansOfHolder(person.accountId)).at(-1)).toMatchObject({ result: 'expired', holder_kind: 'person' });
  });

  it('scans each code once: the second scan is 409 identityCode.used, also when both arrive together', async () => {
    const minted = await mint(t, person.token, 'realName');
    expect((await clerkScans(minted.code, ['maskedName'])).statusCode).toBe(200);
    expectRefusal(await clerkScans(minted.code, ['maskedName']), 409, 'identityCode.used');
    expectRefusal(await scan(t, world.tokens.inspector, { code: minted.code, purpose: 'inspection', attributes: ['realNameLevel'] }), 409, 'identityCode.used');

    const second = await createTestApp({}, { attachTo: t });
    try {
      const twin = await mint(t, person.token, 'realName');
      const results = await Promise.all([
        clerkScans(twin.code, ['maskedName']),
        second.as(world.tokens.inspector, { method: 'POST', url: '/api/identity-codes/scan', payload: { code: twin.code, purpose: 'inspection', attributes: ['maskedName'] } }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const nonce = parseIdentityCode(twin.code)?.payload.nonce;
      const rows = (await scansOfHolder(person.accountId)).filter((s) => s.nonce === nonce);
      expect(rows.map((r) => r.result).sort()).toEqual(['success', 'used']);
      // The database itself refuses a second success for a code, whatever path a write takes.
      const winner = rows.find((r) => r.result === 'success');
      if (!winner) throw new Error('no successful scan');
      const clash = codesDb(t.kernel.db)
        .insertInto('identity_code_scans')
        .values({ ...winner, id: newId(), requested_attributes: JSON.stringify(winner.requested_attributes), missing_attributes: null })
        .execute();
      await expect(clash).rejects.toMatchObject({ code: '23505' });
    } finally {
      await second.close();
    }
  });

  it('replays a retried scan with the same Idempotency-Key instead of refusing it as used', async () => {
    const minted = await mint(t, person.token, 'realName');
    const key = { 'idempotency-key': `scan-${crypto.randomUUID()}` };
    const body = { code: minted.code, ...counterService, attributes: ['maskedName'] };
    const first = await scan(t, world.tokens.clerk, body, key);
    const retry = await scan(t, world.tokens.clerk, body, key);
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().scanId).toBe(first.json().scanId);
    const nonce = parseIdentityCode(minted.code)?.payload.nonce;
    expect((await scansOfHolder(person.accountId)).filter((s) => s.nonce === nonce)).toHaveLength(1);
  });

  it('a reset revokes every code shown so far at once; new codes carry a new alias', async () => {
    const holder = await registerCitizen(t);
    const before = await mint(t, holder.token, 'realName');
    const unscanned = await mint(t, holder.token, 'realName');
    const reset = await t.as(holder.token, { method: 'POST', url: '/api/me/identity-code/reset' });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().resetAt).toBeTruthy();

    expectRefusal(await clerkScans(unscanned.code, ['maskedName']), 400, 'identityCode.revoked');
    expectRefusal(await clerkScans(before.code, ['maskedName']), 400, 'identityCode.revoked');
    const after = await mint(t, holder.token, 'realName');
    expect(parseIdentityCode(after.code)?.payload.alias).not.toBe(parseIdentityCode(before.code)?.payload.alias);
    expect((await clerkScans(after.code, ['maskedName'])).statusCode).toBe(200);

    const records = await t.kernel.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', holder.accountId).where('action', 'like', 'identity-code.%').orderBy('id').execute();
    expect(records.map((r) => r.action)).toEqual(['identity-code.alias-create', 'identity-code.reset', 'identity-code.scan']);
    const events = await t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'identity-code.reset').execute();
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ holderKind: 'person', holderId: holder.accountId }));
    const aliases = await codesDb(t.kernel.db).selectFrom('identity_code_aliases').select(['status', 'revoked_by']).where('account_id', '=', holder.accountId).orderBy('created_at').execute();
    expect(aliases).toEqual([{ status: 'revoked', revoked_by: holder.accountId }, { status: 'active', revoked_by: null }]);
  });

  it('a disabled account’s codes stop scanning', async () => {
    const holder = await registerCitizen(t);
    const minted = await mint(t, holder.token, 'realName');
    await t.kernel.db.updateTable('accounts').set({ status: 'disabled' }).where('id', '=', holder.accountId).execute();
    expectRefusal(await clerkScans(minted.code, ['maskedName']), 400, 'identityCode.revoked');
  });
});

describe('tampered and forged codes', () => {
  let person: Holder;
  let genuine: string;
  beforeAll(async () => {
    person = await registerCitizen(t);
    genuine = (await mint(t, person.token, 'realName')).code;
  });

  function withPayload(code: string, change: (bytes: Buffer) => void): string {
    const [prefix = '', payload = '', signature = ''] = code.split('.');
    const bytes = Buffer.from(payload, 'base64url');
    change(bytes);
    return [prefix, toBase64Url(bytes), signature].join('.');
  }

  it('refuses a payload changed after signing (400 identityCode.badSignature) and writes nothing against any holder', async () => {
    const before = (await scansOfHolder(person.accountId)).length;
    const tampered = [
      // Widen the consent: realNameLevel + maskedName → + name, maskedIdNumber, maskedPhone.
      withPayload(genuine, (b) => b.writeUInt16BE(0x001f, 2)),
      // Stretch the expiry by four minutes.
      withPayload(genuine, (b) => b.writeUInt32BE(b.readUInt32BE(16) + 240, 16)),
      // Another alias (one bit of it).
      withPayload(genuine, (b) => (b[25] = (b[25] ?? 0) ^ 1)),
    ];
    for (const code of tampered) {
      expect(parseIdentityCode(code)).toBeDefined();
      expectRefusal(await clerkScans(code, ['maskedName']), 400, 'identityCode.badSignature');
    }
    expect(await scansOfHolder(person.accountId)).toHaveLength(before);
    const logged = await codesDb(t.kernel.db).selectFrom('identity_code_scans').selectAll().where('result', '=', 'badSignature').execute();
    expect(logged.length).toBeGreaterThanOrEqual(3);
    expect(logged.every((s) => s.alias_id === null && s.holder_account_id === null)).toBe(true);
  });

  it('refuses a signature from another code, from a key that is not the platform’s, or under an unknown key id', async () => {
    const other = (await mint(t, person.token, 'service')).code;
    const swapped = [genuine.split('.').slice(0, 2).join('.'), other.split('.')[2]].join('.');
    expectRefusal(await clerkScans(swapped, ['maskedName']), 400, 'identityCode.badSignature');

    const forger = generateSm2KeyPair();
    const parsed = parseIdentityCode(genuine);
    if (!parsed) throw new Error('unreadable');
    const forged = formatIdentityCode(parsed.payloadBytes, Buffer.from(sm2Sign(parsed.payloadBytes, forger.privateKeyHex), 'hex'));
    expectRefusal(await clerkScans(forged, ['maskedName']), 400, 'identityCode.badSignature');
    const ownKeyId = encodeIdentityCodePayload({ ...parsed.payload, keyId: sm3Hex(Buffer.from(forger.publicKeyHex, 'hex')).slice(0, 16) });
    expectRefusal(await clerkScans(formatIdentityCode(ownKeyId, Buffer.from(sm2Sign(ownKeyId, forger.privateKeyHex), 'hex')), ['maskedName']), 400, 'identityCode.badSignature');
  });

  it('refuses what is not a code at all (400 identityCode.malformed), logged without a holder', async () => {
    for (const code of ['hello', genuine.slice(0, 60), genuine.replace('ZTC1.', 'ZTC9.'), `${genuine}.x`, person.idNumber]) {
      const res = await clerkScans(code, ['maskedName']);
      expectRefusal(res, 400, 'identityCode.malformed');
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'code' }] });
    }
    const logged = await codesDb(t.kernel.db).selectFrom('identity_code_scans').selectAll().where('result', '=', 'malformed').execute();
    expect(logged.every((s) => s.alias_id === null && s.nonce === null)).toBe(true);
  });
});

describe('enterprise codes (一企一码)', () => {
  it('the enterprise and its acting agent show the same enterprise code; scans land in the enterprise’s history, not the agent’s', async () => {
    const enterprise = await registerEnterprise(t);
    const agent = await actingAgent(t, enterprise);
    const own = await mint(t, enterprise.token, 'enterprise');
    const byAgent = await mint(t, agent.actingToken, 'enterprise');
    expect(own).toMatchObject({ kind: 'enterprise', holderLabel: enterprise.name, attributes: ['enterpriseName', 'creditCode', 'enterpriseStatus'] });
    expect(parseIdentityCode(byAgent.code)?.payload.alias).toBe(parseIdentityCode(own.code)?.payload.alias);

    const res = await scan(t, world.tokens.inspector, { code: byAgent.code, purpose: 'inspection', attributes: ['enterpriseName', 'creditCode', 'enterpriseStatus'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'enterprise', attributes: { enterpriseName: enterprise.name, creditCode: enterprise.creditCode, enterpriseStatus: 'active' } });
    expectRefusal(await clerkScans(own.code, ['maskedName']), 403, 'identityCode.consentRequired');

    const history = (await t.as(enterprise.token, { method: 'GET', url: '/api/me/identity-code/scans' })).json();
    expect(history.items.map((s: { result: string }) => s.result)).toEqual(['consentRequired', 'success']);
    expect(history.items[1]).toMatchObject({ departmentName: world.inspectorDepartmentName, purpose: 'inspection' });
    expect((await t.as(agent.actingToken, { method: 'GET', url: '/api/me/identity-code/scans' })).json().total).toBe(2);
    expect((await t.as(agent.token, { method: 'GET', url: '/api/me/identity-code/scans' })).json()).toEqual({ items: [], total: 0 });

    const audits = await auditsOf(enterprise.enterpriseId, 'identity-code.scan');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.object_type).toBe('enterprise');
  });

  it('offers each identity only its own uses', async () => {
    const enterprise = await registerEnterprise(t);
    const agent = await actingAgent(t, enterprise);
    const person = await registerCitizen(t);
    for (const [token, preset] of [[enterprise.token, 'realName'], [agent.actingToken, 'service'], [person.token, 'enterprise']] as const) {
      const res = await t.as(token, { method: 'POST', url: '/api/me/identity-code', payload: { preset } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'preset', code: 'identityCode.presetNotForHolder' })]);
    }
  });
});

describe('the holder’s scan history', () => {
  it('lists who scanned, why, when and what they asked for — refusals too — newest first, and only the holder’s own', async () => {
    const holder = await registerCitizen(t);
    const stranger = await registerCitizen(t);
    const first = await mint(t, holder.token, 'realName');
    await clerkScans(first.code, ['maskedName']);
    await scan(t, world.tokens.inspector, { code: (await mint(t, holder.token, 'realName')).code, purpose: 'other', purposeNote: '核对经营者身份', attributes: ['maskedPhone'] });
    await clerkScans((await mint(t, stranger.token, 'realName')).code, ['maskedName']);

    const res = await t.as(holder.token, { method: 'GET', url: '/api/me/identity-code/scans?pageSize=10' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ departmentName: world.inspectorDepartmentName, purpose: 'other', purposeNote: '核对经营者身份', attributes: ['maskedPhone'], result: 'consentRequired', missingAttributes: ['maskedPhone'] });
    expect(page.items[1]).toMatchObject({ departmentName: world.departmentName, scannerName: '测试人员', purpose: 'counterService', purposeNote: null, attributes: ['maskedName'], result: 'success', missingAttributes: [] });
    const strangers = (await t.as(stranger.token, { method: 'GET', url: '/api/me/identity-code/scans' })).json();
    expect(strangers.total).toBe(1);
    expect(strangers.items.map((s: { id: string }) => s.id)).not.toContain(page.items[0].id);
    const paged = (await t.as(holder.token, { method: 'GET', url: '/api/me/identity-code/scans?page=2&pageSize=1' })).json();
    expect(paged).toMatchObject({ total: 2, items: [{ id: page.items[1].id }] });
  });
});

describe('the code lifetime setting', () => {
  it('the security admin sets it (audited, 15–300 s); codes then live that long', async () => {
    const get = await t.as(world.tokens.secadmin, { method: 'GET', url: '/api/identity-codes/settings' });
    expect(get.json()).toEqual({ ttlSeconds: 60 });
    for (const ttlSeconds of [14, 301, 60.5]) {
      const bad = await t.as(world.tokens.secadmin, { method: 'PUT', url: '/api/identity-codes/settings', payload: { ttlSeconds } });
      expect(bad.statusCode).toBe(400);
    }
    expect((await t.as(world.tokens.secadmin, { method: 'PUT', url: '/api/identity-codes/settings', payload: { ttlSeconds: 301 } })).json().errors[0].code).toBe('identityCode.ttlRange');
    const put = await t.as(world.tokens.secadmin, { method: 'PUT', url: '/api/identity-codes/settings', payload: { ttlSeconds: 120 } });
    expect(put.json()).toEqual({ ttlSeconds: 120 });
    try {
      const holder = await registerCitizen(t);
      const minted = await mint(t, holder.token, 'realName');
      expect(minted.ttlSeconds).toBe(120);
      const parsed = parseIdentityCode(minted.code);
      expect((parsed?.payload.expiresAt ?? 0) - (parsed?.payload.issuedAt ?? 0)).toBe(120);
      const records = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'identity-code.settings').execute();
      expect(records.map((r) => r.detail)).toContainEqual({ ttlSeconds: 120 });
    } finally {
      await t.as(world.tokens.secadmin, { method: 'PUT', url: '/api/identity-codes/settings', payload: { ttlSeconds: 60 } });
    }
  });
});

describe('bad input', () => {
  it('answers 400 with a reason per field, and logs no scan', async () => {
    const holder = await registerCitizen(t);
    const code = (await mint(t, holder.token, 'realName')).code;
    const count = async () => Number((await codesDb(t.kernel.db).selectFrom('identity_code_scans').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: { body: Record<string, unknown>; field: string; code: string }[] = [
      { body: { purpose: 'counterService', attributes: ['maskedName'] }, field: 'code', code: 'required' },
      { body: { code: '   ', purpose: 'counterService', attributes: ['maskedName'] }, field: 'code', code: 'required' },
      { body: { code: 'x'.repeat(600), purpose: 'counterService', attributes: ['maskedName'] }, field: 'code', code: 'too_big' },
      { body: { code, attributes: ['maskedName'] }, field: 'purpose', code: 'required' },
      { body: { code, purpose: 'curiosity', attributes: ['maskedName'] }, field: 'purpose', code: 'invalid_value' },
      { body: { code, purpose: 'other', attributes: ['maskedName'] }, field: 'purposeNote', code: 'identityCode.purposeNoteRequired' },
      { body: { code, purpose: 'counterService', purposeNote: '长'.repeat(201), attributes: ['maskedName'] }, field: 'purposeNote', code: 'too_big' },
      { body: { code, purpose: 'counterService' }, field: 'attributes', code: 'required' },
      { body: { code, purpose: 'counterService', attributes: [] }, field: 'attributes', code: 'identityCode.attributesRequired' },
      { body: { code, purpose: 'counterService', attributes: ['idNumber'] }, field: 'attributes.0', code: 'invalid_value' },
      { body: { code, purpose: 'counterService', attributes: ['maskedName', 'maskedName'] }, field: 'attributes', code: 'identityCode.attributesRepeated' },
      { body: { code, purpose: 'counterService', attributes: 'maskedName' }, field: 'attributes', code: 'invalid_type' },
    ];
    for (const c of cases) {
      const res = await scan(t, world.tokens.clerk, c.body);
      expect(res.statusCode, JSON.stringify(c.body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors, JSON.stringify(c.body)).toContainEqual(expect.objectContaining({ field: c.field, code: c.code }));
    }
    expect((await scan(t, world.tokens.clerk, { code, purpose: 'counterService', attributes: ['maskedName'], holderId: 'x' })).statusCode).toBe(400);
    const malformedJson = await t.as(world.tokens.clerk, { method: 'POST', url: '/api/identity-codes/scan', payload: '{"code":', headers: { 'content-type': 'application/json' } });
    expect(malformedJson.statusCode).toBe(400);
    expect(malformedJson.headers['content-type']).toMatch(/problem\+json/);
    expect(await count()).toBe(before);

    const mintCases = [{}, { preset: 'everything' }, { preset: 'realName', attributes: ['name'] }];
    for (const payload of mintCases) expect((await t.as(holder.token, { method: 'POST', url: '/api/me/identity-code', payload })).statusCode).toBe(400);
    expect((await t.as(holder.token, { method: 'GET', url: '/api/me/identity-code/scans?page=0' })).statusCode).toBe(400);
  });
});

const interopTitle = hasOpenssl ? 'checking a code offline with the OpenSSL 3 CLI' : 'checking a code offline with the OpenSSL 3 CLI — skipped: no `openssl` command on PATH';

describe.skipIf(!hasOpenssl)(interopTitle, () => {
  it('publishes the key (hex and PEM, cacheable, no sign-in); OpenSSL verifies a minted code’s signature and rejects a tampered payload', async () => {
    const holder = await registerCitizen(t);
    const minted = await mint(t, holder.token, 'service');
    const res = await t.app.inject({ method: 'GET', url: '/api/identity-codes/public-keys' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const list = res.json();
    expect(list).toMatchObject({ algorithm: 'SM2', hash: 'SM3', userId: SM2_DEFAULT_USER_ID, signatureEncoding: 'DER', format: 'ZTC1', payloadBytes: 44 });
    expect(res.body).not.toMatch(/private/i);
    const [, payload = '', signature = ''] = String(minted.code).split('.');
    const keyId = parseIdentityCode(minted.code)?.payload.keyId;
    const key = list.keys.find((k: { keyId: string }) => k.keyId === keyId);
    expect(key).toMatchObject({ status: 'active', retiredAt: null });
    expect(sm3Hex(Buffer.from(key.publicKeyHex, 'hex')).slice(0, 16)).toBe(keyId);

    const dir = mkdtempSync(join(tmpdir(), 'zt-identity-code-'));
    try {
      const path = (name: string) => join(dir, name);
      writeFileSync(path('pub.pem'), key.publicKeyPem);
      writeFileSync(path('payload.bin'), Buffer.from(payload, 'base64url'));
      writeFileSync(path('sig.der'), Buffer.from(signature, 'base64url'));
      const args = ['dgst', '-sm3', '-verify', path('pub.pem'), '-sigopt', `distid:${SM2_DEFAULT_USER_ID}`, '-signature', path('sig.der')];
      expect(execFileSync('openssl', [...args, path('payload.bin')], { encoding: 'utf8' })).toMatch(/Verified OK/);
      const tampered = Buffer.from(payload, 'base64url');
      tampered.writeUInt16BE(0x001f, 2);
      writeFileSync(path('payload.bin'), tampered);
      expect(spawnSync('openssl', [...args, path('payload.bin')], { encoding: 'utf8' }).stdout).toMatch(/Verification failure/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

});

describe('the platform key', () => {
  it('is kept only encrypted, bound to its key id', async () => {
    const key = await activeKey(t.kernel);
    expect(key.private_key_enc).toMatch(/^v1\./);
    expect(key.private_key_enc).not.toContain(privateKeyOf(t.kernel, key));
    expect(privateKeyOf(t.kernel, key)).toMatch(/^[0-9a-f]{64}$/);
    expect(() => privateKeyOf(t.kernel, { ...key, key_id: '0000000000000000' })).toThrow();
    const records = await t.kernel.db.selectFrom('audit_log').select(['actor_role', 'detail']).where('action', '=', 'identity-code.key-create').execute();
    expect(records).toEqual([{ actor_role: 'system', detail: { keyId: key.key_id } }]);
  });
});
