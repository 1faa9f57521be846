import type { SealKind, SealVerdictStatus } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import { sm2Sign, sm2Verify } from '../../kernel/crypto';
import { AppError } from '../../kernel/errors';
import { messageRef } from '../../kernel/i18n';
import { revealSealPrivateKey } from './keys';
import { findActiveSealRow, findSealByKeyId, findSealRow, type SealRow } from './repo';
import { isInForce, todayInBeijing } from './validity';
import { SignPool } from './sign-pool';

// What other domains use to seal a document: find the department's seal, sign bytes with it, check a signature.
// Signatures are GB/T 32918.2 SM2 over SM3(Z ‖ bytes), Z computed with the default user ID 1234567812345678, DER
// encoded — the form `openssl dgst -sm3 -sigopt distid:1234567812345678 -verify` accepts.

/** A seal as a signing domain sees it: enough to stamp the image and name the key, nothing secret. */
export type Seal = {
  id: string;
  departmentId: string;
  name: string;
  kind: SealKind;
  keyId: string;
  publicKeyHex: string;
  validFrom: string;
  validTo: string;
};

export type SealSignature = { sealId: string; keyId: string; /** DER (r, s) as hex. */ signature: string };

export type SealVerdict = {
  /** The signature is mathematically good for these bytes under the seal's key (whatever the seal's status). */
  valid: boolean;
  keyId: string;
  /** `revoked`: the verifier decides whether the document predates `revokedAt`; `unknown`: no seal has this key id. */
  status: SealVerdictStatus;
  seal: (Seal & { revokedAt: string | null; revokedReason: string | null }) | null;
};

function toSeal(row: SealRow): Seal {
  return { id: row.id, departmentId: row.department_id, name: row.name, kind: row.kind, keyId: row.key_id, publicKeyHex: row.public_key_hex, validFrom: row.valid_from, validTo: row.valid_to };
}

/** Refuses, with a sentence for the person who asked, a seal that may not sign today. */
function assertMaySign(row: SealRow): void {
  if (row.status === 'revoked') throw new AppError('CONFLICT', { detail: 'seal.revoked', params: { name: row.name } });
  if (!isInForce(row, todayInBeijing())) {
    throw new AppError('CONFLICT', { detail: 'seal.notInForce', params: { name: row.name, validFrom: row.valid_from, validTo: row.valid_to } });
  }
}

/** The department's seal of this kind that may sign today; CONFLICT with a reason when there is none. */
export async function sealFor(db: Queryable, departmentId: string, kind: SealKind): Promise<Seal> {
  const row = await findActiveSealRow(db, departmentId, kind);
  if (!row) throw new AppError('CONFLICT', { detail: 'seal.noActiveSeal', params: { kind: messageRef(`seal.kind.${kind}`) } });
  assertMaySign(row);
  return toSeal(row);
}

/** Signs `bytes` with the seal's private key. The caller records the use (用印) in its own audit entry. */
export async function signWithSeal(db: Queryable, keys: Keys, sealId: string, bytes: Uint8Array): Promise<SealSignature> {
  const row = await findSealRow(db, sealId);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'seal.notFound' });
  assertMaySign(row);
  const signature = sm2Sign(bytes, revealSealPrivateKey(keys, row));
  return { sealId: row.id, keyId: row.key_id, signature };
}

/** Signs with one seal many times inside `use`; nothing may keep the signer past it. */
export type SealSigner = {
  seal: Seal;
  sign(bytes: Uint8Array): SealSignature;
  /** Many documents at once, spread over signing threads (one per core); same scheme and encoding as `sign`. */
  signMany(documents: Uint8Array[]): Promise<SealSignature[]>;
};

/** Below this many documents the threads cost more to start than they save. */
const POOL_THRESHOLD = 64;

/**
 * Bulk signing (e.g. importing historical licences): the private key is decrypted once for the whole run instead of
 * once per document, and forgotten — signing threads terminated — when `use` settles. The caller records the use
 * (用印) as with signWithSeal.
 */
export async function withSealSigner<T>(db: Queryable, keys: Keys, sealId: string, use: (signer: SealSigner) => Promise<T>): Promise<T> {
  const row = await findSealRow(db, sealId);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'seal.notFound' });
  assertMaySign(row);
  let privateKey: string | null = revealSealPrivateKey(keys, row);
  let pool: SignPool | undefined;
  const key = () => {
    if (privateKey === null) throw new Error('seal signer used after its scope ended');
    return privateKey;
  };
  const signed = (signature: string): SealSignature => ({ sealId: row.id, keyId: row.key_id, signature });
  const signer: SealSigner = {
    seal: toSeal(row),
    sign: (bytes) => signed(sm2Sign(bytes, key())),
    signMany: async (documents) => {
      if (documents.length < POOL_THRESHOLD) return documents.map((bytes) => signed(sm2Sign(bytes, key())));
      pool ??= new SignPool(key(), row.public_key_hex);
      return (await pool.sign(documents)).map(signed);
    },
  };
  try {
    return await use(signer);
  } finally {
    privateKey = null;
    await pool?.close();
  }
}

/** The seal behind a key id (whatever its status), to name it beside a signature; undefined when none has it. */
export async function findSealByKey(db: Queryable, keyId: string): Promise<(Seal & { status: SealRow['status']; revokedAt: string | null }) | undefined> {
  const row = /^[0-9a-f]{16}$/.test(keyId) ? await findSealByKeyId(db, keyId) : undefined;
  return row ? { ...toSeal(row), status: row.status, revokedAt: row.revoked_at?.toISOString() ?? null } : undefined;
}

/** Checks a signature made by the seal named by `keyId`; never throws for a malformed signature or an unknown key. */
export async function verifyWithSeal(db: Queryable, keyId: string, bytes: Uint8Array, signatureHex: string): Promise<SealVerdict> {
  const row = /^[0-9a-f]{16}$/.test(keyId) ? await findSealByKeyId(db, keyId) : undefined;
  if (!row) return { valid: false, keyId, status: 'unknown', seal: null };
  return {
    valid: sm2Verify(bytes, signatureHex, row.public_key_hex),
    keyId,
    status: row.status,
    seal: { ...toSeal(row), revokedAt: row.revoked_at?.toISOString() ?? null, revokedReason: row.revoked_reason },
  };
}
