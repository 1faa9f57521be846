import type { Queryable } from '../../kernel/db';

/** Active departments per county-or-above region, for the cockpit. */
export async function countDepartmentsByRegion(db: Queryable): Promise<{ regionCode: string; regionName: string; count: number }[]> {
  const rows = await db
    .selectFrom('departments as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select(['r.code', 'r.name', (eb) => eb.fn.countAll<string>().as('count')])
    .where('d.is_active', '=', true)
    .groupBy(['r.code', 'r.name'])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({ regionCode: r.code, regionName: r.name, count: Number(r.count) }));
}
