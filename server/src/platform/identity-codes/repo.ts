import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../kernel/db';
import { codesDb, type IdentityCodeAliasesTable, type IdentityCodeKeysTable, type IdentityCodeScansTable } from './tables';
import type { Holder } from './holders';

export type KeyRow = Selectable<IdentityCodeKeysTable>;
export type AliasRow = Selectable<IdentityCodeAliasesTable>;
export type ScanRow = Selectable<IdentityCodeScansTable>;
export type NewScanRow = Insertable<IdentityCodeScansTable>;

// ---------------------------------------------------------------- platform keys

export function findActiveKey(db: Queryable): Promise<KeyRow | undefined> {
  return codesDb(db).selectFrom('identity_code_keys').selectAll().where('status', '=', 'active').executeTakeFirst();
}

export function findKey(db: Queryable, keyId: string): Promise<KeyRow | undefined> {
  return codesDb(db).selectFrom('identity_code_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

/** Every key, retired ones too: partners judging an older code need the key that signed it. */
export function listKeys(db: Queryable): Promise<KeyRow[]> {
  return codesDb(db).selectFrom('identity_code_keys').selectAll().orderBy('created_at').orderBy('key_id').execute();
}

/** Inserts the first active key; false when another process's key got there first. */
export async function insertKeyIfNoneActive(db: Queryable, row: Insertable<IdentityCodeKeysTable>): Promise<boolean> {
  const result = await codesDb(db).insertInto('identity_code_keys').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

// ---------------------------------------------------------------- aliases

function activeAliasOf(db: Queryable, holder: Holder) {
  const active = codesDb(db).selectFrom('identity_code_aliases').selectAll().where('status', '=', 'active');
  return holder.kind === 'person' ? active.where('account_id', '=', holder.accountId) : active.where('enterprise_id', '=', holder.enterpriseId);
}

export function findActiveAlias(db: Queryable, holder: Holder): Promise<AliasRow | undefined> {
  return activeAliasOf(db, holder).executeTakeFirst();
}

/** The holder's active alias, locked until the transaction ends (a reset in progress). */
export function lockActiveAlias(db: Queryable, holder: Holder): Promise<AliasRow | undefined> {
  return activeAliasOf(db, holder).forUpdate().executeTakeFirst();
}

export function findAliasByValue(db: Queryable, alias: string): Promise<AliasRow | undefined> {
  return codesDb(db).selectFrom('identity_code_aliases').selectAll().where('alias', '=', alias).executeTakeFirst();
}

/** Inserts an active alias; false when the holder already has one (two first codes at once). */
export async function insertAliasIfNoneActive(db: Queryable, row: Insertable<IdentityCodeAliasesTable>): Promise<boolean> {
  const result = await codesDb(db).insertInto('identity_code_aliases').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertAlias(db: Queryable, row: Insertable<IdentityCodeAliasesTable>): Promise<void> {
  await codesDb(db).insertInto('identity_code_aliases').values(row).execute();
}

export async function markAliasRevoked(db: Queryable, id: string, change: { by: string | null; at: Date }): Promise<void> {
  await codesDb(db)
    .updateTable('identity_code_aliases')
    .set({ status: 'revoked', revoked_at: change.at, revoked_by: change.by })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

// ---------------------------------------------------------------- scans

export async function insertScan(db: Queryable, row: NewScanRow): Promise<void> {
  await codesDb(db).insertInto('identity_code_scans').values(row).execute();
}

export async function wasScanned(db: Queryable, aliasId: string, nonce: string): Promise<boolean> {
  const row = await codesDb(db)
    .selectFrom('identity_code_scans')
    .select('id')
    .where('alias_id', '=', aliasId)
    .where('nonce', '=', nonce)
    .where('result', '=', 'success')
    .executeTakeFirst();
  return row !== undefined;
}

/** A page of the scans of one holder's codes, newest first (whatever alias the code carried). */
export async function listScansOf(db: Queryable, holder: Holder, page: { limit: number; offset: number }): Promise<{ rows: ScanRow[]; total: number }> {
  const base = codesDb(db).selectFrom('identity_code_scans');
  const query = holder.kind === 'person' ? base.where('holder_account_id', '=', holder.accountId) : base.where('holder_enterprise_id', '=', holder.enterpriseId);
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('scanned_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(counted.n) };
}
