import { describe, expect, it } from 'vitest';
import type { DataField } from '@zhengtong/contracts';
import { csvCell, csvHeader, csvRow } from './csv';
import { leavingFields, maskValue, openFields, restrictedFields, shapeRecord } from './fields';

const field = (key: string, openType: DataField['openType'], masking: DataField['masking'] = 'none'): DataField => ({
  key,
  name: key,
  type: 'string',
  description: '',
  shareType: 'unconditional',
  openType,
  level: 'general',
  subLevel: null,
  masking,
  sourceDepartmentId: null,
});

const resource = { fields: [field('code', 'open'), field('rep', 'restricted', 'name'), field('phone', 'restricted', 'mobile'), field('id', 'closed', 'idNumber'), field('secret', 'open', 'hidden')] };

describe('what leaves the open-data portal', () => {
  it('opens open items to all, restricted ones on approval, closed and hidden ones never', () => {
    expect(openFields(resource).map((f) => f.key)).toEqual(['code']);
    expect(restrictedFields(resource).map((f) => f.key)).toEqual(['rep', 'phone']);
    expect(leavingFields(resource, false).map((f) => f.key)).toEqual(['code']);
    expect(leavingFields(resource, true).map((f) => f.key)).toEqual(['code', 'rep', 'phone']);
  });

  it('masks what leaves by its kind', () => {
    const record = { code: 'A1', rep: '𠮷祥', phone: '13812345678', id: '539902198803150118', secret: 'x' };
    expect(shapeRecord(record, leavingFields(resource, true))).toEqual({ code: 'A1', rep: '𠮷*', phone: '138****5678' });
    expect(maskValue('idNumber', '539902198803150118')).toBe('5***************18');
    expect(maskValue('hidden', 'anything')).toBeNull();
    expect(maskValue('name', null)).toBeNull();
    expect(maskValue('none', 12)).toBe(12);
  });
});

describe('CSV cells', () => {
  it('quotes, doubles quotes, keeps numbers and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-3.5', 'string')).toBe('-3.5');
    expect(csvCell('-cmd', 'string')).toBe("'-cmd");
    expect(csvCell(-3, 'integer')).toBe('-3');
    expect(csvHeader([{ name: '名称' }, { name: '代码,编号' }])).toBe('名称,"代码,编号"\r\n');
    expect(csvRow({ a: 1, b: 'x' }, [{ key: 'a', type: 'integer' }, { key: 'b', type: 'string' }])).toBe('1,x\r\n');
  });
});
