import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateQueryResult, PublishedDataResource } from '@zhengtong/contracts';
import { createTestApp, publishTestResource } from '../../testing';
import { tables } from './tables';
import { call, makeWorld, minimumLivingRecords, publishMinimumLiving, purpose, register, registration, towns, type World } from './test-support';

let w: World;
let resource: PublishedDataResource;
beforeAll(async () => {
  w = await makeWorld(await createTestApp());
  resource = await publishMinimumLiving(w);
  await register(w, resource);
});
afterAll(async () => {
  await w.t.close();
});

const ask = (body: Record<string, unknown>, token = w.tokens.consumer) => call(w, token, 'POST', '/api/aggregate-queries', { resource: resource.code, purpose, ...body });
const countByTown = { groupBy: ['town'], measures: [{ fn: 'count' }] };
const shown = (result: AggregateQueryResult) => Object.fromEntries(result.groups.map((g) => [g.key.join('/'), g.values]));
const logCount = async () => Number((await tables(w.t.kernel.db).selectFrom('aggregate_queries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('registration', () => {
  it('registers a published resource with its dimensions, measures, k and noise, once', async () => {
    const list = await call(w, w.tokens.consumer, 'GET', '/api/aggregate-resources');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { resourceId: string }) => i.resourceId === resource.id);
    expect(item).toMatchObject({
      resourceCode: resource.code,
      k: 10,
      isNoisy: false,
      isActive: true,
      isStale: false,
      dimensions: [
        { key: 'town', name: '所属街道(乡镇)', type: 'string' },
        { key: 'gender', name: '性别', type: 'string' },
        { key: 'ageBand', name: '年龄段', type: 'string' },
      ],
      measures: [
        { key: 'householdSize', clampMin: 0, clampMax: 10 },
        { key: 'monthlyAmountFen', clampMin: 0, clampMax: 200_000 },
      ],
    });
    const again = await call(w, w.tokens.platform, 'POST', '/api/aggregate-resources', registration(resource));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('该数据资源已登记为可统计查询,请修改原登记');
    const audited = await w.t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', resource.id).execute();
    expect(audited.map((a) => a.action)).toContain('aggregate.register');
  });

  it('refuses personal, key and never-shared fields, non-numeric measures, k below 5 and unknown resources', async () => {
    const other = await publishMinimumLiving(w, minimumLivingRecords().slice(0, 3));
    const bad = await call(w, w.tokens.platform, 'POST', '/api/aggregate-resources', registration(other, {
      dimensions: ['town', 'name', 'idNumber', 'caseNote', 'nope'],
      measures: [{ field: 'town', clampMin: 0, clampMax: 1 }, { field: 'householdSize', clampMin: 0, clampMax: 10 }],
    }));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'dimensions.1:aggregate.fieldPersonal',
      'dimensions.2:aggregate.fieldKey',
      'dimensions.3:aggregate.fieldNotShared',
      'dimensions.4:aggregate.fieldUnknown',
      'measures.0.field:aggregate.measureType',
    ]);
    const lowK = await call(w, w.tokens.platform, 'POST', '/api/aggregate-resources', registration(other, { k: 4 }));
    expect(lowK.statusCode).toBe(400);
    expect(lowK.json().errors[0]).toMatchObject({ field: 'k', code: 'aggregate.kTooSmall' });
    const clamp = await call(w, w.tokens.platform, 'POST', '/api/aggregate-resources', registration(other, { measures: [{ field: 'householdSize', clampMin: 5, clampMax: 1 }] }));
    expect(clamp.json().errors[0]).toMatchObject({ field: 'measures.0.clampMax', code: 'aggregate.clampReversed' });
    const fineEpsilon = await call(w, w.tokens.platform, 'POST', '/api/aggregate-resources', registration(other, { epsilon: 0.0005 }));
    expect(fineEpsilon.statusCode).toBe(400);
    const unknown = await call(w, w.tokens.platform, 'POST', '/api/aggregate-resources', registration(other, { resource: 'NO-SUCH-CODE' }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('未找到该已发布的数据资源');
    const list = await call(w, w.tokens.platform, 'GET', '/api/aggregate-resources?includeInactive=true');
    expect(list.json().items.map((i: { resourceId: string }) => i.resourceId)).not.toContain(other.id);
  });

  it('shows the platform which fields may serve as what', async () => {
    const res = await call(w, w.tokens.platform, 'GET', `/api/aggregate-candidates/${encodeURIComponent(resource.code)}`);
    expect(res.statusCode).toBe(200);
    const byKey = Object.fromEntries(res.json().fields.map((f: { key: string }) => [f.key, f]));
    expect(res.json().isRegistered).toBe(true);
    expect(byKey.town).toMatchObject({ canBeDimension: true, canBeMeasure: false, reason: null });
    expect(byKey.householdSize).toMatchObject({ canBeDimension: true, canBeMeasure: true });
    expect(byKey.name).toMatchObject({ canBeDimension: false, canBeMeasure: false, reason: '个人信息项不能作为统计维度或度量' });
  });

  it('changes and withdraws a registration with optimistic concurrency', async () => {
    const other = await publishMinimumLiving(w, minimumLivingRecords().slice(0, 12));
    const made = await register(w, other);
    const settings = { ...registration(other), version: made.version };
    delete (settings as { resource?: string }).resource;
    const changed = await call(w, w.tokens.platform, 'PUT', `/api/aggregate-resources/${other.id}`, { ...settings, k: 12 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ k: 12, version: 2 });
    const stale = await call(w, w.tokens.platform, 'PUT', `/api/aggregate-resources/${other.id}`, { ...settings, k: 15 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const withdrawn = await call(w, w.tokens.platform, 'PUT', `/api/aggregate-resources/${other.id}`, { ...settings, version: 2, isActive: false });
    expect(withdrawn.json()).toMatchObject({ isActive: false, version: 3 });
    const asked = await call(w, w.tokens.consumer, 'POST', '/api/aggregate-queries', { resource: other.code, ...countByTown, purpose });
    expect(asked.statusCode).toBe(404);
    expect(asked.json().detail).toBe('该数据资源的统计查询已停用');
  });
});

describe('k-threshold suppression', () => {
  it('shows a group of 10, withholds a group of 9, and reports only how many were withheld', async () => {
    const res = await ask(countByTown);
    expect(res.statusCode).toBe(200);
    const result = res.json() as AggregateQueryResult;
    expect(shown(result)).toEqual({ [towns.A]: [10], [towns.D]: [30] });
    expect(result.suppressedGroups).toBe(2);
    expect(result).toMatchObject({ k: 10, isNoisy: false, epsilonSpent: 0, groupBy: [{ key: 'town', name: '所属街道(乡镇)' }], measures: [{ fn: 'count', field: null, noise: null }] });
    // Nothing about the withheld towns, no total, no record.
    expect(res.body).not.toContain(towns.B);
    expect(res.body).not.toContain(towns.C);
    expect(res.body).not.toMatch(/"total"|idNumber|测试\d/);
  });

  it('withholds the smallest shown group too when the withheld ones alone would be fewer than k', async () => {
    const result = (await ask({ ...countByTown, filters: [{ field: 'town', op: 'in', values: [towns.A, towns.B, towns.D] }] })).json() as AggregateQueryResult;
    // B (9) alone would be the total minus A and D: A is withheld with it.
    expect(shown(result)).toEqual({ [towns.D]: [30] });
    expect(result.suppressedGroups).toBe(2);
  });

  it('sums and averages clamped values for shown groups only', async () => {
    const records = minimumLivingRecords();
    const ofTown = (town: string) => records.filter((r) => r.town === town);
    const clampedSum = (town: string) => ofTown(town).reduce((s, r) => s + Math.min(10, Number(r.householdSize)), 0);
    const averageAmount = (town: string) => Math.round((ofTown(town).reduce((s, r) => s + Number(r.monthlyAmountFen), 0) / ofTown(town).length) * 100) / 100;
    const res = await ask({ groupBy: ['town'], measures: [{ fn: 'count' }, { fn: 'sum', field: 'householdSize' }, { fn: 'avg', field: 'monthlyAmountFen' }] });
    expect(res.statusCode).toBe(200);
    expect(shown(res.json())).toEqual({
      [towns.A]: [10, clampedSum(towns.A), averageAmount(towns.A)],
      [towns.D]: [30, clampedSum(towns.D), averageAmount(towns.D)],
    });
    expect(res.json().measures[1]).toMatchObject({ fn: 'sum', field: 'householdSize', fieldName: '家庭人口数' });
  });

  it('answers without grouping when the whole population is at least k', async () => {
    const result = (await ask({ measures: [{ fn: 'count' }] })).json() as AggregateQueryResult;
    expect(result.groups).toEqual([{ key: [], values: [53] }]);
    // The total minus the shown towns (10 + 30) is B and C together — two groups, 13 people — never one of them.
    expect(53 - 10 - 30).toBeGreaterThanOrEqual(10);
  });
});

describe('filters cannot single out a withheld group', () => {
  it('a filter on a small group answers nothing', async () => {
    const result = (await ask({ measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'eq', value: towns.B }] })).json() as AggregateQueryResult;
    expect(result.groups).toEqual([]);
    expect(result.suppressedGroups).toBe(1);
  });

  it('a filter leaving out a small group is withheld, so subtracting it from the wider answer reveals nothing', async () => {
    // 云峰镇 has 30 people, 3 of them women: count(云峰镇) − count(云峰镇, 男) would be those 3.
    const all = (await ask({ measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'eq', value: towns.D }] })).json() as AggregateQueryResult;
    expect(all.groups).toEqual([{ key: [], values: [30] }]);
    const men = (await ask({ measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'eq', value: towns.D }, { field: 'gender', op: 'eq', value: '男' }] })).json() as AggregateQueryResult;
    expect(men.groups).toEqual([]);
    expect(men.suppressedGroups).toBe(1);
    const byGender = (await ask({ groupBy: ['gender'], measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'eq', value: towns.D }] })).json() as AggregateQueryResult;
    expect(byGender.groups).toEqual([]);
    expect(byGender.suppressedGroups).toBe(2);
    // Grouping instead of filtering: the 男 group of 云峰镇 beside a withheld 女 group is withheld too.
    const byTownAndGender = (await ask({ groupBy: ['town', 'gender'], measures: [{ fn: 'count' }] })).json() as AggregateQueryResult;
    expect(shown(byTownAndGender)[`${towns.D}/男`]).toBeUndefined();
  });

  it('an `in` filter cannot hide a small group among large ones', async () => {
    const both = (await ask({ measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'in', values: [towns.A, towns.B] }] })).json() as AggregateQueryResult;
    expect(both.groups).toEqual([]);
    const three = (await ask({ measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'in', values: [towns.A, towns.D] }] })).json() as AggregateQueryResult;
    expect(three.groups).toEqual([{ key: [], values: [40] }]);
  });
});

describe('what may be asked', () => {
  it('refuses unregistered resources, non-dimension grouping and filters, non-numeric measures, with nothing logged', async () => {
    const before = await logCount();
    const unregistered = await publishTestResource(w.t.kernel, {
      providerDepartmentId: w.provider.id,
      regionCode: w.regions.city,
      definition: { name: '未登记资源', shareType: 'unconditional', openType: 'open', keyField: 'code', fields: [{ key: 'code', name: '编号', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general' }] },
    });
    const notRegistered = await ask({ ...countByTown, resource: unregistered.code });
    expect(notRegistered.statusCode).toBe(404);
    expect(notRegistered.json().detail).toBe('该数据资源未登记为可统计查询(可用不可见),不能查询');
    expect((await ask({ ...countByTown, resource: 'NO-SUCH' })).statusCode).toBe(404);

    const badGroup = await ask({ groupBy: ['name'], measures: [{ fn: 'count' }] });
    expect(badGroup.statusCode).toBe(400);
    expect(badGroup.json().errors[0]).toMatchObject({ field: 'groupBy.0', code: 'aggregate.notDimension' });
    const badMeasure = await ask({ groupBy: ['town'], measures: [{ fn: 'sum', field: 'town' }, { fn: 'avg', field: 'since' }] });
    expect(badMeasure.statusCode).toBe(400);
    expect(badMeasure.json().errors.map((e: { field: string }) => e.field)).toEqual(['measures.0.field', 'measures.1.field']);
    const badFilter = await ask({ measures: [{ fn: 'count' }], filters: [{ field: 'householdSize', op: 'eq', value: '3' }] });
    expect(badFilter.json().errors[0]).toMatchObject({ field: 'filters.0.field', code: 'aggregate.notDimension' });
    expect(await logCount()).toBe(before);
  });

  it('answers bad input with 400 problem+json', async () => {
    const before = await logCount();
    const cases: Record<string, unknown>[] = [
      { groupBy: ['town', 'gender', 'ageBand', 'since'], measures: [{ fn: 'count' }] },
      { groupBy: ['town', 'town'], measures: [{ fn: 'count' }] },
      { groupBy: ['town'], measures: [] },
      { groupBy: ['town'], measures: [{ fn: 'max', field: 'householdSize' }] },
      { groupBy: ['town'], measures: [{ fn: 'sum' }] },
      { groupBy: ['town'], measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'like', value: '翠' }] },
      { groupBy: ['town'], measures: [{ fn: 'count' }], filters: [{ field: 'town', op: 'in', values: [] }] },
      { groupBy: ['town'], measures: [{ fn: 'count' }], purpose: '' },
      { groupBy: 'town', measures: [{ fn: 'count' }] },
      { groupBy: ['Town!'], measures: [{ fn: 'count' }] },
    ];
    for (const body of cases) {
      const res = await ask(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    const noResource = await call(w, w.tokens.consumer, 'POST', '/api/aggregate-queries', { measures: [{ fn: 'count' }], purpose });
    expect(noResource.json().errors[0]).toMatchObject({ field: 'resource', code: 'required' });
    expect(await logCount()).toBe(before);
  });
});

describe('logging', () => {
  it('logs and audits every query with who, department, shape, purpose and what was withheld', async () => {
    const res = await ask({ ...countByTown, filters: [{ field: 'gender', op: 'eq', value: '女' }] });
    expect(res.statusCode).toBe(200);
    const id = res.json().id as string;
    const row = await tables(w.t.kernel.db).selectFrom('aggregate_queries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      department_id: w.consumerDepartment.id,
      department_name: w.consumerDepartment.name,
      resource_id: resource.id,
      group_by: ['town'],
      measures: [{ fn: 'count' }],
      filters: [{ field: 'gender', op: 'eq', value: '女' }],
      purpose,
      outcome: 'answered',
      groups_returned: res.json().groups.length,
      groups_suppressed: res.json().suppressedGroups,
    });
    const audit = await w.t.kernel.db.selectFrom('audit_log').select(['action', 'result', 'detail']).where('action', '=', 'aggregate.query').execute();
    expect(audit.some((a) => (a.detail as { queryId?: string }).queryId === id && a.result === 'success')).toBe(true);
    const event = await w.t.kernel.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'aggregate.queried').execute();
    expect(event.some((e) => (e.payload as { queryId?: string }).queryId === id)).toBe(true);

    const platformLog = await call(w, w.tokens.platform, 'GET', `/api/aggregate-queries?resourceId=${resource.id}&pageSize=200`);
    expect(platformLog.statusCode).toBe(200);
    expect(platformLog.json().items.find((q: { id: string }) => q.id === id)).toMatchObject({ departmentName: w.consumerDepartment.name, purpose, groupBy: ['town'], outcome: 'answered' });
    const ownLog = await call(w, w.tokens.consumer, 'GET', '/api/aggregate-queries');
    expect(ownLog.json().total).toBeGreaterThan(0);
    const otherLog = await call(w, w.tokens.otherConsumer, 'GET', '/api/aggregate-queries');
    expect(otherLog.json()).toEqual({ items: [], total: 0 });
  });
});
