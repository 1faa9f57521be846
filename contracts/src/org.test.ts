import { describe, expect, it } from 'vitest';
import {
  createRegionInput,
  orgMessages,
  parentRegionCode,
  regionAncestorCodes,
  regionCodeIssues,
  regionLevelOfCode,
  regionNameSchema,
  type RegionLevel,
} from './org';

describe('region code shape (GB/T 2260, 12-digit statistical codes)', () => {
  it.each<[string, RegionLevel]>([
    ['530000000000', 'province'],
    ['539900000000', 'city'],
    ['539902000000', 'county'],
    ['539902001000', 'town'],
    ['539902100000', 'town'],
    ['539902001101', 'village'],
    ['110101000000', 'county'],
    // 东莞 (不设区的地级市): towns hang directly under the city, county digits 00.
    ['441900003000', 'town'],
    ['441900003001', 'village'],
  ])('%s is a %s', (code, level) => {
    expect(regionLevelOfCode(code)).toBe(level);
  });

  it.each([
    ['000000000000', 'no province'],
    ['001100000000', 'province digits 00'],
    ['530002000000', 'county without a city'],
    ['530000001000', 'town without a city'],
    ['539902000001', 'village without a town'],
    ['53990200000', '11 digits'],
    ['5399020000001', '13 digits'],
    ['53990200000A', 'a letter'],
    ['', 'empty'],
  ])('%s has no valid shape (%s)', (code) => {
    expect(regionLevelOfCode(code)).toBeUndefined();
    expect(parentRegionCode(code)).toBeUndefined();
  });

  it('derives the parent from the code itself, one level up', () => {
    expect(parentRegionCode('530000000000')).toBeNull();
    expect(parentRegionCode('539900000000')).toBe('530000000000');
    expect(parentRegionCode('539902000000')).toBe('539900000000');
    expect(parentRegionCode('539902001000')).toBe('539902000000');
    expect(parentRegionCode('539902001101')).toBe('539902001000');
    expect(parentRegionCode('441900003000')).toBe('441900000000');
  });

  it('lists ancestors from the province down', () => {
    expect(regionAncestorCodes('539902001101')).toEqual(['530000000000', '539900000000', '539902000000', '539902001000']);
    expect(regionAncestorCodes('441900003001')).toEqual(['440000000000', '441900000000', '441900003000']);
    expect(regionAncestorCodes('530000000000')).toEqual([]);
  });
});

describe('region code / level / parent rules', () => {
  it('accepts a consistent region', () => {
    expect(regionCodeIssues({ code: '539902001000', level: 'town', parentCode: '539902000000' })).toEqual([]);
    expect(regionCodeIssues({ code: '530000000000', level: 'province', parentCode: null })).toEqual([]);
  });

  it('names the level when it does not match the code', () => {
    expect(regionCodeIssues({ code: '539902001000', level: 'county', parentCode: '539902000000' })).toEqual([{ field: 'level', code: 'region.levelMismatch' }]);
  });

  it('names the parent when it is not the code’s own prefix', () => {
    expect(regionCodeIssues({ code: '539902001000', level: 'town', parentCode: '539921000000' })).toEqual([{ field: 'parentCode', code: 'region.parentMismatch' }]);
    expect(regionCodeIssues({ code: '539902001000', level: 'town', parentCode: '539900000000' })).toEqual([{ field: 'parentCode', code: 'region.parentMismatch' }]);
    expect(regionCodeIssues({ code: '539900000000', level: 'city', parentCode: null })).toEqual([{ field: 'parentCode', code: 'region.parentMismatch' }]);
  });

  it('reports both when level and parent are wrong, and only the code when its shape is impossible', () => {
    expect(regionCodeIssues({ code: '539902001000', level: 'village', parentCode: null }).map((i) => i.field)).toEqual(['level', 'parentCode']);
    expect(regionCodeIssues({ code: '539902000001', level: 'village', parentCode: '539902000000' })).toEqual([{ field: 'code', code: 'region.codeShape' }]);
  });

  it('puts the same rules into the form schema with field paths and message keys', () => {
    const result = createRegionInput.safeParse({ code: '539902001000', name: '翠湖街道', level: 'county', parentCode: '539921000000' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['level', 'region.levelMismatch'],
      ['parentCode', 'region.parentMismatch'],
    ]);
    expect(createRegionInput.safeParse({ code: ' 539902001000 ', name: ' 翠湖街道 ', level: 'town', parentCode: '539902000000' }).data).toMatchObject({ code: '539902001000', name: '翠湖街道' });
  });
});

describe('names', () => {
  it('counts a character outside the BMP (𠮷) as one', () => {
    expect(regionNameSchema.safeParse('𠮷'.repeat(50)).success).toBe(true);
    expect(regionNameSchema.safeParse('𠮷'.repeat(51)).error?.issues[0]?.message).toBe('too_big');
  });

  it('refuses empty names and markup', () => {
    expect(regionNameSchema.safeParse('  ').error?.issues[0]?.message).toBe('required');
    expect(regionNameSchema.safeParse('<b>村</b>').error?.issues[0]?.message).toBe('org.nameChars');
  });
});

describe('messages', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(orgMessages['en-US']).sort()).toEqual(Object.keys(orgMessages['zh-CN']).sort());
  });
});
