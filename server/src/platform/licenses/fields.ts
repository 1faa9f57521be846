import type { LicenseTypeField } from '@zhengtong/contracts';
import type { FieldIssue } from '../../kernel/errors';
import type { LicenseTypeRow } from './repo';
import { validToByRule } from './workflow';

// A licence's data checked against its type: every issuance path (by hand, from a case, by import) goes through here,
// so a licence never carries a value its type does not define or lacks one it requires.

const MAX_VALUE_CHARS = 2000;

/** A real calendar date written YYYY-MM-DD, between 1900 and 2200. */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y = 0, m = 0, d = 0] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function normalise(field: LicenseTypeField, raw: unknown): { value?: string; code?: string } {
  if (raw === undefined || raw === null || raw === '') return {};
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined) return { code: 'invalid_type' };
  if (text === '') return {};
  if (Array.from(text).length > MAX_VALUE_CHARS) return { code: 'too_big' };
  switch (field.kind) {
    case 'text':
      return { value: text };
    case 'date':
      return isRealDate(text) ? { value: text } : { code: 'license.fieldDate' };
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? { value: text } : { code: 'license.fieldNumber' };
  }
}

/** The values by key as strings, and an issue per wrong field (`<prefix>.<key>`). */
export function checkFields(type: Pick<LicenseTypeRow, 'fields'>, input: Record<string, unknown>, prefix = 'fields'): { values: Record<string, string>; issues: FieldIssue[] } {
  const values: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  const known = new Set(type.fields.map((f) => f.key));
  for (const key of Object.keys(input)) if (!known.has(key)) issues.push({ field: `${prefix}.${key}`, code: 'license.fieldUnknown' });
  for (const field of type.fields) {
    const { value, code } = normalise(field, input[field.key]);
    if (code) issues.push({ field: `${prefix}.${field.key}`, code });
    else if (value !== undefined) values[field.key] = value;
    else if (field.isRequired) issues.push({ field: `${prefix}.${field.key}`, code: 'required' });
  }
  return { values, issues };
}

/**
 * First and last valid day under the type's rule. `validTo` may be given for a rule of years (a historical licence
 * prints its own end), is refused for 长期有效, and comes from the field for a field rule.
 */
export function resolveValidity(type: Pick<LicenseTypeRow, 'validity'>, input: { validFrom: string; validTo?: string | null }, values: Record<string, string>): { validFrom: string; validTo: string | null; issues: FieldIssue[] } {
  const rule = type.validity;
  const issues: FieldIssue[] = [];
  let validTo: string | null;
  switch (rule.mode) {
    case 'permanent':
      if (input.validTo) issues.push({ field: 'validTo', code: 'license.validToNotAllowed' });
      validTo = null;
      break;
    case 'years':
      validTo = input.validTo ?? validToByRule(rule, input.validFrom, values);
      break;
    case 'field':
      if (input.validTo && input.validTo !== values[rule.field]) issues.push({ field: 'validTo', code: 'license.validToFromField' });
      validTo = validToByRule(rule, input.validFrom, values);
      if (!validTo) issues.push({ field: 'validTo', code: 'license.validToRequired' });
      break;
  }
  if (validTo && validTo < input.validFrom) issues.push({ field: 'validTo', code: 'license.validToBeforeFrom' });
  return { validFrom: input.validFrom, validTo, issues };
}

/** The values in the type's order with their printed names, for views and the PDF. */
export function labelledFields(type: Pick<LicenseTypeRow, 'fields'> | undefined, values: Record<string, string>): { key: string; name: string; kind: LicenseTypeField['kind']; value: string }[] {
  const defined = type?.fields ?? [];
  const listed = defined.filter((f) => values[f.key] !== undefined).map((f) => ({ key: f.key, name: f.name, kind: f.kind, value: values[f.key] ?? '' }));
  // Values of fields the type has since dropped are still part of the licence as issued.
  const extra = Object.entries(values)
    .filter(([key]) => !defined.some((f) => f.key === key))
    .map(([key, value]) => ({ key, name: key, kind: 'text' as const, value }));
  return [...listed, ...extra];
}
