import { sql, type RawBuilder } from 'kysely';
import type { HolderType, LicenseSource, LicenseStatus } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import type { HolderKeys } from './holders';
import { tables, type LicenseRow, type NewLicenseRow } from './tables';

// SQL for licence types, licences, their history and serial counters. First argument: the database or a transaction.

export type LicenseTypeRow = LicenseRow<'license_types'>;
export type LicenseRecord = LicenseRow<'licenses'>;
export type LicenseActionRow = LicenseRow<'license_actions'>;

// ---------------------------------------------------------------- types

export function findType(db: Queryable, id: string): Promise<LicenseTypeRow | undefined> {
  return tables(db).selectFrom('license_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTypeByCode(db: Queryable, code: string): Promise<LicenseTypeRow | undefined> {
  return tables(db).selectFrom('license_types').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Active types that a completed case of this service item issues. */
export function typesIssuedBy(db: Queryable, basicCode: string): Promise<LicenseTypeRow[]> {
  return tables(db)
    .selectFrom('license_types')
    .selectAll()
    .where('is_active', '=', true)
    .where(sql<boolean>`issuing_basic_codes @> array[${basicCode}]::text[]`)
    .orderBy('code')
    .execute();
}

export type TypeFilter = { q?: string; holderType?: HolderType; departmentId?: string; isActive?: boolean };

export async function listTypeRows(db: Queryable, filter: TypeFilter, page: { limit: number; offset: number }): Promise<{ rows: LicenseTypeRow[]; total: number }> {
  let query = tables(db).selectFrom('license_types');
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'like', like), eb('code', 'like', like.toUpperCase())]));
  }
  if (filter.holderType) query = query.where('holder_type', '=', filter.holderType);
  if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId);
  if (filter.isActive !== undefined) query = query.where('is_active', '=', filter.isActive);
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('is_active', 'desc').orderBy('code').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(counted.n) };
}

export async function insertType(db: Queryable, row: NewLicenseRow<'license_types'>): Promise<void> {
  await tables(db).insertInto('license_types').values(row).execute();
}

export async function updateTypeRow(db: Queryable, id: string, version: number, changes: Partial<NewLicenseRow<'license_types'>>): Promise<boolean> {
  const result = await tables(db)
    .updateTable('license_types')
    .set({ ...changes, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ---------------------------------------------------------------- serials

/** Hands out `count` consecutive serials for a type and issuer in the caller's transaction; returns the first. */
export async function reserveSerials(db: Queryable, typeId: string, issuerDepartmentId: string, count: number): Promise<number> {
  const row = await tables(db)
    .insertInto('license_serials')
    .values({ type_id: typeId, issuer_department_id: issuerDepartmentId, last: count })
    .onConflict((oc) => oc.columns(['type_id', 'issuer_department_id']).doUpdateSet((eb) => ({ last: eb('license_serials.last', '+', count) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last) - count + 1;
}

// ---------------------------------------------------------------- licences

export async function insertLicenses(db: Queryable, rows: NewLicenseRow<'licenses'>[]): Promise<void> {
  if (rows.length === 0) return;
  await tables(db).insertInto('licenses').values(rows).execute();
}

export async function insertActions(db: Queryable, rows: NewLicenseRow<'license_actions'>[]): Promise<void> {
  if (rows.length === 0) return;
  await tables(db).insertInto('license_actions').values(rows).execute();
}

export function findLicense(db: Queryable, id: string): Promise<LicenseRecord | undefined> {
  return tables(db).selectFrom('licenses').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockLicense(db: Queryable, id: string): Promise<LicenseRecord | undefined> {
  return tables(db).selectFrom('licenses').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findLicenseByIdentifier(db: Queryable, identifier: string): Promise<LicenseRecord | undefined> {
  return tables(db).selectFrom('licenses').selectAll().where('identifier', '=', identifier).executeTakeFirst();
}

export async function licenseIdByIdentifier(db: Queryable, identifier: string): Promise<string | undefined> {
  return (await tables(db).selectFrom('licenses').select('id').where('identifier', '=', identifier).executeTakeFirst())?.id;
}

export function findLicenseByPdf(db: Queryable, sm3: string): Promise<LicenseRecord | undefined> {
  return tables(db).selectFrom('licenses').selectAll().where('pdf_sm3', '=', sm3).executeTakeFirst();
}

export function findLicenseOfCase(db: Queryable, typeId: string, caseId: string): Promise<LicenseRecord | undefined> {
  return tables(db).selectFrom('licenses').selectAll().where('type_id', '=', typeId).where('case_id', '=', caseId).executeTakeFirst();
}

/** Of these original numbers, the ones already imported for the type and issuer, with their identifiers. */
export async function existingOriginals(db: Queryable, typeId: string, issuerDepartmentId: string, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await tables(db)
    .selectFrom('licenses')
    .select(['original_number', 'identifier'])
    .where('type_id', '=', typeId)
    .where('issuer_department_id', '=', issuerDepartmentId)
    .where('original_number', 'in', numbers)
    .execute();
  return new Map(rows.map((r) => [r.original_number ?? '', r.identifier]));
}

export function historyOf(db: Queryable, licenseId: string): Promise<LicenseActionRow[]> {
  return tables(db).selectFrom('license_actions').selectAll().where('license_id', '=', licenseId).orderBy('id').execute();
}

export type LicenseFilter = {
  /** Only licences these departments issued; undefined for every department (the platform). */
  issuerDepartmentIds?: readonly string[];
  /** A status as reported: `expired` includes licences past their last day not yet recorded; `valid` excludes them. */
  status?: LicenseStatus;
  today: string;
  typeId?: string;
  source?: LicenseSource;
  identifierPrefix?: string;
  holderNamePrefix?: string;
  holderIdIdx?: string;
  holderCreditCode?: string;
  /** The wallet: licences held by this holder. */
  holder?: HolderKeys;
};

/** Licences the holder holds: by the account or enterprise they were issued to, or by the 身份证号 / credit code. */
export function heldBy(holder: HolderKeys, alias: 'licenses' | 'l'): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  // Either key may be unknown (a walk-in has no account; a new enterprise no number yet): null matches nothing.
  if (holder.type === 'person') {
    return sql<boolean>`(${column('holder_type')} = 'person' and (${column('holder_account_id')} = ${holder.accountId} or ${column('holder_id_idx')} = ${holder.idIdx}))`;
  }
  return sql<boolean>`(${column('holder_type')} = 'enterprise' and (${column('holder_enterprise_id')} = ${holder.enterpriseId} or ${column('holder_credit_code')} = ${holder.creditCode}))`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page of licences, newest first. */
export async function listLicenseRows(db: Queryable, filter: LicenseFilter, page: { limit: number; offset: number }): Promise<{ rows: LicenseRecord[]; total: number }> {
  if (filter.issuerDepartmentIds?.length === 0) return { rows: [], total: 0 };
  let query = tables(db).selectFrom('licenses');
  if (filter.issuerDepartmentIds) query = query.where('issuer_department_id', 'in', filter.issuerDepartmentIds);
  if (filter.typeId) query = query.where('type_id', '=', filter.typeId);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.identifierPrefix) query = query.where('identifier', 'like', `${escapeLike(filter.identifierPrefix)}%`);
  if (filter.holderNamePrefix) query = query.where('holder_name', 'like', `${escapeLike(filter.holderNamePrefix)}%`);
  if (filter.holderIdIdx) query = query.where('holder_id_idx', '=', filter.holderIdIdx);
  if (filter.holderCreditCode) query = query.where('holder_credit_code', '=', filter.holderCreditCode);
  if (filter.holder) query = query.where(heldBy(filter.holder, 'licenses'));
  const today = filter.today;
  switch (filter.status) {
    case undefined:
      break;
    case 'valid':
    case 'suspended':
      query = query.where('status', '=', filter.status).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]));
      break;
    case 'expired':
      query = query.where((eb) => eb.or([eb('status', '=', 'expired'), eb.and([eb('status', 'in', ['valid', 'suspended']), eb('valid_to', '<', today)])]));
      break;
    case 'revoked':
      query = query.where('status', '=', 'revoked');
      break;
  }
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(counted.n) };
}

/** Records a status change if the licence is still at `version`; the updated row, or undefined when it was not. */
export function markStatus(db: Queryable, id: string, version: number, change: { status: LicenseStatus; reason: string; at: Date }): Promise<LicenseRecord | undefined> {
  return tables(db)
    .updateTable('licenses')
    .set({ status: change.status, status_reason: change.reason, status_changed_at: change.at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Keeps the first PDF made for a licence; false when another request stored one first. */
export async function setPdf(db: Queryable, id: string, pdf: { sm3: string; keyId: string; signature: string }): Promise<boolean> {
  const result = await tables(db)
    .updateTable('licenses')
    .set({ pdf_sm3: pdf.sm3, pdf_seal_key_id: pdf.keyId, pdf_signature: pdf.signature })
    .where('id', '=', id)
    .where('pdf_sm3', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
