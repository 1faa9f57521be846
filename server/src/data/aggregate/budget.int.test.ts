import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateQueryResult, DataRecordValues, PublishedDataResource } from '@zhengtong/contracts';
import { createTestApp, makeDepartment, makeIdNumber } from '../../testing';
import { inTransaction } from '../../kernel/audit';
import { debitBudget, periodOf } from './budgets';
import { tables } from './tables';
import { call, makeWorld, otherCity, publishMinimumLiving, purpose, register, type World } from './test-support';

// Noise and privacy budgets: a noisy resource spends ε from the consuming department's budget per query; the budget
// can never be overspent, not even by queries at once.

let w: World;
let noisy: PublishedDataResource;
beforeAll(async () => {
  w = await makeWorld(await createTestApp());
  // 200 people in two towns: big groups, so the noisy counts are shown.
  const records: DataRecordValues[] = Array.from({ length: 200 }, (_, i) => ({
    idNumber: makeIdNumber(),
    name: `测试${i}`,
    gender: i % 2 === 0 ? '男' : '女',
    ageBand: '40-59',
    town: i < 120 ? '翠湖街道' : '云峰镇',
    householdSize: (i % 4) + 1,
    monthlyAmountFen: 80_000,
    since: '2024-01-01',
  }));
  noisy = await publishMinimumLiving(w, records);
  await register(w, noisy, { isNoisy: true, epsilon: 1 });
});
afterAll(async () => {
  await w.t.close();
});

const ask = (token = w.tokens.consumer, body: Record<string, unknown> = {}) =>
  call(w, token, 'POST', '/api/aggregate-queries', { resource: noisy.code, groupBy: ['town'], measures: [{ fn: 'count' }], purpose, ...body });

async function setBudget(departmentId: string, epsilonPerPeriod: number) {
  const current = await call(w, w.tokens.platform, 'GET', '/api/aggregate-budgets');
  const existing = current.json().items.find((b: { departmentId: string }) => b.departmentId === departmentId);
  const res = await call(w, w.tokens.platform, 'PUT', `/api/aggregate-budgets/${departmentId}`, { period: 'month', epsilonPerPeriod, version: existing?.version ?? null });
  if (res.statusCode !== 200) throw new Error(`budget: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function resetSpending(departmentId: string) {
  await tables(w.t.kernel.db).deleteFrom('aggregate_budget_spend').where('department_id', '=', departmentId).execute();
}

describe('noise', () => {
  it('says the answer is noisy, with whole-number counts near the truth', async () => {
    await setBudget(w.consumerDepartment.id, 100);
    const res = await ask(w.tokens.consumer, { measures: [{ fn: 'count' }, { fn: 'sum', field: 'householdSize' }, { fn: 'avg', field: 'monthlyAmountFen' }] });
    expect(res.statusCode).toBe(200);
    const result = res.json() as AggregateQueryResult;
    expect(result).toMatchObject({ isNoisy: true, epsilonSpent: 1, suppressedGroups: 0 });
    // ε = 1 shared by count, sum and the average's two statistics (sum of the amounts, members with an amount).
    expect(result.measures.map((m) => m.noise)).toEqual([
      { epsilon: 0.25, sensitivity: 1 },
      { epsilon: 0.25, sensitivity: 10 },
      { epsilon: 0.25, sensitivity: 200_000 },
    ]);
    const [cuihu, yunfeng] = result.groups;
    expect(cuihu?.key).toEqual(['翠湖街道']);
    expect(yunfeng?.key).toEqual(['云峰镇']);
    for (const [group, truth] of [[cuihu, 120], [yunfeng, 80]] as const) {
      const count = group?.values[0] ?? Number.NaN;
      expect(Number.isInteger(count)).toBe(true);
      // Scale Δ/ε = 4: |noise| > 100 has probability e^(−25).
      expect(Math.abs(count - truth)).toBeLessThan(100);
      expect(Number.isInteger(group?.values[1])).toBe(true);
    }
    expect(result.budget).toMatchObject({ epsilonPerPeriod: 100, spent: 1, remaining: 99, queryCount: 1 });
  });

  it('draws fresh noise for each answer', async () => {
    const answers = new Set<string>();
    for (let i = 0; i < 6; i += 1) answers.add(JSON.stringify((await ask()).json().groups));
    expect(answers.size).toBeGreaterThan(1);
  });
});

describe('privacy budget', () => {
  it('refuses a department without budget with 403, and logs the refusal', async () => {
    const res = await ask(w.tokens.otherConsumer);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().detail).toBe('本部门尚未分配隐私预算,不能查询加噪声的数据资源,请联系平台(首席数据官)分配');
    const logged = await tables(w.t.kernel.db).selectFrom('aggregate_queries').selectAll().where('department_id', '=', w.otherDepartment.id).execute();
    expect(logged).toEqual([expect.objectContaining({ outcome: 'noBudget', epsilon_spent: '0.000', groups_returned: 0 })]);
    const audit = await w.t.kernel.db.selectFrom('audit_log').select(['result', 'detail']).where('action', '=', 'aggregate.query').execute();
    expect(audit.some((a) => a.result === 'denied' && (a.detail as { outcome?: string }).outcome === 'noBudget')).toBe(true);
  });

  it('spends ε per query and refuses with 429 once the budget cannot pay', async () => {
    await setBudget(w.consumerDepartment.id, 2.5);
    await resetSpending(w.consumerDepartment.id);
    expect((await ask()).statusCode).toBe(200);
    const second = await ask();
    expect(second.json().budget).toMatchObject({ spent: 2, remaining: 0.5 });
    const third = await ask();
    expect(third.statusCode).toBe(429);
    expect(third.headers['content-type']).toMatch(/problem\+json/);
    const { end } = periodOf('month', new Date());
    expect(third.json().detail).toBe(`本部门本期隐私预算不足:已用 ε 2,共 ε 2.5,本次查询需要 ε 1;${end} 起恢复`);
    const english = await call(w, w.tokens.consumer, 'POST', '/api/aggregate-queries?lang=en-US', { resource: noisy.code, groupBy: ['town'], measures: [{ fn: 'count' }], purpose });
    expect(english.statusCode).toBe(429);
    const mine = await call(w, w.tokens.consumer, 'GET', '/api/aggregate-budgets/mine');
    expect(mine.json()).toMatchObject({ departmentName: w.consumerDepartment.name, budget: { spent: 2, remaining: 0.5, queryCount: 2, epsilonPerPeriod: 2.5 } });
    const refused = await tables(w.t.kernel.db).selectFrom('aggregate_queries').select('outcome').where('department_id', '=', w.consumerDepartment.id).where('outcome', '=', 'budgetExhausted').execute();
    expect(refused.length).toBeGreaterThanOrEqual(1);
    // Raising the budget lets the department go on in the same period.
    await setBudget(w.consumerDepartment.id, 3);
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(429);
  });

  it('never overspends, whatever number of queries arrive at once', async () => {
    await setBudget(w.consumerDepartment.id, 5);
    await resetSpending(w.consumerDepartment.id);
    // A second server process on the same database (its own pool on PostgreSQL), as behind a load balancer.
    const second = await createTestApp({}, { attachTo: w.t });
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0 ? ask() : second.as(w.tokens.consumer, { method: 'POST', url: '/api/aggregate-queries', payload: { resource: noisy.code, groupBy: ['town'], measures: [{ fn: 'count' }], purpose } }),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(5);
    } finally {
      await second.close();
    }
    const spend = await tables(w.t.kernel.db).selectFrom('aggregate_budget_spend').selectAll().where('department_id', '=', w.consumerDepartment.id).executeTakeFirstOrThrow();
    expect(spend).toMatchObject({ spent: '5.000', query_count: 5 });
  });

  it('debits in one statement: of many debits at once, exactly as many as the budget pays succeed', async () => {
    await setBudget(w.consumerDepartment.id, 7);
    await resetSpending(w.consumerDepartment.id);
    const second = await createTestApp({}, { attachTo: w.t });
    const now = new Date();
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => inTransaction((i % 2 === 0 ? w.t : second).kernel.db, (tx) => debitBudget(tx, w.consumerDepartment.id, 'month', 1, now))),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(7);
    } finally {
      await second.close();
    }
    const spend = await tables(w.t.kernel.db).selectFrom('aggregate_budget_spend').selectAll().where('department_id', '=', w.consumerDepartment.id).executeTakeFirstOrThrow();
    expect(spend).toMatchObject({ spent: '7.000', query_count: 7 });
  });

  it('noise-free resources spend nothing', async () => {
    const quiet = await publishMinimumLiving(w);
    await register(w, quiet);
    await resetSpending(w.consumerDepartment.id);
    const res = await call(w, w.tokens.consumer, 'POST', '/api/aggregate-queries', { resource: quiet.code, groupBy: ['town'], measures: [{ fn: 'count' }], purpose });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isNoisy: false, epsilonSpent: 0, budget: { spent: 0 } });
  });
});

describe('setting budgets', () => {
  it('is the platform’s, with optimistic concurrency, inside its region', async () => {
    const made = await setBudget(w.otherDepartment.id, 4);
    expect(made).toMatchObject({ departmentName: w.otherDepartment.name, period: 'month', epsilonPerPeriod: 4, version: 1, spent: 0 });
    const stale = await call(w, w.tokens.platform, 'PUT', `/api/aggregate-budgets/${w.otherDepartment.id}`, { period: 'quarter', epsilonPerPeriod: 8, version: null });
    expect(stale.statusCode).toBe(409);
    const changed = await call(w, w.tokens.platform, 'PUT', `/api/aggregate-budgets/${w.otherDepartment.id}`, { period: 'quarter', epsilonPerPeriod: 8, version: 1 });
    expect(changed.json()).toMatchObject({ period: 'quarter', epsilonPerPeriod: 8, version: 2 });
    const audit = await w.t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', w.otherDepartment.id).execute();
    expect(audit.map((a) => a.action)).toContain('aggregate.budget.set');

    const elsewhere = await otherCity(w);
    const far = await makeDepartment(w.t.kernel, elsewhere.city);
    const outside = await call(w, w.tokens.platform, 'PUT', `/api/aggregate-budgets/${far.id}`, { period: 'month', epsilonPerPeriod: 1, version: null });
    expect(outside.statusCode).toBe(403);
    const unknown = await call(w, w.tokens.platform, 'PUT', '/api/aggregate-budgets/0190c5a0-0000-7000-8000-000000000000', { period: 'month', epsilonPerPeriod: 1, version: null });
    expect(unknown.statusCode).toBe(404);
    for (const body of [{ period: 'week', epsilonPerPeriod: 1, version: null }, { period: 'month', epsilonPerPeriod: 0, version: null }, { period: 'month', epsilonPerPeriod: 1.0001, version: null }, { period: 'month', epsilonPerPeriod: 1 }]) {
      expect((await call(w, w.tokens.platform, 'PUT', `/api/aggregate-budgets/${w.otherDepartment.id}`, body)).statusCode).toBe(400);
    }
  });

  it('counts periods in Beijing time', () => {
    // 2026-03-31 17:00 UTC is 2026-04-01 01:00 in Beijing.
    const april = new Date('2026-03-31T17:00:00Z');
    expect(periodOf('month', april)).toEqual({ start: '2026-04-01', end: '2026-05-01' });
    expect(periodOf('quarter', april)).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(periodOf('year', april)).toEqual({ start: '2026-01-01', end: '2027-01-01' });
    expect(periodOf('month', new Date('2026-12-15T00:00:00Z'))).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(periodOf('quarter', new Date('2026-11-15T00:00:00Z'))).toEqual({ start: '2026-10-01', end: '2027-01-01' });
  });
});
