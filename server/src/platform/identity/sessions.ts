import crypto from 'node:crypto';
import { permissionsOf, type Role } from '@zhengtong/contracts';
import { sm3Hex } from '../../kernel/crypto';
import type { Kernel } from '../../kernel/context';
import type { AccountActor, RequestContext } from '../../kernel/authz';
import type { Queryable, SessionStage } from '../../kernel/db';
import { findSession } from './repo';

export const SESSION_COOKIE = 'zt_session';

/** Only the hash of a bearer token is stored, so a database leak does not hand out live sessions. */
export function sessionIdOf(token: string): string {
  return sm3Hex(`session:${token}`);
}

export async function openSession(
  kernel: Kernel,
  tx: Queryable,
  options: { accountId: string; stage: SessionStage; actingFor: string | null; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + kernel.config.idleTimeoutMinutes * 60_000);
  await tx
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      account_id: options.accountId,
      stage: options.stage,
      acting_for: options.actingFor,
      expires_at: expiresAt,
      ip: options.ip,
      user_agent: options.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

// Sliding idle timeout: extend at most once a minute so reads do not each cost a write.
const TOUCH_EVERY_MS = 60_000;

export type ResolvedSession = { actor: AccountActor; expiresAt: Date; totpEnabled: boolean; realNameLevel: number; departmentName: string | null; enterpriseName: string | null };

/** The actor behind a bearer token, or undefined when the session is unknown, ended, idle too long or revoked. */
export async function resolveSession(kernel: Kernel, token: string, context: RequestContext): Promise<ResolvedSession | 'expired' | undefined> {
  const id = sessionIdOf(token);
  const session = await findSession(kernel.db, id);
  if (!session) return undefined;
  const now = Date.now();
  if (session.ended_at) return 'expired';
  if (session.expires_at.getTime() <= now || session.created_at < session.sessions_valid_after || session.status !== 'active') {
    await kernel.db.updateTable('sessions').set({ ended_at: new Date() }).where('id', '=', id).where('ended_at', 'is', null).execute();
    return 'expired';
  }
  let expiresAt = session.expires_at;
  if (now - session.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    expiresAt = new Date(now + kernel.config.idleTimeoutMinutes * 60_000);
    await kernel.db.updateTable('sessions').set({ last_seen_at: new Date(now), expires_at: expiresAt }).where('id', '=', id).execute();
  }

  let roles: Role[];
  let enterpriseId: string | null = session.acting_for;
  let enterpriseName: string | null = session.acting_enterprise_name;
  switch (session.type) {
    case 'staff':
      roles = session.roles as Role[];
      break;
    case 'enterprise':
      roles = ['enterprise'];
      enterpriseId = session.own_enterprise_id;
      enterpriseName = session.own_enterprise_name;
      break;
    case 'citizen':
      roles = ['citizen'];
      break;
  }
  const regionCode = session.staff_region_code;
  const departmentId = session.staff_department_id;
  const departmentName = session.department_name;
  const actor: AccountActor = {
    kind: 'account',
    accountId: session.account_id,
    accountType: session.type,
    displayName: session.display_name,
    roles,
    permissions: permissionsOf(roles),
    regionCode,
    departmentId,
    enterpriseId,
    sessionId: id,
    stage: session.stage,
    context,
  };
  return { actor, expiresAt, totpEnabled: session.totp_enabled, realNameLevel: session.real_name_level, departmentName, enterpriseName };
}
