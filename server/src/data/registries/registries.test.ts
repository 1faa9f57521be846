import { describe, expect, it } from 'vitest';
import { isOverdue, nextStatus, roleFor } from './dispute-workflow';
import { resolveField } from './resolve';
import type { StoredValue } from './store';
import { comparable, sameValue, typedValue } from './values';

// The registries' pure rules: value typing and comparison (多元校核), the authority's value (一数一源), and the
// dispute state machine (异议核实).

const at = (iso: string) => new Date(iso);
const value = (source: string, v: string | null, observed: string): StoredValue => ({ subjectId: 's', fieldKey: 'address', source, value: v, observedAt: at(observed), recordedAt: at(observed) });

describe('values', () => {
  it('types values as the field says and refuses what does not fit', () => {
    expect(typedValue('date', '1990/1/2')).toEqual({ ok: true, value: '1990-01-02' });
    expect(typedValue('date', '1990年1月2日')).toEqual({ ok: true, value: '1990-01-02' });
    expect(typedValue('date', '1990-02-30')).toEqual({ ok: false, code: 'registry.valueType.date' });
    expect(typedValue('integer', '１２')).toEqual({ ok: true, value: 12 });
    expect(typedValue('integer', '1.5')).toEqual({ ok: false, code: 'registry.valueType.integer' });
    expect(typedValue('number', '1.5')).toEqual({ ok: true, value: 1.5 });
    expect(typedValue('boolean', '是')).toEqual({ ok: true, value: true });
    expect(typedValue('boolean', 'maybe')).toEqual({ ok: false, code: 'registry.valueType.boolean' });
    expect(typedValue('string', '  ')).toEqual({ ok: true, value: null });
    expect(typedValue('string', 'x'.repeat(501)).ok).toBe(false);
    expect(typedValue(null, ' 𠮷祥 ')).toEqual({ ok: true, value: '𠮷祥' });
  });

  it('compares without regard to spacing, full-width forms or the case of an X check digit', () => {
    expect(sameValue('翠湖路 18 号', '翠湖路１８号')).toBe(true);
    expect(sameValue('53990219880315011x', '53990219880315011X')).toBe(true);
    expect(sameValue('翠湖路 18 号', '翠湖路 19 号')).toBe(false);
    expect(comparable('  ')).toBeNull();
    expect(sameValue(null, '')).toBe(true);
  });
});

describe('一数一源', () => {
  const holders = new Map([['identity', 'bigdata']]);

  it('takes the authority’s newest value, or the value of a system it holds', () => {
    const values = [value('police', '旧地址', '2026-01-01T00:00:00Z'), value('police', '新地址', '2026-02-01T00:00:00Z'), value('hrss', '别的地址', '2026-03-01T00:00:00Z')];
    const resolved = resolveField(values, 'police', holders);
    expect(resolved.authoritative?.value).toBe('新地址');
    expect(resolved.others.map((o) => [o.value.source, o.agrees])).toEqual([
      ['police', false],
      ['hrss', false],
    ]);
    expect(resolveField([value('identity', '138', '2026-01-01T00:00:00Z')], 'bigdata', holders).authoritative?.source).toBe('identity');
    // A system nobody holds is never authoritative.
    expect(resolveField([value('identity', '138', '2026-01-01T00:00:00Z')], 'bigdata', new Map([['identity', null]])).authoritative).toBeUndefined();
    // Equally fresh: the department's own statement wins over the system it holds.
    const tie = resolveField([value('identity', 'a', '2026-01-01T00:00:00Z'), value('bigdata', 'b', '2026-01-01T00:00:00Z')], 'bigdata', holders);
    expect(tie.authoritative?.source).toBe('bigdata');
    expect(resolveField(values, null, holders).authoritative).toBeUndefined();
  });
});

describe('异议核实 workflow', () => {
  it('lets open disputes be corrected, rejected or withdrawn, and nothing after', () => {
    expect(nextStatus('open', 'correct')).toBe('corrected');
    expect(nextStatus('open', 'reject')).toBe('rejected');
    expect(nextStatus('open', 'withdraw')).toBe('withdrawn');
    for (const closed of ['corrected', 'rejected', 'withdrawn'] as const) for (const d of ['correct', 'reject', 'withdraw'] as const) expect(nextStatus(closed, d)).toBeUndefined();
    expect(roleFor('correct')).toBe('handler');
    expect(roleFor('withdraw')).toBe('raiser');
  });

  it('is overdue only while open and past its due time', () => {
    const due = at('2026-11-30T16:00:00Z');
    expect(isOverdue('open', due, at('2026-11-30T16:00:01Z'))).toBe(true);
    expect(isOverdue('open', due, at('2026-11-30T15:59:59Z'))).toBe(false);
    expect(isOverdue('corrected', due, at('2027-01-01T00:00:00Z'))).toBe(false);
  });
});
