import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { resolveSession, SESSION_COOKIE, type ResolvedSession } from './sessions';
import { authRoutes } from './auth-routes';
import { accountRoutes } from './account-routes';
import type { Kernel } from '../../kernel/context';
import type { AccountType } from '../../kernel/db';
import { findAccount, staffScopeOf } from './repo';

export { SESSION_COOKIE, type ResolvedSession } from './sessions';
export { hashPassword } from './passwords';
export { protect, reveal, lookupIndex } from './personal-data';
export { currentTotp } from './totp';
export { createStaffAccount } from './staff';
export { logout } from './login';
// For the window (一窗受理: identify a walk-in by ID number) and the cases domain's 告知承诺 eligibility check.
export { findPersonByIdNumber, readPerson, sealedIdNumber } from './persons';
export { readMaskedProfile, type MaskedProfile } from './masked-profile';
export { findEnterprise, personName, type EnterpriseFacts } from './registry-reads';
// The base registries' source 统一身份认证 (data/registries).
export { registeredPerson, registeredEnterprise, citizenAccountIds, enterpriseIds, type RegisteredPerson, type RegisteredEnterprise } from './base-registry-reads';

/** What single sign-on may tell another government system about an account: never ID or phone numbers. */
export type SsoProfile = {
  accountId: string;
  accountType: AccountType;
  displayName: string;
  isActive: boolean;
  realNameLevel: number;
  /** Tokens issued before this were revoked by "logout everywhere" or by disabling the account. */
  sessionsValidAfter: Date;
  regionCode: string | null;
  departmentId: string | null;
  departmentName: string | null;
  creditCode: string | null;
};

export async function findSsoProfile(kernel: Kernel, accountId: string): Promise<SsoProfile | undefined> {
  const account = await findAccount(kernel.db, accountId);
  if (!account) return undefined;
  const profile: SsoProfile = {
    accountId,
    accountType: account.type,
    displayName: account.display_name,
    isActive: account.status === 'active',
    realNameLevel: account.real_name_level,
    sessionsValidAfter: account.sessions_valid_after,
    regionCode: null,
    departmentId: null,
    departmentName: null,
    creditCode: null,
  };
  switch (account.type) {
    case 'staff': {
      const scope = await staffScopeOf(kernel.db, accountId);
      return { ...profile, regionCode: scope?.region_code ?? null, departmentId: scope?.department_id ?? null, departmentName: scope?.department_name ?? null };
    }
    case 'enterprise': {
      const own = await kernel.db.selectFrom('enterprises').select(['credit_code', 'region_code']).where('account_id', '=', accountId).executeTakeFirst();
      return { ...profile, regionCode: own?.region_code ?? null, creditCode: own?.credit_code ?? null };
    }
    case 'citizen': {
      const person = await kernel.db.selectFrom('persons').select('region_code').where('account_id', '=', accountId).executeTakeFirst();
      return { ...profile, regionCode: person?.region_code ?? null };
    }
  }
}

/** When the Zhengtong session began (the moment of authentication single sign-on reports as auth_time). */
export async function sessionStartedAt(kernel: Kernel, sessionId: string): Promise<Date | undefined> {
  const row = await kernel.db.selectFrom('sessions').select('created_at').where('id', '=', sessionId).executeTakeFirst();
  return row?.created_at;
}
export { readSecurityPolicy, writeSecurityPolicy, type SecurityPolicy } from './policy';
export { staffScopeOf } from './repo';

declare module 'fastify' {
  interface FastifyRequest {
    session?: ResolvedSession;
    sessionToken?: string;
  }
}

function tokenFrom(authorization: string | undefined, cookie: string | undefined): string | undefined {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || undefined;
  return cookie || undefined;
}

/** Identity: accounts, sign-in, sessions, second factor, registration, staff and agents. */
export default fp(
  async function identity(app: FastifyInstance) {
    app.addHook('onRequest', async (req) => {
      const token = tokenFrom(req.headers.authorization, req.cookies[SESSION_COOKIE]);
      if (!token) return;
      const resolved = await resolveSession(app.kernel, token, req.actor.context);
      if (resolved === 'expired') {
        // Only say "expired" where a sign-in is needed; public pages simply continue anonymously.
        req.sessionExpired = true;
        return;
      }
      if (!resolved) return;
      req.actor = resolved.actor;
      req.session = resolved;
      req.sessionToken = token;
    });
    authRoutes(app);
    accountRoutes(app);
  },
  { name: 'identity' },
);
export { countAccountsByType } from './stats';
