import { AppError } from '../../kernel/errors';
import { assertCanAccess, requirePermission, type Actor } from '../../kernel/authz';

// 三员分立: seals are the security admin's (seal.manage), not the system admin's who runs departments, nor the
// auditor's. A security admin manages the seals of every department in their region and below.

export function assertManagesSeals(actor: Actor): void {
  requirePermission(actor, 'seal.manage');
}

export function assertManagesSealOf(actor: Actor, department: { region_code: string }): void {
  requirePermission(actor, 'seal.manage');
  assertCanAccess(actor, { regionCode: department.region_code }, { regionWide: true });
}

/** The region whose departments' seals the actor lists; undefined for the platform itself (every region). */
export function sealRegionOf(actor: Actor): string | undefined {
  switch (actor.kind) {
    case 'system':
      return undefined;
    case 'anonymous':
      throw new AppError('UNAUTHENTICATED');
    case 'account':
      if (!actor.regionCode) throw new AppError('OUT_OF_SCOPE');
      return actor.regionCode;
  }
}
