import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hmacSm3 } from './crypto';

export type Keys = {
  /** SM4 + HMAC-SM3 key for personal data at rest. */
  field: Buffer;
  /** Key for SM3 blind indexes (lookup of encrypted ID and phone numbers). */
  blindIndex: Buffer;
  /** Key that encrypts secrets stored in the database (OIDC signing keys, client secrets). */
  secrets: Buffer;
};

/**
 * The master key is generated into the data directory on first start (never committed). Several server
 * processes on different hosts share it through MASTER_KEY (64 hex characters).
 */
export function loadMasterKey(options: { dataDir: string; masterKeyHex?: string; ephemeral?: boolean }): Buffer {
  if (options.masterKeyHex) {
    if (!/^[0-9a-fA-F]{64}$/.test(options.masterKeyHex)) throw new Error('MASTER_KEY must be 64 hexadecimal characters');
    return Buffer.from(options.masterKeyHex, 'hex');
  }
  if (options.ephemeral) return crypto.randomBytes(32);
  const file = path.join(options.dataDir, 'keys', 'master.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}

export function deriveKeys(master: Buffer): Keys {
  // Separate keys per purpose, so a leak of one index key does not expose the ciphertexts (and vice versa).
  const derive = (label: string) => hmacSm3(master, `zhengtong/${label}`);
  return { field: derive('field-encryption/v1'), blindIndex: derive('blind-index/v1'), secrets: derive('db-secrets/v1') };
}
