import { sql, type RawBuilder } from 'kysely';
import type { DemandSatisfaction, ExchangeStatistics, ExchangeStatisticsQuery, ExchangeStatsRow } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { hasPermission, type Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { findPublishedResource } from '../catalogue';
import { requireAnyPermission, staffWithDepartment } from './access';
import { dayRange } from './call-log';

// Statistics of the query API for providers and the platform (calls, keys asked, found rate, refusals, p50/p95 latency
// by day, resource and consumer), and 共享需求满足率 (demands satisfied ÷ demands). Computed from the call log and
// the demands as they are: exact and current. At a few million calls a month the per-day figures would move into a
// rollup the sealer fills (it visits every row once anyway); the functions' answers would stay the same.

type Period = { from: string; to: string };

type StatsSql = { calls: number | string; keys: number | string; found: number | string; ok_keys: number | string; errors: number | string; p50: number | null; p95: number | null };

const measures = sql`
  count(*) as calls,
  coalesce(sum(key_count), 0) as keys,
  coalesce(sum(found_count) filter (where result = 'ok'), 0) as found,
  coalesce(sum(key_count) filter (where result = 'ok'), 0) as ok_keys,
  count(*) filter (where result <> 'ok') as errors,
  percentile_cont(0.5) within group (order by latency_us) as p50,
  percentile_cont(0.95) within group (order by latency_us) as p95`;

const ms = (us: number | null) => (us === null ? null : Math.round(Number(us) / 100) / 10);

function toStats(row: StatsSql | undefined): ExchangeStatsRow {
  if (!row) return { calls: 0, keys: 0, found: 0, errors: 0, foundRate: null, p50Ms: null, p95Ms: null };
  const okKeys = Number(row.ok_keys);
  const found = Number(row.found);
  return {
    calls: Number(row.calls),
    keys: Number(row.keys),
    found,
    errors: Number(row.errors),
    foundRate: okKeys > 0 ? Math.round((found / okKeys) * 10_000) / 10_000 : null,
    p50Ms: ms(row.p50),
    p95Ms: ms(row.p95),
  };
}

function scopeOf(period: Period, providerDepartmentId: string | undefined): RawBuilder<unknown> {
  const { start, end } = dayRange(period.from, period.to);
  return providerDepartmentId
    ? sql`x.at >= ${start} and x.at < ${end} and x.provider_department_id = ${providerDepartmentId}`
    : sql`x.at >= ${start} and x.at < ${end}`;
}

/** For the metrics page and the exchange's own screen: calls of the period (Beijing dates, inclusive), optionally of one provider. */
export async function exchangeStatistics(db: Queryable, options: Period & { providerDepartmentId?: string }): Promise<ExchangeStatistics> {
  const where = scopeOf(options, options.providerDepartmentId);
  const [totals, byDay, byResource, byConsumer] = await Promise.all([
    sql<StatsSql>`select ${measures} from exchange_calls x where ${where}`.execute(db),
    sql<StatsSql & { day: string }>`select (x.at at time zone 'Asia/Shanghai')::date as day, ${measures} from exchange_calls x where ${where} group by 1 order by 1`.execute(db),
    sql<StatsSql & { resource_code: string; provider_name: string | null }>`
      select coalesce(x.resource_code, '') as resource_code, max(p.name) as provider_name, ${measures}
      from exchange_calls x left join departments p on p.id = x.provider_department_id
      where ${where} group by 1 order by 2, 1`.execute(db),
    sql<StatsSql & { consumer_department_id: string | null; consumer_name: string | null }>`
      select x.consumer_department_id, max(c.name) as consumer_name, ${measures}
      from exchange_calls x left join departments c on c.id = x.consumer_department_id
      where ${where} group by 1 order by 2 nulls last`.execute(db),
  ]);
  const names = new Map<string, string | null>();
  for (const code of new Set(byResource.rows.map((r) => r.resource_code).filter((c) => c !== ''))) names.set(code, (await findPublishedResource(db, code))?.name ?? null);
  return {
    from: options.from,
    to: options.to,
    providerDepartmentId: options.providerDepartmentId ?? null,
    totals: toStats(totals.rows[0]),
    byDay: byDay.rows.map((r) => ({ day: String(r.day), ...toStats(r) })),
    byResource: byResource.rows.map((r) => ({ resourceCode: r.resource_code, resourceName: names.get(r.resource_code) ?? null, providerName: r.provider_name, ...toStats(r) })),
    byConsumer: byConsumer.rows.map((r) => ({ consumerDepartmentId: r.consumer_department_id, consumerName: r.consumer_name, ...toStats(r) })),
  };
}

/** 共享需求满足率 of the demands filed in the period: satisfied ÷ demands (withdrawn ones are not demands any more). */
export async function demandSatisfaction(db: Queryable, options: Period & { providerDepartmentId?: string }): Promise<DemandSatisfaction> {
  const { start, end } = dayRange(options.from, options.to);
  const provider = options.providerDepartmentId ? sql`and d.provider_department_id = ${options.providerDepartmentId}` : sql``;
  const { rows } = await sql<{ provider_department_id: string; provider_name: string; total: string | number; satisfied: string | number; refused: string | number; open: string | number; overdue: string | number }>`
    select d.provider_department_id, max(p.name) as provider_name,
      count(*) as total,
      count(*) filter (where d.status = 'satisfied') as satisfied,
      count(*) filter (where d.status = 'refused') as refused,
      count(*) filter (where d.status = 'open') as open,
      count(*) filter (where d.status = 'open' and d.due_at < now()) as overdue
    from share_demands d join departments p on p.id = d.provider_department_id
    where d.created_at >= ${start} and d.created_at < ${end} and d.status <> 'withdrawn' ${provider}
    group by 1 order by 2`.execute(db);
  const rate = (satisfied: number, total: number) => (total > 0 ? Math.round((satisfied / total) * 10_000) / 10_000 : null);
  const sum = (key: 'total' | 'satisfied' | 'refused' | 'open' | 'overdue') => rows.reduce((n, r) => n + Number(r[key]), 0);
  return {
    from: options.from,
    to: options.to,
    total: sum('total'),
    satisfied: sum('satisfied'),
    refused: sum('refused'),
    open: sum('open'),
    overdue: sum('overdue'),
    rate: rate(sum('satisfied'), sum('total')),
    byProvider: rows.map((r) => ({ providerDepartmentId: r.provider_department_id, providerName: r.provider_name, total: Number(r.total), satisfied: Number(r.satisfied), rate: rate(Number(r.satisfied), Number(r.total)) })),
  };
}

/** The provider a reader's statistics are limited to: the platform sees any (or all), a provider its own only. */
function statsProvider(actor: Actor, requested: string | undefined): string | undefined {
  requireAnyPermission(actor, ['data.metrics', 'share-request.review']);
  if (hasPermission(actor, 'share-request.review')) return requested;
  const own = staffWithDepartment(actor).departmentId;
  if (requested && requested !== own) throw new AppError('FORBIDDEN', { detail: 'exchange.statsScope' });
  return own;
}

export async function statisticsFor(kernel: Kernel, { actor, query }: { actor: Actor; query: ExchangeStatisticsQuery }): Promise<ExchangeStatistics> {
  return exchangeStatistics(kernel.db, { from: query.from, to: query.to, providerDepartmentId: statsProvider(actor, query.providerDepartmentId) });
}

export async function demandSatisfactionFor(kernel: Kernel, { actor, query }: { actor: Actor; query: ExchangeStatisticsQuery }): Promise<DemandSatisfaction> {
  return demandSatisfaction(kernel.db, { from: query.from, to: query.to, providerDepartmentId: statsProvider(actor, query.providerDepartmentId) });
}
