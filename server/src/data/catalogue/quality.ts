import type { DataQualityReport, DataQualityScore, PublishedDataResource, UpdateCycle } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import { regionPrefix } from '../../kernel/authz';
import { publishedView } from './published';
import { allRecords } from './records';
import { isFilled, isValidValue } from './record-values';
import { tables } from './tables';

// 数据质量: per published resource, measured on its records as they are now —
// - completeness (完整性): the share of filled values over every field of every record;
// - validity (规范性): the share of filled values that are what their field says (type, GB 11643 ID numbers,
//   GB 32100 credit codes);
// - timeliness (及时性): whether the records were written within the update cycle; full marks up to one cycle, none
//   after three;
// - the score is the mean of the three. Records are streamed page by page, never held all at once.

const CYCLE_DAYS: Record<UpdateCycle, number | null> = { realtime: 1, daily: 1, weekly: 7, monthly: 31, quarterly: 92, yearly: 366, irregular: null };
const DAY_MS = 86_400_000;

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const mean = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.round((10 * present.reduce((a, b) => a + b, 0)) / present.length) / 10;
};

export function timeliness(cycle: UpdateCycle, recordsUpdatedAt: Date | null, now: Date): number | null {
  if (!recordsUpdatedAt) return null;
  const period = CYCLE_DAYS[cycle];
  if (period === null) return 100;
  const ageDays = Math.max(0, (now.getTime() - recordsUpdatedAt.getTime()) / DAY_MS);
  if (ageDays <= period) return 100;
  return Math.round(Math.max(0, 1000 * (1 - (ageDays - period) / (2 * period)))) / 10;
}

export async function scoreResource(db: Queryable, keys: Keys, resource: PublishedDataResource, now: Date): Promise<DataQualityScore> {
  let records = 0;
  let filled = 0;
  let valid = 0;
  const invalidByField: Record<string, number> = {};
  for await (const page of allRecords(db, keys, resource)) {
    for (const record of page) {
      records++;
      for (const f of resource.fields) {
        const value = record[f.key];
        if (!isFilled(value)) continue;
        filled++;
        if (isValidValue(f, value)) valid++;
        else invalidByField[f.key] = (invalidByField[f.key] ?? 0) + 1;
      }
    }
  }
  const completeness = percent(filled, records * resource.fields.length);
  const validity = percent(valid, filled);
  const timely = records === 0 ? null : timeliness(resource.updateCycle, resource.recordsUpdatedAt ? new Date(resource.recordsUpdatedAt) : null, now);
  return {
    resourceId: resource.id,
    code: resource.code,
    name: resource.name,
    providerDepartmentId: resource.providerDepartmentId,
    providerName: resource.providerName,
    updateCycle: resource.updateCycle,
    recordCount: records,
    recordsUpdatedAt: resource.recordsUpdatedAt,
    completeness,
    validity,
    timeliness: timely,
    score: mean([completeness, validity, timely]),
    invalidByField,
  };
}

export type QualityOptions = {
  /** Only this provider's resources (a department's data admin sees their own). */
  providerDepartmentId?: string;
  /** Only resources of providers inside this region (the chief data officer's). */
  regionCode?: string;
  resourceIds?: readonly string[];
  now?: Date;
};

/** Quality scores of the published (not retired) resources chosen, and their means (the metrics page uses this too). */
export async function qualityScores(db: Queryable, keys: Keys, options: QualityOptions = {}): Promise<DataQualityReport> {
  const now = options.now ?? new Date();
  let query = tables(db)
    .selectFrom('data_resources as r')
    .innerJoin('departments as d', 'd.id', 'r.provider_department_id')
    .selectAll('r')
    .select('d.name as provider_name')
    .where('r.published_version', 'is not', null)
    .where('r.status', '<>', 'retired')
    .orderBy('r.code');
  if (options.providerDepartmentId) query = query.where('r.provider_department_id', '=', options.providerDepartmentId);
  if (options.regionCode) query = query.where('r.region_code', 'like', `${regionPrefix(options.regionCode)}%`);
  if (options.resourceIds) {
    if (options.resourceIds.length === 0) return { items: [], overall: { completeness: null, validity: null, timeliness: null, score: null }, computedAt: now.toISOString() };
    query = query.where('r.id', 'in', options.resourceIds);
  }
  const rows = await query.execute();
  const items: DataQualityScore[] = [];
  for (const row of rows) items.push(await scoreResource(db, keys, publishedView(row), now));
  return {
    items,
    overall: {
      completeness: mean(items.map((i) => i.completeness)),
      validity: mean(items.map((i) => i.validity)),
      timeliness: mean(items.map((i) => i.timeliness)),
      score: mean(items.map((i) => i.score)),
    },
    computedAt: now.toISOString(),
  };
}
