import { describe, it, expect } from 'vitest';
import {
  creditCodeCheckChar,
  creditCodeSchema,
  identifierMessages,
  idNumberCheckChar,
  idNumberSchema,
  makeCreditCode,
  orgCodeCheckChar,
  parseCreditCode,
  parseIdNumber,
  type CreditCodeFailure,
  type IdNumberFailure,
} from './identifiers';

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const PROVINCES = ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82'];
const NOW = new Date('2026-03-15T04:00:00Z');

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function randomDigits(length: number): string {
  return Array.from({ length }, () => String(Math.floor(Math.random() * 10))).join('');
}

function withIdCheck(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

function randomIdNumber(): string {
  const birth = new Date(Date.UTC(1900, 0, 1) + Math.random() * (NOW.getTime() - Date.UTC(1900, 0, 2)));
  const yyyymmdd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  return withIdCheck(pick(PROVINCES) + randomDigits(4) + yyyymmdd + randomDigits(3));
}

function randomCreditChars(length: number): string {
  return Array.from({ length }, () => pick([...CREDIT_CHARSET])).join('');
}

/** Outer check correct, inner GB 11714 check wrong (MA5CJQ4N's real check char is 5). */
function codeWithWrongOrgCheck(): string {
  const first17 = '91440101MA5CJQ4N4';
  return first17 + creditCodeCheckChar(first17);
}

describe('parseIdNumber (GB 11643)', () => {
  it('accepts the reference example and reads birth date, gender and region', () => {
    expect(parseIdNumber('11010519491231002X', NOW)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
  });

  it('trims and stores a lowercase x as uppercase', () => {
    const result = parseIdNumber('  11010519491231002x \n', NOW);
    expect(result.ok && result.value).toBe('11010519491231002X');
  });

  it('reads an odd sequence number as male', () => {
    const result = parseIdNumber(withIdCheck('44030419900101001'), NOW);
    expect(result.ok && result.gender).toBe('male');
  });

  const failures: ReadonlyArray<readonly [IdNumberFailure, string]> = [
    ['empty', ''],
    ['empty', '   '],
    ['format', '1101051949123100'],
    ['format', '1101051949123100200'],
    ['format', '1101051949123100AX'],
    ['format', '11010519491231002Y'],
    ['legacy15', '110105491231002'],
    ['region', withIdCheck('99010519491231002')],
    ['region', withIdCheck('10010519491231002')],
    ['birthDate', withIdCheck('11010519490229002')],
    ['birthDate', withIdCheck('11010519491301002')],
    ['birthDate', withIdCheck('11010518991231002')],
    ['birthDate', withIdCheck('11010520260316002')],
    ['checksum', '110105194912310021'],
  ];
  it.each(failures)('rejects with %s: %s', (reason, input) => {
    expect(parseIdNumber(input, NOW)).toEqual({ ok: false, reason });
  });

  it('accepts someone born today in China even when it is still yesterday in UTC', () => {
    const earlyMorningInBeijing = new Date('2026-03-14T17:30:00Z');
    expect(parseIdNumber(withIdCheck('11010520260315002'), earlyMorningInBeijing).ok).toBe(true);
  });

  it('validates 100 randomly generated numbers', () => {
    for (let i = 0; i < 100; i++) {
      const id = randomIdNumber();
      expect(parseIdNumber(id, NOW), id).toMatchObject({ ok: true, value: id });
    }
  });

  it('refuses to compute a check digit for malformed input', () => {
    expect(() => idNumberCheckChar('1234')).toThrow(RangeError);
  });
});

describe('parseCreditCode (GB 32100)', () => {
  it('accepts the reference example and splits its parts', () => {
    expect(parseCreditCode('91440101MA5CJQ4N59')).toEqual({
      ok: true,
      value: '91440101MA5CJQ4N59',
      authority: '9',
      entityType: '1',
      regionCode: '440101',
    });
  });

  it('trims and uppercases', () => {
    const result = parseCreditCode(' 91440101ma5cjq4n59 ');
    expect(result.ok && result.value).toBe('91440101MA5CJQ4N59');
  });

  it('computes both check characters of the example', () => {
    expect(orgCodeCheckChar('MA5CJQ4N')).toBe('5');
    expect(creditCodeCheckChar('91440101MA5CJQ4N5')).toBe('9');
  });

  const failures: ReadonlyArray<readonly [CreditCodeFailure, string]> = [
    ['empty', ' '],
    ['format', '91440101MA5CJQ4N5'],
    ['format', '91440101MA5CJQ4N590'],
    ['format', '91440101MA5CJO4N59'],
    ['format', '91440101MA5CJQ4N5-'],
    ['checksum', '91440101MA5CJQ4N58'],
    ['orgCodeChecksum', codeWithWrongOrgCheck()],
  ];
  it.each(failures)('rejects with %s: %s', (reason, input) => {
    expect(parseCreditCode(input)).toEqual({ ok: false, reason });
  });

  it('makeCreditCode reproduces the example and round-trips', () => {
    expect(makeCreditCode('91440101', 'MA5CJQ4N')).toBe('91440101MA5CJQ4N59');
    const made = makeCreditCode('52330100', 'mj12345a');
    expect(parseCreditCode(made)).toMatchObject({ ok: true, value: made, authority: '5', regionCode: '330100' });
  });

  it('makeCreditCode rejects characters outside the charset', () => {
    expect(() => makeCreditCode('9144010I', 'MA5CJQ4N')).toThrow(RangeError);
    expect(() => makeCreditCode('91440101', 'MA5CJQ4')).toThrow(RangeError);
  });

  it('validates 100 randomly generated codes', () => {
    for (let i = 0; i < 100; i++) {
      const code = makeCreditCode(randomCreditChars(2) + randomDigits(6), randomCreditChars(8));
      expect(parseCreditCode(code), code).toMatchObject({ ok: true, value: code });
    }
  });
});

describe('identifierMessages', () => {
  it('has the same non-empty keys in every locale', () => {
    const zh = identifierMessages['zh-CN'];
    const en = identifierMessages['en-US'];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text.length).toBeGreaterThan(5);
  });
});

describe('zod schemas', () => {
  it('output the normalised value', () => {
    expect(idNumberSchema.parse(' 11010519491231002x')).toBe('11010519491231002X');
    expect(creditCodeSchema.parse('91440101ma5cjq4n59 ')).toBe('91440101MA5CJQ4N59');
  });

  it('report the message key as the issue message', () => {
    const id = idNumberSchema.safeParse('110105194912310021');
    expect(id.success).toBe(false);
    expect(id.error?.issues.map((issue) => issue.message)).toEqual(['idNumber.checksum']);
    expect(id.error?.issues[0]?.message ?? '').toBeOneOf(Object.keys(identifierMessages['zh-CN']));

    const code = creditCodeSchema.safeParse(codeWithWrongOrgCheck());
    expect(code.error?.issues.map((issue) => issue.message)).toEqual(['creditCode.orgCodeChecksum']);
  });

  it('reject non-strings with the ordinary zod issue', () => {
    expect(idNumberSchema.safeParse(42).success).toBe(false);
  });
});
