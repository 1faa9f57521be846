import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { resolveSession, SESSION_COOKIE, type ResolvedSession } from './sessions';
import { authRoutes } from './auth-routes';
import { accountRoutes } from './account-routes';

export { SESSION_COOKIE, type ResolvedSession } from './sessions';
export { hashPassword } from './passwords';
export { protect, reveal, lookupIndex } from './personal-data';
export { currentTotp } from './totp';
export { createStaffAccount } from './staff';

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
