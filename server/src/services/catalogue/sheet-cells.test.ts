import { describe, expect, it } from 'vitest';
import { basisText, limitText, parseBasis, parseLimit } from './sheet-cells';

describe('legal basis cells', () => {
  it('reads title, document number, article and quoted text, and writes them back the same way', () => {
    const basis = [
      { name: '《中华人民共和国户口登记条例》', article: '第七条', excerpt: '婴儿出生后一个月以内,由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。' },
      { name: '《社会保障卡管理办法》(人社部发〔2011〕47号)', article: '第十二条', excerpt: '' },
      { name: '《特困人员认定办法》(民发〔2021〕43号)', article: '', excerpt: '' },
    ];
    expect(parseBasis(basisText(basis))).toEqual(basis);
  });

  it('accepts a semicolon between laws, but not inside a quoted article', () => {
    expect(parseBasis('《甲法》第一条；《乙法》第二条:“一;二”')).toEqual([
      { name: '《甲法》', article: '第一条', excerpt: '' },
      { name: '《乙法》', article: '第二条', excerpt: '一;二' },
    ]);
    expect(parseBasis('第七条')).toBeUndefined();
  });
});

describe('time-limit cells', () => {
  it('keeps the note as written, so an exported limit reads back unchanged', () => {
    const limit = { days: 0, unit: 'workingDay' as const, note: '邮寄的 5 个工作日内送达' };
    expect(parseLimit(limitText(limit))).toEqual(limit);
    expect(parseLimit('20 个工作日')).toEqual({ days: 20, unit: 'workingDay', note: '' });
    expect(parseLimit('30个自然日(公示期不计入)')).toEqual({ days: 30, unit: 'naturalDay', note: '公示期不计入' });
    expect(parseLimit('即办')).toEqual({ days: 0, unit: 'workingDay', note: '' });
    expect(parseLimit('很快')).toBeUndefined();
  });
});
