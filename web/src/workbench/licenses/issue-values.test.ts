import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { LicenseTypeView } from '@zhengtong/contracts';
import { fieldInput, issueBody, ruleValidTo } from './issue-values';

const type: Pick<LicenseTypeView, 'id' | 'holderType' | 'fields' | 'validity'> = {
  id: 'type-1',
  holderType: 'person',
  fields: [
    { key: 'grade', name: '等级', kind: 'text', isRequired: true, source: null },
    { key: 'score', name: '成绩', kind: 'number', isRequired: false, source: null },
    { key: 'examOn', name: '考试日期', kind: 'date', isRequired: false, source: null },
  ],
  validity: { mode: 'years', years: 6 },
};

describe('issue form values', () => {
  it('sends dates as days, numbers as numbers, and drops empty fields', () => {
    expect(fieldInput(dayjs('2026-03-09'))).toBe('2026-03-09');
    expect(fieldInput(0)).toBe(0);
    expect(fieldInput('  ')).toBeUndefined();
    expect(fieldInput(null)).toBeUndefined();
  });

  it('builds the holder by the type’s holder type, the number in capitals', () => {
    const body = issueBody(type, { holder: { name: ' 𠮷祥 ', idNumber: '53990219880315011x' }, fields: { grade: ' 一级 ', score: 92, examOn: dayjs('2026-03-09') }, validFrom: dayjs('2026-04-01'), validTo: dayjs('2032-03-31') });
    expect(body).toEqual({ typeId: 'type-1', holder: { type: 'person', name: '𠮷祥', idNumber: '53990219880315011X' }, fields: { grade: '一级', score: 92, examOn: '2026-03-09' }, validFrom: '2026-04-01', validTo: '2032-03-31' });
    const enterprise = issueBody({ ...type, holderType: 'enterprise' }, { holder: { name: '青禾公司', creditCode: '91539902MA1QH0013H' } });
    expect(enterprise.holder).toEqual({ type: 'enterprise', name: '青禾公司', creditCode: '91539902MA1QH0013H' });
  });

  it('sends an end of validity only when the type’s rule lets the clerk choose it', () => {
    expect(issueBody({ ...type, validity: { mode: 'permanent' } }, { validTo: dayjs('2030-01-01') }).validTo).toBeUndefined();
    expect(issueBody({ ...type, validity: { mode: 'field', field: 'examOn' } }, { validTo: dayjs('2030-01-01') }).validTo).toBeUndefined();
  });

  it('previews the end the rule gives, as the server computes it', () => {
    expect(ruleValidTo({ mode: 'years', years: 6 }, '2026-04-01', {})).toBe('2032-03-31');
    expect(ruleValidTo({ mode: 'years', years: 1 }, '2028-02-29', {})).toBe('2029-02-28');
    expect(ruleValidTo({ mode: 'permanent' }, '2026-04-01', {})).toBeNull();
    expect(ruleValidTo({ mode: 'field', field: 'examOn' }, '2026-04-01', { examOn: '2031-12-31' })).toBe('2031-12-31');
    expect(ruleValidTo({ mode: 'field', field: 'examOn' }, '2026-04-01', {})).toBeNull();
  });
});
