import type { Kernel } from '../../kernel/context';
import { systemActor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { generateSm2KeyPair, sm3Hex, sm4Decrypt, sm4Encrypt } from '../../kernel/crypto';
import { findActiveKey, insertKeyIfNoneActive, type KeyRow } from './repo';

// The platform's identity-code key is made the first time anyone needs it (the first code, or a partner fetching the
// public key) and kept like a seal's key (seals/keys.ts): the private half only as ciphertext under the
// database-secrets key derived from the master key, bound to its key id so a ciphertext copied onto another row does
// not decrypt. Production path: a 密码机/HSM (GM/T 0018) behind `privateKeyOf`.

/** First 16 hex characters of SM3 over the public key's bytes (04 ‖ X ‖ Y), as for seals: anyone can recompute it. */
export function codeKeyId(publicKeyHex: string): string {
  return sm3Hex(Buffer.from(publicKeyHex, 'hex')).slice(0, 16);
}

const contextOf = (keyId: string) => `zhengtong/identity-code-key/v1:${keyId}`;

/** The key that signs new codes, generated (and audited) on first use; two processes racing agree on one. */
export async function activeKey(kernel: Kernel): Promise<KeyRow> {
  const existing = await findActiveKey(kernel.db);
  if (existing) return existing;
  const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
  const keyId = codeKeyId(publicKeyHex);
  await inTransaction(kernel.db, async (tx) => {
    const inserted = await insertKeyIfNoneActive(tx, { key_id: keyId, public_key_hex: publicKeyHex, private_key_enc: sm4Encrypt(kernel.keys.secrets, privateKeyHex, contextOf(keyId)) });
    if (inserted) await audit(tx, systemActor('identity-codes'), { action: 'identity-code.key-create', objectType: 'identity-code-key', objectId: keyId, detail: { keyId } });
  });
  const winner = await findActiveKey(kernel.db);
  if (!winner) throw new Error('identity code key was not stored');
  return winner;
}

/** The private key, in memory only for the signature being made. */
export function privateKeyOf(kernel: Kernel, key: KeyRow): string {
  return sm4Decrypt(kernel.keys.secrets, key.private_key_enc, contextOf(key.key_id));
}
