import type { LicenseGrantStatus } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import type { HolderKeys } from './holders';
import { heldBy } from './repo';
import { tables, type LicenseRow, type NewLicenseRow } from './tables';

// SQL for grants (自主授权) and uses.

export type GrantRow = LicenseRow<'license_grants'>;
export type UseRow = LicenseRow<'license_uses'>;
export type GrantWithLicense = GrantRow & { identifier: string; type_name: string; department_name: string | null };
export type UseWithLicense = UseRow & { identifier: string; type_name: string };

export async function insertGrant(db: Queryable, row: NewLicenseRow<'license_grants'>): Promise<void> {
  await tables(db).insertInto('license_grants').values(row).execute();
}

export function lockGrant(db: Queryable, id: string): Promise<GrantRow | undefined> {
  return tables(db).selectFrom('license_grants').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markGrantRevoked(db: Queryable, id: string, by: string, at: Date): Promise<void> {
  await tables(db).updateTable('license_grants').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Grants on licences the holder holds, newest first. */
export async function listHolderGrants(db: Queryable, holder: HolderKeys, filter: { licenseId?: string; status?: LicenseGrantStatus; now: Date }, page: { limit: number; offset: number }): Promise<{ rows: GrantWithLicense[]; total: number }> {
  let query = tables(db)
    .selectFrom('license_grants as g')
    .innerJoin('licenses as l', 'l.id', 'g.license_id')
    .leftJoin('departments as d', 'd.id', 'g.grantee_department_id');
  query = query.where(heldBy(holder, 'l'));
  if (filter.licenseId) query = query.where('g.license_id', '=', filter.licenseId);
  switch (filter.status) {
    case undefined:
      break;
    case 'active':
      query = query.where('g.revoked_at', 'is', null).where('g.valid_until', '>', filter.now);
      break;
    case 'expired':
      query = query.where('g.revoked_at', 'is', null).where('g.valid_until', '<=', filter.now);
      break;
    case 'revoked':
      query = query.where('g.revoked_at', 'is not', null);
      break;
  }
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('g')
    .select(['l.identifier', 'l.type_name', 'd.name as department_name'])
    .orderBy('g.created_at', 'desc')
    .orderBy('g.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(counted.n) };
}

export function findGrantWithLicense(db: Queryable, id: string): Promise<GrantWithLicense | undefined> {
  return tables(db)
    .selectFrom('license_grants as g')
    .innerJoin('licenses as l', 'l.id', 'g.license_id')
    .leftJoin('departments as d', 'd.id', 'g.grantee_department_id')
    .selectAll('g')
    .select(['l.identifier', 'l.type_name', 'd.name as department_name'])
    .where('g.id', '=', id)
    .executeTakeFirst();
}

/** The active grant that lets this department, or whoever handles this case, use the licence now. */
export function findActiveGrant(db: Queryable, licenseId: string, grantee: { departmentId?: string | null; caseId?: string | null; caseNumber?: string | null }, now: Date): Promise<GrantRow | undefined> {
  return tables(db)
    .selectFrom('license_grants')
    .selectAll()
    .where('license_id', '=', licenseId)
    .where('revoked_at', 'is', null)
    .where('valid_until', '>', now)
    .where((eb) =>
      eb.or([
        ...(grantee.departmentId ? [eb.and([eb('grantee_kind', '=', 'department'), eb('grantee_department_id', '=', grantee.departmentId)])] : []),
        ...(grantee.caseId ? [eb.and([eb('grantee_kind', '=', 'case'), eb('grantee_case_id', '=', grantee.caseId)])] : []),
        ...(grantee.caseNumber ? [eb.and([eb('grantee_kind', '=', 'case'), eb('grantee_case_number', '=', grantee.caseNumber)])] : []),
        eb.val(false),
      ]),
    )
    .orderBy('valid_until', 'desc')
    .executeTakeFirst();
}

export async function insertUse(db: Queryable, row: NewLicenseRow<'license_uses'>): Promise<void> {
  await tables(db).insertInto('license_uses').values(row).execute();
}

/** Uses of one licence, or of every licence the holder holds, newest first. */
export async function listUseRows(db: Queryable, filter: { licenseId?: string; holder?: HolderKeys }, page: { limit: number; offset: number }): Promise<{ rows: UseWithLicense[]; total: number }> {
  let query = tables(db).selectFrom('license_uses as u').innerJoin('licenses as l', 'l.id', 'u.license_id');
  if (filter.licenseId) query = query.where('u.license_id', '=', filter.licenseId);
  if (filter.holder) query = query.where(heldBy(filter.holder, 'l'));
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('u').select(['l.identifier', 'l.type_name']).orderBy('u.at', 'desc').orderBy('u.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(counted.n) };
}
