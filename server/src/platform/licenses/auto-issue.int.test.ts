import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '../../kernel/ids';
import { emit } from '../../kernel/outbox';
import { makeDepartment, makeEnterpriseCreditCode, makeIdNumber } from '../../testing';
import { protect } from '../identity';
import { tables } from './tables';
import { makeLicenseSeal, makeType, makeWorld, type World } from './test-support';

// 自动签发: the cases domain announces case.completed; the licences domain, below it, issues the licence inside the
// delivery of that event. Driven through the real outbox (emit + deliverPending), as the cases domain's commit would.

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => w?.t.close());

type Completed = {
  caseId: string;
  caseNumber: string;
  basicCode: string;
  departmentId: string;
  applicant: { type: 'person' | 'enterprise'; accountId: string | null; enterpriseId: string | null; name?: string; idNumberEnc?: string; idNumberIdx?: string; creditCode?: string };
  result: { kind: 'approved' | 'denied'; values: Record<string, unknown> };
};

let caseSeq = 0;
function completedCase(basicCode: string, overrides: Partial<Completed> = {}): Completed {
  caseSeq += 1;
  return {
    caseId: newId(),
    caseNumber: `53990220260501O${String(caseSeq).padStart(6, '0')}`,
    basicCode,
    departmentId: w.issuer.id,
    applicant: { type: 'person', accountId: w.citizen.accountId, enterpriseId: null },
    result: { kind: 'approved', values: {} },
    ...overrides,
  };
}

/** What the cases domain writes in its completing transaction. */
async function announce(event: Completed): Promise<string> {
  await w.t.kernel.db.transaction().execute((tx) =>
    emit(tx, 'case.completed', { ...event, itemVersionId: newId(), serviceItemId: newId(), itemName: '测试事项', channel: 'online' }),
  );
  const row = await w.t.kernel.db.selectFrom('outbox_events').select('id').where('topic', '=', 'case.completed').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.id;
}

async function deliver(): Promise<void> {
  // Make anything waiting on back-off due now, as time passing would.
  await sql`update outbox_events set next_attempt_at = now() where processed_at is null`.execute(w.t.kernel.db);
  await w.t.kernel.outbox.deliverPending(1000);
}

const licencesOfCase = (caseId: string) => tables(w.t.kernel.db).selectFrom('licenses').selectAll().where('case_id', '=', caseId).execute();
const eventRow = (id: string) => w.t.kernel.db.selectFrom('outbox_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function mappedType(basicCode: string, extra: Parameters<typeof makeType>[1] | object = {}) {
  return makeType(w.t, {
    departmentId: w.issuer.id,
    name: '自动签发测试证',
    issuingBasicCodes: [basicCode],
    fields: [
      { key: 'cardNo', name: '证号', kind: 'text', isRequired: true, source: 'result.cardNo' },
      { key: 'caseNo', name: '办件编号', kind: 'text', isRequired: false, source: 'case.caseNumber' },
    ],
    ...extra,
  });
}

const basicCode = () => `9${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;

describe('issuing when a case completes', () => {
  it('issues the applicant’s licence with the mapped fields, signed, in the wallet — and only once however often the event is delivered', async () => {
    const code = basicCode();
    const type = await mappedType(code);
    const event = completedCase(code, { result: { kind: 'approved', values: { cardNo: 'YX-2026-0001' } } });
    const eventId = await announce(event);
    await deliver();
    expect((await eventRow(eventId)).processed_at).not.toBeNull();
    const [licence, ...more] = await licencesOfCase(event.caseId);
    expect(more).toEqual([]);
    expect(licence).toMatchObject({ type_id: type.id, source: 'case', case_number: event.caseNumber, holder_type: 'person', holder_name: w.citizen.name, holder_account_id: w.citizen.accountId, issuer_department_id: w.issuer.id, status: 'valid' });
    expect(licence?.fields).toEqual({ cardNo: 'YX-2026-0001', caseNo: event.caseNumber });
    const wallet = (await w.t.as(w.citizen.token, { method: 'GET', url: '/api/my/licenses' })).json();
    expect(wallet.items.map((l: { id: string }) => l.id)).toContain(licence?.id);
    const issuedBy = await w.t.kernel.db.selectFrom('audit_log').select(['actor_name', 'actor_role']).where('action', '=', 'license.issue').where('object_id', '=', licence?.id ?? '').executeTakeFirstOrThrow();
    expect(issuedBy).toEqual({ actor_name: '办件办结自动签发', actor_role: 'system' });

    // The outbox delivers at least once: the same event again (a retry after a lost commit) and a duplicate event.
    await sql`update outbox_events set processed_at = null where id = ${eventId}`.execute(w.t.kernel.db);
    await announce(event);
    await deliver();
    expect(await licencesOfCase(event.caseId)).toHaveLength(1);
    // The database refuses a second licence of the type for the case, whatever path a write takes.
    const { id: _id, identifier: _identifier, serial: _serial, ...rest } = licence ?? ({} as NonNullable<typeof licence>);
    await expect(tables(w.t.kernel.db).insertInto('licenses').values({ ...rest, id: newId(), identifier: '1.2.156.3005.2.XX.1153990001520003XT.99999999.001.A', serial: 99_999_999, fields: JSON.stringify(rest.fields) } as never).execute()).rejects.toMatchObject({ code: '23505' });
  });

  it('issues nothing for a denied case or an item that issues no licence', async () => {
    const code = basicCode();
    await mappedType(code);
    const denied = completedCase(code, { result: { kind: 'denied', values: {} } });
    const unmapped = completedCase(basicCode(), { result: { kind: 'approved', values: { cardNo: 'X' } } });
    await announce(denied);
    await announce(unmapped);
    await deliver();
    expect(await licencesOfCase(denied.caseId)).toEqual([]);
    expect(await licencesOfCase(unmapped.caseId)).toEqual([]);
  });

  it('an enterprise applying through its authorised agent gets the licence as the enterprise', async () => {
    const code = basicCode();
    await makeType(w.t, {
      departmentId: w.issuer.id,
      holderType: 'enterprise',
      issuingBasicCodes: [code],
      fields: [{ key: 'validUntil', name: '有效期至', kind: 'date', isRequired: true, source: 'result.validUntil' }],
      validity: { mode: 'field', field: 'validUntil' },
    });
    const agentMe = (await w.t.as(w.agentToken, { method: 'GET', url: '/api/me' })).json();
    const event = completedCase(code, { applicant: { type: 'enterprise', accountId: agentMe.accountId, enterpriseId: w.enterprise.enterpriseId }, result: { kind: 'approved', values: { validUntil: '2031-04-30' } } });
    await announce(event);
    await deliver();
    const [licence] = await licencesOfCase(event.caseId);
    expect(licence).toMatchObject({ holder_type: 'enterprise', holder_name: w.enterprise.name, holder_credit_code: w.enterprise.creditCode, holder_enterprise_id: w.enterprise.enterpriseId, valid_to: '2031-04-30' });
    for (const token of [w.enterprise.token, w.agentToken]) {
      const wallet = (await w.t.as(token, { method: 'GET', url: '/api/my/licenses' })).json();
      expect(wallet.items.map((l: { id: string }) => l.id)).toContain(licence?.id);
    }
  });

  it('takes the holder from the result when the type says so (营业执照 of a new 个体工商户)', async () => {
    const code = basicCode();
    await makeType(w.t, {
      departmentId: w.issuer.id,
      name: '营业执照',
      holderType: 'enterprise',
      holderSource: { name: 'applicant', number: 'result.creditCode' },
      issuingBasicCodes: [code],
      fields: [{ key: 'registeredOn', name: '成立日期', kind: 'date', isRequired: true, source: 'result.registeredOn' }],
      validity: { mode: 'permanent' },
    });
    const creditCode = makeEnterpriseCreditCode();
    const event = completedCase(code, { result: { kind: 'approved', values: { creditCode, registeredOn: '2026-05-01' } } });
    await announce(event);
    await deliver();
    const [licence] = await licencesOfCase(event.caseId);
    expect(licence).toMatchObject({ holder_type: 'enterprise', holder_name: w.citizen.name, holder_credit_code: creditCode, valid_to: null });
  });

  it('without a licence seal the delivery fails loudly and is retried; once a seal exists the retry issues', async () => {
    const sealless = await makeDepartment(w.t.kernel, w.tree.county, `测试无章局${Date.now()}`);
    const code = basicCode();
    await mappedType(code);
    const event = completedCase(code, { departmentId: sealless.id, result: { kind: 'approved', values: { cardNo: 'NO-SEAL-1' } } });
    const eventId = await announce(event);
    await deliver();
    const failed = await eventRow(eventId);
    expect(failed.processed_at).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/no licence seal in force/);
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(await licencesOfCase(event.caseId)).toEqual([]);

    await makeLicenseSeal(w.t, sealless.id);
    await deliver();
    expect((await eventRow(eventId)).processed_at).not.toBeNull();
    expect(await licencesOfCase(event.caseId)).toEqual([expect.objectContaining({ issuer_department_id: sealless.id })]);
  });

  it('a licence type that does not fit the item’s result fails loudly instead of issuing a licence without its data', async () => {
    const code = basicCode();
    await mappedType(code);
    const event = completedCase(code, { result: { kind: 'approved', values: { somethingElse: 1 } } });
    const eventId = await announce(event);
    await deliver();
    const failed = await eventRow(eventId);
    expect(failed.processed_at).toBeNull();
    expect(failed.last_error).toMatch(/fields\.cardNo required/);
  });

  it('a walk-in applicant named by the sealed ID number gets the licence, found by that number in a later wallet', async () => {
    const code = basicCode();
    await mappedType(code);
    const idNumber = makeIdNumber();
    const sealed = protect(w.t.kernel.keys, 'idNumber', idNumber);
    const event = completedCase(code, { applicant: { type: 'person', accountId: null, enterpriseId: null, name: '赵𠮷', idNumberEnc: sealed.enc, idNumberIdx: sealed.idx }, result: { kind: 'approved', values: { cardNo: 'W-2' } } });
    await announce(event);
    await deliver();
    const [issued] = await licencesOfCase(event.caseId);
    expect(issued).toMatchObject({ holder_name: '赵𠮷', holder_id_idx: sealed.idx, holder_account_id: null });
  });

  it('a walk-in applicant the event does not name: not issued, said in the audit trail, the event completes', async () => {
    const code = basicCode();
    const type = await mappedType(code);
    const event = completedCase(code, { applicant: { type: 'person', accountId: null, enterpriseId: null }, result: { kind: 'approved', values: { cardNo: 'W-1' } } });
    const eventId = await announce(event);
    await deliver();
    expect((await eventRow(eventId)).processed_at).not.toBeNull();
    expect(await licencesOfCase(event.caseId)).toEqual([]);
    const record = await w.t.kernel.db.selectFrom('audit_log').select(['result', 'detail']).where('action', '=', 'license.issue').where('object_id', '=', type.id).executeTakeFirstOrThrow();
    expect(record.result).toBe('failure');
    expect(record.detail).toMatchObject({ caseId: event.caseId });
  });
});
