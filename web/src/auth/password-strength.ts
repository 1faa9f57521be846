export type PasswordStrength = {
  level: 'weak' | 'fair' | 'strong';
  /** Message keys (contracts' validation messages) for what the server's policy would refuse. */
  problems: ('password.weak' | 'password.containsUsername')[];
};

const MIN_LENGTH = 8;
const MIN_CLASSES = 3;

function characterClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * A hint while typing, mirroring the server's 等保2.0 policy (length, three character classes, no account
 * name inside); the server stays the judge.
 */
export function passwordStrength(password: string, names: readonly string[] = []): PasswordStrength {
  const classes = characterClasses(password);
  const problems: PasswordStrength['problems'] = [];
  if (password.length < MIN_LENGTH || classes < MIN_CLASSES || password.length > 128) problems.push('password.weak');
  const lower = password.toLowerCase();
  if (names.some((n) => n.trim().length >= 3 && lower.includes(n.trim().toLowerCase()))) problems.push('password.containsUsername');
  if (problems.length > 0) return { level: 'weak', problems };
  const isStrong = password.length >= 12 && classes === 4;
  return { level: isStrong ? 'strong' : 'fair', problems };
}
