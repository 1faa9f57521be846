import type { AccountType } from '../db';
import type { Permission, Role } from '@zhengtong/contracts';

/** Where a request came from; copied into every audit record. */
export type RequestContext = { ip: string | null; requestId: string | null; locale: 'zh-CN' | 'en-US' };

export type AccountActor = {
  kind: 'account';
  accountId: string;
  accountType: AccountType;
  displayName: string;
  roles: Role[];
  permissions: Set<Permission>;
  /** Staff only: the region code (12 digits) and level that bound what they may see. */
  regionCode: string | null;
  departmentId: string | null;
  /** Enterprise acting: the enterprise this session acts for (its own account or an authorised agent). */
  enterpriseId: string | null;
  sessionId: string;
  /** A restricted session may only finish setting up: change the initial password or enrol TOTP. */
  stage: 'full' | 'password-change' | 'totp-enrol';
  context: RequestContext;
};

export type AnonymousActor = { kind: 'anonymous'; context: RequestContext };

/** The platform itself (jobs, seeding, migrations). */
export type SystemActor = { kind: 'system'; name: string; context: RequestContext };

export type Actor = AccountActor | AnonymousActor | SystemActor;

export function systemActor(name: string): SystemActor {
  return { kind: 'system', name, context: { ip: null, requestId: null, locale: 'zh-CN' } };
}

export function isStaff(actor: Actor): actor is AccountActor {
  return actor.kind === 'account' && actor.accountType === 'staff';
}
