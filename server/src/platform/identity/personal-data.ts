import { blindIndex, sm4Decrypt, sm4Encrypt, type BlindIndexKind } from '../../kernel/crypto';
import type { Keys } from '../../kernel/keys';

export type Protected = { enc: string; idx: string };

/** Encrypts a personal identifier for storage and computes its blind index for exact-match lookup. */
export function protect(keys: Keys, kind: BlindIndexKind, value: string): Protected {
  return { enc: sm4Encrypt(keys.field, value, kind), idx: blindIndex(keys.blindIndex, kind, value) };
}

export function reveal(keys: Keys, kind: BlindIndexKind, enc: string): string {
  return sm4Decrypt(keys.field, enc, kind);
}

export function lookupIndex(keys: Keys, kind: BlindIndexKind, value: string): string {
  return blindIndex(keys.blindIndex, kind, value);
}
