import { describe, expect, it } from 'vitest';
import { beijingTime, csvField, csvLine, exportBaseName, exportCells, exportHeaders, xlsxText } from './export-format';

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain 中文')).toBe('plain 中文');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['1', '𠮷祥', ''])).toBe('1,𠮷祥,\r\n');
  });

  it('defuses values a spreadsheet would run as a formula (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('export rows', () => {
  const row = {
    id: '42',
    at: new Date('2026-01-31T16:05:06.007Z'),
    actor_id: null,
    actor_name: '张三',
    actor_role: 'clerk',
    action: 'person.read',
    object_type: 'person',
    object_id: 'p-1',
    result: 'denied' as const,
    ip: '10.0.0.1',
    request_id: 'r-1',
    detail: { purpose: '办理' },
    prev_hash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };

  it('shows time in Beijing time and the result in the reader\'s language', () => {
    expect(beijingTime(row.at)).toBe('2026-02-01 00:05:06.007');
    expect(exportCells(row, 'zh-CN')).toEqual(['42', '2026-02-01 00:05:06.007', '张三', '', 'clerk', 'person.read', 'person', 'p-1', '拒绝', '10.0.0.1', 'r-1', '{"purpose":"办理"}', 'f'.repeat(64)]);
    expect(exportCells(row, 'en-US')[8]).toBe('denied');
    expect(exportHeaders('zh-CN')).toHaveLength(exportCells(row, 'zh-CN').length);
  });

  it('names the file after the Beijing time of the export', () => {
    expect(exportBaseName(new Date('2026-01-31T16:05:06Z'))).toBe('audit-records-20260201-000506');
  });

  it('cuts text Excel could not hold in one cell', () => {
    expect(xlsxText('短')).toBe('短');
    const long = xlsxText('x'.repeat(40_000));
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('…')).toBe(true);
  });
});
