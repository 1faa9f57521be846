import type { KoaContextWithOIDC, Next } from 'oidc-provider';
import type { Kernel } from '../../kernel/context';
import { audit, type AuditEntry, inTransaction } from '../../kernel/audit';
import type { Actor } from '../../kernel/authz';
import { logout, SESSION_COOKIE } from '../identity';
import { END_ZHENGTONG_SESSION_FIELD } from './pages';
import { ssoOf } from './request-sso';

async function record(kernel: Kernel, actor: Actor, entry: AuditEntry): Promise<void> {
  await inTransaction(kernel.db, (tx) => audit(tx, actor, entry));
}

/**
 * Runs after the provider has answered: records each sign-in to a client system (an authorization code issued),
 * and on RP-initiated logout ends the Zhengtong session too when the person chose to sign out everywhere.
 */
export function ssoAuditMiddleware(kernel: Kernel) {
  return async (ctx: KoaContextWithOIDC, next: Next): Promise<void> => {
    await next();
    const oidc = ctx.oidc;
    const sso = ssoOf(ctx.req);
    if (!oidc || !sso) return;
    const actor = sso.session?.actor ?? sso.actor;
    const clientId = oidc.client?.clientId;

    if ((oidc.route === 'authorization' || oidc.route === 'resume') && oidc.entities.AuthorizationCode) {
      await record(kernel, actor, {
        action: 'oidc.login',
        objectType: 'oidc-client',
        objectId: clientId,
        detail: { scope: oidc.entities.AuthorizationCode.scope ?? null, interactive: oidc.route === 'resume' },
      });
      return;
    }

    if (oidc.route === 'end_session_confirm' && ctx.status === 303) {
      const isEverywhere = oidc.params?.logout !== undefined && oidc.body?.[END_ZHENGTONG_SESSION_FIELD] === 'yes';
      const endsZhengtong = isEverywhere && sso.session !== undefined;
      await record(kernel, actor, { action: 'oidc.logout', objectType: 'oidc-client', objectId: clientId, detail: { endsZhengtongSession: endsZhengtong } });
      if (endsZhengtong && sso.session) {
        await logout(kernel, { actor: sso.session.actor });
        ctx.cookies.set(SESSION_COOKIE, null, { path: '/', httpOnly: true, sameSite: 'lax', signed: false });
      }
    }
  };
}
