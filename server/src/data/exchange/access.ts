import type { Permission } from '@zhengtong/contracts';
import { hasPermission, regionContains, type Actor, type AccountActor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import type { Party } from './workflow';

// Who may act for which party of an exchange record. A consumer acts for its own department, the provider's data admin
// for its own department's resources, the platform (首席数据官) for every department of its region (DESIGN.md
// "Authorization"; decision 0010).

/** What a request, grant or demand says about its parties. */
export type PartiesScope = { consumerDepartmentId: string; providerDepartmentId: string; regionCode: string };

const partyPermission: Readonly<Record<Party, Permission>> = {
  consumer: 'share-request.create',
  platform: 'share-request.review',
  provider: 'share-request.answer',
};

export function actsAs(actor: Actor, party: Party, scope: PartiesScope): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'account' || actor.accountType !== 'staff') return false;
  if (!hasPermission(actor, partyPermission[party])) return false;
  switch (party) {
    case 'consumer':
      return actor.departmentId === scope.consumerDepartmentId;
    case 'provider':
      return actor.departmentId === scope.providerDepartmentId;
    case 'platform':
      return actor.regionCode !== null && regionContains(actor.regionCode, scope.regionCode);
  }
}

/** True when the actor may see the record at all (any of its parties). */
export function seesRecord(actor: Actor, scope: PartiesScope): boolean {
  return actsAs(actor, 'consumer', scope) || actsAs(actor, 'platform', scope) || actsAs(actor, 'provider', scope);
}

/** A staff member of a department, with one of the exchange permissions (routes have checked one of them). */
export function staffWithDepartment(actor: Actor): AccountActor & { departmentId: string } {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'account' || actor.accountType !== 'staff') throw new AppError('FORBIDDEN');
  const departmentId = actor.departmentId;
  if (!departmentId) throw new AppError('FORBIDDEN', { detail: 'exchange.noDepartment' });
  return { ...actor, departmentId };
}

export function requireAnyPermission(actor: Actor, permissions: readonly Permission[]): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!permissions.some((p) => hasPermission(actor, p))) throw new AppError('FORBIDDEN');
}

/** The region-code prefix of the platform's lists ('' for the system itself). */
export function platformRegion(actor: Actor): string | null {
  if (actor.kind === 'system') return '';
  if (actor.kind !== 'account' || !hasPermission(actor, 'share-request.review')) return null;
  return actor.regionCode;
}
