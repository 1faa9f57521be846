import type { MeView } from '@zhengtong/contracts';
import type { ResolvedSession } from './sessions';

export function toMeView(session: ResolvedSession): MeView {
  const { actor } = session;
  return {
    accountId: actor.accountId,
    accountType: actor.accountType,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    regionCode: actor.regionCode,
    departmentId: actor.departmentId,
    departmentName: session.departmentName,
    enterpriseId: actor.enterpriseId,
    enterpriseName: session.enterpriseName,
    stage: actor.stage,
    totpEnabled: session.totpEnabled,
    realNameLevel: session.realNameLevel,
    sessionExpiresAt: session.expiresAt.toISOString(),
  };
}
