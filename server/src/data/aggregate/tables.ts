import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { AggregateBudgetPeriod, AggregateFilter, AggregateMeasure, AggregateMeasureSpec, AggregateQueryOutcome } from '@zhengtong/contracts';
import type { DB, Queryable } from '../../kernel/db';

// The aggregate domain's tables (0020_data_aggregate.sql), typed beside the only code that queries them and joined to
// the kernel's DB type per query handle with Kysely's withTables.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns arrive as strings (kernel/db keeps numeric as text, exact). */
type NumericText = ColumnType<string, number | string | undefined, number | string>;
/** date columns arrive as 'YYYY-MM-DD'. */
type DateText = string;
type Json<T> = ColumnType<T, string, string>;
type DefaultedJson<T> = ColumnType<T, string | undefined, string>;

export type AggregateResourcesTable = {
  resource_id: string;
  resource_code: string;
  resource_name: string;
  provider_department_id: string;
  region_code: string;
  dimensions: string[];
  measures: DefaultedJson<AggregateMeasureSpec[]>;
  k: Defaulted<number>;
  is_noisy: Defaulted<boolean>;
  epsilon: NumericText;
  is_active: Defaulted<boolean>;
  note: Defaulted<string>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Timestamp;
};

export type AggregateBudgetsTable = {
  department_id: string;
  region_code: string;
  period: Defaulted<AggregateBudgetPeriod>;
  epsilon_per_period: NumericText;
  version: Defaulted<number>;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Timestamp;
};

export type AggregateBudgetSpendTable = {
  department_id: string;
  period_start: DateText;
  spent: NumericText;
  query_count: Defaulted<number>;
  updated_at: Timestamp;
};

export type AggregateQueriesTable = {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  department_id: string;
  department_name: string;
  resource_id: string;
  resource_code: string;
  resource_name: string;
  region_code: string;
  group_by: Defaulted<string[]>;
  measures: Json<AggregateMeasure[]>;
  filters: DefaultedJson<AggregateFilter[]>;
  purpose: string;
  k: number;
  is_noisy: boolean;
  epsilon_spent: NumericText;
  groups_returned: Defaulted<number>;
  groups_suppressed: Defaulted<number>;
  outcome: AggregateQueryOutcome;
};

export type AggregateTables = {
  aggregate_resources: AggregateResourcesTable;
  aggregate_budgets: AggregateBudgetsTable;
  aggregate_budget_spend: AggregateBudgetSpendTable;
  aggregate_queries: AggregateQueriesTable;
};

export type AggregateDB = DB & AggregateTables;
export type AggregateRow<T extends keyof AggregateTables> = Selectable<AggregateTables[T]>;

/** The same handle (database or transaction), seeing this domain's tables too. */
export function tables(db: Queryable): Kysely<AggregateDB> {
  return (db as Kysely<DB>).withTables<AggregateTables>();
}
