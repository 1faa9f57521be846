import type { MeView } from '@zhengtong/contracts';

const PROBE_ORIGIN = 'https://return-to.invalid';

/**
 * A post-login destination is only ever a path on this site: `//evil.example`, `/\evil.example` and absolute
 * URLs would turn the login page into an open redirect (OWASP: unvalidated redirects).
 */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (!value || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  // Browsers read `\` as `/`, and control characters can hide a scheme.
  if (value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (resolved.origin !== PROBE_ORIGIN) return undefined;
  // Coming back to the sign-in or setup screens would only loop.
  if (/^\/(login|setup)(\/|$|\?)/.test(resolved.pathname)) return undefined;
  return value;
}

export function withReturnTo(path: string, returnTo: string | undefined): string {
  return returnTo ? `${path}?returnTo=${encodeURIComponent(returnTo)}` : path;
}

export type Destination = { path: string; isDocument: boolean };

/** Where a freshly signed-in account goes: unfinished setup first, then the page it came for, then its home. */
export function destinationAfterSignIn(me: Pick<MeView, 'accountType' | 'stage'>, returnTo: string | undefined): Destination {
  switch (me.stage) {
    case 'password-change':
      return { path: withReturnTo('/setup/password', returnTo), isDocument: false };
    case 'totp-enrol':
      return { path: withReturnTo('/setup/totp', returnTo), isDocument: false };
    case 'full':
      break;
  }
  // returnTo may be a server page (the OIDC authorization endpoint), so leave the SPA for it.
  if (returnTo) return { path: returnTo, isDocument: true };
  return { path: homePathFor(me), isDocument: false };
}

export function homePathFor(me: Pick<MeView, 'accountType'>): string {
  switch (me.accountType) {
    case 'staff':
      return '/workbench';
    case 'citizen':
    case 'enterprise':
      return '/my';
  }
}
