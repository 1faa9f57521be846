import { parseCreditCode, parseIdNumber, valueCheckOf, type DataField } from '@zhengtong/contracts';

// A record's values against its fields' types (信息项数据类型) and identifier checks (GB 11643, GB 32100). Pure:
// used when records are loaded (each cell becomes the stored value or a reason) and by the quality score.

export const MAX_TEXT_LENGTH = 2000;

export type StoredValue = string | number | boolean | null;
export type Coerced = { ok: true; value: StoredValue } | { ok: false; code: string; params?: Record<string, string | number> };

const TRUE_WORDS = new Set(['true', '1', '是', 'yes', 'y', '√']);
const FALSE_WORDS = new Set(['false', '0', '否', 'no', 'n', '×']);

/** A real calendar date written YYYY-MM-DD (or YYYY/M/D, as spreadsheets print it), in canonical form. */
export function canonicalDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isDateTime(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m?.[1] || canonicalDate(m[1]) === null) return false;
  return Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60;
}

const isBlank = (raw: unknown) => raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');

/** True when a stored value counts as filled in (completeness). */
export function isFilled(raw: unknown): boolean {
  return !isBlank(raw);
}

/** The value to store for a cell, or why it does not fit the field. Blank is always allowed (null). */
export function coerceValue(field: Pick<DataField, 'type' | 'masking' | 'identifier'>, raw: unknown): Coerced {
  if (isBlank(raw)) return { ok: true, value: null };
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  switch (field.type) {
    case 'string': {
      if (typeof raw === 'object') return { ok: false, code: 'invalid_type' };
      if (Array.from(text).length > MAX_TEXT_LENGTH) return { ok: false, code: 'data.value.tooLong', params: { max: MAX_TEXT_LENGTH } };
      const check = valueCheckOf(field);
      if (check === 'idNumber') {
        const parsed = parseIdNumber(text);
        return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, code: `idNumber.${parsed.reason}` };
      }
      if (check === 'creditCode') {
        const parsed = parseCreditCode(text);
        return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, code: `creditCode.${parsed.reason}` };
      }
      return { ok: true, value: text };
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : /^[+-]?\d+$/.test(text.normalize('NFKC')) ? Number(text.normalize('NFKC')) : Number.NaN;
      return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, code: 'data.value.integer' };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.normalize('NFKC')) ? Number(text.normalize('NFKC')) : Number.NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, code: 'data.value.number' };
    }
    case 'date': {
      const date = typeof raw === 'string' ? canonicalDate(text) : null;
      return date ? { ok: true, value: date } : { ok: false, code: 'data.value.date' };
    }
    case 'datetime':
      return typeof raw === 'string' && isDateTime(text) ? { ok: true, value: text } : { ok: false, code: 'data.value.datetime' };
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, code: 'data.value.boolean' };
    }
  }
}

/** True when a stored value is what its field says it is (validity). */
export function isValidValue(field: Pick<DataField, 'type' | 'masking' | 'identifier'>, value: unknown): boolean {
  const coerced = coerceValue(field, value);
  if (!coerced.ok) return false;
  // A stored value must already be in the form its type stores ("12" in an integer field came another way).
  switch (field.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
    case 'date':
    case 'datetime':
      return typeof value === 'string';
  }
}
