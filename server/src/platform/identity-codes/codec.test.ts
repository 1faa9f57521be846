import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consentMaskOf,
  encodeIdentityCodePayload,
  formatIdentityCode,
  fromBase64Url,
  IDENTITY_CODE_PAYLOAD_BYTES,
  identityCodeAttributes,
  identityCodeAttributeSpecs,
  identityCodePresetSpecs,
  parseIdentityCode,
  toBase64Url,
  type IdentityCodePayload,
} from '@zhengtong/contracts';

// The public byte format of a code (contracts/identity-codes.ts, documented in this folder's README): what a partner
// decoding a code by hand relies on.

const payload: IdentityCodePayload = {
  version: 1,
  kind: 'person',
  attributes: ['realNameLevel', 'maskedName'],
  keyId: '0123456789abcdef',
  issuedAt: 1_780_000_000,
  expiresAt: 1_780_000_060,
  alias: 'ffeeddccbbaa99887766554433221100',
  nonce: '0011223344556677',
};
// A DER signature's shape (SEQUENCE of two INTEGERs); the codec does not check the mathematics.
const signature = Uint8Array.from([0x30, 0x44, 0x02, 0x20, ...crypto.randomBytes(32), 0x02, 0x20, ...crypto.randomBytes(32)]);

describe('identity code bytes', () => {
  it('lays the payload out as documented, big-endian, 44 bytes', () => {
    const bytes = encodeIdentityCodePayload(payload);
    expect(bytes).toHaveLength(IDENTITY_CODE_PAYLOAD_BYTES);
    expect(Buffer.from(bytes).toString('hex')).toBe(
      [
        '01', // version
        '01', // kind: person
        '0003', // consent mask: bits 0 (realNameLevel) and 1 (maskedName)
        '0123456789abcdef', // key id
        (1_780_000_000).toString(16).padStart(8, '0'), // issued-at
        (1_780_000_060).toString(16).padStart(8, '0'), // expires-at
        'ffeeddccbbaa99887766554433221100', // alias
        '0011223344556677', // nonce
      ].join(''),
    );
  });

  it('formats ZTC1.<payload>.<signature> and reads it back', () => {
    const text = formatIdentityCode(encodeIdentityCodePayload(payload), signature);
    expect(text).toMatch(/^ZTC1\.[A-Za-z0-9_-]{59}\.[A-Za-z0-9_-]{94}$/);
    const parsed = parseIdentityCode(`  ${text}\n`);
    expect(parsed?.payload).toEqual(payload);
    expect(Buffer.from(parsed?.signature ?? []).equals(Buffer.from(signature))).toBe(true);
  });

  it('gives every attribute its own bit, of its kind, and presets only attributes of their kind', () => {
    const bits = identityCodeAttributes.map((a) => identityCodeAttributeSpecs[a].bit);
    expect(new Set(bits).size).toBe(bits.length);
    expect(bits.every((b) => b >= 0 && b < 16)).toBe(true);
    for (const preset of Object.values(identityCodePresetSpecs)) {
      expect(preset.attributes.every((a) => identityCodeAttributeSpecs[a].kind === preset.kind)).toBe(true);
    }
    expect(consentMaskOf(['enterpriseName', 'creditCode', 'enterpriseStatus'])).toBe(0x0700);
  });

  it('matches Node’s own base64url, and refuses anything but the one canonical spelling', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = crypto.randomBytes(n);
      expect(toBase64Url(bytes)).toBe(bytes.toString('base64url'));
      expect(Buffer.from(fromBase64Url(bytes.toString('base64url')) ?? []).equals(bytes)).toBe(true);
    }
    expect(fromBase64Url('QQ==')).toBeUndefined(); // padding
    expect(fromBase64Url('QR')).toBeUndefined(); // non-zero leftover bits: same byte as 'QQ'
    expect(fromBase64Url('Q')).toBeUndefined(); // impossible length
    expect(fromBase64Url('a+b/')).toBeUndefined(); // plain base64 alphabet
  });

  it('refuses what this version never writes', () => {
    const good = encodeIdentityCodePayload(payload);
    const variant = (change: (bytes: Uint8Array) => void) => {
      const bytes = Uint8Array.from(good);
      change(bytes);
      return formatIdentityCode(bytes, signature);
    };
    const refused = [
      '',
      'ZTC1',
      'hello.world.again',
      formatIdentityCode(good, signature).replace('ZTC1.', 'ZTC2.'),
      `${formatIdentityCode(good, signature)}.extra`,
      formatIdentityCode(good.subarray(0, 43), signature),
      formatIdentityCode(good, signature.subarray(0, 4)),
      formatIdentityCode(good, Uint8Array.from([0x31, ...signature.subarray(1)])),
      variant((b) => (b[0] = 2)), // version
      variant((b) => (b[1] = 3)), // kind
      variant((b) => (b[3] = 0x80)), // a bit that names no attribute
      variant((b) => (b[2] = 0x01)), // an enterprise attribute on a person's code
      variant((b) => ((b[2] = 0), (b[3] = 0))), // nothing consented
      variant((b) => new DataView(b.buffer).setUint32(16, payload.issuedAt + 301)), // expires more than five minutes after issue
      variant((b) => b.set(b.subarray(12, 16), 16)), // expires when issued
    ];
    for (const text of refused) expect(parseIdentityCode(text), text).toBeUndefined();
  });
});
