import { hasPermission, regionContains, type AccountActor, type Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';

// Who acts here: the platform (首席数据官, share-request.review) registers resources, sets budgets and reads the whole
// query log of its region; a consuming department's officer (aggregate-query.run) queries for its department and reads
// that department's log (DESIGN.md "Authorization"; decision 0010).

/** The region the platform acts for ('' for the system itself), or null when the actor is not the platform. */
export function platformRegion(actor: Actor): string | null {
  if (actor.kind === 'system') return '';
  if (actor.kind !== 'account' || actor.accountType !== 'staff' || !hasPermission(actor, 'share-request.review')) return null;
  return actor.regionCode;
}

export function requirePlatform(actor: Actor): string {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const region = platformRegion(actor);
  if (region === null) throw new AppError('FORBIDDEN');
  return region;
}

/** True when a record of region `code` lies in the platform's region ('' = everywhere). */
export function inPlatformRegion(platform: string, code: string): boolean {
  return platform === '' || regionContains(platform, code);
}

export type Consumer = AccountActor & { departmentId: string; regionCode: string };

export function isConsumer(actor: Actor): boolean {
  return actor.kind === 'account' && actor.accountType === 'staff' && hasPermission(actor, 'aggregate-query.run');
}

/** A consuming department's officer with a department (queries are paid from the department's budget). */
export function requireConsumer(actor: Actor): Consumer {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'account' || !isConsumer(actor)) throw new AppError('FORBIDDEN');
  const { departmentId, regionCode } = actor;
  if (!departmentId || !regionCode) throw new AppError('FORBIDDEN', { detail: 'aggregate.noDepartment' });
  return { ...actor, departmentId, regionCode };
}

/**
 * A consumer may query a resource of its own line of regions: its city's resources from a county department, its own
 * county's from a city department, never a sibling county's.
 */
export function onOneLine(a: string, b: string): boolean {
  return regionContains(a, b) || regionContains(b, a);
}
