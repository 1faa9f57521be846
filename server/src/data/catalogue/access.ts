import { AppError } from '../../kernel/errors';
import { canAccessRecord, hasPermission, type Actor } from '../../kernel/authz';

// Who may do what in the catalogue:
// - a department's 数据管理员 (data-resource.manage) catalogues and edits its own department's resources and loads
//   their records; the 首席数据官 (manage + review) does so for every department of their region;
// - reviewers (data-resource.review) publish, return and retire versions of resources in their region;
// - staff who request data (share-request.create) or keep it (manage, review) browse what is published: consumers
//   must find what to ask for. Drafts and versions in review are seen only by the provider's admins and reviewers.

export type ResourceScope = { provider_department_id: string; region_code: string };

const scopeOf = (r: ResourceScope) => ({ regionCode: r.region_code, departmentId: r.provider_department_id });

export function canBrowse(actor: Actor): boolean {
  return hasPermission(actor, 'share-request.create') || hasPermission(actor, 'data-resource.manage') || hasPermission(actor, 'data-resource.review');
}

export function assertBrowses(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!canBrowse(actor)) throw new AppError('FORBIDDEN');
}

/** The provider's data admin, or a chief data officer of the region (who holds review too). */
export function isManagerOf(actor: Actor, resource: ResourceScope): boolean {
  if (!hasPermission(actor, 'data-resource.manage')) return false;
  return canAccessRecord(actor, scopeOf(resource), { regionWide: hasPermission(actor, 'data-resource.review') });
}

export function isReviewerOf(actor: Actor, resource: ResourceScope): boolean {
  return hasPermission(actor, 'data-resource.review') && canAccessRecord(actor, scopeOf(resource), { regionWide: true });
}

/** Drafts, versions in review and the history are for the provider's admins and the reviewers. */
export function seesWork(actor: Actor, resource: ResourceScope): boolean {
  return isManagerOf(actor, resource) || isReviewerOf(actor, resource);
}

export function assertManages(actor: Actor, resource: ResourceScope): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, 'data-resource.manage')) throw new AppError('FORBIDDEN');
  if (!isManagerOf(actor, resource)) throw new AppError('OUT_OF_SCOPE');
}

export function assertReviews(actor: Actor, resource: ResourceScope): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, 'data-resource.review')) throw new AppError('FORBIDDEN');
  if (!isReviewerOf(actor, resource)) throw new AppError('OUT_OF_SCOPE');
}

/** Retiring is the provider's decision as much as the platform's: either may. */
export function assertRetires(actor: Actor, resource: ResourceScope): void {
  if (isManagerOf(actor, resource) || isReviewerOf(actor, resource)) return;
  assertManages(actor, resource);
}

export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'account':
      return actor.displayName;
    case 'system':
      return `平台(${actor.name})`;
    case 'anonymous':
      return '';
  }
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'account' ? actor.accountId : null;
}
