import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { PayloadAdapter } from './adapter';
import { purgeExpiredPayloads } from './clients-repo';
import { loadCookieKeys, loadSigningKeys } from './keys';

// The provider's storage in PostgreSQL and the keys every server process shares.

let t: TestApp;
let n = 0;
const id = (prefix: string) => `${prefix}-${++n}-${Date.now()}`;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the payload adapter', () => {
  it('stores, finds, updates and destroys one model’s payloads without touching another model’s', async () => {
    const tokens = new PayloadAdapter(t.kernel.db, 'AccessToken');
    const codes = new PayloadAdapter(t.kernel.db, 'AuthorizationCode');
    const key = id('shared');
    await tokens.upsert(key, { accountId: 'a1', grantId: 'g1', scope: 'openid' }, 60);
    await codes.upsert(key, { accountId: 'a2' }, 60);
    expect(await tokens.find(key)).toEqual({ accountId: 'a1', grantId: 'g1', scope: 'openid' });
    await tokens.upsert(key, { accountId: 'a1', grantId: 'g1', scope: 'openid profile' }, 60);
    expect(await tokens.find(key)).toMatchObject({ scope: 'openid profile' });
    await tokens.destroy(key);
    expect(await tokens.find(key)).toBeUndefined();
    expect(await codes.find(key)).toEqual({ accountId: 'a2' });
  });

  it('treats an expired payload as absent, and the purge removes only expired rows', async () => {
    const sessions = new PayloadAdapter(t.kernel.db, 'Session');
    const old = id('old');
    const live = id('live');
    await sessions.upsert(old, { uid: `${old}-uid`, accountId: 'a' }, 60);
    await sessions.upsert(live, { uid: `${live}-uid`, accountId: 'a' }, 60);
    await t.kernel.db.updateTable('oidc_payloads').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', old).execute();
    expect(await sessions.find(old)).toBeUndefined();
    expect(await sessions.findByUid(`${old}-uid`)).toBeUndefined();
    expect(await sessions.findByUid(`${live}-uid`)).toMatchObject({ accountId: 'a' });
    await purgeExpiredPayloads(t.kernel.db);
    const left = await t.kernel.db.selectFrom('oidc_payloads').select('id').where('id', 'in', [old, live]).execute();
    expect(left.map((r) => r.id)).toEqual([live]);
  });

  it('marks a payload consumed, and revoking a grant removes that grant’s tokens only', async () => {
    const codes = new PayloadAdapter(t.kernel.db, 'AuthorizationCode');
    const code = id('code');
    await codes.upsert(code, { grantId: 'grant-x', accountId: 'a' }, 60);
    await codes.consume(code);
    const consumed = await codes.find(code);
    expect(typeof consumed?.consumed).toBe('number');

    const tokens = new PayloadAdapter(t.kernel.db, 'AccessToken');
    const [x, y] = [id('at'), id('at')];
    await tokens.upsert(x, { grantId: 'grant-x' }, 60);
    await tokens.upsert(y, { grantId: 'grant-y' }, 60);
    await tokens.revokeByGrantId('grant-x');
    expect(await tokens.find(x)).toBeUndefined();
    expect(await tokens.find(y)).toBeDefined();
    expect(await codes.find(code)).toBeDefined();
  });

  it('keeps the account id where "logout everywhere" looks for it', async () => {
    const sessions = new PayloadAdapter(t.kernel.db, 'Session');
    const key = id('session');
    await sessions.upsert(key, { uid: `${key}-uid`, accountId: 'acc-42' }, 60);
    const row = await t.kernel.db
      .selectFrom('oidc_payloads')
      .select('id')
      .where('type', '=', 'Session')
      .where((eb) => eb(eb.ref('payload', '->>').key('accountId'), '=', 'acc-42'))
      .executeTakeFirst();
    expect(row?.id).toBe(key);
  });
});

describe('shared keys', () => {
  it('creates the ES256 signing key once, stores it encrypted, and every process loads the same one', async () => {
    const first = await loadSigningKeys(t.kernel);
    const again = await loadSigningKeys(t.kernel);
    expect(again).toEqual(first);
    expect(first.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    const stored = await t.kernel.db.selectFrom('secrets').select('value').where('name', '=', 'oidc.jwks').executeTakeFirstOrThrow();
    expect(stored.value.startsWith('v1.')).toBe(true);
    expect(stored.value).not.toContain(String(first.keys[0]?.d));
    expect(await loadCookieKeys(t.kernel)).toEqual(await loadCookieKeys(t.kernel));
  });

  it('publishes the same key id the stored key has', async () => {
    const { keys } = await loadSigningKeys(t.kernel);
    const res = await t.app.inject({ method: 'GET', url: '/oidc/jwks' });
    expect(res.statusCode).toBe(200);
    expect(res.json().keys.map((k: { kid: string }) => k.kid)).toEqual(keys.map((k) => k.kid));
  });
});
