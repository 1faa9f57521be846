import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SM2_DEFAULT_USER_ID, sm2PrivateKeyToPem, sm2PublicKeyToPem, sm3Hex } from '../../kernel/crypto';
import { AppError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { createTestApp, makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';
import { sealFor, signWithSeal, verifyWithSeal } from '.';
import { revealSealPrivateKey } from './keys';
import { findSealRow } from './repo';
import { defaultValidTo, todayInBeijing } from './validity';

// The security admin's seal register through the API, and the signing functions other domains use, checked against
// an independent SM2 implementation (the OpenSSL 3 command line).

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let token: string;
let secadminId: string;
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeRegionTree(t.kernel);
  const home = await makeDepartment(t.kernel, tree.county);
  const secadmin = await makeStaff(t.kernel, { departmentId: home.id, regionCode: tree.county, roles: ['secadmin'] });
  secadminId = secadmin.accountId;
  token = await t.login(secadmin.username, secadmin.password);
});
afterAll(async () => t?.close());

type SealJson = { id: string; departmentId: string; departmentName: string; name: string; kind: string; keyId: string; publicKeyHex: string; status: string; isInForce: boolean; validFrom: string; validTo: string; revokedAt: string | null; revokedReason: string | null; version: number };

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => t.as(token, { method: 'POST', url, payload: payload as Record<string, unknown>, headers });
const get = (url: string) => t.as(token, { method: 'GET', url });
const newDepartment = (name?: string) => makeDepartment(t.kernel, tree.county, name);

async function makeSeal(input: Record<string, unknown>): Promise<SealJson> {
  const res = await post('/api/seals', input);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as SealJson;
}

async function auditsOf(objectId: string) {
  return t.kernel.db.selectFrom('audit_log').selectAll().where('object_type', '=', 'seal').where('object_id', '=', objectId).orderBy('id').execute();
}

async function eventOf(topic: string, sealId: string): Promise<Record<string, unknown> | undefined> {
  const events = await t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', topic).execute();
  return events.map((e) => e.payload).find((p) => p.id === sealId);
}

async function expectAppError(promise: Promise<unknown>, code: string, detail: string): Promise<void> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).detailKey).toBe(detail);
}

describe('making a seal', () => {
  it('generates a key pair, names the seal after the department, keeps the private key encrypted and audits it', async () => {
    const department = await newDepartment(`云溪市测试监督管理局${Date.now()}`);
    const seal = await makeSeal({ departmentId: department.id, kind: 'approval' });
    const today = todayInBeijing();
    expect(seal).toMatchObject({ departmentId: department.id, departmentName: department.name, name: `${department.name}行政审批专用章`, kind: 'approval', status: 'active', isInForce: true, validFrom: today, validTo: defaultValidTo(today), revokedAt: null, version: 1 });
    expect(seal.publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    expect(seal.keyId).toBe(sm3Hex(Buffer.from(seal.publicKeyHex, 'hex')).slice(0, 16));
    expect(JSON.stringify(seal)).not.toMatch(/private/i);

    const row = await findSealRow(t.kernel.db, seal.id);
    if (!row) throw new Error('seal row missing');
    expect(row.created_by).toBe(secadminId);
    const privateKey = revealSealPrivateKey(t.kernel.keys, row);
    expect(row.private_key_enc).not.toContain(privateKey);
    // The ciphertext is bound to its seal: copied onto another row it does not decrypt.
    expect(() => revealSealPrivateKey(t.kernel.keys, { ...row, id: department.id })).toThrow();
    expect(sm2PrivateKeyToPem(privateKey, seal.publicKeyHex)).toMatch(/PRIVATE KEY/);

    const [record] = await auditsOf(seal.id);
    expect(record).toMatchObject({ action: 'seal.create', actor_id: secadminId, result: 'success' });
    expect(record?.detail).toMatchObject({ departmentId: department.id, kind: 'approval', keyId: seal.keyId });
    expect(JSON.stringify(record?.detail)).not.toContain(privateKey);
    expect(await eventOf('seal.created', seal.id)).toMatchObject({ departmentId: department.id, kind: 'approval', keyId: seal.keyId });
  });

  it('takes a name, validity and kind as given, and replays a retried POST with the same Idempotency-Key', async () => {
    const department = await newDepartment();
    const body = { departmentId: department.id, kind: 'official', name: '云溪市测试局', validTo: '2099-12-31' };
    const first = await post('/api/seals', body, { 'idempotency-key': `seal-${department.id}` });
    const retry = await post('/api/seals', body, { 'idempotency-key': `seal-${department.id}` });
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({ name: '云溪市测试局', kind: 'official', validTo: '2099-12-31' });
  });

  it('refuses a second active seal of the same kind, but allows another kind', async () => {
    const department = await newDepartment();
    await makeSeal({ departmentId: department.id, kind: 'licence' });
    const again = await post('/api/seals', { departmentId: department.id, kind: 'licence' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'kind', code: 'seal.activeExists' }] });
    expect(again.json().errors[0].message).toMatch(/先注销旧章/);
    await makeSeal({ departmentId: department.id, kind: 'approval' });
  });

  it('two admins making the same seal at the same moment: one wins, the other is told why', async () => {
    const department = await newDepartment();
    const second = await createTestApp({}, { attachTo: t });
    try {
      const colleague = await makeStaff(t.kernel, { departmentId: department.id, regionCode: tree.county, roles: ['secadmin'] });
      const secondToken = await second.login(colleague.username, colleague.password);
      const body = { departmentId: department.id, kind: 'approval' };
      const results = await Promise.all([
        post('/api/seals', body),
        second.as(secondToken, { method: 'POST', url: '/api/seals', payload: body }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json().errors[0].code).toBe('seal.activeExists');
      const rows = await t.kernel.db.selectFrom('seals').select('id').where('department_id', '=', department.id).execute();
      expect(rows).toHaveLength(1);
      expect((await t.kernel.db.selectFrom('audit_log').select('id').where('action', '=', 'seal.create').where('object_id', 'in', rows.map((r) => r.id)).execute())).toHaveLength(1);
      // The database itself refuses a second active seal of a kind, whatever path a write takes.
      const [winner] = await t.kernel.db.selectFrom('seals').selectAll().where('department_id', '=', department.id).execute();
      if (!winner) throw new Error('no seal');
      const clash = t.kernel.db.insertInto('seals').values({ ...winner, id: newId(), key_id: 'ffffffffffffffff', public_key_hex: `04${'ab'.repeat(64)}`, version: 1 }).execute();
      await expect(clash).rejects.toMatchObject({ code: '23505' });
    } finally {
      await second.close();
    }
  });

  it('answers bad input with 400 and a reason per field, and stores nothing', async () => {
    const department = await newDepartment();
    const inactive = await newDepartment();
    await t.kernel.db.updateTable('departments').set({ is_active: false }).where('id', '=', inactive.id).execute();
    const cases: { body: Record<string, unknown>; field: string; code: string }[] = [
      { body: { kind: 'approval' }, field: 'departmentId', code: 'required' },
      { body: { departmentId: 'not-a-uuid', kind: 'approval' }, field: 'departmentId', code: 'invalid_format' },
      { body: { departmentId: department.id, kind: 'stamp' }, field: 'kind', code: 'invalid_value' },
      { body: { departmentId: department.id, kind: 'approval', name: '章' }, field: 'name', code: 'too_small' },
      { body: { departmentId: department.id, kind: 'approval', validFrom: '2026-02-30' }, field: 'validFrom', code: 'invalid_format' },
      { body: { departmentId: department.id, kind: 'approval', validFrom: '2099-01-02', validTo: '2099-01-01' }, field: 'validTo', code: 'seal.validToBeforeFrom' },
      { body: { departmentId: department.id, kind: 'approval', validFrom: '2020-01-01' }, field: 'validFrom', code: 'seal.validFromInPast' },
      { body: { departmentId: department.id, kind: 'approval', validTo: '2020-01-01' }, field: 'validTo', code: 'seal.validToBeforeFrom' },
      { body: { departmentId: '0190c5a0-0000-7000-8000-000000000000', kind: 'approval' }, field: 'departmentId', code: 'seal.departmentNotFound' },
      { body: { departmentId: inactive.id, kind: 'approval' }, field: 'departmentId', code: 'seal.departmentNotFound' },
    ];
    for (const c of cases) {
      const res = await post('/api/seals', c.body);
      expect(res.statusCode, JSON.stringify(c.body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors, JSON.stringify(c.body)).toContainEqual(expect.objectContaining({ field: c.field, code: c.code }));
    }
    const extra = await post('/api/seals', { departmentId: department.id, kind: 'approval', privateKeyHex: 'ab' });
    expect(extra.statusCode).toBe(400);
    const stored = await t.kernel.db.selectFrom('seals').select('id').where('department_id', 'in', [department.id, inactive.id]).execute();
    expect(stored).toEqual([]);
    expect((await post('/api/seals/not-a-uuid/revoke', { reason: '遗失', version: 1 })).statusCode).toBe(400);
    expect((await get('/api/seals?kind=stamp')).statusCode).toBe(400);
  });
});

describe('listing and revoking', () => {
  it('lists the region’s seals with filters, active first', async () => {
    const department = await newDepartment();
    const approval = await makeSeal({ departmentId: department.id, kind: 'approval' });
    const licence = await makeSeal({ departmentId: department.id, kind: 'licence' });
    const all = (await get(`/api/seals?departmentId=${department.id}`)).json();
    expect(all.total).toBe(2);
    expect(all.items.map((s: SealJson) => s.id).sort()).toEqual([approval.id, licence.id].sort());
    const licences = (await get(`/api/seals?departmentId=${department.id}&kind=licence`)).json();
    expect(licences.items.map((s: SealJson) => s.id)).toEqual([licence.id]);
    expect((await get(`/api/seals/${approval.id}`)).json()).toMatchObject({ id: approval.id, departmentName: department.name });
    expect((await get('/api/seals/0190c5a0-0000-7000-8000-000000000000')).json()).toMatchObject({ code: 'NOT_FOUND', detail: '未找到该电子印章' });
  });

  it('revokes with a reason (audited, announced), refuses a second revocation and a stale version, then lets a new seal be made', async () => {
    const department = await newDepartment();
    const seal = await makeSeal({ departmentId: department.id, kind: 'approval' });
    expect((await post(`/api/seals/${seal.id}/revoke`, { reason: '印章遗失', version: 2 })).json().code).toBe('STALE_VERSION');
    expect((await post(`/api/seals/${seal.id}/revoke`, { version: 1 })).json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    const revoked = await post(`/api/seals/${seal.id}/revoke`, { reason: '密钥介质遗失', version: 1 });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', isInForce: false, revokedReason: '密钥介质遗失', version: 2 });
    expect(revoked.json().revokedAt).toBeTruthy();
    const again = await post(`/api/seals/${seal.id}/revoke`, { reason: '再次注销', version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', detail: '该印章已注销' });

    const records = await auditsOf(seal.id);
    expect(records.map((r) => r.action)).toEqual(['seal.create', 'seal.revoke']);
    expect(records[1]?.detail).toMatchObject({ reason: '密钥介质遗失', keyId: seal.keyId });
    expect(await eventOf('seal.revoked', seal.id)).toMatchObject({ keyId: seal.keyId, kind: 'approval' });

    const replacement = await makeSeal({ departmentId: department.id, kind: 'approval' });
    expect(replacement.keyId).not.toBe(seal.keyId);
    const listed = (await get(`/api/seals?departmentId=${department.id}`)).json();
    expect(listed.items.map((s: SealJson) => s.status)).toEqual(['active', 'revoked']);
    expect((await get(`/api/seals?departmentId=${department.id}&status=revoked`)).json().items.map((s: SealJson) => s.id)).toEqual([seal.id]);
  });
});

describe('what verifiers see without signing in', () => {
  it('publishes every key with department, credit code, status and validity, as hex and PEM, cacheable', async () => {
    const department = await newDepartment();
    const seal = await makeSeal({ departmentId: department.id, kind: 'licence' });
    await post(`/api/seals/${seal.id}/revoke`, { reason: '机构撤并', version: 1 });
    const res = await t.app.inject({ method: 'GET', url: '/api/seals/public-keys' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json();
    expect(body).toMatchObject({ algorithm: 'SM2', hash: 'SM3', userId: SM2_DEFAULT_USER_ID, signatureEncoding: 'DER' });
    const entry = body.keys.find((k: { keyId: string }) => k.keyId === seal.keyId);
    const { credit_code: creditCode } = await t.kernel.db.selectFrom('departments').select('credit_code').where('id', '=', department.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ sealId: seal.id, name: seal.name, kind: 'licence', departmentName: department.name, creditCode, status: 'revoked', revokedReason: '机构撤并', publicKeyHex: seal.publicKeyHex, publicKeyPem: sm2PublicKeyToPem(seal.publicKeyHex) });
    expect(entry.imageUrl).toBe(`http://localhost:8080/api/seals/${seal.id}/image.svg`);
    expect(res.body).not.toMatch(/private/i);
  });

  it('serves the seal image as SVG, and 404 for an unknown seal', async () => {
    const department = await newDepartment('云溪市卫生健康委员会测试处');
    const seal = await makeSeal({ departmentId: department.id, kind: 'approval' });
    const res = await t.app.inject({ method: 'GET', url: `/api/seals/${seal.id}/image.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toMatch(/^<svg /);
    expect(res.body).toContain('<title>云溪市卫生健康委员会测试处行政审批专用章</title>');
    const missing = await t.app.inject({ method: 'GET', url: '/api/seals/0190c5a0-0000-7000-8000-000000000000/image.svg' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('sealing documents (the functions other domains call)', () => {
  const document = new TextEncoder().encode('营业执照 91539902MA1QH0013H 云溪市青禾食品有限公司 𠮷\n');

  it('finds the department’s seal, signs, verifies, and rejects tampered bytes or garbage', async () => {
    const department = await newDepartment();
    const made = await makeSeal({ departmentId: department.id, kind: 'licence' });
    const seal = await sealFor(t.kernel.db, department.id, 'licence');
    expect(seal).toMatchObject({ id: made.id, keyId: made.keyId, publicKeyHex: made.publicKeyHex, kind: 'licence' });
    const signed = await signWithSeal(t.kernel.db, t.kernel.keys, seal.id, document);
    expect(signed).toMatchObject({ sealId: seal.id, keyId: seal.keyId });
    expect(signed.signature).toMatch(/^30[0-9a-f]+$/);

    expect(await verifyWithSeal(t.kernel.db, seal.keyId, document, signed.signature)).toMatchObject({ valid: true, status: 'active', seal: { id: seal.id, revokedAt: null } });
    const tampered = Uint8Array.from(document);
    tampered[3] = (tampered[3] ?? 0) ^ 1;
    expect((await verifyWithSeal(t.kernel.db, seal.keyId, tampered, signed.signature)).valid).toBe(false);
    expect((await verifyWithSeal(t.kernel.db, seal.keyId, document, 'zz')).valid).toBe(false);
    expect(await verifyWithSeal(t.kernel.db, '0000000000000000', document, signed.signature)).toEqual({ valid: false, keyId: '0000000000000000', status: 'unknown', seal: null });
    expect((await verifyWithSeal(t.kernel.db, 'not a key id', document, signed.signature)).status).toBe('unknown');
  });

  it('after revocation: old signatures still check out but report the revocation; nothing new is signed', async () => {
    const department = await newDepartment();
    const made = await makeSeal({ departmentId: department.id, kind: 'approval' });
    const signed = await signWithSeal(t.kernel.db, t.kernel.keys, made.id, document);
    await post(`/api/seals/${made.id}/revoke`, { reason: '到期更换', version: 1 });
    const verdict = await verifyWithSeal(t.kernel.db, made.keyId, document, signed.signature);
    expect(verdict).toMatchObject({ valid: true, status: 'revoked', seal: { revokedReason: '到期更换' } });
    expect(verdict.seal?.revokedAt).toBeTruthy();
    await expectAppError(signWithSeal(t.kernel.db, t.kernel.keys, made.id, document), 'CONFLICT', 'seal.revoked');
    await expectAppError(sealFor(t.kernel.db, department.id, 'approval'), 'CONFLICT', 'seal.noActiveSeal');
    await expectAppError(signWithSeal(t.kernel.db, t.kernel.keys, '0190c5a0-0000-7000-8000-000000000000', document), 'NOT_FOUND', 'seal.notFound');
  });

  it('a seal whose validity has not begun does not sign yet', async () => {
    const department = await newDepartment();
    await makeSeal({ departmentId: department.id, kind: 'approval', validFrom: '2098-01-01', validTo: '2099-12-31' });
    await expectAppError(sealFor(t.kernel.db, department.id, 'approval'), 'CONFLICT', 'seal.notInForce');
  });
});

const interopTitle = hasOpenssl ? 'interoperability with the OpenSSL 3 CLI' : 'interoperability with the OpenSSL 3 CLI — skipped: no `openssl` command on PATH';

describe.skipIf(!hasOpenssl)(interopTitle, () => {
  const message = Buffer.from('准予行政许可决定书 云溪市 𠮷祥 2026\n', 'utf8');
  const distid = `distid:${SM2_DEFAULT_USER_ID}`;

  function inTempDir(run: (path: (name: string) => string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'zt-seal-'));
    try {
      writeFileSync(join(dir, 'msg'), message);
      run((name) => join(dir, name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async function sealOfNewDepartment(): Promise<SealJson> {
    const department = await newDepartment();
    return makeSeal({ departmentId: department.id, kind: 'licence' });
  }

  it('OpenSSL verifies a signature made with signWithSeal against the published PEM, and rejects tampered bytes', async () => {
    const seal = await sealOfNewDepartment();
    const signed = await signWithSeal(t.kernel.db, t.kernel.keys, seal.id, message);
    const published = (await t.app.inject({ method: 'GET', url: '/api/seals/public-keys' })).json().keys.find((k: { keyId: string }) => k.keyId === signed.keyId);
    inTempDir((path) => {
      writeFileSync(path('pub.pem'), published.publicKeyPem);
      writeFileSync(path('sig.der'), Buffer.from(signed.signature, 'hex'));
      const args = ['dgst', '-sm3', '-verify', path('pub.pem'), '-sigopt', distid, '-signature', path('sig.der')];
      expect(execFileSync('openssl', [...args, path('msg')], { encoding: 'utf8' })).toMatch(/Verified OK/);
      writeFileSync(path('msg'), Buffer.concat([message, Buffer.from('x')]));
      expect(spawnSync('openssl', [...args, path('msg')], { encoding: 'utf8' }).stdout).toMatch(/Verification failure/);
    });
  });

  it('verifyWithSeal accepts a signature OpenSSL made with the seal’s key, and rejects it for other bytes', async () => {
    const seal = await sealOfNewDepartment();
    const row = await findSealRow(t.kernel.db, seal.id);
    if (!row) throw new Error('seal row missing');
    let signature = '';
    inTempDir((path) => {
      // Exported only for this test: the private key never leaves the server otherwise.
      writeFileSync(path('key.pem'), sm2PrivateKeyToPem(revealSealPrivateKey(t.kernel.keys, row), row.public_key_hex));
      execFileSync('openssl', ['dgst', '-sm3', '-sign', path('key.pem'), '-sigopt', distid, '-out', path('sig.der'), path('msg')]);
      signature = readFileSync(path('sig.der')).toString('hex');
    });
    expect(await verifyWithSeal(t.kernel.db, seal.keyId, message, signature)).toMatchObject({ valid: true, status: 'active' });
    expect((await verifyWithSeal(t.kernel.db, seal.keyId, Buffer.from('另一份文书'), signature)).valid).toBe(false);
  });
});
