import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SM2_DEFAULT_USER_ID,
  generateSm2KeyPair,
  sm2PrivateKeyToPem,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2Verify,
} from './sm2';

const CURVE_ORDER_HEX = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('SM2 keys', () => {
  it('generates a 32-byte private key and an uncompressed public key', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    expect(privateKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    expect(generateSm2KeyPair().privateKeyHex).not.toBe(privateKeyHex);
  });

  it('writes PEM with the right labels and refuses mismatched or invalid keys', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    expect(sm2PublicKeyToPem(publicKeyHex)).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
    expect(sm2PrivateKeyToPem(privateKeyHex, publicKeyHex)).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(() => sm2PrivateKeyToPem(privateKeyHex, generateSm2KeyPair().publicKeyHex)).toThrow(RangeError);
    expect(() => sm2PublicKeyToPem(`04${'00'.repeat(64)}`)).toThrow(RangeError);
  });
});

describe('sm2Sign / sm2Verify', () => {
  const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();

  it('verifies its own signature over text and the same UTF-8 bytes', () => {
    const signature = sm2Sign('政通 𠮷 message', privateKeyHex);
    expect(signature).toMatch(/^30[0-9a-f]+$/);
    expect(sm2Verify('政通 𠮷 message', signature, publicKeyHex)).toBe(true);
    expect(sm2Verify(new TextEncoder().encode('政通 𠮷 message'), signature, publicKeyHex)).toBe(true);
  });

  it('rejects a changed message or another key', () => {
    const signature = sm2Sign('pay 100', privateKeyHex);
    expect(sm2Verify('pay 900', signature, publicKeyHex)).toBe(false);
    expect(sm2Verify('pay 100', signature, generateSm2KeyPair().publicKeyHex)).toBe(false);
  });

  it('returns false instead of throwing on garbage', () => {
    const signature = sm2Sign('m', privateKeyHex);
    const zeroS = `3006020101020100`;
    const sAboveOrder = `3026020101022100${'ff'.repeat(32)}`;
    for (const bad of ['', 'zz', '30', '3000', `${signature}00`, `31${signature.slice(2)}`, zeroS, sAboveOrder]) {
      expect(sm2Verify('m', bad, publicKeyHex), bad).toBe(false);
    }
    for (const badKey of ['', '04', `04${'00'.repeat(64)}`, publicKeyHex.slice(2), 'not hex']) {
      expect(sm2Verify('m', signature, badKey), badKey).toBe(false);
    }
  });

  it('refuses invalid private keys', () => {
    expect(() => sm2Sign('m', '00'.repeat(32))).toThrow(RangeError);
    expect(() => sm2Sign('m', CURVE_ORDER_HEX)).toThrow(RangeError);
    expect(() => sm2Sign('m', 'abc')).toThrow(RangeError);
  });
});

const interopTitle = hasOpenssl
  ? 'interoperability with the OpenSSL 3 CLI'
  : 'interoperability with the OpenSSL 3 CLI — skipped: no `openssl` command on PATH';

describe.skipIf(!hasOpenssl)(interopTitle, () => {
  const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
  const message = 'Zhengtong 政通 interoperability check\n';
  const distid = `distid:${SM2_DEFAULT_USER_ID}`;

  function inTempDir(run: (path: (name: string) => string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'zt-sm2-'));
    try {
      writeFileSync(join(dir, 'pub.pem'), sm2PublicKeyToPem(publicKeyHex));
      writeFileSync(join(dir, 'key.pem'), sm2PrivateKeyToPem(privateKeyHex, publicKeyHex));
      writeFileSync(join(dir, 'msg'), message);
      run((name) => join(dir, name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  function openssl(args: string[]): string {
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  it('reads our PEM keys as SM2 and derives the same public key', () => {
    inTempDir((path) => {
      expect(openssl(['pkey', '-in', path('key.pem'), '-text', '-noout'])).toMatch(/SM2/);
      expect(openssl(['pkey', '-in', path('key.pem'), '-pubout'])).toBe(sm2PublicKeyToPem(publicKeyHex));
      expect(openssl(['pkey', '-pubin', '-in', path('pub.pem'), '-outform', 'PEM'])).toBe(
        sm2PublicKeyToPem(publicKeyHex),
      );
    });
  });

  it('OpenSSL verifies a signature made here', () => {
    inTempDir((path) => {
      writeFileSync(path('sig.der'), Buffer.from(sm2Sign(message, privateKeyHex), 'hex'));
      const args = ['dgst', '-sm3', '-verify', path('pub.pem'), '-sigopt', distid, '-signature', path('sig.der')];
      expect(openssl([...args, path('msg')])).toMatch(/Verified OK/);
      writeFileSync(path('msg'), `${message}tampered`);
      expect(spawnSync('openssl', [...args, path('msg')], { encoding: 'utf8' }).stdout).toMatch(/Verification failure/);
    });
  });

  it('a signature made by OpenSSL verifies here, and fails for a tampered message', () => {
    inTempDir((path) => {
      openssl(['dgst', '-sm3', '-sign', path('key.pem'), '-sigopt', distid, '-out', path('sig.der'), path('msg')]);
      const signature = readFileSync(path('sig.der')).toString('hex');
      expect(sm2Verify(message, signature, publicKeyHex)).toBe(true);
      expect(sm2Verify(`${message}tampered`, signature, publicKeyHex)).toBe(false);
    });
  });
});
