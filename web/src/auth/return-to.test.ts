import { describe, expect, it } from 'vitest';
import { destinationAfterSignIn, safeReturnTo, withReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('accepts paths on this site, with their query', () => {
    expect(safeReturnTo('/workbench')).toBe('/workbench');
    expect(safeReturnTo('/oidc/auth?client_id=a&redirect_uri=https%3A%2F%2Fx')).toBe('/oidc/auth?client_id=a&redirect_uri=https%3A%2F%2Fx');
  });

  it.each([
    ['absolute URL', 'https://evil.example/'],
    ['protocol-relative URL', '//evil.example/path'],
    ['backslash trick', '/\\evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['relative path', 'workbench'],
    ['control character', '/\tevil'],
    ['empty', ''],
    ['missing', null],
  ])('refuses a %s', (_label, value) => {
    expect(safeReturnTo(value)).toBeUndefined();
  });

  it('refuses the sign-in and setup screens themselves, which would loop', () => {
    expect(safeReturnTo('/login?returnTo=/x')).toBeUndefined();
    expect(safeReturnTo('/setup/password')).toBeUndefined();
  });

  it('refuses very long values', () => {
    expect(safeReturnTo(`/${'a'.repeat(2100)}`)).toBeUndefined();
  });
});

describe('destinationAfterSignIn', () => {
  it('sends an unfinished setup to its screen, keeping where the person was going', () => {
    expect(destinationAfterSignIn({ accountType: 'staff', stage: 'password-change' }, '/oidc/auth?x=1')).toEqual({
      path: withReturnTo('/setup/password', '/oidc/auth?x=1'),
      isDocument: false,
    });
    expect(destinationAfterSignIn({ accountType: 'staff', stage: 'totp-enrol' }, undefined)).toEqual({ path: '/setup/totp', isDocument: false });
  });

  it('leaves the app for returnTo (it may be a server page such as the OIDC endpoint)', () => {
    expect(destinationAfterSignIn({ accountType: 'citizen', stage: 'full' }, '/oidc/auth?x=1')).toEqual({ path: '/oidc/auth?x=1', isDocument: true });
  });

  it('goes home by account type otherwise', () => {
    expect(destinationAfterSignIn({ accountType: 'staff', stage: 'full' }, undefined).path).toBe('/workbench');
    expect(destinationAfterSignIn({ accountType: 'citizen', stage: 'full' }, undefined).path).toBe('/my');
    expect(destinationAfterSignIn({ accountType: 'enterprise', stage: 'full' }, undefined).path).toBe('/my');
  });
});
