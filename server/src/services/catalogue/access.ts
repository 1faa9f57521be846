import { AppError } from '../../kernel/errors';
import { canAccessRecord, hasPermission, regionContains, regionPrefix, type Actor } from '../../kernel/authz';
import type { VersionActor } from './workflow';

// Who may touch which part of the catalogue:
// - items (基本目录) are kept by the region's catalogue admins (service-item.manage + service-item.review), inside
//   their region;
// - implementations and their drafts by editors (service-item.manage) of the implementing department, or by the
//   region's catalogue admins for any department of their region;
// - publishing (approve, reject, retire) by reviewers (service-item.review) of the implementation's region;
// - staff with either permission read the catalogue of their region.

type Scope = { departmentId: string; regionCode: string };

/** The platform's catalogue admins act region-wide; department editors only for their own department. */
export function isCatalogueAdmin(actor: Actor): boolean {
  return hasPermission(actor, 'service-item.manage') && hasPermission(actor, 'service-item.review');
}

export function assertReadsCatalogue(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, 'service-item.manage') && !hasPermission(actor, 'service-item.review')) throw new AppError('FORBIDDEN');
}

/** The region-code prefix the actor's catalogue lists are limited to ('' for the platform itself). */
export function catalogueScopePrefix(actor: Actor): string {
  assertReadsCatalogue(actor);
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

export function assertReadsInRegion(actor: Actor, regionCode: string): void {
  assertReadsCatalogue(actor);
  if (!canAccessRecord(actor, { regionCode }, { regionWide: true })) throw new AppError('OUT_OF_SCOPE');
}

/** Items belong to a catalogue region; its admins (or those of a region above) define them. */
export function assertManagesItems(actor: Actor, itemRegionCode: string): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!isCatalogueAdmin(actor)) throw new AppError('FORBIDDEN');
  if (actor.kind === 'account' && (!actor.regionCode || !regionContains(actor.regionCode, itemRegionCode))) throw new AppError('OUT_OF_SCOPE');
}

export function canEditImplementation(actor: Actor, scope: Scope): boolean {
  if (!hasPermission(actor, 'service-item.manage')) return false;
  return canAccessRecord(actor, scope, { regionWide: isCatalogueAdmin(actor) });
}

export function canReviewImplementation(actor: Actor, scope: Scope): boolean {
  return hasPermission(actor, 'service-item.review') && canAccessRecord(actor, scope, { regionWide: true });
}

export function assertEditsImplementation(actor: Actor, scope: Scope): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, 'service-item.manage')) throw new AppError('FORBIDDEN');
  if (!canEditImplementation(actor, scope)) throw new AppError('OUT_OF_SCOPE');
}

export function versionActorOf(actor: Actor, scope: Scope): VersionActor {
  return {
    isEditor: actor.kind === 'account' && canEditImplementation(actor, scope),
    isReviewer: actor.kind === 'account' && canReviewImplementation(actor, scope),
    isPlatform: actor.kind === 'system',
    accountId: actor.kind === 'account' ? actor.accountId : null,
  };
}

export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'account':
      return actor.displayName;
    case 'system':
      return `系统(${actor.name})`;
    case 'anonymous':
      return '';
  }
}
