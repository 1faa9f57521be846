import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalLicenseData, parseLicenseIdentifier, parseLicenseQr, type LicenseView } from '@zhengtong/contracts';
import { SM2_DEFAULT_USER_ID, sm3Hex } from '../../kernel/crypto';
import { inspectPdf } from '../../kernel/pdf/inspect';
import { createTestApp } from '../../testing';
import { tables } from './tables';
import { backdateValidity, issueEnterprise, issuePerson, makeWorld, type World } from './test-support';

// The issuing department's side (types, manual issuance, status changes, the PDF) and what a verifier sees, checked
// against an independent SM2 implementation (the OpenSSL 3 command line).

let w: World;
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => w?.t.close());

const as = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => w.t.as(token, { method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
const anonymous = (method: 'GET' | 'POST', url: string, payload?: unknown) => w.t.app.inject({ method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

async function auditActions(objectId: string): Promise<string[]> {
  const rows = await w.t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', objectId).orderBy('id').execute();
  return rows.map((r) => r.action);
}

async function eventsOf(topic: string, id: string): Promise<Record<string, unknown>[]> {
  const rows = await w.t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', topic).execute();
  return rows.map((r) => r.payload).filter((p) => p.id === id || p.licenseId === id);
}

describe('licence types (证照目录)', () => {
  it('the catalogue admin creates and edits a type; anyone reads the catalogue; bad input is refused per field', async () => {
    const body = {
      code: 'yx0101',
      name: '云溪测试卫生许可证',
      departmentId: w.other.id,
      holderType: 'enterprise',
      fields: [
        { key: 'premises', name: '经营场所', kind: 'text', isRequired: true, source: 'result.premises' },
        { key: 'validUntil', name: '有效期至', kind: 'date', isRequired: true, source: 'result.validUntil' },
      ],
      validity: { mode: 'field', field: 'validUntil' },
      trustLevel: 'A',
      issuingBasicCodes: ['000106002000'],
    };
    const created = await as(w.staff.catalogue, 'POST', '/api/license-types', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'YX0101', departmentName: w.other.name, holderSource: { name: 'applicant', number: 'applicant' }, isActive: true, version: 1 });
    const again = await as(w.staff.catalogue, 'POST', '/api/license-types', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ field: 'code', code: 'license.typeCodeTaken' });

    const listed = await anonymous('GET', '/api/license-types?q=云溪测试卫生');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((t: { code: string }) => t.code)).toContain('YX0101');

    const id = created.json().id as string;
    const stale = await as(w.staff.catalogue, 'PATCH', `/api/license-types/${id}`, { name: '改名', version: 9 });
    expect(stale.json().code).toBe('STALE_VERSION');
    const edited = await as(w.staff.catalogue, 'PATCH', `/api/license-types/${id}`, { isActive: false, version: 1 });
    expect(edited.json()).toMatchObject({ isActive: false, version: 2 });
    expect(await auditActions(id)).toEqual(['license-type.create', 'license-type.update']);

    const bad: { body: Record<string, unknown>; field: string; code: string }[] = [
      { body: { ...body, code: 'a-b' }, field: 'code', code: 'license.typeCode' },
      { body: { ...body, code: 'OK1', holderType: 'robot' }, field: 'holderType', code: 'invalid_value' },
      { body: { ...body, code: 'OK2', validity: { mode: 'field', field: 'premises' } }, field: 'validity.field', code: 'license.validityField' },
      { body: { ...body, code: 'OK3', fields: [body.fields[0], body.fields[0]] }, field: 'fields.1.key', code: 'license.fieldKeyTaken' },
      { body: { ...body, code: 'OK4', fields: [{ key: '1x', name: '名', kind: 'text' }], validity: { mode: 'permanent' } }, field: 'fields.0.key', code: 'license.fieldKey' },
      { body: { ...body, code: 'OK5', fields: [{ key: 'x', name: '名', kind: 'text', source: 'form.x' }], validity: { mode: 'permanent' } }, field: 'fields.0.source', code: 'license.fieldSource' },
      { body: { ...body, code: 'OK6', validity: { mode: 'years', years: 0 } }, field: 'validity.years', code: 'too_small' },
      { body: { ...body, code: 'OK7', issuingBasicCodes: ['x'] }, field: 'issuingBasicCodes.0', code: 'license.basicCode' },
      { body: { ...body, code: 'OK8', departmentId: '0190c5a0-0000-7000-8000-000000000000' }, field: 'departmentId', code: 'license.typeDepartment' },
      { body: { ...body, code: 'OK9', name: undefined }, field: 'name', code: 'required' },
    ];
    for (const c of bad) {
      const res = await as(w.staff.catalogue, 'POST', '/api/license-types', c.body);
      expect(res.statusCode, JSON.stringify(c.body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors, JSON.stringify(c.body)).toContainEqual(expect.objectContaining({ field: c.field, code: c.code }));
    }
    expect((await anonymous('GET', '/api/license-types/not-a-uuid')).statusCode).toBe(400);
    expect((await anonymous('GET', '/api/license-types?holderType=robot')).statusCode).toBe(400);
    expect((await anonymous('GET', '/api/license-types/0190c5a0-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('issuing by hand', () => {
  it('issues a signed licence with a GB/T 36904 identifier, audits it and announces it', async () => {
    const licence = await issuePerson(w, { name: w.citizen.name, idNumber: w.citizen.idNumber });
    const parsed = parseLicenseIdentifier(licence.identifier);
    expect(parsed).toMatchObject({ ok: true, typeCode: w.personType.code, version: '001' });
    const department = await w.t.kernel.db.selectFrom('departments').select('credit_code').where('id', '=', w.issuer.id).executeTakeFirstOrThrow();
    expect(licence.identifier.startsWith(`1.2.156.3005.2.${w.personType.code}.${department.credit_code}.`)).toBe(true);
    expect(licence).toMatchObject({ status: 'valid', source: 'manual', holderType: 'person', holderName: w.citizen.name, issuerName: w.issuer.name, perspective: 'staff', trustLevel: 'A' });
    // 身份证号: masked in the view, encrypted at rest.
    expect(licence.holderNumber).toBe(`${w.citizen.idNumber[0]}${'*'.repeat(15)}${w.citizen.idNumber.slice(-2)}`);
    const row = await tables(w.t.kernel.db).selectFrom('licenses').selectAll().where('id', '=', licence.id).executeTakeFirstOrThrow();
    expect(row.holder_id_enc).not.toContain(w.citizen.idNumber);
    expect(JSON.stringify(row)).not.toContain(w.citizen.idNumber);
    expect(licence.fields).toEqual([{ key: 'scope', name: '许可范围', kind: 'text', value: '道路货物运输' }]);
    // Five years from today, both ends inclusive.
    const from = licence.validFrom;
    expect(licence.validTo).toBe(new Date(Date.UTC(Number(from.slice(0, 4)) + 5, Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10))) - 86_400_000).toISOString().slice(0, 10));
    expect(licence.history).toEqual([expect.objectContaining({ action: 'issue', fromStatus: null, toStatus: 'valid' })]);
    expect(await auditActions(licence.id)).toContain('license.issue');
    const sealUse = await w.t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'seal.use').execute();
    expect(sealUse.some((r) => r.detail.licenseId === licence.id)).toBe(true);
    expect(await eventsOf('license.issued', licence.id)).toEqual([expect.objectContaining({ identifier: licence.identifier, source: 'manual' })]);

    // Serials count up per type and issuer.
    const next = await issuePerson(w, { name: w.stranger.name, idNumber: w.stranger.idNumber });
    const serial = (id: string) => Number(id.split('.')[7]);
    expect(serial(next.identifier)).toBe(serial(licence.identifier) + 1);
  });

  it('refuses bad input with the reason per field, and issues nothing', async () => {
    const before = await tables(w.t.kernel.db).selectFrom('licenses').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const base = { typeId: w.personType.id, holder: { type: 'person', name: '张三', idNumber: w.citizen.idNumber }, fields: { scope: '普通货运' } };
    const cases: { body: Record<string, unknown>; field: string; code: string }[] = [
      { body: { ...base, typeId: 'x' }, field: 'typeId', code: 'invalid_format' },
      { body: { ...base, typeId: '0190c5a0-0000-7000-8000-000000000000' }, field: 'typeId', code: 'license.typeNotFound' },
      { body: { ...base, holder: { type: 'person', name: '张三', idNumber: '539902198803150119' } }, field: 'holder.idNumber', code: 'idNumber.checksum' },
      { body: { ...base, holder: { type: 'enterprise', name: '公司', creditCode: w.enterprise.creditCode } }, field: 'holder.type', code: 'license.holderTypeMismatch' },
      { body: { ...base, holder: { type: 'robot' } }, field: 'holder.type', code: 'invalid_value' },
      { body: { ...base, fields: {} }, field: 'fields.scope', code: 'required' },
      { body: { ...base, fields: { scope: '货运', grade: 'abc' } }, field: 'fields.grade', code: 'license.fieldNumber' },
      { body: { ...base, fields: { scope: '货运', colour: 'red' } }, field: 'fields.colour', code: 'license.fieldUnknown' },
      { body: { ...base, validFrom: '2026-02-30' }, field: 'validFrom', code: 'invalid_format' },
      { body: { ...base, validFrom: '2030-01-02', validTo: '2030-01-01' }, field: 'validTo', code: 'license.validToBeforeFrom' },
      { body: { ...base, extra: 1 }, field: 'body', code: 'unrecognized_keys' },
    ];
    for (const c of cases) {
      const res = await as(w.staff.reviewer, 'POST', '/api/licenses', c.body);
      expect(res.statusCode, JSON.stringify(c.body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors, `${JSON.stringify(c.body)} → ${res.body}`).toContainEqual(expect.objectContaining({ field: c.field, code: c.code }));
    }
    const enterpriseBad = await as(w.staff.reviewer, 'POST', '/api/licenses', { typeId: w.enterpriseType.id, holder: { type: 'enterprise', name: '公司', creditCode: w.enterprise.creditCode }, fields: { scope: '食品' }, validTo: '2030-01-01' });
    expect(enterpriseBad.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'fields.validUntil', code: 'required' }), expect.objectContaining({ field: 'validTo', code: 'license.validToFromField' })]));
    const after = await tables(w.t.kernel.db).selectFrom('licenses').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('a department without a licence seal in force cannot issue (never unsigned)', async () => {
    const { makeDepartment, makeStaff } = await import('../../testing');
    const { makeType } = await import('./test-support');
    const bare = await makeDepartment(w.t.kernel, w.tree.county);
    const type = await makeType(w.t, { departmentId: bare.id });
    const officer = await makeStaff(w.t.kernel, { departmentId: bare.id, regionCode: w.tree.county, roles: ['reviewer'] });
    const token = await w.t.login(officer.username, officer.password);
    const res = await as(token, 'POST', '/api/licenses', { typeId: type.id, holder: { type: 'person', name: '张三', idNumber: w.citizen.idNumber }, fields: { scope: '货运' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/证照专用章/);
    expect(await tables(w.t.kernel.db).selectFrom('licenses').select('id').where('type_id', '=', type.id).execute()).toEqual([]);
  });
});

describe('status changes', () => {
  it('suspend, restore, revoke: each with reason, history, audit and event; revoked is final', async () => {
    const licence = await issueEnterprise(w);
    const suspended = await as(w.staff.reviewer, 'POST', `/api/licenses/${licence.id}/suspend`, { reason: '责令整改期间暂扣', version: 1 });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: '责令整改期间暂扣', version: 2 });
    const restored = await as(w.staff.reviewer, 'POST', `/api/licenses/${licence.id}/restore`, { reason: '整改完成', version: 2 });
    expect(restored.json()).toMatchObject({ status: 'valid', version: 3 });
    const revoked = await as(w.staff.reviewer, 'POST', `/api/licenses/${licence.id}/revoke`, { reason: '吊销决定书 云市监罚〔2026〕12号', version: 3 });
    expect(revoked.json()).toMatchObject({ status: 'revoked', version: 4 });
    expect(revoked.json().history.map((h: { action: string }) => h.action)).toEqual(['issue', 'suspend', 'restore', 'revoke']);
    const again = await as(w.staff.reviewer, 'POST', `/api/licenses/${licence.id}/restore`, { reason: '恢复', version: 4 });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('该证照当前为“已注销(吊销)”,不能恢复');
    expect(await auditActions(licence.id)).toEqual(expect.arrayContaining(['license.issue', 'license.suspend', 'license.restore', 'license.revoke']));
    expect(await eventsOf('license.revoked', licence.id)).toHaveLength(1);
    expect((await as(w.staff.reviewer, 'POST', `/api/licenses/${licence.id}/suspend`, { version: 4 })).json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    expect((await as(w.staff.reviewer, 'POST', '/api/licenses/nope/suspend', { reason: '原因', version: 1 })).statusCode).toBe(400);
  });

  it('two officers at once: one wins, the other gets 409 STALE_VERSION and nothing is recorded twice', async () => {
    const licence = await issueEnterprise(w);
    const second = await createTestApp({}, { attachTo: w.t });
    try {
      const results = await Promise.all([
        as(w.staff.reviewer, 'POST', `/api/licenses/${licence.id}/suspend`, { reason: '暂扣一', version: 1 }),
        second.as(w.staff.reviewer, { method: 'POST', url: `/api/licenses/${licence.id}/revoke`, payload: { reason: '注销二', version: 1 } }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('STALE_VERSION');
      const history = await tables(w.t.kernel.db).selectFrom('license_actions').select('action').where('license_id', '=', licence.id).execute();
      expect(history).toHaveLength(2);
    } finally {
      await second.close();
    }
  });
});

describe('verification', () => {
  let licence: LicenseView;
  beforeAll(async () => {
    licence = await issuePerson(w, { name: '欧阳𠮷祥', idNumber: w.stranger.idNumber });
  });

  it('online: public facts with the holder name masked, no ID number, each check logged', async () => {
    const res = await anonymous('GET', `/api/licenses/verify/${licence.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ identifier: licence.identifier, typeName: '测试从业资格证', holderName: '欧***', issuerName: w.issuer.name, status: 'valid', statusSince: null, validTo: licence.validTo });
    expect(res.body).not.toContain(w.stranger.idNumber);
    expect(res.body).not.toContain('𠮷');
    const logged = await tables(w.t.kernel.db).selectFrom('license_verifications').selectAll().where('license_id', '=', licence.id).execute();
    expect(logged).toEqual([expect.objectContaining({ channel: 'online', result: 'valid' })]);
    const missing = await anonymous('GET', '/api/licenses/verify/0190c5a0-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect((await anonymous('GET', '/api/licenses/verify/1.2.156')).statusCode).toBe(400);
    const notFoundLog = await tables(w.t.kernel.db).selectFrom('license_verifications').select('result').where('license_id', 'is', null).where('channel', '=', 'online').execute();
    expect(notFoundLog.map((r) => r.result)).toContain('notFound');
  });

  it('the QR payload: authentic; any changed byte tampered; an unknown key; garbage malformed', async () => {
    const qr = await as(w.staff.reviewer, 'GET', `/api/licenses/${licence.id}/qr`);
    expect(qr.statusCode).toBe(200);
    const { payload, url, data } = qr.json();
    expect(url).toBe(`http://localhost:8080/verify/${licence.id}#${payload}`);
    expect(data).toMatchObject({ v: '1', id: licence.identifier, ht: 'P', h: '欧阳𠮷祥', hn: licence.holderNumber, i: w.issuer.name, f: licence.validFrom, e: licence.validTo });

    const authentic = await anonymous('POST', '/api/licenses/verify/qr', { payload: url });
    expect(authentic.json()).toMatchObject({ verdict: 'authentic', isAuthentic: true, data: { id: licence.identifier }, seal: { keyId: licence.seal.keyId, status: 'active', departmentName: w.issuer.name }, license: { status: 'valid' } });

    // The holder's name changed in the data: the bytes no longer match the signature.
    const parsed = parseLicenseQr(payload);
    if (!parsed) throw new Error('payload does not parse');
    const canonical = canonicalLicenseData({ ...parsed.data, h: '欧阳假冒' });
    const [prefix, , keyId, signature] = payload.split('.');
    const tamperedPayload = [prefix, Buffer.from(canonical).toString('base64url'), keyId, signature].join('.');
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload: tamperedPayload })).json()).toMatchObject({ verdict: 'tampered', isAuthentic: false, data: { h: '欧阳假冒' } });
    const otherKey = [prefix, payload.split('.')[1], '0123456789abcdef', signature].join('.');
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload: otherKey })).json()).toMatchObject({ verdict: 'unknownKey', seal: null });
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload: 'hello' })).json()).toMatchObject({ verdict: 'malformed', data: null });
    // Non-canonical bytes (same data, different spacing) are refused rather than re-encoded.
    const spaced = [prefix, Buffer.from(JSON.stringify(parsed.data, null, 1)).toString('base64url'), keyId, signature].join('.');
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload: spaced })).json().verdict).toBe('malformed');
    expect((await anonymous('POST', '/api/licenses/verify/qr', {})).json().errors[0]).toMatchObject({ field: 'payload', code: 'required' });
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload: 'x'.repeat(5000) })).statusCode).toBe(400);
    const results = await tables(w.t.kernel.db).selectFrom('license_verifications').select('result').where('channel', '=', 'qr').execute();
    expect(results.map((r) => r.result)).toEqual(expect.arrayContaining(['authentic:valid', 'tampered:valid', 'malformed']));
  });

  it.skipIf(!hasOpenssl)('OpenSSL verifies the licence signature over the signed data with the published key', async () => {
    const qr = (await as(w.staff.reviewer, 'GET', `/api/licenses/${licence.id}/qr`)).json();
    const parsed = parseLicenseQr(qr.payload);
    if (!parsed) throw new Error('payload does not parse');
    const published = (await anonymous('GET', '/api/seals/public-keys')).json().keys.find((k: { keyId: string }) => k.keyId === parsed.keyId);
    expect(published).toMatchObject({ kind: 'licence', status: 'active' });
    const dir = mkdtempSync(join(tmpdir(), 'zt-licence-'));
    try {
      writeFileSync(join(dir, 'pub.pem'), published.publicKeyPem);
      writeFileSync(join(dir, 'sig.der'), Buffer.from(parsed.signatureHex, 'hex'));
      writeFileSync(join(dir, 'data.json'), parsed.dataBytes);
      const args = ['dgst', '-sm3', '-verify', join(dir, 'pub.pem'), '-sigopt', `distid:${SM2_DEFAULT_USER_ID}`, '-signature', join(dir, 'sig.der'), join(dir, 'data.json')];
      expect(execFileSync('openssl', args, { encoding: 'utf8' })).toMatch(/Verified OK/);
      writeFileSync(join(dir, 'data.json'), Buffer.concat([Buffer.from(parsed.dataBytes), Buffer.from(' ')]));
      expect(spawnSync('openssl', args, { encoding: 'utf8' }).stdout).toMatch(/Verification failure/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('revoked and expired licences are shown as such, expired as soon as the last day has passed', async () => {
    const revoked = await issuePerson(w, { name: '赵注销', idNumber: w.citizen.idNumber });
    await as(w.staff.reviewer, 'POST', `/api/licenses/${revoked.id}/revoke`, { reason: '持证人申请注销', version: 1 });
    const seen = (await anonymous('GET', `/api/licenses/verify/${revoked.id}`)).json();
    expect(seen).toMatchObject({ status: 'revoked' });
    expect(seen.statusSince).toBeTruthy();
    const qr = (await as(w.staff.reviewer, 'GET', `/api/licenses/${revoked.id}/qr`)).json();
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload: qr.payload })).json()).toMatchObject({ verdict: 'authentic', license: { status: 'revoked' } });

    const expiring = await issuePerson(w, { name: '钱过期', idNumber: w.citizen.idNumber });
    await backdateValidity(w.t, expiring.id, '2020-06-30');
    // Not recorded yet by the job, but reported at once.
    expect((await anonymous('GET', `/api/licenses/verify/${expiring.id}`)).json()).toMatchObject({ status: 'expired', statusSince: '2020-07-01' });
    expect((await as(w.staff.reviewer, 'GET', `/api/licenses/${expiring.id}`)).json()).toMatchObject({ status: 'expired' });
    // Nor can it be suspended any more.
    expect((await as(w.staff.reviewer, 'POST', `/api/licenses/${expiring.id}/suspend`, { reason: '暂扣', version: 1 })).statusCode).toBe(409);
    // The job records it with history and event.
    await w.t.kernel.jobs.runDue();
    const recorded = (await as(w.staff.reviewer, 'GET', `/api/licenses/${expiring.id}`)).json();
    expect(recorded.history.map((h: { action: string }) => h.action)).toEqual(['issue', 'expire']);
    expect(recorded.history[1]).toMatchObject({ reason: '有效期届满', actorName: '证照到期处理' });
    expect(await eventsOf('license.expired', expiring.id)).toHaveLength(1);
    const list = (await as(w.staff.reviewer, 'GET', '/api/licenses?status=expired')).json();
    expect(list.items.map((l: { id: string }) => l.id)).toContain(expiring.id);
    expect((await as(w.staff.reviewer, 'GET', '/api/licenses?status=valid')).json().items.map((l: { id: string }) => l.id)).not.toContain(expiring.id);
  });

  it('a seal revoked after signing still vouches for the licence; the verdict says the seal is revoked', async () => {
    const { makeDepartment, makeStaff } = await import('../../testing');
    const { makeType, makeLicenseSeal } = await import('./test-support');
    const department = await makeDepartment(w.t.kernel, w.tree.county);
    const seal = await makeLicenseSeal(w.t, department.id);
    const type = await makeType(w.t, { departmentId: department.id });
    const officer = await makeStaff(w.t.kernel, { departmentId: department.id, regionCode: w.tree.county, roles: ['reviewer'] });
    const secadmin = await makeStaff(w.t.kernel, { departmentId: department.id, regionCode: w.tree.county, roles: ['secadmin'] });
    const issued = await as(await w.t.login(officer.username, officer.password), 'POST', '/api/licenses', { typeId: type.id, holder: { type: 'person', name: '周印章', idNumber: w.citizen.idNumber }, fields: { scope: '印章注销前签发' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const payload = (await as(await w.t.login(officer.username, officer.password), 'GET', `/api/licenses/${issued.json().id}/qr`)).json().payload as string;
    const revoked = await as(await w.t.login(secadmin.username, secadmin.password), 'POST', `/api/seals/${seal.id}/revoke`, { reason: '密钥更换', version: 1 });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload })).json()).toMatchObject({ verdict: 'authentic', seal: { status: 'revoked' }, license: { status: 'valid' } });
    // A licence claiming a signature made after the revocation is not vouched for.
    await tables(w.t.kernel.db).updateTable('licenses').set({ signed_at: new Date(Date.now() + 86_400_000) }).where('id', '=', issued.json().id).execute();
    expect((await anonymous('POST', '/api/licenses/verify/qr', { payload })).json()).toMatchObject({ verdict: 'sealRevoked', isAuthentic: false });
  });

  it('the PDF: sealed, with the QR code and identifier; the file verifies, a changed byte does not', async () => {
    const res = await as(w.staff.reviewer, 'GET', `/api/licenses/${licence.id}/pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const bytes = res.rawPayload;
    const text = inspectPdf(bytes).text;
    expect(text).toContain(licence.identifier);
    expect(text).toContain('欧阳𠮷祥');
    expect(text).toContain('证照专用章');
    expect(text).not.toContain(w.stranger.idNumber);
    // Served as stored: the same bytes every time.
    const again = await as(w.staff.reviewer, 'GET', `/api/licenses/${licence.id}/pdf`);
    expect(sm3Hex(again.rawPayload)).toBe(sm3Hex(bytes));

    const upload = (file: Buffer) => {
      const boundary = '----ztlicence';
      const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="licence.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return w.t.app.inject({ method: 'POST', url: '/api/licenses/verify/pdf', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const good = await upload(bytes);
    expect(good.json()).toMatchObject({ verdict: 'authentic', isAuthentic: true, license: { identifier: licence.identifier, status: 'valid' } });
    const changed = Buffer.from(bytes);
    changed[changed.length - 20] = (changed[changed.length - 20] ?? 0) ^ 1;
    expect((await upload(changed)).json()).toMatchObject({ verdict: 'unknownDocument', isAuthentic: false, license: null });
    expect((await w.t.app.inject({ method: 'POST', url: '/api/licenses/verify/pdf', payload: { file: 'x' } })).statusCode).toBe(415);
    const pdfUses = await w.t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'seal.use').execute();
    expect(pdfUses.filter((r) => r.detail.document === 'license-pdf' && r.detail.licenseId === licence.id)).toHaveLength(1);
  });
});

describe('bad input anywhere', () => {
  it('every route answers malformed parameters with 400 problem+json naming the field', async () => {
    const id = '0190c5a0-0000-7000-8000-000000000000';
    const requests: { token: string | null; method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown>; field: string }[] = [
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses?status=lost', field: 'status' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses?typeId=abc', field: 'typeId' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses?holderNumber=12', field: 'holderNumber' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses?page=0', field: 'page' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses?pageSize=1000', field: 'pageSize' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses?identifier=%3Cscript%3E', field: 'identifier' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses/abc', field: 'id' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses/abc/pdf', field: 'id' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses/abc/qr', field: 'id' },
      { token: w.staff.reviewer, method: 'GET', url: '/api/licenses/abc/uses', field: 'id' },
      { token: w.staff.reviewer, method: 'GET', url: `/api/licenses/${id}/verifications?pageSize=0`, field: 'pageSize' },
      { token: w.staff.otherReviewer, method: 'POST', url: `/api/licenses/${id}/uses`, payload: { purpose: '' }, field: 'purpose' },
      { token: w.staff.otherReviewer, method: 'POST', url: `/api/licenses/${id}/uses`, payload: { purpose: '核验', caseNumber: 'x' }, field: 'caseNumber' },
      { token: w.staff.reviewer, method: 'POST', url: `/api/licenses/${id}/revoke`, payload: { reason: '注销', version: 0 }, field: 'version' },
      { token: w.citizen.token, method: 'GET', url: '/api/my/licenses?pageSize=abc', field: 'pageSize' },
      { token: w.citizen.token, method: 'GET', url: '/api/my/license-uses?page=-1', field: 'page' },
      { token: w.citizen.token, method: 'GET', url: '/api/license-grants?status=maybe', field: 'status' },
      { token: w.citizen.token, method: 'GET', url: '/api/license-grants?licenseId=1', field: 'licenseId' },
      { token: null, method: 'GET', url: '/api/license-types?isActive=perhaps', field: 'isActive' },
      { token: null, method: 'GET', url: '/api/license-types?pageSize=500', field: 'pageSize' },
      { token: null, method: 'POST', url: '/api/licenses/verify/qr', payload: { payload: 5 }, field: 'payload' },
    ];
    for (const r of requests) {
      const options = { method: r.method, url: r.url, ...(r.payload ? { payload: r.payload } : {}) };
      const res = r.token ? await w.t.as(r.token, options) : await w.t.app.inject(options);
      expect(res.statusCode, `${r.method} ${r.url} → ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field), `${r.method} ${r.url}`).toContain(r.field);
    }
    // Not JSON at all.
    const garbled = await w.t.as(w.staff.reviewer, { method: 'POST', url: '/api/licenses', payload: '{"typeId":', headers: { 'content-type': 'application/json' } });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.headers['content-type']).toMatch(/problem\+json/);
  });

  it('a retried issuance with the same Idempotency-Key issues one licence', async () => {
    const body = { typeId: w.personType.id, holder: { type: 'person', name: '重试', idNumber: w.stranger.idNumber }, fields: { scope: '重试签发' } };
    const headers = { 'idempotency-key': `issue-${Date.now()}` };
    const first = await w.t.as(w.staff.reviewer, { method: 'POST', url: '/api/licenses', payload: body, headers });
    const retry = await w.t.as(w.staff.reviewer, { method: 'POST', url: '/api/licenses', payload: body, headers });
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
  });
});
