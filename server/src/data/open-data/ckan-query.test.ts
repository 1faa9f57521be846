import { describe, expect, it } from 'vitest';
import { CkanQueryError, matches, parseDateBound, parseQuery, parseSort, type SearchDoc } from './ckan-query';

const doc: SearchDoc = {
  text: { text: '食品经营许可信息 市场监管局 JY1539902', title: '食品经营许可信息' },
  exact: { organization: ['11539900mb0000001x'], tags: ['食品', '市场监管'], res_format: ['CSV', 'JSON', 'XLSX'], name: ['539900-SJ-0002'] },
  dates: { metadata_modified: new Date('2026-11-01T08:00:00Z') },
};
const now = new Date('2026-11-24T00:00:00Z');
const is = (q: string) => matches(doc, parseQuery(q), now);

describe('Solr queries as CKAN clients send them', () => {
  it('matches field terms, phrases, bare words, AND by default, OR, NOT, groups', () => {
    expect(is('')).toBe(true);
    expect(is('*:*')).toBe(true);
    expect(is('organization:11539900mb0000001x')).toBe(true);
    expect(is('tags:食品 res_format:csv')).toBe(true);
    expect(is('tags:"市场监管"')).toBe(true);
    expect(is('tags:食品 tags:法人')).toBe(false);
    expect(is('tags:法人 OR tags:食品')).toBe(true);
    expect(is('+tags:食品 -res_format:PDF')).toBe(true);
    expect(is('-organization:11539900mb0000001x')).toBe(false);
    expect(is('NOT tags:食品')).toBe(false);
    expect(is('tags:(法人 OR 食品)')).toBe(true);
    expect(is('(organization:a OR organization:11539900mb0000001x) AND tags:食品')).toBe(true);
    expect(is('-(tags:法人)')).toBe(true);
    expect(is('食品 许可')).toBe(true);
    expect(is('title:经营')).toBe(true);
    expect(is('name:539900-SJ-0002')).toBe(true);
    expect(is('name:539900-sj*')).toBe(true);
    expect(is('tags:*')).toBe(true);
  });

  it('matches date ranges with ISO times, escapes and NOW arithmetic', () => {
    expect(is('metadata_modified:[2026-10-01T00:00:00Z TO *]')).toBe(true);
    expect(is('metadata_modified:[2026-10-01T00\\:00\\:00Z TO *]')).toBe(true);
    expect(is('metadata_modified:[2026-10-31T23:00:00.123456 TO 2026-11-02]')).toBe(true);
    expect(is('metadata_modified:{2026-11-01T08:00:00Z TO *]')).toBe(false);
    expect(is('metadata_modified:[NOW-30DAYS TO NOW]')).toBe(true);
    expect(is('metadata_modified:[NOW-1DAY/DAY TO *]')).toBe(false);
    expect(parseDateBound('NOW-1MONTH', now).toISOString()).toBe('2026-10-24T00:00:00.000Z');
  });

  it('refuses what it cannot read', () => {
    for (const q of ['title:(unclosed', 'a )', 'tags:"open', 'metadata_modified:[2020 TO', 'metadata_modified:[yesterday TO *]', 'AND', 'tags:']) {
      expect(() => matches(doc, parseQuery(q), now), q).toThrow(CkanQueryError);
    }
    expect(() => is('secret_field:1')).toThrow(CkanQueryError);
    expect(() => is('metadata_modified:2026')).toThrow(CkanQueryError);
  });

  it('reads sort specifications', () => {
    expect(parseSort('score desc, metadata_modified desc')).toEqual([
      { field: 'score', isDescending: true },
      { field: 'metadata_modified', isDescending: true },
    ]);
    expect(parseSort('name')).toEqual([{ field: 'name', isDescending: false }]);
    expect(() => parseSort('name sideways')).toThrow(CkanQueryError);
  });
});
