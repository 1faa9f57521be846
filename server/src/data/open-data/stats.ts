import { sql } from 'kysely';
import { toLocalDate } from '../../kernel/calendar';
import type { Queryable } from '../../kernel/db';
import { tables } from './tables';

// Daily use of each open dataset (open_dataset_stats): downloads started and open-API calls answered, counted on
// the Beijing calendar day so a day's figures match what staff read on paper.

export type DatasetUsage = { downloads: number; apiCalls: number; downloadsLast30Days: number; apiCallsLast30Days: number };
export const NO_USAGE: DatasetUsage = { downloads: 0, apiCalls: 0, downloadsLast30Days: 0, apiCallsLast30Days: 0 };

export function beijingDay(now: Date = new Date()): string {
  return toLocalDate(now);
}

async function bump(db: Queryable, resourceId: string, column: 'downloads' | 'api_calls', now: Date): Promise<void> {
  await tables(db)
    .insertInto('open_dataset_stats')
    .values({ resource_id: resourceId, day: beijingDay(now), [column]: 1 })
    .onConflict((oc) => oc.columns(['resource_id', 'day']).doUpdateSet({ [column]: sql`open_dataset_stats.${sql.ref(column)} + 1` }))
    .execute();
}

export function countDownload(db: Queryable, resourceId: string, now = new Date()): Promise<void> {
  return bump(db, resourceId, 'downloads', now);
}

export function countApiCall(db: Queryable, resourceId: string, now = new Date()): Promise<void> {
  return bump(db, resourceId, 'api_calls', now);
}

/** All-time and last-30-day totals per dataset (datasets never used are absent). */
export async function usageByDataset(db: Queryable, only?: readonly string[], now = new Date()): Promise<Map<string, DatasetUsage>> {
  if (only && only.length === 0) return new Map();
  const since = beijingDay(new Date(now.getTime() - 29 * 86_400_000));
  let query = tables(db)
    .selectFrom('open_dataset_stats')
    .select([
      'resource_id',
      sql<string>`sum(downloads)`.as('downloads'),
      sql<string>`sum(api_calls)`.as('api_calls'),
      sql<string>`coalesce(sum(downloads) filter (where day >= ${since}::date), 0)`.as('downloads_30'),
      sql<string>`coalesce(sum(api_calls) filter (where day >= ${since}::date), 0)`.as('api_calls_30'),
    ])
    .groupBy('resource_id');
  if (only) query = query.where('resource_id', 'in', [...only]);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [
      r.resource_id,
      { downloads: Number(r.downloads), apiCalls: Number(r.api_calls), downloadsLast30Days: Number(r.downloads_30), apiCallsLast30Days: Number(r.api_calls_30) },
    ]),
  );
}
