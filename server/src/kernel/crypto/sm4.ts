import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSm3 } from './sm3';

const VERSION_PREFIX = 'v1.';
const BLOCK_BYTES = 16;
const IV_BYTES = 16;
const MAC_BYTES = 32;
const MASTER_KEY_BYTES = 32;
const ENC_KEY_LABEL = 'zhengtong/sm4-ctr+hmac-sm3/v1/encryption-key';
const MAC_KEY_LABEL = 'zhengtong/sm4-ctr+hmac-sm3/v1/mac-key';

export type CipherErrorCode = 'malformed' | 'unsupportedVersion' | 'authentication';

/** Thrown when a token cannot be decrypted; the message never includes key or plaintext material. */
export class CipherError extends Error {
  override readonly name = 'CipherError';
  readonly code: CipherErrorCode;

  constructor(code: CipherErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** One raw SM4 block (GB/T 32907), no mode and no padding: only for checking the standard's test vector. */
export function sm4EncryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  if (key.length !== 16 || block.length !== BLOCK_BYTES) throw new RangeError('SM4 needs a 16-byte key and block');
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/**
 * Encrypt-then-MAC: SM4-CTR under a random IV, then HMAC-SM3 over version, context, IV and ciphertext.
 * `context` (e.g. "citizen.id_number:<row id>") is authenticated but not stored, so a ciphertext copied to
 * another column or row no longer decrypts.
 */
export function sm4Encrypt(masterKey: Uint8Array, plaintext: string, context = ''): string {
  // A lone UTF-16 surrogate would silently become U+FFFD in UTF-8 and not round-trip.
  if (/\p{Cs}/u.test(plaintext)) throw new TypeError('sm4Encrypt: plaintext is not well-formed Unicode');
  const { encKey, macKey } = deriveKeys(masterKey);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('sm4-ctr', encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const mac = computeMac(macKey, context, iv, ciphertext);
  return VERSION_PREFIX + Buffer.concat([iv, ciphertext, mac]).toString('base64url');
}

export function sm4Decrypt(masterKey: Uint8Array, token: string, context = ''): string {
  const { encKey, macKey } = deriveKeys(masterKey);
  if (!token.startsWith(VERSION_PREFIX)) {
    throw /^v\d+\./.test(token)
      ? new CipherError('unsupportedVersion', 'Encrypted value has an unsupported version')
      : new CipherError('malformed', 'Encrypted value is not a Zhengtong cipher token');
  }
  const body = token.slice(VERSION_PREFIX.length);
  const bytes = Buffer.from(body, 'base64url');
  // Buffer ignores stray characters; re-encoding rejects them and non-canonical padding bits.
  if (bytes.toString('base64url') !== body || bytes.length < IV_BYTES + MAC_BYTES) {
    throw new CipherError('malformed', 'Encrypted value is truncated or not base64url');
  }
  const iv = bytes.subarray(0, IV_BYTES);
  const ciphertext = bytes.subarray(IV_BYTES, bytes.length - MAC_BYTES);
  const mac = bytes.subarray(bytes.length - MAC_BYTES);
  // Constant-time compare so response timing does not reveal how many MAC bytes were right.
  if (!timingSafeEqual(mac, computeMac(macKey, context, iv, ciphertext))) {
    throw new CipherError('authentication', 'Encrypted value was modified or belongs to another key or context');
  }
  const decipher = createDecipheriv('sm4-ctr', encKey, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/**
 * Two keys from one master by HMAC-SM3 with distinct labels (a KDF in the sense of NIST SP 800-108) rather than
 * slicing the master: each algorithm gets its own key (key separation, GM/T 0054), each depends on all 256 master
 * bits, and a future format version derives fresh keys just by changing the label.
 */
function deriveKeys(masterKey: Uint8Array): { encKey: Buffer; macKey: Buffer } {
  if (masterKey.length !== MASTER_KEY_BYTES) throw new RangeError('SM4 master key must be 32 bytes');
  return {
    encKey: hmacSm3(masterKey, ENC_KEY_LABEL).subarray(0, 16),
    macKey: hmacSm3(masterKey, MAC_KEY_LABEL),
  };
}

function computeMac(macKey: Buffer, context: string, iv: Uint8Array, ciphertext: Uint8Array): Buffer {
  const contextBytes = Buffer.from(context, 'utf8');
  const contextLength = Buffer.alloc(4);
  contextLength.writeUInt32BE(contextBytes.length);
  // Length-prefix the context so (context, ciphertext) splits are unambiguous.
  return hmacSm3(macKey, Buffer.concat([Buffer.from(VERSION_PREFIX), contextLength, contextBytes, iv, ciphertext]));
}
