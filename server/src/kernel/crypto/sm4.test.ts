import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { CipherError, sm4Decrypt, sm4EncryptBlock, sm4Encrypt } from './sm4';

const key = randomBytes(32);

function flipBit(token: string, byteIndex: number): string {
  const bytes = Buffer.from(token.slice(3), 'base64url');
  const index = byteIndex < 0 ? bytes.length + byteIndex : byteIndex;
  bytes.writeUInt8((bytes.readUInt8(index) ^ 0x01) & 0xff, index);
  return `v1.${bytes.toString('base64url')}`;
}

function cipherErrorOf(run: () => unknown): CipherError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CipherError) return error;
    throw error;
  }
  return undefined;
}

describe('sm4EncryptBlock', () => {
  it('matches the GB/T 32907 test vector', () => {
    const vector = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    expect(sm4EncryptBlock(vector, vector).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('sm4Encrypt / sm4Decrypt', () => {
  it.each(['', '11010519491231002X', '𠮷大海 住在 北京市朝阳区', 'x'.repeat(10_000)])('round-trips %#', (text) => {
    const token = sm4Encrypt(key, text);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sm4Decrypt(key, token)).toBe(text);
  });

  it('uses a fresh IV every time', () => {
    const a = sm4Encrypt(key, 'same');
    const b = sm4Encrypt(key, 'same');
    expect(a).not.toBe(b);
    const ivOf = (token: string) => Buffer.from(token.slice(3), 'base64url').subarray(0, 16).toString('hex');
    expect(ivOf(a)).not.toBe(ivOf(b));
  });

  it.each([
    ['IV', 0],
    ['ciphertext', 16],
    ['MAC', -1],
  ])('detects a flipped bit in the %s', (_, byteIndex) => {
    const token = flipBit(sm4Encrypt(key, 'secret'), byteIndex);
    expect(cipherErrorOf(() => sm4Decrypt(key, token))?.code).toBe('authentication');
  });

  it('rejects another key and another context', () => {
    const token = sm4Encrypt(key, 'secret', 'citizen.id_number:1');
    expect(sm4Decrypt(key, token, 'citizen.id_number:1')).toBe('secret');
    expect(cipherErrorOf(() => sm4Decrypt(randomBytes(32), token, 'citizen.id_number:1'))?.code).toBe('authentication');
    expect(cipherErrorOf(() => sm4Decrypt(key, token, 'citizen.id_number:2'))?.code).toBe('authentication');
  });

  it('rejects malformed, truncated and future-version tokens', () => {
    const token = sm4Encrypt(key, 'secret');
    expect(cipherErrorOf(() => sm4Decrypt(key, 'hello'))?.code).toBe('malformed');
    expect(cipherErrorOf(() => sm4Decrypt(key, token.slice(0, 40)))?.code).toBe('malformed');
    expect(cipherErrorOf(() => sm4Decrypt(key, `${token}!`))?.code).toBe('malformed');
    expect(cipherErrorOf(() => sm4Decrypt(key, `v2.${token.slice(3)}`))?.code).toBe('unsupportedVersion');
  });

  it('refuses wrong key sizes and lone surrogates', () => {
    expect(() => sm4Encrypt(randomBytes(16), 'x')).toThrow(RangeError);
    expect(() => sm4Encrypt(key, 'broken \ud842')).toThrow(TypeError);
  });
});
