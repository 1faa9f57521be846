import { z } from 'zod';

// Shared by browser and server: keep this file free of node: imports.

export type IdNumberFailure = 'empty' | 'format' | 'legacy15' | 'region' | 'birthDate' | 'checksum';
export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: 'male' | 'female'; regionCode: string }
  | { ok: false; reason: IdNumberFailure };

export type CreditCodeFailure = 'empty' | 'format' | 'checksum' | 'orgCodeChecksum';
export type CreditCodeResult =
  | { ok: true; value: string; authority: string; entityType: string; regionCode: string }
  | { ok: false; reason: CreditCodeFailure };

// ---------------------------------------------------------------- 居民身份证号 (GB 11643-1999)

// GB 11643 uses ISO 7064 MOD 11-2: the weight of position i (1..17) is 2^(18-i) mod 11.
const ID_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const ID_CHECK_CHARS = '10X98765432';

// GB/T 2260 province-level codes; anything else cannot be a real 居民身份证号.
const PROVINCE_CODE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
  [71, 71],
  [81, 82],
];
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  PROVINCE_CODE_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))),
);

const EARLIEST_BIRTH_YEAR = 1900;
// Birth dates on the card are calendar days in China Standard Time, whatever the server's zone.
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

export function parseIdNumber(input: string, now: Date = new Date()): IdNumberResult {
  const value = input.trim().toUpperCase();
  if (value === '') return { ok: false, reason: 'empty' };
  if (/^\d{15}$/.test(value)) return { ok: false, reason: 'legacy15' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, reason: 'region' };

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isPlausibleBirthDate(birthDate, now)) return { ok: false, reason: 'birthDate' };
  if (idNumberCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, reason: 'checksum' };

  // GB 11643: the sequence number (digits 15–17) is odd for men, even for women.
  const gender = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, gender, regionCode: value.slice(0, 6) };
}

function isPlausibleBirthDate(isoDate: string, now: Date): boolean {
  const [year = 0, month = 0, day = 0] = isoDate.split('-').map(Number);
  if (year < EARLIEST_BIRTH_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const todayInChina = new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
  return real && isoDate <= todayInChina;
}

// ---------------------------------------------------------------- 统一社会信用代码 (GB 32100-2015)

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100: weight of position i (1..17) is 3^(i-1) mod 31.
const CREDIT_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

// GB 11714 organisation code: weights for its 8 body characters; letters count as ASCII − 55.
const ORG_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) {
    throw new RangeError('creditCodeCheckChar needs 17 characters from the GB 32100 charset');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17.charAt(i)) * (CREDIT_WEIGHTS[i] ?? 0);
  return CREDIT_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('orgCodeCheckChar needs 8 characters 0-9/A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(first8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

function orgCharValue(char: string): number {
  return /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
}

export function parseCreditCode(input: string): CreditCodeResult {
  const value = input.trim().toUpperCase();
  if (value === '') return { ok: false, reason: 'empty' };
  if (!CREDIT_CODE_PATTERN.test(value)) return { ok: false, reason: 'format' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, reason: 'checksum' };
  // GB 32100: characters 9–17 are the GB 11714 organisation code, which carries its own check character.
  if (orgCodeCheckChar(value.slice(8, 16)) !== value.charAt(16)) return { ok: false, reason: 'orgCodeChecksum' };
  return {
    ok: true,
    value,
    authority: value.charAt(0),
    entityType: value.charAt(1),
    regionCode: value.slice(2, 8),
  };
}

/** Builds a valid code from authority+type+region (8 chars) and an organisation-code body (8 chars). */
export function makeCreditCode(prefix8: string, orgBase8: string): string {
  const upperPrefix = prefix8.toUpperCase();
  const upperOrg = orgBase8.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(upperPrefix) || !/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(upperOrg)) {
    throw new RangeError('makeCreditCode needs two 8-character strings from the GB 32100 charset');
  }
  const first17 = upperPrefix + upperOrg + orgCodeCheckChar(upperOrg);
  return first17 + creditCodeCheckChar(first17);
}

// ---------------------------------------------------------------- messages and schemas

export type IdentifierMessageKey = `idNumber.${IdNumberFailure}` | `creditCode.${CreditCodeFailure}`;
export type IdentifierLocale = 'zh-CN' | 'en-US';

export const identifierMessages: Readonly<Record<IdentifierLocale, Readonly<Record<IdentifierMessageKey, string>>>> = {
  'zh-CN': {
    'idNumber.empty': '请填写身份证号码',
    'idNumber.format': '身份证号码应为18位，前17位为数字，最后一位为数字或X',
    'idNumber.legacy15': '不再受理15位旧身份证号码，请填写18位身份证号码',
    'idNumber.region': '身份证号码前两位不是有效的省级行政区划代码，请核对',
    'idNumber.birthDate': '身份证号码中的出生日期（第7至14位）无效，请核对',
    'idNumber.checksum': '身份证号码校验位不正确，请核对最后一位',
    'creditCode.empty': '请填写统一社会信用代码',
    'creditCode.format': '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）',
    'creditCode.checksum': '统一社会信用代码校验位不正确，请核对最后一位',
    'creditCode.orgCodeChecksum': '统一社会信用代码中的组织机构代码（第9至17位）校验不正确，请核对',
  },
  'en-US': {
    'idNumber.empty': 'Please enter the ID number',
    'idNumber.format': 'The ID number must have 18 characters: 17 digits followed by a digit or X',
    'idNumber.legacy15': 'Old 15-digit ID numbers are no longer accepted; please enter the 18-digit number',
    'idNumber.region': 'The first two digits of the ID number are not a valid province code',
    'idNumber.birthDate': 'The birth date in the ID number (characters 7–14) is not a valid date',
    'idNumber.checksum': 'The last character (check digit) of the ID number is wrong',
    'creditCode.empty': 'Please enter the unified social credit code',
    'creditCode.format':
      'The unified social credit code must have 18 digits or capital letters (I, O, S, V and Z are not used)',
    'creditCode.checksum': 'The last character (check character) of the unified social credit code is wrong',
    'creditCode.orgCodeChecksum':
      'The organisation code inside the unified social credit code (characters 9–17) fails its check',
  },
};

// Issue messages are message keys so each client renders them in its own locale.
export const idNumberSchema = z.string().transform((input, ctx) => {
  const result = parseIdNumber(input);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: `idNumber.${result.reason}` satisfies IdentifierMessageKey });
  return z.NEVER;
});

export const creditCodeSchema = z.string().transform((input, ctx) => {
  const result = parseCreditCode(input);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: `creditCode.${result.reason}` satisfies IdentifierMessageKey });
  return z.NEVER;
});
