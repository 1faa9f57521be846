import type { ColumnType, Insertable, Kysely, Selectable } from 'kysely';
import type { RegistryConflictResolution, RegistryConflictStatus, RegistryDisputeAction, RegistryDisputeRaiserKind, RegistryDisputeStatus, RegistryKind, RegistrySystem } from '@zhengtong/contracts';
import type { DB, Queryable } from '../../kernel/db';

// The registries' tables (0017_data_registries.sql), typed beside the only code that queries them and joined to the
// kernel's DB type per query handle with Kysely's withTables.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A JSON value as stored in a jsonb column (written as JSON text). */
type JsonValue = ColumnType<string | number | boolean | null, string | null, string | null>;

export type RegistrySubjectsTable = {
  id: string;
  registry: RegistryKind;
  subject_key: string;
  key_sealed: string | null;
  changed_at: Timestamp;
  checked_at: NullableTime;
  record_written_at: NullableTime;
  created_at: Timestamp;
};

export type RegistryValuesTable = {
  subject_id: string;
  field_key: string;
  source: string;
  /** SQL NULL when sealed; otherwise the JSON value (which may itself be JSON null). */
  value: JsonValue;
  sealed: string | null;
  observed_at: Timestamp;
  recorded_at: Timestamp;
  recorded_by: string | null;
};

export type RegistryConflictsTable = {
  id: string;
  subject_id: string;
  field_key: string;
  source: string;
  authoritative_source: string;
  status: Defaulted<RegistryConflictStatus>;
  resolution: RegistryConflictResolution | null;
  detected_at: Timestamp;
  last_seen_at: Timestamp;
  resolved_at: NullableTime;
};

export type RegistryCheckRunsTable = {
  id: string;
  registry: RegistryKind;
  trigger: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  subjects: number;
  opened: number;
  resolved: number;
};

export type RegistryDisputesTable = {
  id: string;
  number: string;
  subject_id: string;
  registry: RegistryKind;
  field_key: string;
  raiser_kind: RegistryDisputeRaiserKind;
  raised_by: string;
  raiser_name: string;
  raiser_department_id: string | null;
  raiser_enterprise_id: string | null;
  reason: string;
  claimed_sealed: string;
  disputed_sealed: string;
  handling_department_id: string;
  status: Defaulted<RegistryDisputeStatus>;
  due_at: Timestamp;
  overdue_at: NullableTime;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: NullableTime;
  decision_note: Defaulted<string>;
  corrected_sealed: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
};

export type RegistryDisputeActionsTable = {
  id: string;
  dispute_id: string;
  action: RegistryDisputeAction;
  actor_id: string | null;
  actor_name: string;
  note: Defaulted<string>;
  at: Timestamp;
};

export type RegistrySystemsTable = {
  key: RegistrySystem;
  department_id: string | null;
  updated_at: Timestamp;
};

export type RegistryLicenseMappingEntry = { from: string; to: string };

export type RegistryLicenseSourcesTable = {
  type_code: string;
  registry: RegistryKind;
  mapping: ColumnType<RegistryLicenseMappingEntry[], string, string>;
  updated_at: Timestamp;
};

export type RegistryTables = {
  registry_subjects: RegistrySubjectsTable;
  registry_values: RegistryValuesTable;
  registry_conflicts: RegistryConflictsTable;
  registry_check_runs: RegistryCheckRunsTable;
  registry_disputes: RegistryDisputesTable;
  registry_dispute_actions: RegistryDisputeActionsTable;
  registry_systems: RegistrySystemsTable;
  registry_license_sources: RegistryLicenseSourcesTable;
};

export type RegistryDB = DB & RegistryTables;
export type RegistryRow<T extends keyof RegistryTables> = Selectable<RegistryTables[T]>;
export type NewRegistryRow<T extends keyof RegistryTables> = Insertable<RegistryTables[T]>;

/** The same handle (database or transaction), seeing this domain's tables too. */
export function tables(db: Queryable): Kysely<RegistryDB> {
  return (db as Kysely<DB>).withTables<RegistryTables>();
}
