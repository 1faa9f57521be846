import type { LicensePdfVerdict, LicenseQrVerdict, LicenseStatus } from '@zhengtong/contracts';

// What a verifier is told, reduced to one headline and one tone. The tone picks colour and icon; the headline is
// always words too, so nothing rests on colour alone (WCAG 1.4.1) and a screen reader hears the verdict first.

export type Tone = 'success' | 'warning' | 'error' | 'info';

/** The online check (/verify/<id>): the licence's status now, or that no licence has this id. */
export type OnlineVerdict = LicenseStatus | 'notFound';

export const verdictTones: Readonly<Record<OnlineVerdict, Tone>> = {
  valid: 'success',
  suspended: 'warning',
  revoked: 'error',
  expired: 'warning',
  notFound: 'error',
};

/**
 * The verdict for an online check's answer: the status when found; `notFound` for a 404 or for an id that is not
 * even well-formed (400: a mistyped or damaged link says the same to the verifier); undefined for other failures
 * (network, server), which are shown as "try again", never as "not found".
 */
export function onlineVerdict(found: { status: LicenseStatus } | undefined, errorStatus: number | undefined): OnlineVerdict | undefined {
  if (found) return found.status;
  if (errorStatus === 404 || errorStatus === 400) return 'notFound';
  return undefined;
}

export type CheckHeadline =
  | 'genuineValid'
  | 'genuineSuspended'
  | 'genuineRevoked'
  | 'genuineExpired'
  | 'genuineUnregistered'
  | 'mismatch'
  | 'tampered'
  | 'malformed'
  | 'unknownKey'
  | 'sealRevoked'
  | 'unknownDocument';

export type CheckOutcome = { headline: CheckHeadline; tone: Tone; isGenuine: boolean };

const genuineByStatus: Readonly<Record<LicenseStatus, CheckOutcome>> = {
  valid: { headline: 'genuineValid', tone: 'success', isGenuine: true },
  suspended: { headline: 'genuineSuspended', tone: 'warning', isGenuine: true },
  revoked: { headline: 'genuineRevoked', tone: 'error', isGenuine: true },
  expired: { headline: 'genuineExpired', tone: 'warning', isGenuine: true },
};

/** A genuine signature over a licence this platform knows: its status now decides; unknown here is a warning. */
function genuine(status: LicenseStatus | undefined): CheckOutcome {
  return status ? genuineByStatus[status] : { headline: 'genuineUnregistered', tone: 'warning', isGenuine: true };
}

/**
 * A scanned QR payload. With `expectedIdentifier` (the licence whose page carries the payload after `#`), a genuine
 * payload of another licence is a mismatch: someone pasted a real code onto the wrong page.
 */
export function qrOutcome(verdict: LicenseQrVerdict, expectedIdentifier?: string): CheckOutcome {
  switch (verdict.verdict) {
    case 'authentic':
      if (expectedIdentifier !== undefined && verdict.data?.id !== expectedIdentifier) return { headline: 'mismatch', tone: 'error', isGenuine: false };
      return genuine(verdict.license?.status);
    case 'tampered':
      return { headline: 'tampered', tone: 'error', isGenuine: false };
    case 'sealRevoked':
      return { headline: 'sealRevoked', tone: 'error', isGenuine: false };
    case 'unknownKey':
      return { headline: 'unknownKey', tone: 'warning', isGenuine: false };
    case 'malformed':
      return { headline: 'malformed', tone: 'warning', isGenuine: false };
  }
}

/** An uploaded licence PDF: byte for byte the file the platform issued, or not. */
export function pdfOutcome(verdict: LicensePdfVerdict): CheckOutcome {
  switch (verdict.verdict) {
    case 'authentic':
      return genuine(verdict.license?.status);
    case 'badSignature':
      return { headline: 'tampered', tone: 'error', isGenuine: false };
    case 'sealRevoked':
      return { headline: 'sealRevoked', tone: 'error', isGenuine: false };
    case 'unknownDocument':
      return { headline: 'unknownDocument', tone: 'warning', isGenuine: false };
  }
}

/** The text after `#` in a verification URL, when it looks like a licence QR payload. */
export function payloadInHash(hash: string): string | undefined {
  let text = hash.replace(/^#/, '');
  try {
    text = decodeURIComponent(text).trim();
  } catch {
    return undefined; // a damaged link: the online check still runs
  }
  return text.startsWith('ZTL1.') ? text : undefined;
}

/** The licence id in a pasted verification URL without a payload (`…/verify/<uuid>`), to open its online check. */
export function verifyIdInText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.includes('#')) return undefined;
  return /\/verify\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i.exec(trimmed)?.[1]?.toLowerCase();
}
