import { interactionPolicy, type KoaContextWithOIDC, type Policy } from 'oidc-provider';
import { ssoOf, usableSession } from './request-sso';

const { Check, base } = interactionPolicy;

/**
 * The provider's interaction policy plus one rule: the provider's own session counts only while the person's
 * Zhengtong session is alive and belongs to the same account. Signing out of Zhengtong (here or on another
 * device, or by an admin) therefore also stops silent sign-ins to every client system.
 */
export function ssoPolicy(): Policy {
  const policy = base();
  const login = policy.get('login');
  if (!login) throw new Error('oidc-provider base policy has no login prompt');
  login.checks.add(
    new Check('zhengtong_session', 'a valid Zhengtong session is required', 'login_required', (ctx: KoaContextWithOIDC) => {
      const session = usableSession(ssoOf(ctx.req)?.session);
      if (!session) return Check.REQUEST_PROMPT;
      return ctx.oidc?.session?.accountId === session.actor.accountId ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}
