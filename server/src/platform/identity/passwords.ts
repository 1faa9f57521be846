import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is an ambient const enum (not importable with isolatedModules): 2 is Argon2id.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a login well under 100 ms on one core.
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so response time does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-for-timing');
  await verifyPassword(await decoyHash, password);
}

export type PasswordPolicy = { minLength: number; minClasses: number };
export const defaultPasswordPolicy: PasswordPolicy = { minLength: 8, minClasses: 3 };

/** 等保2.0: length and at least three of upper case, lower case, digits, symbols; never the account name. */
export function passwordProblems(password: string, accountNames: string[], policy = defaultPasswordPolicy): string[] {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const problems: string[] = [];
  if (password.length < policy.minLength || classes < policy.minClasses || password.length > 128) problems.push('password.weak');
  const lower = password.toLowerCase();
  if (accountNames.some((n) => n.length >= 3 && lower.includes(n.toLowerCase()))) problems.push('password.containsUsername');
  return problems;
}
