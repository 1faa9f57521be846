import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';
import type { HolderType, LicenseAction, LicenseHolderSource, LicenseSource, LicenseStatus, LicenseTypeField, LicenseValidityRule, TrustLevel } from '@zhengtong/contracts';
import type { DB, Queryable } from '../../kernel/db';

// The licences domain's tables (0012_licenses.sql). They are typed here, beside the only code that queries them,
// and joined to the kernel's DB type per query handle with Kysely's withTables.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type DateText = ColumnType<string, string, string>;
/** bigint columns arrive as strings (kernel/db keeps int8 as text). */
type BigintText = ColumnType<string, number | string | bigint, number | string | bigint>;

export type LicenseTypesTable = {
  id: string;
  code: string;
  name: string;
  department_id: string;
  holder_type: HolderType;
  fields: ColumnType<LicenseTypeField[], string | undefined, string>;
  validity: Json<LicenseValidityRule>;
  trust_level: TrustLevel;
  issuing_basic_codes: Defaulted<string[]>;
  holder_source: ColumnType<LicenseHolderSource, string | undefined, string>;
  description: Defaulted<string>;
  is_active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type LicenseSerialsTable = { type_id: string; issuer_department_id: string; last: BigintText };

export type LicensesTable = {
  id: string;
  identifier: string;
  type_id: string;
  type_code: string;
  type_name: string;
  serial: BigintText;
  license_version: Defaulted<number>;
  issuer_department_id: string;
  issuer_name: string;
  issuer_credit_code: string;
  issuer_region_code: string;
  holder_type: HolderType;
  holder_name: string;
  holder_id_enc: string | null;
  holder_id_idx: string | null;
  holder_credit_code: string | null;
  holder_account_id: string | null;
  holder_enterprise_id: string | null;
  fields: Json<Record<string, string>>;
  valid_from: DateText;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  issued_at: ColumnType<Date, Date | string, Date | string>;
  status: Defaulted<LicenseStatus>;
  status_reason: string | null;
  status_changed_at: NullableTime;
  source: LicenseSource;
  case_id: string | null;
  case_number: string | null;
  original_number: string | null;
  signed_data: string;
  seal_id: string;
  seal_key_id: string;
  signature: string;
  signed_at: Timestamp;
  pdf_sm3: string | null;
  pdf_seal_key_id: string | null;
  pdf_signature: string | null;
  created_by: string | null;
  version: Defaulted<number>;
};

export type LicenseActionsTable = {
  id: Generated<string>;
  license_id: string;
  action: LicenseAction;
  from_status: LicenseStatus | null;
  to_status: LicenseStatus;
  reason: Defaulted<string>;
  actor_id: string | null;
  actor_name: string;
  at: Timestamp;
};

export type LicenseGrantsTable = {
  id: string;
  license_id: string;
  granted_by: string;
  grantee_kind: 'department' | 'case';
  grantee_department_id: string | null;
  grantee_case_id: string | null;
  grantee_case_number: string | null;
  purpose: string;
  valid_until: ColumnType<Date, Date | string, Date | string>;
  created_at: Timestamp;
  revoked_at: NullableTime;
  revoked_by: string | null;
};

export type LicenseUsesTable = {
  id: string;
  license_id: string;
  grant_id: string | null;
  basis: 'grant' | 'application' | 'issuer';
  department_id: string | null;
  department_name: string | null;
  user_id: string | null;
  user_name: string;
  case_id: string | null;
  case_number: string | null;
  purpose: string;
  at: Timestamp;
};

export type LicenseVerificationsTable = {
  id: Generated<string>;
  license_id: string | null;
  channel: 'online' | 'qr' | 'pdf';
  result: string;
  verifier_account_id: string | null;
  ip: string | null;
  user_agent: string | null;
  at: Timestamp;
};

export type LicenseTables = {
  license_types: LicenseTypesTable;
  license_serials: LicenseSerialsTable;
  licenses: LicensesTable;
  license_actions: LicenseActionsTable;
  license_grants: LicenseGrantsTable;
  license_uses: LicenseUsesTable;
  license_verifications: LicenseVerificationsTable;
};

export type LicenseDB = DB & LicenseTables;
export type LicenseRow<T extends keyof LicenseTables> = Selectable<LicenseTables[T]>;
export type NewLicenseRow<T extends keyof LicenseTables> = Insertable<LicenseTables[T]>;

/** The same handle (database or transaction), seeing this domain's tables too. */
export function tables(db: Queryable): Kysely<LicenseDB> {
  // A Transaction is a Kysely; withTables keeps it the same transaction.
  return (db as Kysely<DB>).withTables<LicenseTables>();
}
