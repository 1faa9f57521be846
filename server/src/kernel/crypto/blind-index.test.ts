import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { blindIndex, blindIndexKinds } from './blind-index';

const key = randomBytes(32);

describe('blindIndex', () => {
  it('is deterministic 64-hex HMAC-SM3', () => {
    const first = blindIndex(key, 'idNumber', '11010519491231002X');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(key, 'idNumber', '11010519491231002X')).toBe(first);
  });

  it('differs for different values, keys and kinds', () => {
    const value = '13812341234';
    const perKind = blindIndexKinds.map((kind) => blindIndex(key, kind, value));
    expect(new Set(perKind).size).toBe(blindIndexKinds.length);
    expect(blindIndex(key, 'phone', value)).not.toBe(blindIndex(key, 'phone', '13812341235'));
    expect(blindIndex(randomBytes(32), 'phone', value)).not.toBe(blindIndex(key, 'phone', value));
  });

  it('refuses short keys and empty values', () => {
    expect(() => blindIndex(randomBytes(8), 'phone', '13812341234')).toThrow(RangeError);
    expect(() => blindIndex(key, 'phone', '')).toThrow(RangeError);
  });
});
