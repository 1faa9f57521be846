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

// ---------------------------------------------------------------- services/catalogue (0006_catalogue.sql)

export type LifeEventsTable = {
  code: string;
  name_zh: string;
  name_en: string;
  audience: 'person' | 'enterprise';
  sort: Defaulted<number>;
};

export type ServiceItemsTable = {
  id: string;
  basic_code: string;
  name: string;
  type: 'license' | 'benefit' | 'confirmation' | 'levy' | 'adjudication' | 'reward' | 'otherPower' | 'publicService';
  power_source: 'statutory' | 'delegated' | 'authorized' | 'entrusted' | 'peerAuthorized' | 'peerEntrusted';
  basis: Json<{ name: string; article: string; excerpt: string }[]>;
  audience: 'person' | 'enterprise' | 'both';
  keywords: Defaulted<string[]>;
  aliases: Defaulted<string[]>;
  department_category: string;
  description: Defaulted<string>;
  sort: Defaulted<number>;
  region_code: string;
  search_name: string;
  search_aliases: Defaulted<string[]>;
  search_keywords: Defaulted<string[]>;
  search_text: string;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ServiceItemLifeEventsTable = { service_item_id: string; life_event_code: string };

export type ServiceItemImplementationsTable = {
  id: string;
  service_item_id: string;
  department_id: string;
  region_code: string;
  serial: number;
  implementation_code: string;
  is_active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ItemVersionStatusColumn = 'draft' | 'review' | 'published' | 'retired';
type LimitUnitColumn = 'workingDay' | 'naturalDay';

export type ServiceItemVersionsTable = {
  id: string;
  implementation_id: string;
  version: number;
  status: ItemVersionStatusColumn;
  effective_from: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  effective_to: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  item_snapshot: Json<Record<string, unknown>>;
  acceptance_conditions: string;
  legal_limit_days: number | null;
  legal_limit_unit: LimitUnitColumn | null;
  legal_limit_note: Defaulted<string>;
  promised_limit_days: number;
  promised_limit_unit: LimitUnitColumn;
  promised_limit_note: Defaulted<string>;
  case_kind: 'immediate' | 'promised';
  channels: string[];
  visits_required: number;
  is_charged: boolean;
  fee_basis: string | null;
  fee_amount_fen: ColumnType<string | null, number | null | undefined, number | null>;
  fee_note: Defaulted<string>;
  location: string;
  hours: string;
  consult_phone: string;
  complaint_phone: string;
  allows_pledge: boolean;
  allows_gaps: boolean;
  materials: Json<unknown[]>;
  form: Json<Record<string, unknown>>;
  workflow: Json<Record<string, unknown>>;
  result_fields: Json<unknown[]>;
  result_template: Defaulted<string>;
  change_note: Defaulted<string>;
  submitted_by: string | null;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reject_reason: string | null;
  revision: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ServiceItemVersionActionsTable = {
  id: string;
  version_id: string;
  action: 'create' | 'edit' | 'submit' | 'withdraw' | 'approve' | 'reject' | 'retire' | 'discard' | 'supersede';
  from_status: ItemVersionStatusColumn | null;
  to_status: ItemVersionStatusColumn | null;
  actor_id: string | null;
  actor_name: string;
  note: Defaulted<string>;
  at: Timestamp;
};

// ---------------------------------------------------------------- services/cases (0007_cases.sql)

export type CaseStatusColumn = 'draft' | 'submitted' | 'accepted' | 'in_review' | 'suspended' | 'decided' | 'completed' | 'refused' | 'withdrawn' | 'denied';
export type CaseStepColumn = 'accept' | 'review' | 'inspect' | 'decide' | 'countersign' | 'complete';
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type CasesTable = {
  id: string;
  case_number: string | null;
  tracking_code: string;
  item_version_id: string;
  implementation_id: string;
  service_item_id: string;
  item_name: string;
  department_id: string;
  handling_department_id: string;
  handling_department_name: string;
  region_code: string;
  channel: 'online' | 'window';
  case_kind: 'immediate' | 'promised';
  status: CaseStatusColumn;
  current_step: CaseStepColumn | null;
  step_role: string | null;
  suspend_kind: 'supplement' | 'special' | null;
  resume_status: 'submitted' | 'accepted' | 'in_review' | 'decided' | null;
  applicant_type: 'person' | 'enterprise';
  applicant_account_id: string | null;
  applicant_enterprise_id: string | null;
  applicant_name: string;
  applicant_id_number_enc: string | null;
  applicant_id_number_idx: string | null;
  applicant_credit_code: string | null;
  agent_name: string | null;
  agent_id_number_enc: string | null;
  agent_id_number_idx: string | null;
  contact_phone_enc: string | null;
  contact_email_enc: string | null;
  filed_by: string;
  filed_department_id: string | null;
  form_values: ColumnType<Record<string, unknown>, string | undefined, string>;
  material_choices: ColumnType<Record<string, 'pledge' | 'gap' | 'upload'>, string | undefined, string>;
  supplement_request: ColumnType<{ requestedAt: string; items: { target: 'material' | 'field' | 'other'; key: string; reason: string }[]; note: string } | null, string | null | undefined, string | null>;
  countersign_pending: ColumnType<string[], string | undefined, string>;
  result_kind: 'approved' | 'denied' | 'refused' | null;
  result_values: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  result_reason: string | null;
  result_revoked_at: NullableTime;
  result_revoked_reason: string | null;
  decision_file_sm3: string | null;
  decision_seal_key_id: string | null;
  decision_signature: string | null;
  decided_at: NullableTime;
  promised_days: number;
  promised_unit: 'workingDay' | 'naturalDay';
  legal_days: number | null;
  legal_unit: 'workingDay' | 'naturalDay' | null;
  submitted_at: NullableTime;
  accepted_at: NullableTime;
  due_at: NullableTime;
  legal_due_at: NullableTime;
  suspended_days: Defaulted<number>;
  suspended_since: NullableTime;
  completed_at: NullableTime;
  materials_required: number | null;
  materials_fetched: number | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CaseActionsTable = {
  id: string;
  case_id: string;
  seq: number;
  action: string;
  from_status: CaseStatusColumn | null;
  to_status: CaseStatusColumn;
  step: CaseStepColumn | null;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  department_id: string | null;
  department_name: string | null;
  note: Defaulted<string>;
  detail: Json<Record<string, unknown>>;
  clock: 'none' | 'start' | 'stop' | 'resume' | 'end';
  at: ColumnType<Date, Date | string, Date | string>;
};

export type CaseMaterialsTable = {
  id: string;
  case_id: string;
  material_key: string;
  file_sm3: string;
  size_bytes: ColumnType<string, number, number>;
  format: 'pdf' | 'jpg' | 'png' | 'ofd';
  file_name: string;
  trust_level: 'A' | 'B' | 'C' | 'D';
  uploaded_by: string;
  uploaded_at: Timestamp;
  removed_at: NullableTime;
};

export type CasePledgesTable = {
  case_id: string;
  material_key: string;
  pledge_text: string;
  text_sm3: string;
  signer_name: string;
  signed_by: string;
  signed_at: ColumnType<Date, Date | string, Date | string>;
  check_outcome: 'confirmed' | 'false' | null;
  check_note: Generated<string>;
  checked_by: string | null;
  checked_at: NullableTime;
};

export type CaseGapsTable = {
  case_id: string;
  material_key: string;
  due_at: ColumnType<Date, Date | string, Date | string>;
  form: string;
  fulfilled_at: NullableTime;
};

export type CaseLicensesTable = {
  case_id: string;
  material_key: string;
  license_id: string;
  identifier: string;
  type_code: string;
  type_name: string;
  issuer_name: string;
  holder_name: string;
  valid_from: ColumnType<string, string, string>;
  valid_to: ColumnType<string | null, string | null, string | null>;
  fields: ColumnType<{ key: string; name: string; value: string }[], string, string>;
  seal_key_id: string;
  signature: string;
  use_id: string;
  fetched_at: ColumnType<Date, Date | string, Date | string>;
};

export type CaseNumberCountersTable = { region6: string; day: ColumnType<string, string, string>; last: number };

export type NotificationsTable = {
  id: string;
  account_id: string;
  case_id: string | null;
  kind: string;
  title: string;
  body: string;
  created_at: Timestamp;
  read_at: NullableTime;
};

export type CreditBlacklistTable = {
  id: string;
  subject_type: 'person' | 'enterprise';
  id_number_idx: string | null;
  id_number_enc: string | null;
  credit_code: string | null;
  name: string;
  reason: string;
  source: string;
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Timestamp;
  removed_at: NullableTime;
  removed_by: string | null;
};

export type SealKindColumn = 'official' | 'approval' | 'licence';

export type SealsTable = {
  id: string;
  department_id: string;
  name: string;
  kind: SealKindColumn;
  key_id: string;
  public_key_hex: string;
  private_key_enc: string;
  status: Defaulted<'active' | 'revoked'>;
  revoked_at: NullableTime;
  revoked_reason: string | null;
  revoked_by: string | null;
  /** Beijing dates (YYYY-MM-DD), both inclusive. */
  valid_from: ColumnType<string, string, string>;
  valid_to: ColumnType<string, string, string>;
  created_by: string | null;
  created_at: Timestamp;
  version: Defaulted<number>;
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
  // services/catalogue
  life_events: LifeEventsTable;
  service_items: ServiceItemsTable;
  service_item_life_events: ServiceItemLifeEventsTable;
  service_item_implementations: ServiceItemImplementationsTable;
  service_item_versions: ServiceItemVersionsTable;
  service_item_version_actions: ServiceItemVersionActionsTable;
  // services/cases
  cases: CasesTable;
  case_actions: CaseActionsTable;
  case_materials: CaseMaterialsTable;
  case_pledges: CasePledgesTable;
  case_gaps: CaseGapsTable;
  case_licenses: CaseLicensesTable;
  case_number_counters: CaseNumberCountersTable;
  notifications: NotificationsTable;
  credit_blacklist: CreditBlacklistTable;
  // platform/seals
  seals: SealsTable;
};

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
