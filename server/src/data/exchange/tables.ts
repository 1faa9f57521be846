import type { ColumnType, Insertable, Kysely, Selectable } from 'kysely';
import type { ExchangeCallResult, ShareDemandStatus, ShareRequestAction, ShareRequestStatus } from '@zhengtong/contracts';
import type { DB, Queryable } from '../../kernel/db';

// The exchange's tables (0018_data_exchange.sql), typed beside the only code that queries them and joined to the
// kernel's DB type per query handle with Kysely's withTables.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** date columns arrive as 'YYYY-MM-DD' (kernel/db keeps dates as text). */
type DateText = string;
/** bigint columns arrive as strings. */
type BigintText = ColumnType<string, number | string | bigint | undefined, number | string | bigint>;
type Json<T> = ColumnType<T, string, string>;

export type GrantField = { key: string; unmasked: boolean };

export type ShareRequestsTable = {
  id: string;
  number: string;
  consumer_department_id: string;
  requested_by: string | null;
  resource_id: string;
  resource_code: string;
  resource_name: string;
  provider_department_id: string;
  region_code: string;
  is_conditional: boolean;
  fields: string[];
  unmasked_requested: Defaulted<string[]>;
  purpose: string;
  legal_basis: Defaulted<string>;
  valid_from: DateText;
  valid_to: DateText;
  expected_daily_volume: number;
  status: ShareRequestStatus;
  platform_due_at: Timestamp;
  provider_due_at: NullableTime;
  rate_limit_per_second: number | null;
  daily_quota: number | null;
  unmasked_fields: Defaulted<string[]>;
  refusal_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Defaulted<number>;
};

export type ShareRequestActionsTable = {
  request_id: string;
  seq: number;
  action: ShareRequestAction;
  from_status: ShareRequestStatus | null;
  to_status: ShareRequestStatus;
  actor_id: string | null;
  actor_name: string | null;
  department_id: string | null;
  note: Defaulted<string>;
  at: Timestamp;
};

export type ShareDemandsTable = {
  id: string;
  number: string;
  consumer_department_id: string;
  provider_department_id: string;
  region_code: string;
  title: string;
  description: string;
  fields_wanted: Defaulted<string>;
  purpose: string;
  status: Defaulted<ShareDemandStatus>;
  due_at: Timestamp;
  resource_id: string | null;
  resource_code: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  answered_by: string | null;
  answered_at: NullableTime;
  version: Defaulted<number>;
};

export type ExchangeGrantsTable = {
  id: string;
  request_id: string;
  consumer_department_id: string;
  provider_department_id: string;
  region_code: string;
  resource_id: string;
  resource_code: string;
  resource_name: string;
  fields: Json<GrantField[]>;
  purpose: string;
  valid_from: DateText;
  valid_to: DateText;
  rate_limit_per_second: number;
  daily_quota: number;
  status: Defaulted<'active' | 'revoked'>;
  created_at: Timestamp;
  revoked_at: NullableTime;
  revoked_by: string | null;
  revoke_reason: string | null;
  version: Defaulted<number>;
};

export type ExchangeQuotaUsageTable = {
  grant_id: string;
  day: DateText;
  leased: BigintText;
};

export type ExchangeClientsTable = {
  id: string;
  consumer_department_id: string;
  name: string;
  secret_hash: string;
  secret_hint: string;
  status: Defaulted<'active' | 'revoked'>;
  created_by: string | null;
  created_at: Timestamp;
  rotated_at: NullableTime;
  revoked_by: string | null;
  revoked_at: NullableTime;
  version: Defaulted<number>;
};

export type ExchangeCallsTable = {
  id: ColumnType<string, never, never>;
  at: Timestamp;
  client_id: string | null;
  consumer_department_id: string | null;
  provider_department_id: string | null;
  resource_code: string | null;
  grant_id: string | null;
  purpose: string | null;
  key_count: number;
  found_count: number;
  fields: Defaulted<string[]>;
  result: ExchangeCallResult;
  status: number;
  latency_us: number;
  ip: string | null;
  request_id: string | null;
  subject_indexes: Defaulted<string[]>;
  seq: ColumnType<string | null, never, string | number | null>;
  prev_hash: ColumnType<string | null, never, string | null>;
  hash: ColumnType<string | null, never, string | null>;
  sealed_at: ColumnType<Date | null, never, Date | string | null>;
};

export type ExchangeTables = {
  share_requests: ShareRequestsTable;
  share_request_actions: ShareRequestActionsTable;
  share_demands: ShareDemandsTable;
  exchange_grants: ExchangeGrantsTable;
  exchange_quota_usage: ExchangeQuotaUsageTable;
  exchange_clients: ExchangeClientsTable;
  exchange_calls: ExchangeCallsTable;
};

export type ExchangeDB = DB & ExchangeTables;
export type ExchangeRow<T extends keyof ExchangeTables> = Selectable<ExchangeTables[T]>;
export type NewExchangeRow<T extends keyof ExchangeTables> = Insertable<ExchangeTables[T]>;

/** The same handle (database or transaction), seeing this domain's tables too. */
export function tables(db: Queryable): Kysely<ExchangeDB> {
  return (db as Kysely<DB>).withTables<ExchangeTables>();
}
