import { sql } from 'kysely';
import { endOfLocalDay } from '../../kernel/calendar';
import type { Queryable } from '../../kernel/db';
import { beijingDay } from './stats';

// Per-key rate limit (calls per minute) and daily quota (calls per Beijing day), counted in the database so every
// server process behind the load balancer sees the same counts. A counter is incremented only while it is below its
// limit (one conditional upsert), so concurrent calls cannot push it past the limit; the minute is checked first, so
// a call refused for the minute does not use up the day's quota.

export type Limits = { id: string; rate_per_minute: number; daily_quota: number };

export type Admission =
  | { isAdmitted: true; remainingToday: number; limitToday: number }
  | { isAdmitted: false; reason: 'rate' | 'quota'; limit: number; retryAfterSeconds: number };

export function minuteStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

export function dayStart(now: Date): Date {
  return new Date(`${beijingDay(now)}T00:00:00+08:00`);
}

async function take(db: Queryable, keyId: string, kind: 'minute' | 'day', start: Date, limit: number): Promise<number | undefined> {
  const { rows } = await sql<{ calls: number }>`
    insert into open_api_usage as u (key_id, window_kind, window_start, calls)
    values (${keyId}, ${kind}, ${start}, 1)
    on conflict (key_id, window_kind, window_start) do update set calls = u.calls + 1 where u.calls < ${limit}
    returning u.calls`.execute(db);
  return rows[0]?.calls;
}

export async function admitCall(db: Queryable, key: Limits, now = new Date()): Promise<Admission> {
  const minute = await take(db, key.id, 'minute', minuteStart(now), key.rate_per_minute);
  if (minute === undefined) {
    return { isAdmitted: false, reason: 'rate', limit: key.rate_per_minute, retryAfterSeconds: Math.max(1, Math.ceil((minuteStart(now).getTime() + 60_000 - now.getTime()) / 1000)) };
  }
  const day = await take(db, key.id, 'day', dayStart(now), key.daily_quota);
  if (day === undefined) {
    const endOfDay = endOfLocalDay(beijingDay(now)).getTime();
    return { isAdmitted: false, reason: 'quota', limit: key.daily_quota, retryAfterSeconds: Math.max(1, Math.ceil((endOfDay - now.getTime()) / 1000)) };
  }
  return { isAdmitted: true, remainingToday: key.daily_quota - day, limitToday: key.daily_quota };
}

/** Calls each key made today (for the developer's key list). */
export async function callsToday(db: Queryable, keyIds: readonly string[], now = new Date()): Promise<Map<string, number>> {
  if (keyIds.length === 0) return new Map();
  const { rows } = await sql<{ key_id: string; calls: number }>`
    select key_id, calls from open_api_usage
     where window_kind = 'day' and window_start = ${dayStart(now)} and key_id in (${sql.join(keyIds)})`.execute(db);
  return new Map(rows.map((r) => [r.key_id, Number(r.calls)]));
}

/** Forgets windows nobody asks about any more (minutes after two hours, days after 40 days). */
export async function pruneUsage(db: Queryable, now = new Date()): Promise<void> {
  await sql`
    delete from open_api_usage
     where (window_kind = 'minute' and window_start < ${new Date(now.getTime() - 2 * 3_600_000)})
        or (window_kind = 'day' and window_start < ${new Date(now.getTime() - 40 * 86_400_000)})`.execute(db);
}
