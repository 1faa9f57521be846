import { IDENTITY_CODE_PAYLOAD_BYTES, IDENTITY_CODE_PREFIX, identityCodeSignatureScheme, type IdentityCodePublicKeyList } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { sm2PublicKeyToPem } from '../../kernel/crypto';
import { activeKey } from './keys';
import { listKeys } from './repo';

/**
 * The platform's identity-code keys, for partners that check a code's signature offline before (or instead of)
 * calling the scan API. A signature only proves the code is genuine and says when it expires; who the holder is and
 * whether the alias was reset, only the scan API can say.
 */
export async function listPublicKeys(kernel: Kernel): Promise<IdentityCodePublicKeyList> {
  // A partner may fetch the key before anyone has shown a code: make it now rather than publish an empty list.
  await activeKey(kernel);
  const rows = await listKeys(kernel.db);
  return {
    ...identityCodeSignatureScheme,
    format: IDENTITY_CODE_PREFIX,
    payloadBytes: IDENTITY_CODE_PAYLOAD_BYTES,
    generatedAt: new Date().toISOString(),
    keys: rows.map((row) => ({
      keyId: row.key_id,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      retiredAt: row.retired_at?.toISOString() ?? null,
      publicKeyHex: row.public_key_hex,
      publicKeyPem: sm2PublicKeyToPem(row.public_key_hex),
    })),
  };
}
