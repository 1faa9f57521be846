import type { DataFieldType, RegistryValue } from '@zhengtong/contracts';

// Registry values: typed by the registry resource's field types once it is catalogued, compared loosely enough that
// 全角/半角 and spacing do not count as a conflict (多元校核 is about different facts, not different typing).

export type TypedValue = { ok: true; value: RegistryValue } | { ok: false; code: string };

const MAX_TEXT = 500;
const INTEGER = /^[+-]?\d{1,15}$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A value as the field's type holds it: text trimmed, numbers from digits, dates as YYYY-MM-DD, yes/no in either
 * language. Blank means "the source says this is empty" (null). Without a type (not catalogued) text is kept as text.
 */
export function typedValue(type: DataFieldType | null, raw: RegistryValue): TypedValue {
  if (raw === null) return { ok: true, value: null };
  const text = typeof raw === 'string' ? raw.normalize('NFC').trim() : String(raw);
  if (text === '') return { ok: true, value: null };
  switch (type) {
    case null:
      if (typeof raw === 'string' && Array.from(text).length > MAX_TEXT) return { ok: false, code: 'registry.valueType.string' };
      return { ok: true, value: typeof raw === 'string' ? text : raw };
    case 'string':
      return Array.from(text).length <= MAX_TEXT ? { ok: true, value: text } : { ok: false, code: 'registry.valueType.string' };
    case 'integer': {
      const n = Number(text.normalize('NFKC'));
      return INTEGER.test(text.normalize('NFKC')) && Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, code: 'registry.valueType.integer' };
    }
    case 'number': {
      const n = Number(text.normalize('NFKC'));
      return NUMBER.test(text.normalize('NFKC')) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, code: 'registry.valueType.number' };
    }
    case 'date': {
      const normalised = text.normalize('NFKC').replace(/[/.年月]/g, '-').replace(/日$/, '');
      const padded = normalised.replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_all, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
      return isCalendarDate(padded) ? { ok: true, value: padded } : { ok: false, code: 'registry.valueType.date' };
    }
    case 'datetime': {
      const at = new Date(text);
      return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(at.getTime()) ? { ok: true, value: at.toISOString() } : { ok: false, code: 'registry.valueType.datetime' };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (raw === true || ['true', '1', '是', 'yes', 'y'].includes(lower)) return { ok: true, value: true };
      if (raw === false || ['false', '0', '否', 'no', 'n'].includes(lower)) return { ok: true, value: false };
      return { ok: false, code: 'registry.valueType.boolean' };
    }
  }
}

/** The form two values are compared in: NFKC, no spaces, upper case (ID check digit x/X); blank is null. */
export function comparable(value: RegistryValue): string | null {
  if (value === null) return null;
  const text = String(value).normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return text === '' ? null : text;
}

export function sameValue(a: RegistryValue, b: RegistryValue): boolean {
  return comparable(a) === comparable(b);
}

/** A value as text (a dispute's claim is entered as text and typed when verified). */
export function valueText(value: RegistryValue): string {
  return value === null ? '' : String(value);
}
