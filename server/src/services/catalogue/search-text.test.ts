import { describe, expect, it } from 'vitest';
import { bigrams, normalizeSearchText, searchColumns, searchTerms } from './search-text';

describe('search text', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(normalizeSearchText('  出生 登记！')).toBe('出生登记');
    expect(normalizeSearchText('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeSearchText('《食品经营许可证》')).toBe('食品经营许可证');
  });

  it('drops everyday filler but keeps what is searched for', () => {
    expect(searchTerms('怎么办理低保')?.core).toBe('低保');
    expect(searchTerms('我要办营业执照需要什么材料')?.core).toBe('营业执照');
    expect(searchTerms('残疾人证办理')?.whole).toBe('残疾人证办理');
    // Only filler typed: search for it as it is.
    expect(searchTerms('办理')?.core).toBe('办理');
    expect(searchTerms('  ！ ')).toBeUndefined();
  });

  it('makes bigrams per word, counting characters outside the BMP as one', () => {
    expect(bigrams('出生证')).toEqual(['出生', '生证']);
    expect(bigrams('证')).toEqual(['证']);
    expect(bigrams('𠮷祥')).toEqual(['𠮷祥']);
    expect(searchTerms('食品 许可')?.grams).toEqual(['食品', '许可']);
    expect(searchTerms('食品许可')?.minGrams).toBe(2);
  });

  it('joins the searchable words so that no bigram spans two of them', () => {
    const columns = searchColumns({ name: '出生登记', aliases: ['新生儿入户'], keywords: ['上户口'] });
    expect(columns.search_text).toBe('出生登记|新生儿入户|上户口');
    expect(columns.search_text.includes('记新')).toBe(false);
  });
});
