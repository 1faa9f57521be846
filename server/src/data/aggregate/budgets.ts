import { sql } from 'kysely';
import type { AggregateBudgetPeriod, AggregateBudgetStatus, AggregateBudgetView, MyAggregateBudgetView, SetAggregateBudgetInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable } from '../../kernel/db';
import { regionPrefix, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { toLocalDate } from '../../kernel/calendar';
import { findDepartment } from '../../platform/departments';
import { inPlatformRegion, requireConsumer, requirePlatform } from './access';
import { tables, type AggregateRow } from './tables';

// Privacy budgets: the total ε a consuming department's noisy queries may spend per period (Beijing calendar month,
// quarter or year). Spending is one row per department and period, debited by a single conditional upsert so that
// concurrent queries never spend more than the budget.

/** ε values are exact decimals with three places; compare and add them in thousandths. */
export function thousandths(value: number | string): number {
  return Math.round(Number(value) * 1000);
}

const fromThousandths = (n: number) => n / 1000;

/** The period containing `now` (Beijing): its first day and the first day of the next. */
export function periodOf(period: AggregateBudgetPeriod, now: Date): { start: string; end: string } {
  const [y = 0, m = 1] = toLocalDate(now).split('-').map(Number);
  const firstMonth = period === 'month' ? m : period === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : 1;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const date = (year: number, month: number) => `${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`;
  return { start: date(y, firstMonth), end: date(y, firstMonth + months) };
}

type BudgetRow = AggregateRow<'aggregate_budgets'> & { department_name: string; spent: string | null; query_count: number | null };

function budgetRows(db: Queryable) {
  return tables(db)
    .selectFrom('aggregate_budgets as b')
    .innerJoin('departments as d', 'd.id', 'b.department_id')
    .selectAll('b')
    .select('d.name as department_name');
}

async function withSpending(db: Queryable, rows: (AggregateRow<'aggregate_budgets'> & { department_name: string })[], now: Date): Promise<BudgetRow[]> {
  if (rows.length === 0) return [];
  const keys = rows.map((r) => ({ department_id: r.department_id, period_start: periodOf(r.period, now).start }));
  const spend = await tables(db)
    .selectFrom('aggregate_budget_spend')
    .select(['department_id', 'period_start', 'spent', 'query_count'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('department_id', '=', k.department_id), eb('period_start', '=', k.period_start)]))))
    .execute();
  return rows.map((r) => {
    const start = periodOf(r.period, now).start;
    const found = spend.find((s) => s.department_id === r.department_id && s.period_start === start);
    return { ...r, spent: found?.spent ?? null, query_count: found?.query_count ?? null };
  });
}

function statusOf(row: Pick<BudgetRow, 'period' | 'epsilon_per_period' | 'spent' | 'query_count'>, now: Date): AggregateBudgetStatus {
  const { start, end } = periodOf(row.period, now);
  const limit = thousandths(row.epsilon_per_period);
  const spent = thousandths(row.spent ?? 0);
  return {
    period: row.period,
    epsilonPerPeriod: fromThousandths(limit),
    periodStart: start,
    periodEnd: end,
    spent: fromThousandths(spent),
    remaining: fromThousandths(Math.max(0, limit - spent)),
    queryCount: row.query_count ?? 0,
  };
}

function budgetView(row: BudgetRow, now: Date): AggregateBudgetView {
  return {
    ...statusOf(row, now),
    departmentId: row.department_id,
    departmentName: row.department_name,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedByName: row.updated_by_name,
  };
}

/** A department's budget in the current period, or null when it has none. */
export async function budgetStatus(db: Queryable, departmentId: string, now: Date): Promise<AggregateBudgetStatus | null> {
  const row = await budgetRows(db).where('b.department_id', '=', departmentId).executeTakeFirst();
  if (!row) return null;
  const [withSpend] = await withSpending(db, [row], now);
  return withSpend ? statusOf(withSpend, now) : null;
}

/**
 * Debits ε from the department's budget of the current period, in one statement: the upsert locks the period's row
 * (or the unique index entry of a first debit) and re-checks `spent + ε ≤ limit` against the latest committed value,
 * so two queries at once can never both take the last of the budget. Returns false when the budget cannot pay.
 */
export async function debitBudget(tx: Queryable, departmentId: string, period: AggregateBudgetPeriod, epsilon: number, now: Date): Promise<boolean> {
  const { start } = periodOf(period, now);
  const need = fromThousandths(thousandths(epsilon)).toFixed(3);
  const { rows } = await sql<{ spent: string }>`
    INSERT INTO aggregate_budget_spend (department_id, period_start, spent, query_count)
    SELECT b.department_id, ${start}::date, ${need}::numeric, 1
      FROM aggregate_budgets b
     WHERE b.department_id = ${departmentId} AND b.period = ${period} AND ${need}::numeric <= b.epsilon_per_period
    ON CONFLICT (department_id, period_start) DO UPDATE
       SET spent = aggregate_budget_spend.spent + excluded.spent,
           query_count = aggregate_budget_spend.query_count + 1,
           updated_at = now()
     WHERE aggregate_budget_spend.spent + excluded.spent
           <= (SELECT b.epsilon_per_period FROM aggregate_budgets b WHERE b.department_id = excluded.department_id AND b.period = ${period})
    RETURNING spent`.execute(tx);
  return rows.length === 1;
}

// ---------------------------------------------------------------- the platform sets budgets; consumers see theirs

export async function listBudgets(kernel: Kernel, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<{ items: AggregateBudgetView[] }> {
  const region = requirePlatform(actor);
  const rows = await budgetRows(kernel.db)
    .$if(region !== '', (q) => q.where('b.region_code', 'like', `${regionPrefix(region)}%`))
    .orderBy('d.region_code')
    .orderBy('d.sort')
    .orderBy('d.name')
    .execute();
  return { items: (await withSpending(kernel.db, rows, now)).map((r) => budgetView(r, now)) };
}

export async function myBudget(kernel: Kernel, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<MyAggregateBudgetView> {
  const consumer = requireConsumer(actor);
  const department = await findDepartment(kernel.db, consumer.departmentId);
  const row = await budgetRows(kernel.db).where('b.department_id', '=', consumer.departmentId).executeTakeFirst();
  const [withSpend] = row ? await withSpending(kernel.db, [row], now) : [];
  return { departmentName: department?.name ?? null, budget: withSpend ? budgetView(withSpend, now) : null };
}

/** Creates (version null) or changes a department's budget; a change applies to the current period at once. */
export async function setBudget(
  kernel: Kernel,
  { actor, departmentId, input, now = new Date() }: { actor: Actor; departmentId: string; input: SetAggregateBudgetInput; now?: Date },
): Promise<AggregateBudgetView> {
  const region = requirePlatform(actor);
  const department = await findDepartment(kernel.db, departmentId);
  if (!department || !department.is_active) throw new AppError('NOT_FOUND', { detail: 'aggregate.departmentNotFound' });
  if (!inPlatformRegion(region, department.region_code)) throw new AppError('OUT_OF_SCOPE', { detail: 'aggregate.departmentOutOfScope' });
  const actorId = actor.kind === 'account' ? actor.accountId : null;
  const actorName = actor.kind === 'account' ? actor.displayName : actor.kind === 'system' ? actor.name : null;
  const epsilon = fromThousandths(thousandths(input.epsilonPerPeriod)).toFixed(3);
  await inTransaction(kernel.db, async (tx) => {
    const db = tables(tx);
    const current = await db.selectFrom('aggregate_budgets').selectAll().where('department_id', '=', departmentId).forUpdate().executeTakeFirst();
    if (input.version === null) {
      if (current) throw new AppError('STALE_VERSION', { detail: 'aggregate.budgetExists' });
      // Two creations at once: the primary key makes the second one fail, as a stale version.
      const inserted = await db
        .insertInto('aggregate_budgets')
        .values({ department_id: departmentId, region_code: department.region_code, period: input.period, epsilon_per_period: epsilon, updated_by: actorId, updated_by_name: actorName })
        .onConflict((oc) => oc.column('department_id').doNothing())
        .returning('department_id')
        .executeTakeFirst();
      if (!inserted) throw new AppError('STALE_VERSION', { detail: 'aggregate.budgetExists' });
    } else {
      if (!current) throw new AppError('NOT_FOUND', { detail: 'aggregate.departmentNotFound' });
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await db
        .updateTable('aggregate_budgets')
        .set({ period: input.period, epsilon_per_period: epsilon, version: current.version + 1, updated_by: actorId, updated_by_name: actorName, updated_at: sql`now()` })
        .where('department_id', '=', departmentId)
        .execute();
    }
    await audit(tx, actor, {
      action: 'aggregate.budget.set',
      objectType: 'department',
      objectId: departmentId,
      detail: { department: department.name, period: input.period, epsilonPerPeriod: Number(epsilon), previous: current ? { period: current.period, epsilonPerPeriod: Number(current.epsilon_per_period) } : null },
    });
  });
  const row = await budgetRows(kernel.db).where('b.department_id', '=', departmentId).executeTakeFirstOrThrow();
  const [withSpend] = await withSpending(kernel.db, [row], now);
  if (!withSpend) throw new Error('budget vanished after writing it');
  return budgetView(withSpend, now);
}
