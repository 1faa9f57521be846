import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type Provider from 'oidc-provider';
import type { Interaction, InteractionResults } from 'oidc-provider';
import { oidcScopes } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { sessionStartedAt, type ResolvedSession } from '../identity';
import { errorPage } from './pages';
import { usableSession } from './request-sso';
import { OIDC_MOUNT_PATH } from './provider';

const supportedScopes: ReadonlySet<string> = new Set(oidcScopes);

/** Where the SPA's sign-in page sends the browser back to; same-origin path only (the SPA checks it starts with '/'). */
export function loginPageFor(interactionUid: string): string {
  return `/login?returnTo=${encodeURIComponent(`${OIDC_MOUNT_PATH}/interaction/${interactionUid}`)}`;
}

/**
 * Single sign-on itself: the person already has a Zhengtong session, so the provider's login prompt is answered
 * from it. Client systems are government systems registered by the platform admin (first-party), so the
 * requested scopes are granted without a consent screen; the grant is stored and each sign-in is audited.
 */
async function answerFromSession(kernel: Kernel, provider: Provider, details: Interaction, session: ResolvedSession): Promise<InteractionResults> {
  const { accountId } = session.actor;
  const clientId = String(details.params.client_id ?? '');
  const requested = String(details.params.scope ?? '').split(' ').filter((scope) => supportedScopes.has(scope));
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing && existing.accountId === accountId && existing.clientId === clientId ? existing : new provider.Grant({ accountId, clientId });
  grant.addOIDCScope(requested);
  const grantId = await grant.save();
  if (details.prompt.name !== 'login') return { consent: { grantId } };
  const startedAt = await sessionStartedAt(kernel, session.actor.sessionId);
  const hasSecondFactor = session.actor.accountType === 'staff' && session.totpEnabled;
  return {
    login: {
      accountId,
      // auth_time is when the person actually authenticated to Zhengtong, not this redirect.
      ts: Math.floor((startedAt ?? new Date()).getTime() / 1000),
      amr: hasSecondFactor ? ['pwd', 'otp'] : ['pwd'],
      remember: false,
    },
    consent: { grantId },
  };
}

export function interactionRoutes(app: FastifyInstance, provider: Provider): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get(`${OIDC_MOUNT_PATH}/interaction/:uid`, {
    schema: { hide: true, params: z.object({ uid: z.string().min(1).max(100) }) },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    let details: Interaction;
    try {
      details = await provider.interactionDetails(req.raw, reply.raw);
    } catch (error) {
      req.log.info({ err: error }, 'unknown or expired sign-in interaction');
      return reply.status(400).type('text/html; charset=utf-8').send(errorPage(req.locale, 'invalid_request', 'interaction session expired'));
    }
    const session = usableSession(req.session);
    if (!session) return reply.redirect(loginPageFor(details.uid), 303);
    const result = await answerFromSession(kernel, provider, details, session);
    const returnTo = await provider.interactionResult(req.raw, reply.raw, result, { mergeWithLastSubmission: false });
    return reply.redirect(returnTo, 303);
  });
}
