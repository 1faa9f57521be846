import crypto from 'node:crypto';
import type { Kernel } from '../../kernel/context';
import { sm4Decrypt, sm4Encrypt } from '../../kernel/crypto';

// The provider must compare the secret a client presents, so it is stored encrypted (not hashed), bound to the
// client id so a ciphertext copied onto another client does not decrypt.
const contextOf = (clientId: string) => `oidc-client-secret:${clientId}`;

/** 256 random bits, base64url: what RFC 6749 §10.10 asks of credentials an attacker must not guess. */
export function newClientSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function encryptClientSecret(kernel: Kernel, clientId: string, secret: string): string {
  return sm4Encrypt(kernel.keys.secrets, secret, contextOf(clientId));
}

export function decryptClientSecret(kernel: Kernel, clientId: string, secretEnc: string): string {
  return sm4Decrypt(kernel.keys.secrets, secretEnc, contextOf(clientId));
}
