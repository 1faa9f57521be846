import { describe, expect, it } from 'vitest';
import { canonicalLicenseData, formatLicenseSerial, licenseIdentifier, mod3736CheckChar, parseLicenseIdentifier, parseLicenseQr } from '@zhengtong/contracts';
import { minimalData, qrPayload, signedDataOf } from './qr';
import { effectiveStatus, nextStatus, statusSince, validToByRule } from './workflow';

// GB/T 36904 identifiers and their ISO/IEC 7064 MOD 37,36 check character; the QR payload format; the state machine.

describe('ISO/IEC 7064 MOD 37,36', () => {
  // Hybrid system, alphabet 0-9 A-Z (values 0..35): p = 36; per character s = (p + value) mod 36 (0 → 36),
  // p = 2s mod 37; check = (37 − p) mod 36.
  //
  // By hand, "A1": A = 10: s = (36 + 10) mod 36 = 10, p = 20 · 1: s = 21, p = 42 mod 37 = 5 · check = 32 → "W".
  // By hand, "9":  s = (36 + 9) mod 36 = 9, p = 18 · check = (37 − 18) mod 36 = 19 → "J".
  // By hand, "1M": 1: s = 1, p = 2 · M = 22: s = 24, p = 48 mod 37 = 11 · check = 26 → "Q".
  it('matches hand-computed values', () => {
    expect(mod3736CheckChar('A1')).toBe('W');
    expect(mod3736CheckChar('9')).toBe('J');
    expect(mod3736CheckChar('1M')).toBe('Q');
  });

  // Independent vectors: the example of ISO/IEC 7064 itself and values published with other implementations
  // (e.g. jacoelho/go-iso7064's test table).
  it('matches published vectors', () => {
    expect(mod3736CheckChar('A12425GABC1234002')).toBe('M');
    expect(mod3736CheckChar('RABD')).toBe('A');
    expect(mod3736CheckChar('X0H')).toBe('X');
    expect(mod3736CheckChar('TBR')).toBe('1');
    expect(mod3736CheckChar('WP8Z0')).toBe('9');
  });

  it('accepts only a non-empty string of digits and capital letters', () => {
    expect(() => mod3736CheckChar('a1')).toThrow(RangeError);
    expect(() => mod3736CheckChar('')).toThrow(RangeError);
  });
});

describe('电子证照标识 (GB/T 36904)', () => {
  // 云溪市市场监督管理局 1153990001520003XT, type YX01, serial 00000001, version 001 → body
  // "YX011153990001520003XT00000001001", traced character by character (char:value → s → p):
  //   Y:34→s34→p31 X:33→s28→p19 0:0→s19→p1 1:1→s2→p4 1→s5→p10 1→s11→p22 5→s27→p17 3→s20→p3 9→s12→p24
  //   9→s33→p29 0→s29→p21 0→s21→p5 0→s5→p10 1→s11→p22 5→s27→p17 2→s19→p1 0→s1→p2 0→s2→p4 0→s4→p8
  //   3→s11→p22 X:33→s19→p1 T:29→s30→p23 0→s23→p9 0→s9→p18 0→s18→p36 0→s36→p35 0→s35→p33 0→s33→p29
  //   0→s29→p21 1→s22→p7 0→s7→p14 0→s14→p28 1→s29→p21  ⇒ (37 − 21) mod 36 = 16 → "G".
  const issuer = '1153990001520003XT';

  it('builds the identifier with its check character', () => {
    expect(licenseIdentifier({ typeCode: 'YX01', issuerCreditCode: issuer, serial: '00000001', version: '001' })).toBe('1.2.156.3005.2.YX01.1153990001520003XT.00000001.001.G');
    // One step on in serial, version or type changes the check character.
    expect(licenseIdentifier({ typeCode: 'YX01', issuerCreditCode: issuer, serial: '00000002', version: '001' })).toBe('1.2.156.3005.2.YX01.1153990001520003XT.00000002.001.Z');
    expect(licenseIdentifier({ typeCode: 'YX01', issuerCreditCode: issuer, serial: '00000001', version: '002' })).toBe('1.2.156.3005.2.YX01.1153990001520003XT.00000001.002.E');
    expect(licenseIdentifier({ typeCode: 'YX02', issuerCreditCode: issuer, serial: '00000001', version: '001' })).toBe('1.2.156.3005.2.YX02.1153990001520003XT.00000001.001.X');
  });

  it('pads serials to eight digits and lets them grow', () => {
    expect(formatLicenseSerial(1)).toBe('00000001');
    expect(formatLicenseSerial(123456789)).toBe('123456789');
  });

  it('parses, and rejects a wrong check character or shape', () => {
    expect(parseLicenseIdentifier('1.2.156.3005.2.yx01.1153990001520003xt.00000001.001.g')).toEqual({ ok: true, typeCode: 'YX01', issuerCreditCode: issuer, serial: '00000001', version: '001', check: 'G' });
    expect(parseLicenseIdentifier('1.2.156.3005.2.YX01.1153990001520003XT.00000001.001.H')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseLicenseIdentifier('1.2.156.3005.2.YX01.1153990001520003XT.1.001.G')).toEqual({ ok: false, reason: 'format' });
    expect(parseLicenseIdentifier('1.2.156.3005.3.YX01.1153990001520003XT.00000001.001.G')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('QR payload', () => {
  const facts = {
    identifier: '1.2.156.3005.2.YX01.1153990001520003XT.00000001.001.G',
    typeName: '营业执照',
    holderType: 'person' as const,
    holderName: '𠮷祥',
    holderNumber: '539902199207080248',
    issuerName: '云溪市市场监督管理局',
    validFrom: '2026-05-01',
    validTo: null,
    issuedAt: new Date('2026-05-01T02:00:00Z'),
  };

  it('signs canonical JSON: sorted keys, no spaces, every value a string, the ID number masked, 长期 as ""', () => {
    expect(minimalData(facts)).toEqual({ v: '1', id: facts.identifier, t: '营业执照', ht: 'P', h: '𠮷祥', hn: '5***************48', i: '云溪市市场监督管理局', f: '2026-05-01', e: '', d: '2026-05-01' });
    expect(signedDataOf(facts)).toBe(
      '{"d":"2026-05-01","e":"","f":"2026-05-01","h":"𠮷祥","hn":"5***************48","ht":"P","i":"云溪市市场监督管理局","id":"1.2.156.3005.2.YX01.1153990001520003XT.00000001.001.G","t":"营业执照","v":"1"}',
    );
    expect(canonicalLicenseData(minimalData(facts))).toBe(signedDataOf(facts));
  });

  it('round-trips through the payload and the verification URL, and refuses anything else', () => {
    const data = signedDataOf(facts);
    const payload = qrPayload(data, '0123456789abcdef', '3044022001');
    expect(payload.split('.')).toHaveLength(4);
    expect(payload.startsWith('ZTL1.')).toBe(true);
    const parsed = parseLicenseQr(`https://zw.yunxi.gov.cn/verify/0196a0b0-0000-7000-8000-000000000001#${payload}`);
    expect(parsed?.data.h).toBe('𠮷祥');
    expect(parsed?.keyId).toBe('0123456789abcdef');
    expect(parsed?.signatureHex).toBe('3044022001');
    expect(Buffer.from(parsed?.dataBytes ?? []).toString('utf8')).toBe(data);
    expect(parseLicenseQr('ZTL2.' + payload.slice(5))).toBeUndefined();
    expect(parseLicenseQr(payload.replace('0123456789abcdef', 'xyz'))).toBeUndefined();
    expect(parseLicenseQr(`${payload}.extra`)).toBeUndefined();
    expect(parseLicenseQr('')).toBeUndefined();
  });
});

describe('licence states', () => {
  it('allows only the defined transitions', () => {
    expect(nextStatus('suspend', 'valid')).toBe('suspended');
    expect(nextStatus('restore', 'suspended')).toBe('valid');
    expect(nextStatus('revoke', 'suspended')).toBe('revoked');
    expect(nextStatus('expire', 'valid')).toBe('expired');
    expect(nextStatus('restore', 'revoked')).toBeUndefined();
    expect(nextStatus('suspend', 'expired')).toBeUndefined();
    expect(nextStatus('revoke', 'expired')).toBeUndefined();
  });

  it('reports expired from the day after the last valid day, before the job records it', () => {
    const row = { status: 'valid' as const, valid_to: '2026-06-30', status_changed_at: null };
    expect(effectiveStatus(row, '2026-06-30')).toBe('valid');
    expect(effectiveStatus(row, '2026-07-01')).toBe('expired');
    expect(statusSince(row, '2026-07-01')).toBe('2026-07-01');
    expect(effectiveStatus({ status: 'revoked', valid_to: '2020-01-01' }, '2026-07-01')).toBe('revoked');
    expect(effectiveStatus({ status: 'valid', valid_to: null }, '2999-01-01')).toBe('valid');
  });

  it('computes the last valid day from the type’s rule', () => {
    expect(validToByRule({ mode: 'years', years: 5 }, '2026-05-01', {})).toBe('2031-04-30');
    expect(validToByRule({ mode: 'years', years: 1 }, '2024-03-01', {})).toBe('2025-02-28');
    expect(validToByRule({ mode: 'permanent' }, '2026-05-01', {})).toBeNull();
    expect(validToByRule({ mode: 'field', field: 'until' }, '2026-05-01', { until: '2029-12-31' })).toBe('2029-12-31');
  });
});
