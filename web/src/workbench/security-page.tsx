import { AccountSecurity } from '../auth/account-security';
import { useSignedInMe } from '../auth/require-session';

export function StaffSecurityPage() {
  return <AccountSecurity me={useSignedInMe()} />;
}
