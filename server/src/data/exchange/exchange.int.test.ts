import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DemandSatisfaction, ExchangeGrantView, ShareDemandView, ShareRequestSummary, ShareRequestView } from '@zhengtong/contracts';
import { deadlineAfter } from '../../platform/calendar';
import { createTestApp, makeStaff, type TestApp } from '../../testing';
import { approvedRequest, call, inDays, makeExchangeWorld, requestInput, today, type ExchangeWorld } from './test-support';

// The share request workflow end to end through the API: both paths (platform only; platform then provider), refusals
// with reasons, withdrawal, deadlines in working days, duplicates, bad input, two approvals at once; and demands.

let t: TestApp;
let w: ExchangeWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeExchangeWorld(t);
});
afterAll(async () => {
  await t.close();
});

async function requestCount(): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from share_requests`.execute(t.kernel.db);
  return Number(rows[0]?.n);
}

async function withdraw(request: ShareRequestView): Promise<void> {
  const fresh = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'GET', url: `/api/share-requests/${request.id}` });
  await call(t, w.tokens.consumer, { method: 'POST', url: `/api/share-requests/${request.id}/withdraw`, payload: { version: fresh.version } });
}

describe('share requests', () => {
  it('an unconditional request needs the platform only: 2 working days, then a grant with personal fields masked', async () => {
    const before = new Date();
    const submitted = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.licences, { legalBasis: '' }) }, 201);
    expect(submitted).toMatchObject({ status: 'platformReview', isConditional: false, resourceCode: w.licences.code, isOverdue: false });
    expect(submitted.number).toMatch(/^GX\d{10}$/);
    expect(submitted.dueAt).toBe((await deadlineAfter(t.kernel.db, before, 2)).toISOString());
    expect(submitted.allowed).toEqual({ review: false, answer: false, withdraw: true });

    const queue = await call<{ items: ShareRequestSummary[] }>(t, w.tokens.platform, { method: 'GET', url: '/api/share-requests?view=review' });
    expect(queue.items.map((r) => r.id)).toContain(submitted.id);
    const seenByPlatform = await call<ShareRequestView>(t, w.tokens.platform, { method: 'GET', url: `/api/share-requests/${submitted.id}` });
    expect(seenByPlatform.allowed.review).toBe(true);

    const approved = await call<ShareRequestView>(t, w.tokens.platform, {
      method: 'POST',
      url: `/api/share-requests/${submitted.id}/review`,
      payload: { decision: 'approve', version: submitted.version, rateLimitPerSecond: 5, dailyQuota: 2000 },
    });
    expect(approved).toMatchObject({ status: 'approved', dueAt: null, rateLimitPerSecond: 5, dailyQuota: 2000 });
    expect(approved.history.map((h) => h.action)).toEqual(['submit', 'platformApprove']);
    expect(approved.grantId).not.toBeNull();

    const grant = await call<ExchangeGrantView>(t, w.tokens.consumer, { method: 'GET', url: `/api/exchange-grants/${approved.grantId}` });
    expect(grant).toMatchObject({ status: 'active', rateLimitPerSecond: 5, dailyQuota: 2000, validFrom: today(), validTo: inDays(180) });
    expect(Object.fromEntries(grant.fields.map((f) => [f.key, f.isMasked]))).toEqual({ licenseNumber: false, holder: false, legalRep: true, address: true });
    await withdrawIfOpen();
  });

  it('a conditional request goes on to the provider (5 working days), who may allow personal fields unmasked', async () => {
    const submitted = await call<ShareRequestView>(t, w.tokens.consumer, {
      method: 'POST',
      url: '/api/share-requests',
      payload: requestInput(w.people, { fields: ['idNumber', 'name', 'mobile', 'secretNote'], unmaskedFields: ['name'] }),
    }, 201);
    expect(submitted.isConditional).toBe(true);
    const before = new Date();
    const forwarded = await call<ShareRequestView>(t, w.tokens.platform, { method: 'POST', url: `/api/share-requests/${submitted.id}/review`, payload: { decision: 'approve', version: submitted.version } });
    expect(forwarded.status).toBe('providerReview');
    expect(forwarded.grantId).toBeNull();
    expect(new Date(forwarded.dueAt ?? '').getTime()).toBeGreaterThanOrEqual((await deadlineAfter(t.kernel.db, before, 5)).getTime() - 1000);
    // The platform has had its turn; the provider's queue now holds it.
    await call(t, w.tokens.platform, { method: 'POST', url: `/api/share-requests/${submitted.id}/review`, payload: { decision: 'approve', version: forwarded.version } }, 409);
    const queue = await call<{ items: ShareRequestSummary[] }>(t, w.tokens.provider, { method: 'GET', url: '/api/share-requests?view=answer' });
    expect(queue.items.map((r) => r.id)).toContain(submitted.id);

    // hidden never leaves unmasked; a non-personal field needs no unmasking.
    await call(t, w.tokens.provider, { method: 'POST', url: `/api/share-requests/${submitted.id}/answer`, payload: { decision: 'approve', version: forwarded.version, unmaskedFields: ['secretNote'] } }, 400);
    const approved = await call<ShareRequestView>(t, w.tokens.provider, {
      method: 'POST',
      url: `/api/share-requests/${submitted.id}/answer`,
      payload: { decision: 'approve', version: forwarded.version, unmaskedFields: ['name'] },
    });
    expect(approved).toMatchObject({ status: 'approved', unmaskedFields: ['name'], rateLimitPerSecond: 10, dailyQuota: 1000 });
    const grant = await call<ExchangeGrantView>(t, w.tokens.provider, { method: 'GET', url: `/api/exchange-grants/${approved.grantId}` });
    expect(Object.fromEntries(grant.fields.map((f) => [f.key, f.isMasked]))).toEqual({ idNumber: true, name: false, mobile: true, secretNote: true });
  });

  it('refusals need a reason and are kept; the requester may withdraw while under review', async () => {
    const submitted = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['gender'] }) }, 201);
    const noReason = await t.as(w.tokens.platform, { method: 'POST', url: `/api/share-requests/${submitted.id}/review`, payload: { decision: 'refuse', version: submitted.version } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', code: 'exchange.reasonRequired' });
    const refused = await call<ShareRequestView>(t, w.tokens.platform, {
      method: 'POST',
      url: `/api/share-requests/${submitted.id}/review`,
      payload: { decision: 'refuse', version: submitted.version, reason: '用途与所需信息项不相称' },
    });
    expect(refused).toMatchObject({ status: 'refused', refusalReason: '用途与所需信息项不相称', dueAt: null });
    expect(refused.history.at(-1)).toMatchObject({ action: 'platformRefuse', note: '用途与所需信息项不相称', departmentName: expect.stringContaining('大数据局') });

    // A refused request is closed: a new one may be filed, and the provider's refusal works the same way.
    const again = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['gender'] }) }, 201);
    const forwarded = await call<ShareRequestView>(t, w.tokens.platform, { method: 'POST', url: `/api/share-requests/${again.id}/review`, payload: { decision: 'approve', version: again.version } });
    const providerRefused = await call<ShareRequestView>(t, w.tokens.provider, {
      method: 'POST',
      url: `/api/share-requests/${again.id}/answer`,
      payload: { decision: 'refuse', version: forwarded.version, reason: '性别信息可由申请人提供' },
    });
    expect(providerRefused).toMatchObject({ status: 'refused', refusalReason: '性别信息可由申请人提供' });

    const third = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['gender'] }) }, 201);
    // A colleague of the same department may withdraw it too; another department may not even see it.
    await call(t, w.tokens.otherConsumer, { method: 'POST', url: `/api/share-requests/${third.id}/withdraw`, payload: { version: third.version } }, 404);
    const withdrawn = await call<ShareRequestView>(t, w.tokens.consumer2, { method: 'POST', url: `/api/share-requests/${third.id}/withdraw`, payload: { version: third.version, reason: '业务调整' } });
    expect(withdrawn.status).toBe('withdrawn');
    const late = await t.as(w.tokens.platform, { method: 'POST', url: `/api/share-requests/${third.id}/review`, payload: { decision: 'approve', version: withdrawn.version } });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('已撤回');
  });

  it('the same open request twice is a 409; bad input is a 400 that changes nothing', async () => {
    const first = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['name'] }) }, 201);
    const dup = await t.as(w.tokens.consumer2, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['gender'] }) });
    expect(dup.statusCode).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', detail: '本部门已有该资源的在办申请,请勿重复提交' });
    await withdraw(first);

    const count = await requestCount();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ fields: ['religion'] }, 'fields.0', 'exchange.fieldNotShared'],
      [{ fields: ['nope'] }, 'fields.0', 'exchange.fieldUnknown'],
      [{ fields: [] }, 'fields', 'exchange.fieldsRequired'],
      [{ legalBasis: '' }, 'legalBasis', 'exchange.legalBasisRequired'],
      [{ validTo: inDays(400) }, 'validTo', 'exchange.periodTooLong'],
      [{ validFrom: inDays(10), validTo: inDays(5) }, 'validTo', 'exchange.periodReversed'],
      [{ validFrom: inDays(-3) }, 'validFrom', 'exchange.periodPast'],
      [{ fields: ['name', 'secretNote'], unmaskedFields: ['secretNote'] }, 'unmaskedFields.0', 'exchange.unmaskedHidden'],
      [{ fields: ['name'], unmaskedFields: ['gender'] }, 'unmaskedFields', 'exchange.unmaskedNotRequested'],
      [{ resource: 'NO-SUCH-CODE' }, 'resource', 'exchange.resourceNotFound'],
      [{ purpose: '' }, 'purpose', 'required'],
      [{ expectedDailyVolume: 0 }, 'expectedDailyVolume', 'too_small'],
    ];
    for (const [overrides, field, code] of bad) {
      const res = await t.as(w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, overrides) });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().errors, JSON.stringify(overrides)).toContainEqual(expect.objectContaining({ field, code }));
    }
    const unmaskedUnconditional = await t.as(w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.licences, { fields: ['legalRep'], unmaskedFields: ['legalRep'] }) });
    expect(unmaskedUnconditional.json().errors).toContainEqual(expect.objectContaining({ field: 'unmaskedFields.0', code: 'exchange.unmaskedUnconditional' }));
    const ownResource = await t.as(w.tokens.provider, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people) });
    expect(ownResource.statusCode).toBe(403);
    const notJson = await t.as(w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: 'fields=1', headers: { 'content-type': 'text/plain' } } as never);
    expect(notJson.statusCode).toBe(400);
    expect(await requestCount()).toBe(count);
  });

  it('two approvals at once: one wins, the other gets 409', async () => {
    const submitted = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['name', 'gender'] }) }, 201);
    const second = await createTestApp({}, { attachTo: t });
    try {
      const platform2 = await second.login(...(await platformLogin()));
      const [a, b] = await Promise.all([
        t.as(w.tokens.platform, { method: 'POST', url: `/api/share-requests/${submitted.id}/review`, payload: { decision: 'approve', version: submitted.version } }),
        second.as(platform2, { method: 'POST', url: `/api/share-requests/${submitted.id}/review`, payload: { decision: 'refuse', version: submitted.version, reason: '不同意' } }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const after = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'GET', url: `/api/share-requests/${submitted.id}` });
      expect(after.history).toHaveLength(2);
      expect(after.version).toBe(2);
      if (after.status === 'providerReview') await withdraw(after);
    } finally {
      await second.close();
    }
  });

  it('overdue requests are flagged in the queues', async () => {
    const submitted = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'POST', url: '/api/share-requests', payload: requestInput(w.people, { fields: ['gender'] }) }, 201);
    await sql`update share_requests set platform_due_at = now() - interval '1 hour' where id = ${submitted.id}`.execute(t.kernel.db);
    const queue = await call<{ items: ShareRequestSummary[] }>(t, w.tokens.platform, { method: 'GET', url: '/api/share-requests?view=review' });
    expect(queue.items[0]).toMatchObject({ id: submitted.id, isOverdue: true });
    const mine = await call<{ items: ShareRequestSummary[] }>(t, w.tokens.consumer, { method: 'GET', url: `/api/share-requests?view=mine&q=${submitted.number}` });
    expect(mine.items).toEqual([expect.objectContaining({ id: submitted.id, isOverdue: true })]);
    await withdraw(submitted);
  });

  it('grants can be revoked by the provider and re-limited by the platform', async () => {
    const approved = await approvedRequest(t, w, w.people, { input: { fields: ['name'] } });
    let grant = await call<ExchangeGrantView>(t, w.tokens.platform, { method: 'GET', url: `/api/exchange-grants/${approved.grantId}` });
    expect(grant.allowed).toEqual({ revoke: true, changeLimits: true });
    grant = await call<ExchangeGrantView>(t, w.tokens.platform, { method: 'PUT', url: `/api/exchange-grants/${grant.id}/limits`, payload: { version: grant.version, rateLimitPerSecond: 50, dailyQuota: 5000 } });
    expect(grant).toMatchObject({ rateLimitPerSecond: 50, dailyQuota: 5000 });
    await call(t, w.tokens.provider, { method: 'PUT', url: `/api/exchange-grants/${grant.id}/limits`, payload: { version: grant.version, rateLimitPerSecond: 1, dailyQuota: 1 } }, 403);
    await call(t, w.tokens.consumer, { method: 'POST', url: `/api/exchange-grants/${grant.id}/revoke`, payload: { version: grant.version, reason: '不再需要' } }, 403);
    const revoked = await call<ExchangeGrantView>(t, w.tokens.provider, { method: 'POST', url: `/api/exchange-grants/${grant.id}/revoke`, payload: { version: grant.version, reason: '用途已完成' } });
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '用途已完成', allowed: { revoke: false, changeLimits: false } });
    const mine = await call<{ items: ExchangeGrantView[] }>(t, w.tokens.consumer, { method: 'GET', url: '/api/exchange-grants?view=mine&status=revoked' });
    expect(mine.items.map((g) => g.id)).toContain(grant.id);
  });
});

async function withdrawIfOpen(): Promise<void> {
  const open = await call<{ items: ShareRequestSummary[] }>(t, w.tokens.consumer, { method: 'GET', url: '/api/share-requests?view=mine&status=platformReview' });
  for (const r of open.items) {
    const view = await call<ShareRequestView>(t, w.tokens.consumer, { method: 'GET', url: `/api/share-requests/${r.id}` });
    await call(t, w.tokens.consumer, { method: 'POST', url: `/api/share-requests/${r.id}/withdraw`, payload: { version: view.version } });
  }
}

/** A second chief data officer of the same platform, for the race. */
async function platformLogin(): Promise<[string, string]> {
  const region = await t.kernel.db.selectFrom('departments').select('region_code').where('id', '=', w.departments.platform).executeTakeFirstOrThrow();
  const s = await makeStaff(t.kernel, { departmentId: w.departments.platform, regionCode: region.region_code, roles: ['chief-data-officer'] });
  return [s.username, s.password];
}

describe('demands (需求清单)', () => {
  it('the provider answers within 10 working days: satisfied with its own resource, or refused with a reason; 满足率 follows', async () => {
    const before = new Date();
    const filed = await call<ShareDemandView>(t, w.tokens.consumer, {
      method: 'POST',
      url: '/api/share-demands',
      payload: { providerDepartmentId: w.departments.provider, title: '流动人口居住登记信息', description: '用于社保参保地核验', fieldsWanted: '姓名、身份证号、居住地址', purpose: '参保地核验' },
    }, 201);
    expect(filed).toMatchObject({ status: 'open', number: expect.stringMatching(/^XQ\d{10}$/), allowed: { answer: false, withdraw: true } });
    expect(filed.dueAt).toBe((await deadlineAfter(t.kernel.db, before, 10)).toISOString());
    const addressed = await call<{ items: ShareDemandView[] }>(t, w.tokens.provider, { method: 'GET', url: '/api/share-demands?view=addressed' });
    expect(addressed.items.find((d) => d.id === filed.id)?.allowed.answer).toBe(true);

    // Only a published resource of the provider's own satisfies a demand.
    const wrong = await t.as(w.tokens.provider, { method: 'POST', url: `/api/share-demands/${filed.id}/answer`, payload: { version: filed.version, decision: 'approve', resourceCode: 'NO-SUCH' } });
    expect(wrong.statusCode).toBe(400);
    await call(t, w.tokens.otherProvider, { method: 'POST', url: `/api/share-demands/${filed.id}/answer`, payload: { version: filed.version, decision: 'approve', resourceCode: w.people.code } }, 404);
    const satisfied = await call<ShareDemandView>(t, w.tokens.provider, {
      method: 'POST',
      url: `/api/share-demands/${filed.id}/answer`,
      payload: { version: filed.version, decision: 'approve', resourceCode: w.people.code },
    });
    expect(satisfied).toMatchObject({ status: 'satisfied', resourceCode: w.people.code, allowed: { answer: false, withdraw: false } });
    await call(t, w.tokens.provider, { method: 'POST', url: `/api/share-demands/${filed.id}/answer`, payload: { version: satisfied.version, decision: 'refuse', reason: '晚了' } }, 409);

    const second = await call<ShareDemandView>(t, w.tokens.consumer, {
      method: 'POST',
      url: '/api/share-demands',
      payload: { providerDepartmentId: w.departments.provider, title: '宗教信仰信息', description: '用于统计分析', purpose: '统计分析需要' },
    }, 201);
    const noReason = await t.as(w.tokens.provider, { method: 'POST', url: `/api/share-demands/${second.id}/answer`, payload: { version: second.version, decision: 'refuse' } });
    expect(noReason.statusCode).toBe(400);
    await call(t, w.tokens.provider, { method: 'POST', url: `/api/share-demands/${second.id}/answer`, payload: { version: second.version, decision: 'refuse', reason: '属于不予共享的信息' } });
    const third = await call<ShareDemandView>(t, w.tokens.consumer, {
      method: 'POST',
      url: '/api/share-demands',
      payload: { providerDepartmentId: w.departments.provider, title: '出入境记录', description: '暂不需要了的需求', purpose: '测试撤回' },
    }, 201);
    await call(t, w.tokens.consumer, { method: 'POST', url: `/api/share-demands/${third.id}/withdraw`, payload: { version: third.version } });
    await call(t, w.tokens.consumer, { method: 'POST', url: '/api/share-demands', payload: { providerDepartmentId: w.departments.consumer, title: '本部门', description: '向自己提需求', purpose: '不允许的' } }, 400);

    const rate = await call<DemandSatisfaction>(t, w.tokens.platform, { method: 'GET', url: `/api/exchange-statistics/demands?from=${today()}&to=${today()}` });
    const mine = rate.byProvider.find((p) => p.providerDepartmentId === w.departments.provider);
    expect(mine).toMatchObject({ total: 2, satisfied: 1, rate: 0.5 });
    const providerView = await call<DemandSatisfaction>(t, w.tokens.provider, { method: 'GET', url: `/api/exchange-statistics/demands?from=${today()}&to=${today()}` });
    expect(providerView).toMatchObject({ total: 2, satisfied: 1, refused: 1, open: 0, rate: 0.5 });
    await call(t, w.tokens.consumer, { method: 'GET', url: `/api/exchange-statistics/demands?from=${today()}&to=${today()}` }, 403);
  });
});
