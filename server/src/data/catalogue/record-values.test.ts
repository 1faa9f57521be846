import { describe, expect, it } from 'vitest';
import { canonicalDate, coerceValue, isValidValue } from './record-values';

const field = (type: 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean', extra: { masking?: 'none' | 'idNumber'; identifier?: 'idNumber' | 'creditCode' | null } = {}) => ({ type, masking: extra.masking ?? 'none', identifier: extra.identifier });

describe('record values', () => {
  it('turns blank cells into null and keeps text trimmed', () => {
    expect(coerceValue(field('integer'), '  ')).toEqual({ ok: true, value: null });
    expect(coerceValue(field('string'), ' 翠湖街道 ')).toEqual({ ok: true, value: '翠湖街道' });
  });

  it('reads integers, numbers and booleans from cells or JSON', () => {
    expect(coerceValue(field('integer'), '１２')).toEqual({ ok: true, value: 12 });
    expect(coerceValue(field('integer'), 12.5)).toMatchObject({ ok: false, code: 'data.value.integer' });
    expect(coerceValue(field('integer'), '3人')).toMatchObject({ ok: false, code: 'data.value.integer' });
    expect(coerceValue(field('number'), '35.6')).toEqual({ ok: true, value: 35.6 });
    expect(coerceValue(field('number'), 'abc')).toMatchObject({ ok: false, code: 'data.value.number' });
    expect(coerceValue(field('boolean'), '是')).toEqual({ ok: true, value: true });
    expect(coerceValue(field('boolean'), 'maybe')).toMatchObject({ ok: false, code: 'data.value.boolean' });
  });

  it('accepts real dates only and writes them YYYY-MM-DD', () => {
    expect(canonicalDate('2026/3/5')).toBe('2026-03-05');
    expect(canonicalDate('2026-02-30')).toBeNull();
    expect(coerceValue(field('date'), '2026-11-01')).toEqual({ ok: true, value: '2026-11-01' });
    expect(coerceValue(field('date'), 20261101)).toMatchObject({ ok: false, code: 'data.value.date' });
    expect(coerceValue(field('datetime'), '2026-11-01T08:30:00+08:00')).toEqual({ ok: true, value: '2026-11-01T08:30:00+08:00' });
    expect(coerceValue(field('datetime'), '2026-11-01 25:00')).toMatchObject({ ok: false, code: 'data.value.datetime' });
  });

  it('checks ID numbers (GB 11643) and credit codes (GB 32100)', () => {
    expect(coerceValue(field('string', { masking: 'idNumber' }), '53990219880315011x')).toMatchObject({ ok: false, code: 'idNumber.checksum' });
    expect(coerceValue(field('string', { masking: 'idNumber' }), '539902198803150118')).toEqual({ ok: true, value: '539902198803150118' });
    expect(coerceValue(field('string', { identifier: 'creditCode' }), '91539902MA1QH0013H')).toMatchObject({ ok: true });
    expect(coerceValue(field('string', { identifier: 'creditCode' }), '91539902MA1QH0013J')).toMatchObject({ ok: false, code: 'creditCode.checksum' });
  });

  it('judges stored values by their stored form', () => {
    expect(isValidValue(field('integer'), 3)).toBe(true);
    expect(isValidValue(field('integer'), '3')).toBe(false);
    expect(isValidValue(field('string', { masking: 'idNumber' }), '539902198803150119')).toBe(false);
  });
});
