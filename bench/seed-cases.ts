/**
 * Fills the `cases` table of a migrated, demo-seeded database with realistic 办件 straight in SQL, so the
 * workbench queue is measured against a city's two years of history rather than an empty table.
 *
 * Spread: over every published (and the one retired) demo item version, weighted towards personal items; ~88 %
 * completed, ~5 % refused / denied / withdrawn, ~3.6 % open in the to-do queues (deadlines ~12 % red, ~10 %
 * yellow, the rest green; few 即办件 and ~0.6 % waiting for acceptance), ~1 % suspended (补正 / 特别程序), ~2 %
 * drafts; submitted over the last two years. Numbers follow `<region 6><YYYYMMDD><W|O><seq 6>`
 * with the sequence continuing the real counters, which are moved past the seeded numbers so live submissions
 * never collide. Only `cases` rows are written: the queue reads nothing else. Tops up to `target` rows, so a
 * second run on the same database (BENCH_DATABASE_URL) adds only what is missing.
 */
import pg from 'pg';
import { caseRowsSql, insertBatchSql, versionInfo, type VersionRow } from './seed-cases-sql';

export type SeedResult = { target: number; before: number; inserted: number; total: number; seconds: number };

const BATCH = 250_000;

async function lookups(client: pg.Client): Promise<{ slots: number; persons: number; enterprises: number }> {
  const { rows } = await client.query<VersionRow>(`
    select v.id as version_id, v.implementation_id, i.service_item_id, v.item_snapshot->>'name' as item_name,
           v.item_snapshot->>'audience' as audience, i.department_id, d.name as department_name, i.region_code,
           v.case_kind, v.promised_limit_days as promised_days, v.promised_limit_unit as promised_unit,
           v.legal_limit_days as legal_days, v.legal_limit_unit as legal_unit, v.channels, v.workflow->'steps' as steps,
           (v.status = 'published' and v.effective_to is null) as in_force
      from service_item_versions v
      join service_item_implementations i on i.id = v.implementation_id
      join departments d on d.id = i.department_id
     where v.status in ('published', 'retired')
     order by v.id`);
  if (rows.length === 0) throw new Error('seed-cases: no published service item versions (is the demo city seeded?)');
  const versions = rows.map(versionInfo);
  await client.query(`
    create temp table seed_versions as
    select * from jsonb_to_recordset($1::jsonb) as t(
      vn int, version_id uuid, implementation_id uuid, service_item_id uuid, item_name text, audience text,
      department_id uuid, department_name text, region_code varchar(12), case_kind text, promised_days int,
      promised_unit text, legal_days int, legal_unit text, can_online boolean, can_window boolean, in_force boolean,
      accept_role text, first_step jsonb, later_steps jsonb, complete_role text, weight int)`, [JSON.stringify(versions)]);
  // Weighted choice by a join: each version owns `weight` slots, a row draws a slot.
  await client.query('create temp table seed_slots as select row_number() over () - 1 as slot, vn from seed_versions, generate_series(1, weight)');
  await client.query(`
    create temp table seed_applicants as
    select 'person' as kind, row_number() over (order by a.created_at, a.id) - 1 as pick, a.id as account_id,
           null::uuid as enterprise_id, null::text as credit_code, a.display_name as name, null::text as agent_name
      from accounts a where a.type = 'citizen'
    union all
    select 'enterprise', row_number() over (order by e.created_at, e.id) - 1, e.account_id, e.id, e.credit_code, e.name, e.legal_rep_name
      from enterprises e`);
  // The comprehensive window (综合窗口) that files walk-in cases: a clerk of the region's 政务服务 department.
  await client.query(`
    create temp table seed_windows as
    select distinct on (substr(st.region_code, 1, 6)) substr(st.region_code, 1, 6) as region6, st.account_id, st.department_id
      from staff st join account_roles r on r.account_id = st.account_id and r.role = 'clerk'
     order by substr(st.region_code, 1, 6), st.created_at`);
  const { rows: counts } = await client.query<{ slots: string; persons: string; enterprises: string; windows: string }>(`
    select (select count(*) from seed_slots) as slots, (select count(*) from seed_windows) as windows,
           count(*) filter (where kind = 'person') as persons, count(*) filter (where kind = 'enterprise') as enterprises
      from seed_applicants`);
  const c = counts[0];
  if (!c || Number(c.persons) === 0 || Number(c.enterprises) === 0 || Number(c.windows) === 0) throw new Error('seed-cases: the demo citizens, enterprises or window clerks are missing');
  return { slots: Number(c.slots), persons: Number(c.persons), enterprises: Number(c.enterprises) };
}

export async function seedCases(databaseUrl: string, target: number, log: (line: string) => void = () => {}): Promise<SeedResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const before = Number((await client.query<{ n: string }>('select count(*) as n from cases')).rows[0]?.n ?? 0);
    const missing = Math.max(0, target - before);
    if (missing === 0) return { target, before, inserted: 0, total: before, seconds: 0 };
    // A throw-away load: losing the last commits on a crash costs nothing here.
    await client.query('set synchronous_commit = off');
    // JIT would spend half a minute compiling the planner's long CASE expressions for a one-off statement.
    await client.query('set jit = off');
    const { slots, persons, enterprises } = await lookups(client);
    await client.query(caseRowsSql, [missing, slots, persons, enterprises]);
    log(`seed-cases: ${missing} rows planned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (let from = 1; from <= missing; from += BATCH) {
      const to = Math.min(missing, from + BATCH - 1);
      await client.query(insertBatchSql, [from, to]);
      log(`seed-cases: ${to} / ${missing} inserted (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    // Live submissions continue after the seeded numbers of the same region and day.
    await client.query(`
      insert into case_number_counters (region6, day, last)
      select region6, bj_day, max(seq) from seed_rows where seq is not null group by region6, bj_day
      on conflict (region6, day) do update set last = greatest(case_number_counters.last, excluded.last)`);
    await client.query('vacuum (analyze) cases');
    const total = Number((await client.query<{ n: string }>('select count(*) as n from cases')).rows[0]?.n ?? 0);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    log(`seed-cases: ${total} cases in the table; ${missing} inserted, counters moved, vacuum analyze done in ${seconds} s`);
    return { target, before, inserted: missing, total, seconds };
  } finally {
    await client.end();
  }
}

// `tsx bench/seed-cases.ts <database url> [count]` seeds an existing database by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, count] = process.argv.slice(2);
  if (!url) throw new Error('usage: tsx bench/seed-cases.ts <database url> [count]');
  const result = await seedCases(url, Number(count ?? 1_000_000), (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
