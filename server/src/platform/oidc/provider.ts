import Provider, { type Client, type KoaContextWithOIDC } from 'oidc-provider';
import { oidcScopeClaims, oidcScopes } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { adapterFactory } from './adapter';
import { accountFinder } from './account-claims';
import { loadCookieKeys, loadSigningKeys } from './keys';
import { logoutSource, postLogoutSuccessSource, renderError } from './pages';
import { ssoAuditMiddleware } from './sso-audit';
import { ssoPolicy } from './sso-policy';

export const OIDC_MOUNT_PATH = '/oidc';

const HOUR = 3600;

/** Browsers may call the token and userinfo endpoints only from the origin of one of the client's redirect URIs. */
function clientBasedCORS(ctx: KoaContextWithOIDC, origin: string, client: Client): boolean {
  if (origin === 'null') return false;
  if (ctx.oidc?.route === 'userinfo' || client.clientAuthMethod === 'none') {
    return client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin);
  }
  return false;
}

/**
 * The OpenID Connect provider at <PUBLIC_URL>/oidc: authorization code flow only (no implicit or hybrid), PKCE for
 * public clients, ES256 ID tokens, RP-initiated logout. Everything it stores lives in PostgreSQL, so any number
 * of server processes can answer any step of a sign-in.
 */
export async function createProvider(kernel: Kernel): Promise<Provider> {
  const issuer = `${kernel.config.publicUrl}${OIDC_MOUNT_PATH}`;
  const idle = kernel.config.idleTimeoutMinutes * 60;
  const provider = new Provider(issuer, {
    adapter: adapterFactory(kernel),
    findAccount: accountFinder(kernel),
    jwks: await loadSigningKeys(kernel),
    cookies: {
      keys: await loadCookieKeys(kernel),
      names: { session: 'zt_oidc_session', interaction: 'zt_oidc_interaction', resume: 'zt_oidc_resume' },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    claims: {
      ...Object.fromEntries(Object.entries(oidcScopeClaims).map(([scope, claims]) => [scope, [...claims]])),
      // Every ID token says when and how the person authenticated, whether or not the client asked for it.
      openid: [...oidcScopeClaims.openid, 'auth_time', 'amr'],
      sid: null,
    },
    scopes: [...oidcScopes],
    responseTypes: ['code'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256'],
      userinfoSigningAlgValues: ['ES256'],
      authorizationSigningAlgValues: ['ES256'],
      introspectionSigningAlgValues: ['ES256'],
    },
    // RFC 7636 / OAuth 2.0 Security BCP: a public client cannot keep a secret, so its code must be bound by PKCE.
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: { enabled: false },
      registration: { enabled: false },
    },
    interactions: { policy: ssoPolicy(), url: (_ctx, interaction) => `${OIDC_MOUNT_PATH}/interaction/${interaction.uid}` },
    // Client systems read the Zhengtong claims straight from the ID token, not only from userinfo.
    conformIdTokenClaims: false,
    ttl: {
      AuthorizationCode: 60,
      AccessToken: idle,
      IdToken: idle,
      Interaction: idle,
      Session: 12 * HOUR,
      Grant: 12 * HOUR,
    },
    renderError,
    clientBasedCORS,
    discovery: {
      claim_types_supported: ['normal'],
      ui_locales_supported: ['zh-CN', 'en-US'],
    },
  });
  // Fastify already trusts the proxy in front; the mount hands the provider the issuer's own host and scheme.
  provider.proxy = true;
  provider.use(ssoAuditMiddleware(kernel));
  return provider;
}
