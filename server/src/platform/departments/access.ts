import { AppError } from '../../kernel/errors';
import { assertCanAccess, hasPermission, regionPrefix, requirePermission, type Actor } from '../../kernel/authz';

/** Staff who may read staff records may read the departments they belong to; department admins manage them. */
export function assertReadsDepartments(actor: Actor): void {
  if (hasPermission(actor, 'department.manage')) return;
  requirePermission(actor, 'staff.read');
}

/** Pickers (transfer, countersign, catalogue): any staff member may list the names of their region's departments. */
export function assertPicksDepartments(actor: Actor): void {
  if (actor.kind === 'account' && actor.accountType !== 'staff') throw new AppError('FORBIDDEN');
}

/** Department admins manage departments of their own region and below (not only their own department). */
export function assertManagesDepartmentIn(actor: Actor, regionCode: string): void {
  requirePermission(actor, 'department.manage');
  assertCanAccess(actor, { regionCode }, { regionWide: true });
}

export function assertReadsDepartmentIn(actor: Actor, regionCode: string): void {
  assertReadsDepartments(actor);
  assertCanAccess(actor, { regionCode }, { regionWide: true });
}

/** The region-code prefix an actor's lists are limited to: '' for the platform itself. */
export function scopePrefixOf(actor: Actor): string {
  switch (actor.kind) {
    case 'system':
      return '';
    case 'anonymous':
      throw new AppError('UNAUTHENTICATED');
    case 'account':
      if (!actor.regionCode) throw new AppError('OUT_OF_SCOPE');
      return regionPrefix(actor.regionCode);
  }
}

/**
 * The narrower of the actor's scope and a requested subtree; OUT_OF_SCOPE when they do not overlap (a county
 * admin asking for another county), so an empty list never hides a permission problem.
 */
export function narrowPrefix(scope: string, requested: string): string {
  if (requested.startsWith(scope)) return requested;
  if (scope.startsWith(requested)) return scope;
  throw new AppError('OUT_OF_SCOPE');
}
