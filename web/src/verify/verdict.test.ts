import { describe, expect, it } from 'vitest';
import type { LicensePdfVerdict, LicensePublicView, LicenseQrVerdict, LicenseStatus } from '@zhengtong/contracts';
import { onlineVerdict, payloadInHash, pdfOutcome, qrOutcome, verdictTones, verifyIdInText } from './verdict';

const identifier = '1.2.156.3005.2.111.11539900MB0000001X.00000001.001.7';

function publicView(status: LicenseStatus): LicensePublicView {
  return {
    id: '0196c0de-0000-7000-8000-000000000001',
    identifier,
    typeName: '测试证',
    holderType: 'person',
    holderName: '张*',
    issuerName: '云溪市公安局',
    issuerCreditCode: '11539900MB0000001X',
    validFrom: '2026-01-01',
    validTo: null,
    issuedOn: '2026-01-01',
    status,
    statusSince: null,
    checkedAt: '2026-05-01T00:00:00.000Z',
  };
}

function qr(verdict: LicenseQrVerdict['verdict'], status?: LicenseStatus, dataId = identifier): LicenseQrVerdict {
  return {
    verdict,
    isAuthentic: verdict === 'authentic',
    data: verdict === 'malformed' ? null : { v: '1', id: dataId, t: '测试证', ht: 'P', h: '张三', hn: '5**************18', i: '云溪市公安局', f: '2026-01-01', e: '', d: '2026-01-01' },
    seal: null,
    license: status ? publicView(status) : null,
  };
}

describe('online verdict', () => {
  it('is the status now when found, not found for a 404 or a malformed id, and nothing for other failures', () => {
    expect(onlineVerdict({ status: 'revoked' }, undefined)).toBe('revoked');
    expect(onlineVerdict(undefined, 404)).toBe('notFound');
    expect(onlineVerdict(undefined, 400)).toBe('notFound');
    expect(onlineVerdict(undefined, 503)).toBeUndefined();
    expect(onlineVerdict(undefined, 0)).toBeUndefined();
  });

  it('gives every verdict a tone, and only a valid licence the reassuring one', () => {
    expect(Object.entries(verdictTones).filter(([, tone]) => tone === 'success').map(([k]) => k)).toEqual(['valid']);
  });
});

describe('QR and PDF checks', () => {
  it('a genuine code is judged by the licence’s status now', () => {
    expect(qrOutcome(qr('authentic', 'valid'))).toEqual({ headline: 'genuineValid', tone: 'success', isGenuine: true });
    expect(qrOutcome(qr('authentic', 'revoked')).headline).toBe('genuineRevoked');
    expect(qrOutcome(qr('authentic', 'suspended')).tone).toBe('warning');
    expect(qrOutcome(qr('authentic')).headline).toBe('genuineUnregistered');
  });

  it('a genuine code of another licence on this licence’s page is a mismatch', () => {
    expect(qrOutcome(qr('authentic', 'valid', identifier), identifier).headline).toBe('genuineValid');
    expect(qrOutcome(qr('authentic', 'valid', '1.2.156.3005.2.111.11539900MB0000001X.00000002.001.5'), identifier)).toEqual({ headline: 'mismatch', tone: 'error', isGenuine: false });
  });

  it('says what is wrong with a code that is not genuine', () => {
    expect(qrOutcome(qr('tampered', 'valid'))).toEqual({ headline: 'tampered', tone: 'error', isGenuine: false });
    expect(qrOutcome(qr('sealRevoked', 'valid')).headline).toBe('sealRevoked');
    expect(qrOutcome(qr('unknownKey')).headline).toBe('unknownKey');
    expect(qrOutcome(qr('malformed')).headline).toBe('malformed');
  });

  it('reads a PDF verdict the same way', () => {
    const pdf = (verdict: LicensePdfVerdict['verdict'], status?: LicenseStatus): LicensePdfVerdict => ({ verdict, isAuthentic: verdict === 'authentic', seal: null, license: status ? publicView(status) : null });
    expect(pdfOutcome(pdf('authentic', 'expired')).headline).toBe('genuineExpired');
    expect(pdfOutcome(pdf('badSignature', 'valid')).headline).toBe('tampered');
    expect(pdfOutcome(pdf('unknownDocument')).headline).toBe('unknownDocument');
  });

  it('finds the payload after # in a verification URL', () => {
    expect(payloadInHash('#ZTL1.abc.0123456789abcdef.sig')).toBe('ZTL1.abc.0123456789abcdef.sig');
    expect(payloadInHash('')).toBeUndefined();
    expect(payloadInHash('#top')).toBeUndefined();
    expect(payloadInHash('#%E0%A4%A')).toBeUndefined();
  });
});

describe('pasted verification links', () => {
  it('opens the online check for a link without a payload, and leaves a payload to the signature check', () => {
    const id = '0196C0DE-0000-7000-8000-000000000001';
    expect(verifyIdInText(`https://zw.yunxi.gov.cn/verify/${id}`)).toBe(id.toLowerCase());
    expect(verifyIdInText(`https://zw.yunxi.gov.cn/verify/${id}#ZTL1.a.b.c`)).toBeUndefined();
    expect(verifyIdInText('ZTL1.a.b.c')).toBeUndefined();
    expect(verifyIdInText('https://zw.yunxi.gov.cn/verify/not-an-id')).toBeUndefined();
  });
});
