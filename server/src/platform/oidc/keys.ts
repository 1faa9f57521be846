import crypto from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { Kernel } from '../../kernel/context';
import { sharedSecret as readSharedSecret } from '../../kernel/secrets';

const SIGNING_KEYS = 'oidc.jwks';
const COOKIE_KEYS = 'oidc.cookie-keys';

function sharedSecret(kernel: Kernel, name: string, create: () => string): Promise<string> {
  return readSharedSecret(kernel.db, kernel.keys.secrets, name, create);
}

/** RFC 7638 thumbprint, so the key id changes exactly when the key does. */
function thumbprint(jwk: crypto.JsonWebKey): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

/** An ES256 (P-256) signing key: DESIGN.md, since JOSE has no SM2 algorithm. */
function newSigningKey(): JWK {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kty: 'EC', kid: thumbprint(jwk), alg: 'ES256', use: 'sig' };
}

function isJwk(value: unknown): value is JWK {
  return typeof value === 'object' && value !== null && typeof (value as { kty?: unknown }).kty === 'string';
}

/** The provider's signing keys, kept as a JWKS so a later rotation can append the next key (the first one signs). */
export async function loadSigningKeys(kernel: Kernel): Promise<{ keys: JWK[] }> {
  const text = await sharedSecret(kernel, SIGNING_KEYS, () => JSON.stringify({ keys: [newSigningKey()] }));
  const parsed: unknown = JSON.parse(text);
  const keys = typeof parsed === 'object' && parsed !== null ? (parsed as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every(isJwk)) throw new Error(`secret ${SIGNING_KEYS} is not a JWKS`);
  return { keys };
}

/** Keys that sign the provider's own cookies (session, interaction), so they cannot be forged or swapped. */
export async function loadCookieKeys(kernel: Kernel): Promise<string[]> {
  const text = await sharedSecret(kernel, COOKIE_KEYS, () => JSON.stringify([crypto.randomBytes(32).toString('base64url')]));
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((k) => typeof k === 'string')) throw new Error(`secret ${COOKIE_KEYS} is malformed`);
  return parsed;
}
