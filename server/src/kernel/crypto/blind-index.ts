import { hmacSm3 } from './sm3';

export const blindIndexKinds = ['idNumber', 'phone', 'email', 'bankCard', 'name'] as const;
export type BlindIndexKind = (typeof blindIndexKinds)[number];

const MIN_KEY_BYTES = 16;

/**
 * Searchable stand-in for an encrypted column: equal inputs give equal hex, and without the key it cannot be
 * reversed by hashing every phone number. Callers normalise first (e.g. parseIdNumber's value).
 */
export function blindIndex(key: Uint8Array, kind: BlindIndexKind, normalisedValue: string): string {
  if (key.length < MIN_KEY_BYTES) throw new RangeError('Blind-index key must be at least 16 bytes');
  // An empty value would make every blank row "match" every other one.
  if (normalisedValue === '') throw new RangeError('Blind index of an empty value');
  // A per-kind subkey, so the same digits as a phone and as a bank card never share an index.
  const kindKey = hmacSm3(key, `zhengtong/blind-index/v1/${kind}`);
  return hmacSm3(kindKey, normalisedValue).toString('hex');
}
