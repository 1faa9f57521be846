import { parseCreditCode, parseIdNumber } from '@zhengtong/contracts';
import type { LoginKeyKind } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import { lookupIndex } from './personal-data';

/** Everything a typed sign-in name could be: a user name, an ID number, a mobile number or a credit code. */
export function loginCandidates(keys: Keys, typed: string): { kind: LoginKeyKind; key: string }[] {
  const value = typed.trim();
  const candidates: { kind: LoginKeyKind; key: string }[] = [{ kind: 'username', key: value.toLowerCase() }];
  const id = parseIdNumber(value);
  if (id.ok) candidates.push({ kind: 'idNumber', key: lookupIndex(keys, 'idNumber', id.value) });
  if (/^1[3-9]\d{9}$/.test(value)) candidates.push({ kind: 'phone', key: lookupIndex(keys, 'phone', value) });
  const code = parseCreditCode(value);
  if (code.ok) candidates.push({ kind: 'creditCode', key: code.value });
  return candidates;
}
