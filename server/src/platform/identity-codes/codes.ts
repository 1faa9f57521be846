import { encodeIdentityCodePayload, formatIdentityCode, type IdentityCodePayload, type ParsedIdentityCode } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable } from '../../kernel/db';
import { sm2Sign, sm2Verify } from '../../kernel/crypto';
import { privateKeyOf } from './keys';
import { findKey, type KeyRow } from './repo';

// Signatures are GB/T 32918.2 SM2 over SM3(Z ‖ the 44 payload bytes), Z with the default user ID 1234567812345678,
// DER-encoded: the form `openssl dgst -sm3 -sigopt distid:1234567812345678 -verify` accepts, so a partner can check a
// code offline against GET /api/identity-codes/public-keys.

/** The code's text: the payload signed with `key`. */
export function signCode(kernel: Kernel, key: KeyRow, payload: IdentityCodePayload): string {
  const bytes = encodeIdentityCodePayload(payload);
  const signature = sm2Sign(bytes, privateKeyOf(kernel, key));
  return formatIdentityCode(bytes, Buffer.from(signature, 'hex'));
}

/** True when the platform key the code names signed exactly these payload bytes; never throws for garbage. */
export async function isSignedByPlatform(db: Queryable, code: ParsedIdentityCode): Promise<boolean> {
  const key = await findKey(db, code.payload.keyId);
  return key !== undefined && sm2Verify(code.payloadBytes, Buffer.from(code.signature).toString('hex'), key.public_key_hex);
}
