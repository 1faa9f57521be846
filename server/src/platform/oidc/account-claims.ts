import type { Account, ClaimsResult, TokenLike } from 'oidc-provider';
import type { Kernel } from '../../kernel/context';
import { findSsoProfile, type SsoProfile } from '../identity';

/** Claims for an account; the provider releases only those the granted scopes name (contracts: oidcScopeClaims). */
export function claimsOf(profile: SsoProfile): ClaimsResult {
  const claims: ClaimsResult = {
    sub: profile.accountId,
    name: profile.displayName,
    account_type: profile.accountType,
    real_name_level: profile.realNameLevel,
  };
  // Absent rather than null (OpenID Connect Core §5.3.2): a citizen has no department, staff no credit code.
  if (profile.regionCode) claims.region_code = profile.regionCode;
  if (profile.departmentId) claims.department_id = profile.departmentId;
  if (profile.departmentName) claims.department_name = profile.departmentName;
  if (profile.creditCode) claims.credit_code = profile.creditCode;
  return claims;
}

/**
 * The provider's account look-up. A disabled account, or a token older than the account's last "logout
 * everywhere", finds nothing, so the token endpoint and userinfo refuse it even if a stored token survived.
 */
export function accountFinder(kernel: Kernel) {
  return async (_ctx: unknown, sub: string, token?: TokenLike): Promise<Account | undefined> => {
    const profile = await findSsoProfile(kernel, sub);
    if (!profile || !profile.isActive) return undefined;
    // Whole seconds, as iat has: a token from the very second of the logout is left to the row deletion.
    if (token?.iat !== undefined && token.iat < Math.floor(profile.sessionsValidAfter.getTime() / 1000)) return undefined;
    return { accountId: sub, claims: () => claimsOf(profile) };
  };
}
