import type { MaskingKind } from '@zhengtong/contracts';

// Display masking defaults from the data-sharing practice in REFERENCES.md; localities override per field.

export interface KeepRule {
  keepStart: number;
  keepEnd: number;
}

export interface MaskingRules {
  name: { keepStart: number };
  idNumber: KeepRule;
  mobile: KeepRule;
  /** The area code is always shown; this many digits at the end of the local number are too. */
  landline: { keepEnd: number };
  address: { keepStart: number };
  bankCard: KeepRule;
  email: { keepStart: number };
}

export const defaultMaskingRules: Readonly<MaskingRules> = Object.freeze({
  name: { keepStart: 1 },
  idNumber: { keepStart: 1, keepEnd: 2 },
  mobile: { keepStart: 3, keepEnd: 4 },
  landline: { keepEnd: 4 },
  address: { keepStart: 6 },
  bankCard: { keepStart: 4, keepEnd: 4 },
  email: { keepStart: 1 },
});

const MASK = '*';
// Fixed-width tails for free text, so the mask does not reveal how long the hidden part is.
const TAIL_MASK = '****';
const EMAIL_MASK = '***';

export function maskName(name: string, rule: Partial<MaskingRules['name']> = {}): string {
  const { keepStart } = { ...defaultMaskingRules.name, ...rule };
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  // A one-character name would be shown whole, so it is hidden completely.
  if (chars.length === 1) return MASK;
  return maskChars(chars, Math.min(keepStart, chars.length - 1), 0);
}

export function maskIdNumber(value: string, rule: Partial<KeepRule> = {}): string {
  const { keepStart, keepEnd } = { ...defaultMaskingRules.idNumber, ...rule };
  return maskChars(Array.from(value.trim()), keepStart, keepEnd);
}

export function maskPhone(
  value: string,
  rules: { mobile?: Partial<KeepRule>; landline?: Partial<MaskingRules['landline']> } = {},
): string {
  const compact = value.replace(/[\s()（）-]/g, '');
  const mobile = /^(\+?86)?(1\d{10})$/.exec(compact);
  if (mobile) {
    const { keepStart, keepEnd } = { ...defaultMaskingRules.mobile, ...rules.mobile };
    const countryCode = mobile[1] === undefined ? '' : `${mobile[1]} `;
    return countryCode + maskChars(Array.from(mobile[2] ?? ''), keepStart, keepEnd);
  }
  // Mainland area codes: 010 and 02x have three digits, every other one four.
  const landline = /^(010|02\d|0[3-9]\d{2})(\d{7,8})$/.exec(compact);
  if (landline) {
    const { keepEnd } = { ...defaultMaskingRules.landline, ...rules.landline };
    return `${landline[1] ?? ''}-${maskChars(Array.from(landline[2] ?? ''), 0, keepEnd)}`;
  }
  return maskChars(Array.from(compact), 0, defaultMaskingRules.mobile.keepEnd);
}

export function maskAddress(address: string, rule: Partial<MaskingRules['address']> = {}): string {
  const { keepStart } = { ...defaultMaskingRules.address, ...rule };
  const chars = Array.from(address.trim());
  if (chars.length === 0) return '';
  // A short address would otherwise be shown whole; show at most half of it.
  const visible = chars.length > keepStart ? keepStart : Math.floor(chars.length / 2);
  return chars.slice(0, visible).join('') + TAIL_MASK;
}

export function maskBankCard(value: string, rule: Partial<KeepRule> = {}): string {
  const { keepStart, keepEnd } = { ...defaultMaskingRules.bankCard, ...rule };
  return maskChars(Array.from(value.replace(/[\s-]/g, '')), keepStart, keepEnd);
}

export function maskEmail(value: string, rule: Partial<MaskingRules['email']> = {}): string {
  const { keepStart } = { ...defaultMaskingRules.email, ...rule };
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  const local = Array.from(at === -1 ? trimmed : trimmed.slice(0, at));
  const domain = at === -1 ? '' : trimmed.slice(at);
  if (local.length === 0) return domain;
  return local.slice(0, Math.min(keepStart, local.length - 1)).join('') + EMAIL_MASK + domain;
}

/** Keeps the ends and masks every character between; too short to keep anything means mask everything. */
function maskChars(chars: string[], keepStart: number, keepEnd: number): string {
  if (chars.length <= keepStart + keepEnd) return MASK.repeat(chars.length);
  const start = chars.slice(0, keepStart).join('');
  const end = keepEnd === 0 ? '' : chars.slice(-keepEnd).join('');
  return start + MASK.repeat(chars.length - keepStart - keepEnd) + end;
}

/** What stands for a hidden value: fixed, so it reveals neither the value nor its length. */
export const HIDDEN_VALUE = '******';

/**
 * A value masked by a data field's masking kind (the data backbone's information items): the display defaults above,
 * `hidden` as a fixed placeholder, `none` as it is. Null stays null.
 */
export function maskByKind<V extends string | number | boolean | null>(kind: MaskingKind, value: V | undefined): V | string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  switch (kind) {
    case 'none':
      return value;
    case 'name':
      return maskName(text);
    case 'idNumber':
      return maskIdNumber(text);
    case 'mobile':
      return maskPhone(text);
    case 'address':
      return maskAddress(text);
    case 'bankCard':
      return maskBankCard(text);
    case 'email':
      return maskEmail(text);
    case 'hidden':
      return HIDDEN_VALUE;
  }
}
