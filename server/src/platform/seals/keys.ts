import { generateSm2KeyPair, sm3Hex, sm4Decrypt, sm4Encrypt } from '../../kernel/crypto';
import type { Keys } from '../../kernel/keys';

// A seal's private key lives in the database only as ciphertext under the database-secrets key (derived from the
// master key, which never enters the database). The context binds a ciphertext to its seal and key id, so a private
// key copied onto another seal's row does not decrypt. Production path: a 密码机/HSM holding the keys (decision 0008).

export type NewSealKey = { keyId: string; publicKeyHex: string; privateKeyEnc: string };

/** First 16 hex characters of SM3 over the public key's bytes (04 ‖ X ‖ Y): short, stable, derived from the key alone. */
export function sealKeyId(publicKeyHex: string): string {
  return sm3Hex(Buffer.from(publicKeyHex, 'hex')).slice(0, 16);
}

const contextOf = (sealId: string, keyId: string) => `zhengtong/seal-private-key/v1:${sealId}:${keyId}`;

/** A fresh SM2 key pair for a seal, the private half already encrypted. */
export function newSealKey(keys: Keys, sealId: string): NewSealKey {
  const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
  const keyId = sealKeyId(publicKeyHex);
  return { keyId, publicKeyHex, privateKeyEnc: sm4Encrypt(keys.secrets, privateKeyHex, contextOf(sealId, keyId)) };
}

/** The private key, in memory only for the signature being made. */
export function revealSealPrivateKey(keys: Keys, seal: { id: string; key_id: string; private_key_enc: string }): string {
  return sm4Decrypt(keys.secrets, seal.private_key_enc, contextOf(seal.id, seal.key_id));
}
