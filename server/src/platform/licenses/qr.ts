import { canonicalLicenseData, LICENSE_QR_PREFIX, type HolderType, type LicenseMinimalData } from '@zhengtong/contracts';
import { toLocalDate } from '../../kernel/calendar';
import { maskIdNumber } from '../../kernel/masking';

// The signed minimal data of a licence and its QR payload (format: README.md, "QR payload"). The canonical JSON is
// computed once at issue, signed, and stored (licenses.signed_data), so the bytes a verifier checks never depend on
// how this code serialises later.

export type MinimalFacts = {
  identifier: string;
  typeName: string;
  holderType: HolderType;
  holderName: string;
  /** Person: the 身份证号 in clear (masked here); enterprise: the credit code. */
  holderNumber: string;
  issuerName: string;
  validFrom: string;
  validTo: string | null;
  issuedAt: Date;
};

export function minimalData(facts: MinimalFacts): LicenseMinimalData {
  return {
    v: '1',
    id: facts.identifier,
    t: facts.typeName,
    ht: facts.holderType === 'person' ? 'P' : 'E',
    h: facts.holderName,
    // The QR code is printed on the licence and may be photographed: never the full 身份证号.
    hn: facts.holderType === 'person' ? maskIdNumber(facts.holderNumber) : facts.holderNumber,
    i: facts.issuerName,
    f: facts.validFrom,
    e: facts.validTo ?? '',
    d: toLocalDate(facts.issuedAt),
  };
}

/** The exact text that is signed (UTF-8) and carried in the QR payload. */
export function signedDataOf(facts: MinimalFacts): string {
  return canonicalLicenseData(minimalData(facts));
}

const base64Url = (bytes: Buffer) => bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** `ZTL1.<base64url(signed data)>.<key id>.<base64url(DER signature)>`. */
export function qrPayload(signedData: string, keyId: string, signatureHex: string): string {
  return [LICENSE_QR_PREFIX, base64Url(Buffer.from(signedData, 'utf8')), keyId, base64Url(Buffer.from(signatureHex, 'hex'))].join('.');
}

/** What the printed QR code holds: the public verification page, with the offline-checkable payload after `#`. */
export function qrUrl(publicUrl: string, licenseId: string, payload: string): string {
  return `${publicUrl.replace(/\/$/, '')}/verify/${licenseId}#${payload}`;
}
