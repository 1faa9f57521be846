import { createHash, createHmac } from 'node:crypto';

/** Strings are hashed as UTF-8. */
export type BytesLike = string | Uint8Array;

/** SM3 digest (GB/T 32905) as lowercase hex. */
export function sm3Hex(data: BytesLike): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC (GB/T 15852.2 / RFC 2104) with SM3, as raw 32 bytes. */
export function hmacSm3(key: BytesLike, data: BytesLike): Buffer {
  return createHmac('sm3', key).update(data).digest();
}
