import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { DB, Queryable } from '../../kernel/db';

// The open-data domain's tables (0019_open_data.sql), typed beside the only code that queries them and joined to the
// kernel's DB type per query handle with Kysely's withTables.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint columns arrive as strings (kernel/db keeps int8 as text). */
type BigintText = ColumnType<string, number | string | bigint | undefined, number | string | bigint>;
/** date columns arrive as 'YYYY-MM-DD' text. */
type DateText = ColumnType<string, string, string>;

export type OpenDatasetSettingsTable = {
  resource_id: string;
  is_featured: Defaulted<boolean>;
  featured_rank: Defaulted<number>;
  licence_name: Defaulted<string>;
  licence_terms: Defaulted<string>;
  contact_name: Defaulted<string>;
  contact_email: Defaulted<string>;
  contact_phone: Defaulted<string>;
  version: Defaulted<number>;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Timestamp;
};

export type OpenApiKeysTable = {
  id: string;
  account_id: string;
  enterprise_id: string | null;
  name: string;
  prefix: string;
  secret_hash: string;
  rate_per_minute: number;
  daily_quota: number;
  call_count: BigintText;
  created_at: Timestamp;
  last_used_at: NullableTime;
  revoked_at: NullableTime;
};

export type OpenApiUsageTable = {
  key_id: string;
  window_kind: 'minute' | 'day';
  window_start: ColumnType<Date, Date | string, Date | string>;
  calls: number;
};

export type OpenDatasetStatsTable = {
  resource_id: string;
  day: DateText;
  downloads: Defaulted<number>;
  api_calls: Defaulted<number>;
};

export type StoredApplicationStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';

export type OpenDataApplicationsTable = {
  id: string;
  resource_id: string;
  applicant_account_id: string;
  applicant_enterprise_id: string | null;
  applicant_name: string;
  purpose: string;
  scenario: string;
  months: number;
  status: Defaulted<StoredApplicationStatus>;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: NullableTime;
  decision_note: Defaulted<string>;
  valid_until: NullableTime;
  version: Defaulted<number>;
  created_at: Timestamp;
};

export type OpenDataTables = {
  open_dataset_settings: OpenDatasetSettingsTable;
  open_api_keys: OpenApiKeysTable;
  open_api_usage: OpenApiUsageTable;
  open_dataset_stats: OpenDatasetStatsTable;
  open_data_applications: OpenDataApplicationsTable;
};

export type OpenDataRow<T extends keyof OpenDataTables> = Selectable<OpenDataTables[T]>;

/** The same handle (database or transaction), seeing this domain's tables too. */
export function tables(db: Queryable): Kysely<DB & OpenDataTables> {
  return (db as Kysely<DB>).withTables<OpenDataTables>();
}
