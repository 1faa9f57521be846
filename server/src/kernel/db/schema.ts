import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A column the database fills in on insert (default) but that may be given. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type AuditLogTable = {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'denied' | 'failure';
  ip: string | null;
  request_id: string | null;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
};

export type OutboxEventsTable = {
  id: Generated<string>;
  topic: string;
  payload: Json<Record<string, unknown>>;
  created_at: Timestamp;
  processed_at: Date | null;
  attempts: Defaulted<number>;
  last_error: string | null;
  /** 0005: not delivered before this time (back-off after a failed attempt). */
  next_attempt_at: Timestamp;
};

export type JobsTable = {
  id: Generated<string>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  run_at: Timestamp;
  status: Defaulted<'queued' | 'done' | 'failed'>;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  dedupe_key: string | null;
  done_by: string | null;
  done_at: Date | null;
  last_error: string | null;
  created_at: Timestamp;
};

export type RecurringJobsTable = {
  name: string;
  interval_seconds: number;
  next_run_at: Timestamp;
  last_run_at: Date | null;
  last_run_by: string | null;
  last_error: string | null;
};

export type IdempotencyKeysTable = {
  key: string;
  actor_id: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response: Json | null;
  created_at: Timestamp;
};

export type CalendarDaysTable = {
  day: ColumnType<string, string, string>;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type CalendarYearsTable = {
  year: number;
  source: string;
  is_provisional: Defaulted<boolean>;
  /** 0005: optimistic concurrency for edits to the year and its days. */
  version: Defaulted<number>;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type SettingsTable = {
  key: string;
  value: Json;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type SecretsTable = { name: string; value: string; created_at: Timestamp };

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

export type RegionsTable = {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  sort: Defaulted<number>;
  /** 0003_org */
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DepartmentsTable = {
  id: string;
  name: string;
  short_name: string | null;
  credit_code: string;
  region_code: string;
  parent_id: string | null;
  sort: Defaulted<number>;
  is_active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PositionsTable = {
  id: string;
  department_id: string;
  name: string;
  sort: Defaulted<number>;
  /** 0003_org */
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type AccountType = 'citizen' | 'enterprise' | 'staff';

export type AccountsTable = {
  id: string;
  type: AccountType;
  username: string | null;
  display_name: string;
  password_hash: string;
  status: Defaulted<'active' | 'disabled'>;
  real_name_level: Defaulted<number>;
  failed_attempts: Defaulted<number>;
  locked_until: Date | null;
  totp_secret: string | null;
  totp_enabled: Defaulted<boolean>;
  totp_last_step: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  totp_required: Defaulted<boolean>;
  must_change_password: Defaulted<boolean>;
  password_changed_at: Timestamp;
  sessions_valid_after: Timestamp;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type LoginKeyKind = 'username' | 'idNumber' | 'phone' | 'creditCode';
export type LoginKeysTable = { kind: LoginKeyKind; key: string; account_id: string };

export type PersonsTable = {
  account_id: string;
  name: string;
  id_number_enc: string;
  id_number_idx: string;
  phone_enc: string | null;
  phone_idx: string | null;
  gender: 'male' | 'female' | null;
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  region_code: string | null;
  created_at: Timestamp;
};

export type EnterprisesTable = {
  id: string;
  account_id: string | null;
  name: string;
  credit_code: string;
  legal_rep_name: string;
  legal_rep_id_enc: string;
  legal_rep_id_idx: string;
  region_code: string | null;
  address: string | null;
  created_at: Timestamp;
};

export type EnterpriseAgentsTable = {
  id: string;
  enterprise_id: string;
  person_account_id: string;
  granted_by: string;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
  revoked_at: Date | null;
  created_at: Timestamp;
};

export type StaffTable = {
  account_id: string;
  name: string;
  department_id: string;
  region_code: string;
  position_id: string | null;
  phone_enc: string | null;
  phone_idx: string | null;
  created_at: Timestamp;
};

export type AccountRolesTable = { account_id: string; role: string; granted_by: string | null; granted_at: Timestamp };

export type SessionStage = 'full' | 'password-change' | 'totp-enrol';

export type SessionsTable = {
  id: string;
  account_id: string;
  acting_for: string | null;
  stage: Defaulted<SessionStage>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Date | null;
  ip: string | null;
  user_agent: string | null;
};

export type OidcClientsTable = {
  client_id: string;
  name: string;
  secret_enc: string | null;
  redirect_uris: Json<string[]>;
  post_logout_redirect_uris: Json<string[]>;
  is_public: Defaulted<boolean>;
  is_active: Defaulted<boolean>;
  department_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  // 0004_oidc.sql
  token_endpoint_auth_method: Defaulted<'client_secret_basic' | 'client_secret_post' | 'none'>;
  secret_rotated_at: Date | null;
  version: Defaulted<number>;
};

export type OidcPayloadsTable = {
  id: string;
  type: string;
  payload: Json<Record<string, unknown>>;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: Date | null;
  consumed_at: Date | null;
};

/** Every table Zhengtong owns. Each domain queries only its own tables (see DESIGN.md). */
export type DB = {
  audit_log: AuditLogTable;
  outbox_events: OutboxEventsTable;
  jobs: JobsTable;
  recurring_jobs: RecurringJobsTable;
  idempotency_keys: IdempotencyKeysTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  settings: SettingsTable;
  secrets: SecretsTable;
  regions: RegionsTable;
  departments: DepartmentsTable;
  positions: PositionsTable;
  accounts: AccountsTable;
  login_keys: LoginKeysTable;
  persons: PersonsTable;
  enterprises: EnterprisesTable;
  enterprise_agents: EnterpriseAgentsTable;
  staff: StaffTable;
  account_roles: AccountRolesTable;
  sessions: SessionsTable;
  oidc_clients: OidcClientsTable;
  oidc_payloads: OidcPayloadsTable;
};

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
