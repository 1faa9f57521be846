import type { Permission } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { canAccessRecord, isStaff, requirePermission, type Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { holderKeysOf, isHeldBy, type HolderKeys } from './holders';
import type { LicenseRecord } from './repo';

// Who may do what with licences. Staff act only on licences their own department issued, inside their region
// (license.read / license.manage); holders see only their own (a citizen's, or an enterprise's to the enterprise and
// its authorised agents). Other departments read a licence only under the holder's grant (uses.ts).

export function issuerScope(license: Pick<LicenseRecord, 'issuer_region_code' | 'issuer_department_id'>) {
  return { regionCode: license.issuer_region_code, departmentId: license.issuer_department_id };
}

/** Staff with `permission` for the department that issued the licence; OUT_OF_SCOPE otherwise. */
export function assertIssuerStaff(actor: Actor, license: Pick<LicenseRecord, 'issuer_region_code' | 'issuer_department_id'>, permission: Permission): void {
  requirePermission(actor, permission);
  if (!canAccessRecord(actor, issuerScope(license))) throw new AppError('OUT_OF_SCOPE');
}

export type Reader = { perspective: 'holder'; keys: HolderKeys } | { perspective: 'staff' };

/**
 * The holder or the issuing department's staff may read a licence. Anyone else is told it does not exist (a citizen
 * must not learn which licences others hold), except staff of another department, who are told it is not theirs.
 */
export async function readerOf(db: Queryable, actor: Actor, license: LicenseRecord): Promise<Reader> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind === 'system') return { perspective: 'staff' };
  if (isStaff(actor)) {
    assertIssuerStaff(actor, license, 'license.read');
    return { perspective: 'staff' };
  }
  const keys = await holderKeysOf(db, actor);
  if (!keys || !isHeldBy(license, keys)) throw new AppError('NOT_FOUND', { detail: 'license.notFound' });
  return { perspective: 'holder', keys };
}

/** The holder's keys, or FORBIDDEN for staff (they have no wallet) and UNAUTHENTICATED for the anonymous. */
export async function requireHolder(db: Queryable, actor: Actor): Promise<HolderKeys> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const keys = await holderKeysOf(db, actor);
  if (!keys) throw new AppError('FORBIDDEN');
  return keys;
}

/** Catalogue admins manage the types of departments in their region and below. */
export function assertManagesTypeOf(actor: Actor, department: { region_code: string }): void {
  requirePermission(actor, 'license-type.manage');
  if (!canAccessRecord(actor, { regionCode: department.region_code }, { regionWide: true })) throw new AppError('OUT_OF_SCOPE');
}

/** The issuing department's staff with license.issue may issue (and import) licences of a type. */
export function assertIssuesType(actor: Actor, type: { department_id: string }, department: { region_code: string }): void {
  requirePermission(actor, 'license.issue');
  if (actor.kind === 'account' && actor.departmentId !== type.department_id) throw new AppError('FORBIDDEN', { detail: 'license.notIssuer' });
  if (!canAccessRecord(actor, { regionCode: department.region_code })) throw new AppError('OUT_OF_SCOPE');
}

/** The department a staff actor belongs to, for lists of "my department's licences"; undefined for the platform. */
export function staffDepartmentOf(actor: Actor, permission: Permission): string | undefined {
  requirePermission(actor, permission);
  if (actor.kind === 'system') return undefined;
  if (!actor.departmentId) throw new AppError('OUT_OF_SCOPE');
  return actor.departmentId;
}
