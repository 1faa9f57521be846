import type { Queryable } from '../../kernel/db';

export async function countAccountsByType(db: Queryable): Promise<{ citizen: number; enterprise: number; staff: number }> {
  const rows = await db
    .selectFrom('accounts')
    .select(['type', (eb) => eb.fn.countAll<string>().as('count')])
    .where('status', '=', 'active')
    .groupBy('type')
    .execute();
  const of = (type: string) => Number(rows.find((r) => r.type === type)?.count ?? 0);
  return { citizen: of('citizen'), enterprise: of('enterprise'), staff: of('staff') };
}
