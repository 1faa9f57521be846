import { sql, type Kysely } from 'kysely';
import type { DB } from '../db';

/** Per Shanghai calendar day over the last `days` days: successes and failures of one audited action. */
export async function dailyOutcomes(db: Kysely<DB>, action: string, days: number): Promise<{ day: string; success: number; failure: number }[]> {
  const { rows } = await sql<{ day: string; success: string; failure: string }>`
    select to_char(d.day, 'YYYY-MM-DD') as day,
           count(a.id) filter (where a.result = 'success') as success,
           count(a.id) filter (where a.result <> 'success') as failure
    from generate_series((now() at time zone 'Asia/Shanghai')::date - ${days - 1}::int, (now() at time zone 'Asia/Shanghai')::date, interval '1 day') as d(day)
    left join audit_log a on a.action = ${action} and (a.at at time zone 'Asia/Shanghai')::date = d.day::date
    group by d.day order by d.day`.execute(db);
  return rows.map((r) => ({ day: r.day, success: Number(r.success), failure: Number(r.failure) }));
}

/** The most frequent audited actions over the last `days` days. */
export async function countsByAction(db: Kysely<DB>, days: number, limit = 12): Promise<{ action: string; count: number }[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', (eb) => eb.fn.countAll<string>().as('count')])
    .where('at', '>=', sql<Date>`now() - make_interval(days => ${days})`)
    .groupBy('action')
    .orderBy('count', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ action: r.action, count: Number(r.count) }));
}
