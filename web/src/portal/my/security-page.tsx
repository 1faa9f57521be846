import { AccountSecurity } from '../../auth/account-security';
import { useSignedInMe } from '../../auth/require-session';

export function MySecurityPage() {
  return <AccountSecurity me={useSignedInMe()} />;
}
