import { describe, it, expect } from 'vitest';
import { sm3 } from 'sm-crypto-v2';
import { hmacSm3, sm3Hex } from './sm3';

describe('sm3Hex', () => {
  it('matches the GB/T 32905 "abc" vector', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes strings as UTF-8, same as the bytes', () => {
    expect(sm3Hex('政通𠮷')).toBe(sm3Hex(new TextEncoder().encode('政通𠮷')));
  });
});

describe('hmacSm3', () => {
  it('returns 32 bytes and agrees with an independent implementation (sm-crypto-v2)', () => {
    const key = 'a secret key that is longer than nothing';
    const mac = hmacSm3(key, '政通 message');
    expect(mac).toHaveLength(32);
    // sm-crypto-v2 reads a string key as hex (but a string message as UTF-8), so hand it bytes.
    expect(mac.toString('hex')).toBe(sm3('政通 message', { key: new TextEncoder().encode(key), mode: 'hmac' }));
  });

  it('depends on the key', () => {
    expect(hmacSm3('k1', 'm').equals(hmacSm3('k2', 'm'))).toBe(false);
  });
});
