import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyRegistryView, PublishedDataResource, RegistryDisputeSummary, RegistryDisputeView } from '@zhengtong/contracts';
import { inTransaction } from '../../kernel/audit';
import { addWorkingDays } from '../../kernel/calendar';
import { readCalendar } from '../../platform/calendar';
import { readRecordsByKey } from '../catalogue';
import { flagOverdueDisputes } from './disputes';
import { announcePublished, call, deliver, makeRegistryWorld, publishEntityRegistry, publishPersonRegistry, type RegistryWorld } from './test-support';
import { tables } from './tables';

// 异议核实: a citizen disputes a value of their own record, the field's authoritative department (公安局's data admin)
// verifies within 5 working days — corrects it (the record is rewritten, conflicts close) or rejects it with a reason;
// the raiser may withdraw; overdue disputes are flagged once; concurrent verifications leave one winner.

let w: RegistryWorld;
let person: PublishedDataResource;
const oldAddress = '测试市测试区翠湖路 18 号';
const newAddress = '测试市测试区滨江大道 66 号';

beforeAll(async () => {
  w = await makeRegistryWorld();
  await call(w.t, w.staff.chief, 'PUT', '/api/registries/config/systems/identity', { departmentId: w.bigdata.id });
  person = await publishPersonRegistry(w);
  await announcePublished(w, person);
  await announcePublished(w, await publishEntityRegistry(w));
  for (const c of [w.citizen, w.other]) {
    const res = await call(w.t, w.staff.police, 'POST', '/api/registries/person/observations', { rows: [{ key: c.idNumber, values: { name: c.name, gender: '男', birthDate: '1990-01-01', address: oldAddress } }] });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  // 人社局 already has the new address: a conflict the correction will close.
  await call(w.t, w.staff.hrss, 'POST', '/api/registries/person/observations', { rows: [{ key: w.citizen.idNumber, values: { address: newAddress } }] });
  await call(w.t, w.staff.police, 'POST', '/api/registries/person/cross-check');
}, 60_000);
afterAll(async () => {
  await w.t.close();
});

const mine = async (token = w.citizen.token, query = '') => (await call(w.t, token, 'GET', `/api/my/registry${query}`)).json() as MyRegistryView;
const raise = (body: Record<string, unknown>, token = w.citizen.token) => call(w.t, token, 'POST', '/api/my/registry/disputes', body);
const decide = (token: string, id: string, action: 'correct' | 'reject' | 'withdraw', body: Record<string, unknown>) => call(w.t, token, 'POST', `/api/registry-disputes/${id}/${action}`, body);

describe('我的基础信息', () => {
  it('shows the citizen’s own record: what they told the platform whole, the rest masked unless revealed', async () => {
    const view = await mine();
    expect(view).toMatchObject({ registry: 'person', isCatalogued: true, isFound: true, isRevealed: false });
    const name = view.fields.find((f) => f.key === 'name');
    const address = view.fields.find((f) => f.key === 'address');
    expect(name).toMatchObject({ value: '张测试', isMasked: false, canDispute: true });
    expect(address).toMatchObject({ value: '测试市测试区****', isMasked: true, sourceName: expect.any(String) });
    expect(view.fields.find((f) => f.key === 'mobile')).toMatchObject({ value: w.citizen.phone, isMasked: false });
    const revealed = await mine(w.citizen.token, '?reveal=true');
    expect(revealed.fields.find((f) => f.key === 'address')).toMatchObject({ value: oldAddress, isMasked: false });
    expect(revealed.key).toBe(w.citizen.idNumber);
    expect((await w.t.kernel.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'registry.self-reveal').execute()).map((r) => r.actor_id)).toEqual([w.citizen.accountId]);
    // The enterprise sees its entity record, as it registered it.
    const entity = await mine(w.enterprise.token);
    expect(entity).toMatchObject({ registry: 'entity', isFound: true, key: w.enterprise.creditCode });
    expect(entity.fields.find((f) => f.key === 'name')).toMatchObject({ value: w.enterprise.name });
  });

  it('is for citizens and enterprises only', async () => {
    expect((await call(w.t, undefined, 'GET', '/api/my/registry')).statusCode).toBe(401);
    expect((await call(w.t, w.staff.police, 'GET', '/api/my/registry')).statusCode).toBe(403);
    expect((await call(w.t, undefined, 'POST', '/api/my/registry/disputes', { fieldKey: 'address', claimedValue: 'x 路', reason: '不对' })).statusCode).toBe(401);
    expect((await call(w.t, w.staff.police, 'POST', '/api/my/registry/disputes', { fieldKey: 'address', claimedValue: 'x 路', reason: '不对' })).statusCode).toBe(403);
  });
});

describe('异议核实', () => {
  let dispute: RegistryDisputeView;

  it('raises a dispute with a deadline of 5 working days, routed to the field’s authoritative department', async () => {
    const res = await raise({ fieldKey: 'address', claimedValue: newAddress, reason: '已迁居,户籍地址已变更' });
    expect(res.statusCode).toBe(201);
    dispute = res.json() as RegistryDisputeView;
    expect(dispute).toMatchObject({ status: 'open', raiserKind: 'citizen', fieldKey: 'address', fieldName: '户籍地址', handlingDepartmentId: w.police.id, claimedValue: newAddress, disputedValue: oldAddress, isOverdue: false, canWithdraw: true, canDecide: false, version: 1 });
    expect(dispute.number).toMatch(/^YY\d{8}\d{6}$/);
    const due = addWorkingDays(await readCalendar(w.t.kernel.db), new Date(dispute.raisedAt), 5);
    expect(dispute.dueAt).toBe(due.toISOString());
    expect(dispute.history.map((h) => h.action)).toEqual(['raise']);
    expect((await mine()).fields.find((f) => f.key === 'address')).toMatchObject({ canDispute: false, openDispute: { id: dispute.id, status: 'open' } });
  });

  it('refuses a second open dispute on the same field (409), a claim equal to the record, and bad input', async () => {
    const twice = await raise({ fieldKey: 'address', claimedValue: '别的地址 1 号', reason: '再提一次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DUPLICATE');
    const same = await raise({ fieldKey: 'name', claimedValue: ' 张测试 ', reason: '一样的' });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'claimedValue', code: 'registry.sameValue' });
    expect((await raise({ fieldKey: 'bloodType', claimedValue: 'A', reason: '没有这一项' })).json().errors[0]).toMatchObject({ field: 'fieldKey', code: 'registry.fieldUnknown' });
    expect((await raise({ fieldKey: 'idNumber', claimedValue: 'A', reason: '主键' })).json().errors[0]).toMatchObject({ code: 'registry.keyFieldValue' });
    expect((await raise({ fieldKey: 'birthDate', claimedValue: '1990-13-01', reason: '日期' })).json().errors[0]).toMatchObject({ field: 'claimedValue', code: 'registry.valueType.date' });
    expect((await raise({ fieldKey: 'address', reason: '缺值' })).statusCode).toBe(400);
    expect((await raise({ fieldKey: 'gender', claimedValue: '女', reason: '' })).statusCode).toBe(400);
    expect(await tables(w.t.kernel.db).selectFrom('registry_disputes').select('id').execute()).toHaveLength(1);
  });

  it('lets only the authoritative department’s data admin verify; others cannot', async () => {
    // 人社局's data admin reads registries but does not verify 公安局's fields.
    const other = await decide(w.staff.hrss, dispute.id, 'correct', { version: 1 });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toContain('权威来源部门');
    expect((await decide(w.staff.chief, dispute.id, 'correct', { version: 1 })).statusCode).toBe(403);
    expect((await decide(w.citizen.token, dispute.id, 'correct', { version: 1 })).statusCode).toBe(403);
    expect((await decide(w.other.token, dispute.id, 'withdraw', { version: 1 })).statusCode).toBe(404);
    expect((await call(w.t, w.other.token, 'GET', `/api/registry-disputes/${dispute.id}`)).statusCode).toBe(404);
    expect((await call(w.t, undefined, 'GET', `/api/registry-disputes/${dispute.id}`)).statusCode).toBe(401);
    // The handler's queue shows it with its deadline; a consumer elsewhere does not see it.
    const queue = (await call(w.t, w.staff.police, 'GET', '/api/registry-disputes?scope=handling&status=open')).json() as { items: RegistryDisputeSummary[] };
    expect(queue.items.map((d) => d.id)).toEqual([dispute.id]);
    expect((await call(w.t, w.staff.consumer, 'GET', '/api/registry-disputes')).json().total).toBe(0);
    expect((await call(w.t, w.citizen.token, 'GET', '/api/registry-disputes')).statusCode).toBe(403);
    // The verifier sees the values whole (and the read is audited); a registry reader elsewhere masked.
    expect((await call(w.t, w.staff.police, 'GET', `/api/registry-disputes/${dispute.id}`)).json()).toMatchObject({ claimedValue: newAddress, isMasked: false, canDecide: true });
    expect((await call(w.t, w.staff.hrss, 'GET', `/api/registry-disputes/${dispute.id}`)).json()).toMatchObject({ claimedValue: '测试市测试区****', isMasked: true, canDecide: false });
  });

  it('corrects: the value becomes 公安局’s, the record is rewritten, the conflict closes, the citizen sees it', async () => {
    expect((await decide(w.staff.police, dispute.id, 'correct', { version: 2 })).json().code).toBe('STALE_VERSION');
    const res = await decide(w.staff.police, dispute.id, 'correct', { version: 1, note: '经核对户籍档案,予以更正' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'corrected', correctedValue: newAddress, decisionNote: '经核对户籍档案,予以更正', version: 2, canDecide: false });
    expect((res.json() as RegistryDisputeView).history.map((h) => h.action)).toEqual(['raise', 'correct']);
    const records = await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [w.citizen.idNumber]);
    expect(records.get(w.citizen.idNumber)).toMatchObject({ address: newAddress });
    const conflicts = (await call(w.t, w.staff.police, 'GET', '/api/registries/person/conflicts?status=resolved&fieldKey=address')).json();
    expect(conflicts.items).toEqual([expect.objectContaining({ source: w.hrss.id, resolution: 'agreed' })]);
    const view = await mine(w.citizen.token, '?reveal=true');
    expect(view.fields.find((f) => f.key === 'address')).toMatchObject({ value: newAddress, canDispute: true, openDispute: null });
    expect(view.disputes[0]).toMatchObject({ id: dispute.id, status: 'corrected' });
    // Deciding again is refused.
    const again = await decide(w.staff.police, dispute.id, 'reject', { version: 2, reason: '重复' });
    expect(again.statusCode).toBe(409);
    const events = await w.t.kernel.db.selectFrom('outbox_events').select('topic').where('topic', 'like', 'registry-dispute.%').execute();
    expect(events.map((e) => e.topic).sort()).toEqual(['registry-dispute.decided', 'registry-dispute.raised']);
    const audited = await w.t.kernel.db.selectFrom('audit_log').select('action').where('action', 'like', 'registry-dispute.%').execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['registry-dispute.raise', 'registry-dispute.correct', 'registry-dispute.read']));
  });

  it('rejects with a reason, and lets the raiser withdraw', async () => {
    const raised = (await raise({ fieldKey: 'gender', claimedValue: '女', reason: '性别登记错误' })).json() as RegistryDisputeView;
    expect((await decide(w.staff.police, raised.id, 'reject', { version: 1 })).statusCode).toBe(400);
    expect((await decide(w.staff.police, raised.id, 'reject', { version: 1, reason: ' ' })).statusCode).toBe(400);
    const rejected = await decide(w.staff.police, raised.id, 'reject', { version: 1, reason: '与出生医学证明及户籍档案一致,不予更正' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '与出生医学证明及户籍档案一致,不予更正' });
    expect((await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [w.citizen.idNumber])).get(w.citizen.idNumber)).toMatchObject({ gender: '男' });

    const withdrawn = (await raise({ fieldKey: 'gender', claimedValue: '女', reason: '再次提出' })).json() as RegistryDisputeView;
    expect((await decide(w.staff.police, withdrawn.id, 'withdraw', { version: 1 })).statusCode).toBe(403);
    expect((await decide(w.citizen.token, withdrawn.id, 'withdraw', { version: 1 })).json()).toMatchObject({ status: 'withdrawn' });
  });

  it('of two verifiers acting at once, one wins and the other gets 409', async () => {
    const raised = (await raise({ fieldKey: 'birthDate', claimedValue: '1990-01-02', reason: '出生日期差一天' })).json() as RegistryDisputeView;
    const results = await Promise.all([
      decide(w.staff.police, raised.id, 'correct', { version: 1 }),
      decide(w.staff.unmasker, raised.id, 'reject', { version: 1, reason: '核实无误' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const final = await tables(w.t.kernel.db).selectFrom('registry_disputes').select(['status', 'version']).where('id', '=', raised.id).executeTakeFirstOrThrow();
    expect(final.version).toBe(2);
    expect(await tables(w.t.kernel.db).selectFrom('registry_dispute_actions').select('action').where('dispute_id', '=', raised.id).execute()).toHaveLength(2);
  });

  it('flags open disputes past their deadline once, and lists them as overdue', async () => {
    const raised = (await raise({ fieldKey: 'name', claimedValue: '张改名', reason: '已改名' })).json() as RegistryDisputeView;
    const later = new Date(new Date(raised.dueAt).getTime() + 1000);
    expect(await inTransaction(w.t.kernel.db, (tx) => flagOverdueDisputes(tx, later))).toBe(1);
    expect(await inTransaction(w.t.kernel.db, (tx) => flagOverdueDisputes(tx, later))).toBe(0);
    const history = await tables(w.t.kernel.db).selectFrom('registry_dispute_actions').select('action').where('dispute_id', '=', raised.id).orderBy('id').execute();
    expect(history.map((h) => h.action)).toEqual(['raise', 'overdue']);
    // Still waiting for its answer; the queue says it is late once the time has come.
    await tables(w.t.kernel.db).updateTable('registry_disputes').set({ due_at: new Date(Date.now() - 60_000) }).where('id', '=', raised.id).execute();
    const overdue = (await call(w.t, w.staff.police, 'GET', '/api/registry-disputes?isOverdue=true')).json() as { items: RegistryDisputeSummary[] };
    expect(overdue.items).toEqual([expect.objectContaining({ id: raised.id, isOverdue: true, status: 'open' })]);
    // The history is append-only in the database too.
    await expect(tables(w.t.kernel.db).deleteFrom('registry_dispute_actions').where('dispute_id', '=', raised.id).execute()).rejects.toThrow();
  });

  it('lets a department dispute a record it was shown, and an enterprise its own', async () => {
    // A data consumer cannot browse registries: it names the subject by the ID number it queried through the exchange.
    expect((await call(w.t, w.staff.consumer, 'GET', `/api/registries/person/subjects?key=${w.other.idNumber}`)).statusCode).toBe(403);
    const claim = { fieldKey: 'address', claimedValue: '测试市测试区新村 9 号', reason: '社保登记地址与户籍不符' };
    expect((await call(w.t, w.staff.consumer, 'POST', '/api/registries/person/disputes', { ...claim, key: '123' })).json().errors[0]).toMatchObject({ field: 'key' });
    const res = await call(w.t, w.staff.consumer, 'POST', '/api/registries/person/disputes', { ...claim, key: w.other.idNumber.toLowerCase() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ raiserKind: 'department', raiserDepartmentName: expect.any(String), isMasked: true, claimedValue: '测试市测试区新村 9 号' });
    // A citizen cannot dispute someone else's record through the department routes.
    const found = (await call(w.t, w.staff.hrss, 'GET', `/api/registries/person/subjects?key=${w.other.idNumber}`)).json().items[0] as { id: string };
    expect((await call(w.t, w.citizen.token, 'POST', `/api/registries/person/subjects/${found.id}/disputes`, { fieldKey: 'gender', claimedValue: '女', reason: '别人的' })).statusCode).toBe(403);
    expect((await call(w.t, w.citizen.token, 'POST', '/api/registries/person/disputes', { key: w.other.idNumber, fieldKey: 'gender', claimedValue: '女', reason: '别人的' })).statusCode).toBe(403);
    // The registry reader names it by id from the registry screens.
    const byId = await call(w.t, w.staff.hrss, 'POST', `/api/registries/person/subjects/${found.id}/disputes`, { fieldKey: 'gender', claimedValue: '女', reason: '参保登记为女' });
    expect(byId.statusCode).toBe(201);
    // The market regulator's data admin verifies the enterprise's dispute about its own name.
    await call(w.t, w.staff.market, 'POST', '/api/registries/entity/observations', { rows: [{ key: w.enterprise.creditCode, values: { name: `${w.enterprise.name}(旧)`, status: '存续' } }] });
    const entity = await raise({ fieldKey: 'name', claimedValue: w.enterprise.name, reason: '名称已变更登记' }, w.enterprise.token);
    expect(entity.statusCode).toBe(201);
    expect(entity.json()).toMatchObject({ raiserKind: 'enterprise', handlingDepartmentId: w.market.id });
    expect((await decide(w.staff.police, entity.json().id, 'correct', { version: 1 })).statusCode).toBe(403);
    expect((await decide(w.staff.market, entity.json().id, 'correct', { version: 1 })).json()).toMatchObject({ status: 'corrected' });
    await deliver(w.t);
  });
});
