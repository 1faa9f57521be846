import type { ColumnType, Kysely } from 'kysely';
import type { IdentityCodeAttribute, IdentityCodeKind, IdentityCodePurpose, IdentityCodeScanResult } from '@zhengtong/contracts';
import type { DB, Queryable } from '../../kernel/db';

// The domain's own tables (migration 0013), typed here and added to a query handle with Kysely's `withTables`, so the
// domain's table types live beside the only code allowed to query them.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type IdentityCodeKeysTable = {
  key_id: string;
  public_key_hex: string;
  private_key_enc: string;
  status: Defaulted<'active' | 'retired'>;
  created_at: Timestamp;
  retired_at: NullableTime;
};

export type IdentityCodeAliasesTable = {
  id: string;
  alias: string;
  holder_kind: IdentityCodeKind;
  account_id: string | null;
  enterprise_id: string | null;
  status: Defaulted<'active' | 'revoked'>;
  created_at: Timestamp;
  created_by: string | null;
  revoked_at: NullableTime;
  revoked_by: string | null;
};

export type IdentityCodeScansTable = {
  id: string;
  scanned_at: Timestamp;
  scanner_account_id: string;
  scanner_name: string;
  department_id: string | null;
  department_name: string | null;
  region_code: string | null;
  purpose: IdentityCodePurpose;
  purpose_note: string | null;
  requested_attributes: Json<IdentityCodeAttribute[]>;
  result: IdentityCodeScanResult;
  missing_attributes: ColumnType<IdentityCodeAttribute[] | null, string | null, string | null>;
  alias_id: string | null;
  holder_kind: IdentityCodeKind | null;
  holder_account_id: string | null;
  holder_enterprise_id: string | null;
  key_id: string | null;
  nonce: string | null;
  code_expires_at: NullableTime;
};

export type IdentityCodeTables = {
  identity_code_keys: IdentityCodeKeysTable;
  identity_code_aliases: IdentityCodeAliasesTable;
  identity_code_scans: IdentityCodeScansTable;
};

export type CodesDb = Kysely<DB & IdentityCodeTables>;

/** The same connection or transaction, typed to see this domain's tables too (changes nothing at run time). */
export function codesDb(db: Queryable): CodesDb {
  return db.withTables<IdentityCodeTables>();
}
