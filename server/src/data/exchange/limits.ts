import { sql } from 'kysely';
import type { Queryable } from '../../kernel/db';

// A grant's two limits on the query path, neither taking a row lock per call:
// - the rate limit (calls per second) is a token bucket in this process's memory. Behind a load balancer each server
//   process grants the full rate, so N processes allow up to N × the limit; the README says so.
// - the daily quota (records per Beijing day) holds across processes: a process leases a block of the day's quota
//   from exchange_quota_usage in one conditional upsert and counts it down in memory, leasing again when it runs out.
//   The total leased never exceeds the quota, so the quota is never exceeded; near the end a process may refuse while
//   another still holds a few unused records of its block (blocks shrink as the quota runs out, to one record).

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes one call from the grant's bucket (burst = one second's worth); false when none is left. */
  take(grantId: string, perSecond: number, now = performance.now()): boolean {
    const bucket = this.buckets.get(grantId) ?? { tokens: perSecond, at: now };
    bucket.tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    const isAllowed = bucket.tokens >= 1;
    if (isAllowed) bucket.tokens -= 1;
    this.buckets.set(grantId, bucket);
    return isAllowed;
  }
}

const MAX_BLOCK = 1000;

type Pool = { day: string; quota: number; available: number };

/** The block to lease: a twentieth of the quota (at most 1,000 records), never less than what this call needs. */
export function leaseBlock(dailyQuota: number, need: number): number {
  return Math.max(need, Math.min(MAX_BLOCK, Math.floor(dailyQuota / 20)));
}

export class QuotaLedger {
  private readonly pools = new Map<string, Pool>();

  /** Takes `count` records of the grant's quota for the day; false when the quota cannot cover them. */
  async take(db: Queryable, grant: { id: string; dailyQuota: number }, day: string, count: number): Promise<boolean> {
    if (count > grant.dailyQuota) return false;
    for (let attempt = 0; attempt < 3; attempt++) {
      const pool = this.poolOf(grant, day);
      if (pool.available >= count) {
        pool.available -= count;
        return true;
      }
      const need = count - pool.available;
      const block = Math.min(leaseBlock(grant.dailyQuota, need), grant.dailyQuota);
      const leased = (await lease(db, grant, day, block)) || (block > need ? await lease(db, grant, day, need) : 0);
      if (leased === 0) return false;
      // Another request of this process may have used or added records while the lease was on its way.
      this.poolOf(grant, day).available += leased;
    }
    return false;
  }

  /** A new day, or a changed quota, starts from nothing: records leased under a higher quota are forfeited. */
  private poolOf(grant: { id: string; dailyQuota: number }, day: string): Pool {
    const pool = this.pools.get(grant.id);
    if (pool && pool.day === day && pool.quota === grant.dailyQuota) return pool;
    const fresh = { day, quota: grant.dailyQuota, available: 0 };
    this.pools.set(grant.id, fresh);
    return fresh;
  }
}

/** Leases `amount` records of the day's quota, all or nothing: returns amount, or 0 when the quota cannot cover it. */
async function lease(db: Queryable, grant: { id: string; dailyQuota: number }, day: string, amount: number): Promise<number> {
  const { rows } = await sql<{ leased: string }>`
    insert into exchange_quota_usage as u (grant_id, day, leased) values (${grant.id}, ${day}, ${amount})
    on conflict (grant_id, day) do update set leased = u.leased + excluded.leased
      where u.leased + excluded.leased <= ${grant.dailyQuota}
    returning leased`.execute(db);
  return rows.length > 0 ? amount : 0;
}
