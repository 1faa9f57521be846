import { aggregateQueryInput, registerAggregateResourceInput, setAggregateBudgetInput, type PublishedDataResource } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { findPublishedResource } from '../data/catalogue';
import { aggregateCandidate, registerAggregateResource, runAggregateQuery, setAggregateBudget } from '../data/aggregate';
import { demoStaffActor } from './staff-actor';

// 可用不可见 in the demo city, through the same functions as the platform and the consumers use:
// - 最低生活保障对象信息 (539900-MZ-0001, 民政局) is registered for aggregate queries by town, gender and age band, with
//   household size and monthly amount as measures, k = 10 and no noise: its records fall unevenly over the towns, so
//   a count by town withholds the small ones;
// - 社会保险参保信息 (539900-RS-0001, 人社局) is registered with noise (ε = 0.5 per query);
// - 人社局 and 民政局 get monthly privacy budgets (ε 10 and ε 5);
// - 人社局's dataconsumer and 民政局's mzdata have asked a few questions.
// Resources the catalogue has not published, and people who do not exist, are left out.

const platform = systemActor('demo-seed');


type Usable = { dimension: Set<string>; measure: Set<string> };

/** What the resource's fields may serve as (the catalogue's demo owns the definitions; take what fits). */
async function usableFields(kernel: Kernel, resource: PublishedDataResource): Promise<Usable> {
  const candidate = await aggregateCandidate(kernel, { actor: platform, ref: resource.id });
  return {
    dimension: new Set(candidate.fields.filter((f) => f.canBeDimension).map((f) => f.key)),
    measure: new Set(candidate.fields.filter((f) => f.canBeMeasure).map((f) => f.key)),
  };
}

function usable(fields: Usable, wanted: readonly string[], use: keyof Usable): string[] {
  return wanted.filter((key) => fields[use].has(key));
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

type Registered = { resource: PublishedDataResource; fields: Usable };

async function registerMinimumLiving(kernel: Kernel): Promise<Registered | undefined> {
  const resource = await findPublishedResource(kernel.db, '539900-MZ-0001');
  if (!resource || resource.status !== 'published') return undefined;
  const fields = await usableFields(kernel, resource);
  const dimensions = usable(fields, ['town', 'gender', 'ageBand'], 'dimension');
  if (dimensions.length === 0) return undefined;
  const clamps: Record<string, [number, number]> = { householdSize: [0, 10], monthlyAmountFen: [0, 500_000] };
  const measures = usable(fields, Object.keys(clamps), 'measure').map((field) => ({ field, clampMin: clamps[field]?.[0] ?? 0, clampMax: clamps[field]?.[1] ?? 1 }));
  await registerAggregateResource(kernel, {
    actor: platform,
    input: registerAggregateResourceInput.parse({
      resource: resource.code,
      dimensions,
      measures,
      k: 10,
      isNoisy: false,
      note: '民政局与人社局分析低保对象的地区、年龄分布,统筹就业帮扶与社会救助;只提供不少于 10 人的分组统计',
    }),
  });
  return { resource, fields };
}

async function registerSocialInsurance(kernel: Kernel): Promise<Registered | undefined> {
  const resource = await findPublishedResource(kernel.db, '539900-RS-0001');
  if (!resource || resource.status !== 'published') return undefined;
  const fields = await usableFields(kernel, resource);
  const dimensions = usable(fields, ['insuranceType', 'status', 'startMonth'], 'dimension');
  if (dimensions.length === 0) return undefined;
  await registerAggregateResource(kernel, {
    actor: platform,
    input: registerAggregateResourceInput.parse({
      resource: resource.code,
      dimensions,
      measures: [],
      k: 10,
      isNoisy: true,
      epsilon: 0.5,
      note: '参保情况的分组统计,加噪声并计入各部门隐私预算',
    }),
  });
  return { resource, fields };
}

async function setBudget(kernel: Kernel, shortName: string, epsilonPerPeriod: number): Promise<void> {
  const department = await kernel.db.selectFrom('departments').select('id').where('short_name', '=', shortName).executeTakeFirst();
  if (!department) return;
  await setAggregateBudget(kernel, { actor: platform, departmentId: department.id, input: setAggregateBudgetInput.parse({ period: 'month', epsilonPerPeriod, version: null }) });
}

export async function seedDemoAggregate(kernel: Kernel): Promise<void> {
  const minimumLiving = await registerMinimumLiving(kernel);
  const insurance = await registerSocialInsurance(kernel);
  await setBudget(kernel, '人社局', 10);
  await setBudget(kernel, '民政局', 5);

  // A few hours back, so the log reads as history (the period of a query and of its spending follow its time).
  const hrss = await demoStaffActor(kernel, 'dataconsumer');
  if (hrss && minimumLiving) {
    const { resource, fields } = minimumLiving;
    if (fields.dimension.has('town')) {
      const input = aggregateQueryInput.parse({ resource: resource.code, groupBy: ['town'], measures: [{ fn: 'count' }], purpose: '摸清各街道(乡镇)低保对象人数,安排公益性岗位' });
      await runAggregateQuery(kernel, { actor: hrss, input, now: hoursAgo(6) });
    }
    if (fields.dimension.has('ageBand')) {
      const average = usable(fields, ['monthlyAmountFen'], 'measure').map((field) => ({ fn: 'avg' as const, field }));
      const input = aggregateQueryInput.parse({ resource: resource.code, groupBy: ['ageBand'], measures: [{ fn: 'count' }, ...average], purpose: '按年龄段了解低保对象中劳动年龄人口,制定就业帮扶计划' });
      await runAggregateQuery(kernel, { actor: hrss, input, now: hoursAgo(5) });
    }
  }
  // 参保信息 holds a few dozen people: grouped, every group would be under k; the whole count is one group.
  const civil = await demoStaffActor(kernel, 'mzdata');
  if (civil && insurance) {
    const input = aggregateQueryInput.parse({ resource: insurance.resource.code, measures: [{ fn: 'count' }], purpose: '了解参保总人数,测算救助对象参保资助资金' });
    await runAggregateQuery(kernel, { actor: civil, input, now: hoursAgo(2) });
  }
}
