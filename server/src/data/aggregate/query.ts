import type {
  AggregateFilter,
  AggregateMeasure,
  AggregateMeasureSpec,
  AggregateQueryInput,
  AggregateQueryOutcome,
  AggregateQueryResult,
  AggregateResultGroup,
  AggregateResultMeasure,
  PublishedDataResource,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable } from '../../kernel/db';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid, type FieldIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { emit } from '../../kernel/outbox';
import { findDepartment } from '../../platform/departments';
import { allRecords, findPublishedResource } from '../catalogue';
import { onOneLine, requireConsumer, type Consumer } from './access';
import { budgetStatus, debitBudget, thousandths } from './budgets';
import { fieldName } from './fields';
import { discreteLaplace } from './noise';
import { isStale, type Registration } from './registrations';
import { suppressedCells } from './suppression';
import { tally, type GroupTally } from './tally';
import { tables } from './tables';

// 可用不可见: one aggregate query. Check who asks and what (registered dimensions and measures only), stream the
// records once into group counts, withhold the groups that are too small or would give a small one away, add noise
// when the resource is noisy, debit the department's privacy budget and log the query in one transaction, and answer
// with the groups' values only — never a record, never a withheld group's size or values.

export type ParsedQuery = AggregateQueryInput;

/** A noisy statistic of a group: its member count, a field's clamped sum, or how many members have a value there. */
type Statistic = { id: string; sensitivity: number };

type Plan = {
  groupBy: string[];
  measures: AggregateMeasure[];
  filters: AggregateFilter[];
  specs: Map<string, AggregateMeasureSpec>;
  statistics: Statistic[];
};

const sensitivityOf = (spec: AggregateMeasureSpec) => Math.max(Math.abs(spec.clampMin), Math.abs(spec.clampMax));

function planOf(registration: Registration, input: ParsedQuery): Plan {
  const dimensions = new Set(registration.dimensions);
  const specs = new Map(registration.measures.map((m) => [m.field, m] as const));
  const problems: FieldIssue[] = [];
  input.groupBy.forEach((d, i) => {
    if (!dimensions.has(d)) problems.push({ field: `groupBy.${i}`, code: 'aggregate.notDimension' });
  });
  input.measures.forEach((m, i) => {
    if (m.fn !== 'count' && !specs.has(m.field)) problems.push({ field: `measures.${i}.field`, code: 'aggregate.notMeasure' });
  });
  input.filters.forEach((f, i) => {
    if (!dimensions.has(f.field)) problems.push({ field: `filters.${i}.field`, code: 'aggregate.notDimension' });
  });
  if (problems.length > 0) throw invalid(problems);

  // Sequential composition: the query's ε is shared evenly by the distinct statistics it releases.
  const statistics = new Map<string, Statistic>();
  const used = new Map<string, AggregateMeasureSpec>();
  for (const m of input.measures) {
    if (m.fn === 'count') {
      statistics.set('count', { id: 'count', sensitivity: 1 });
      continue;
    }
    const spec = specs.get(m.field);
    if (!spec) continue;
    used.set(m.field, spec);
    statistics.set(`sum:${m.field}`, { id: `sum:${m.field}`, sensitivity: sensitivityOf(spec) });
    if (m.fn === 'avg') statistics.set(`valued:${m.field}`, { id: `valued:${m.field}`, sensitivity: 1 });
  }
  return { groupBy: input.groupBy, measures: input.measures, filters: input.filters, specs: used, statistics: [...statistics.values()] };
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compareKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = collator.compare(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

/** The released values of one shown group: true statistics plus fresh noise for each, then rounded. */
function releaseGroup(group: GroupTally, plan: Plan, k: number, noise: ((s: Statistic) => number) | null): AggregateResultGroup {
  const drawn = new Map<string, number>();
  const noisy = (statistic: Statistic | undefined, value: number): number => {
    if (!noise || !statistic) return value;
    let n = drawn.get(statistic.id);
    if (n === undefined) {
      n = noise(statistic);
      drawn.set(statistic.id, n);
    }
    return value + n;
  };
  const statistic = (id: string) => plan.statistics.find((s) => s.id === id);
  const values = plan.measures.map((m): number | null => {
    if (m.fn === 'count') return Math.max(0, noisy(statistic('count'), group.count));
    // Fewer than k members with a value: their sum or average would describe fewer than k people.
    const valued = group.valued.get(m.field) ?? 0;
    if (valued < k) return null;
    const sum = noisy(statistic(`sum:${m.field}`), group.sums.get(m.field) ?? 0);
    if (m.fn === 'sum') return sum;
    const denominator = Math.max(1, noisy(statistic(`valued:${m.field}`), valued));
    return Math.round((sum / denominator) * 100) / 100;
  });
  return { key: [...group.key], values };
}

type Answer = { groups: AggregateResultGroup[]; suppressed: number };

async function answer(kernel: Kernel, resource: PublishedDataResource, registration: Registration, plan: Plan): Promise<Answer> {
  const counted = await tally(allRecords(kernel.db, kernel.keys, resource, 2000, { personal: false }), { groupBy: plan.groupBy, filters: plan.filters, measures: [...plan.specs.values()] });
  const withheld = suppressedCells({ cells: counted.groups, atoms: counted.atoms, k: registration.k });
  const epsilon = thousandths(registration.epsilon);
  const shares = plan.statistics.length;
  const noise = registration.is_noisy ? (s: Statistic) => discreteLaplace(epsilon, shares, s.sensitivity) : null;
  const groups = counted.groups
    .filter((g) => !withheld.has(g.id))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((g) => releaseGroup(g, plan, registration.k, noise));
  return { groups, suppressed: withheld.size };
}

type LogEntry = {
  id: string;
  at: Date;
  consumer: Consumer;
  departmentName: string;
  resource: PublishedDataResource;
  registration: Registration;
  input: ParsedQuery;
  outcome: AggregateQueryOutcome;
  epsilonSpent: number;
  answer: Answer | null;
};

/** Writes the query log row and its audit record (and, for an answer, the event) in the caller's transaction. */
async function record(tx: Queryable, actor: Actor, entry: LogEntry): Promise<void> {
  const returned = entry.answer?.groups.length ?? 0;
  const suppressed = entry.answer?.suppressed ?? 0;
  await tables(tx)
    .insertInto('aggregate_queries')
    .values({
      id: entry.id,
      at: entry.at,
      actor_id: entry.consumer.accountId,
      actor_name: entry.consumer.displayName,
      department_id: entry.consumer.departmentId,
      department_name: entry.departmentName,
      resource_id: entry.resource.id,
      resource_code: entry.resource.code,
      resource_name: entry.resource.name,
      region_code: entry.registration.region_code,
      group_by: entry.input.groupBy,
      measures: JSON.stringify(entry.input.measures),
      filters: JSON.stringify(entry.input.filters),
      purpose: entry.input.purpose,
      k: entry.registration.k,
      is_noisy: entry.registration.is_noisy,
      epsilon_spent: entry.epsilonSpent.toFixed(3),
      groups_returned: returned,
      groups_suppressed: suppressed,
      outcome: entry.outcome,
    })
    .execute();
  const detail = {
    queryId: entry.id,
    departmentId: entry.consumer.departmentId,
    department: entry.departmentName,
    resourceCode: entry.resource.code,
    groupBy: entry.input.groupBy,
    measures: entry.input.measures,
    filters: entry.input.filters,
    purpose: entry.input.purpose,
    isNoisy: entry.registration.is_noisy,
    epsilonSpent: entry.epsilonSpent,
    groupsReturned: returned,
    groupsSuppressed: suppressed,
    outcome: entry.outcome,
  };
  await audit(tx, actor, { action: 'aggregate.query', objectType: 'data-resource', objectId: entry.resource.id, result: entry.outcome === 'answered' ? 'success' : 'denied', detail });
  if (entry.outcome === 'answered') {
    await emit(tx, 'aggregate.queried', { queryId: entry.id, departmentId: entry.consumer.departmentId, resourceId: entry.resource.id, epsilonSpent: entry.epsilonSpent, groupsReturned: returned, groupsSuppressed: suppressed });
  }
}

async function budgetProblem(kernel: Kernel, departmentId: string, need: number, now: Date): Promise<AppError> {
  const status = await budgetStatus(kernel.db, departmentId, now);
  if (!status) return new AppError('FORBIDDEN', { detail: 'aggregate.noBudget' });
  return new AppError('RATE_LIMITED', { detail: 'aggregate.budgetExhausted', params: { spent: status.spent, limit: status.epsilonPerPeriod, need, resetOn: status.periodEnd } });
}

/** The registered, queryable resource behind a query, or the reason it cannot be asked. */
async function queryable(db: Queryable, ref: string, consumer: Consumer): Promise<{ resource: PublishedDataResource; registration: Registration }> {
  const resource = await findPublishedResource(db, ref);
  if (!resource) throw new AppError('NOT_FOUND', { detail: 'aggregate.resourceNotFound' });
  const registration = await tables(db).selectFrom('aggregate_resources').selectAll().where('resource_id', '=', resource.id).executeTakeFirst();
  if (!registration) throw new AppError('NOT_FOUND', { detail: 'aggregate.notRegistered' });
  if (!onOneLine(consumer.regionCode, registration.region_code)) throw new AppError('OUT_OF_SCOPE', { detail: 'aggregate.outOfScope' });
  if (!registration.is_active) throw new AppError('NOT_FOUND', { detail: 'aggregate.inactive' });
  if (resource.status === 'retired') throw new AppError('CONFLICT', { detail: 'aggregate.resourceRetired' });
  if (isStale(registration, resource)) throw new AppError('CONFLICT', { detail: 'aggregate.registrationStale' });
  return { resource, registration };
}

export async function runAggregateQuery(kernel: Kernel, { actor, input, now = new Date() }: { actor: Actor; input: ParsedQuery; now?: Date }): Promise<AggregateQueryResult> {
  const consumer = requireConsumer(actor);
  const { resource, registration } = await queryable(kernel.db, input.resource, consumer);
  const plan = planOf(registration, input);
  const departmentName = (await findDepartment(kernel.db, consumer.departmentId))?.name ?? '';
  const id = newId();
  const epsilon = registration.is_noisy ? thousandths(registration.epsilon) / 1000 : 0;
  const entry = { id, at: now, consumer, departmentName, resource, registration, input };

  // A cheap look first, so a department without budget is told before the records are read; the debit decides.
  const before = registration.is_noisy ? await budgetStatus(kernel.db, consumer.departmentId, now) : null;
  if (registration.is_noisy && (!before || thousandths(before.remaining) < thousandths(epsilon))) {
    const outcome: AggregateQueryOutcome = before ? 'budgetExhausted' : 'noBudget';
    await inTransaction(kernel.db, (tx) => record(tx, actor, { ...entry, outcome, epsilonSpent: 0, answer: null }));
    throw await budgetProblem(kernel, consumer.departmentId, epsilon, now);
  }

  const result = await answer(kernel, resource, registration, plan);
  const isAnswered = await inTransaction(kernel.db, async (tx) => {
    if (registration.is_noisy && before && !(await debitBudget(tx, consumer.departmentId, before.period, epsilon, now))) {
      await record(tx, actor, { ...entry, outcome: 'budgetExhausted', epsilonSpent: 0, answer: null });
      return false;
    }
    await record(tx, actor, { ...entry, outcome: 'answered', epsilonSpent: epsilon, answer: result });
    return true;
  });
  if (!isAnswered) throw await budgetProblem(kernel, consumer.departmentId, epsilon, now);

  const measures: AggregateResultMeasure[] = plan.measures.map((m) => {
    const field = m.fn === 'count' ? null : m.field;
    const spec = field ? plan.specs.get(field) : undefined;
    const share = Math.round((epsilon / plan.statistics.length) * 10_000) / 10_000;
    return {
      fn: m.fn,
      field,
      fieldName: field ? fieldName(resource, field) : null,
      noise: registration.is_noisy ? { epsilon: share, sensitivity: spec ? Math.max(Math.abs(spec.clampMin), Math.abs(spec.clampMax)) : 1 } : null,
    };
  });
  return {
    id,
    at: now.toISOString(),
    resource: { id: resource.id, code: resource.code, name: resource.name },
    groupBy: plan.groupBy.map((key) => ({ key, name: fieldName(resource, key) })),
    measures,
    filters: plan.filters,
    k: registration.k,
    isNoisy: registration.is_noisy,
    epsilonSpent: epsilon,
    groups: result.groups,
    suppressedGroups: result.suppressed,
    budget: await budgetStatus(kernel.db, consumer.departmentId, now),
  };
}
