import { describe, expect, it } from 'vitest';
import { dataDefinitionIssues, dataResourceDefinitionSchema, type DataSubLevel } from '@zhengtong/contracts';
import { canonicalDefinition } from './definition';
import { openDefinition, tableDefinition } from './test-support';

// The catalogue's rules across values (contracts' dataDefinitionIssues), as the form and the server apply them.

const subLevels: DataSubLevel[] = [
  { level: 'general', code: 'L1', name: '一般 1 级', description: '' },
  { level: 'general', code: 'L2', name: '一般 2 级', description: '' },
  { level: 'important', code: 'L4', name: '重要', description: '' },
];
const issuesOf = (raw: Record<string, unknown>) => dataDefinitionIssues(dataResourceDefinitionSchema.parse(raw), subLevels).map((i) => [i.path.join('.'), i.code]);
const withField = (base: Record<string, unknown> & { fields: object[] }, index: number, change: Record<string, unknown>) => ({ ...base, fields: base.fields.map((f, i) => (i === index ? { ...f, ...change } : f)) });

describe('definition rules', () => {
  it('accepts a well-formed definition', () => {
    expect(issuesOf(tableDefinition())).toEqual([]);
    expect(issuesOf(openDefinition())).toEqual([]);
  });

  it('asks for a legal basis where sharing is conditional or refused', () => {
    expect(issuesOf(tableDefinition({ legalBasis: '' }))).toEqual([['legalBasis', 'data.legalBasisRequired']]);
    // An unconditional resource with one conditional item (法定代表人身份证号 in 法人基础信息) needs the item's own basis.
    const open = openDefinition();
    expect(issuesOf(withField(open, 2, { shareType: 'conditional', openType: 'closed' }))).toEqual([['fields.2.legalBasis', 'data.fieldLegalBasisRequired']]);
    expect(issuesOf(withField(open, 2, { shareType: 'conditional', openType: 'closed', legalBasis: '《企业信息公示暂行条例》' }))).toEqual([]);
  });

  it('never lets an item be freer than its resource, or personal, important and core data be open', () => {
    const closed = tableDefinition();
    expect(issuesOf(withField(closed, 2, { openType: 'restricted' }))).toEqual([['fields.2.openType', 'data.fieldOpenLooser']]);
    const open = openDefinition();
    expect(issuesOf(withField(open, 1, { masking: 'name' }))).toEqual([['fields.1.openType', 'data.personalOpen']]);
    expect(issuesOf(withField(open, 1, { level: 'important', subLevel: null }))).toEqual([['fields.1.openType', 'data.importantOpen']]);
    expect(issuesOf(withField(open, 1, { level: 'core', subLevel: null }))).toEqual([
      ['fields.1.openType', 'data.coreOpen'],
      ['fields.1.shareType', 'data.coreShared'],
    ]);
    expect(issuesOf({ ...closed, shareType: 'none', openType: 'restricted', fields: closed.fields.map((f) => ({ ...f, shareType: 'none', openType: 'restricted' })) })).toContainEqual(['openType', 'data.notSharedOpen']);
  });

  it('checks keys and sub-levels', () => {
    const base = tableDefinition();
    expect(issuesOf({ ...base, keyField: 'since' })).toEqual([['keyField', 'data.keyFieldType']]);
    expect(issuesOf(withField(base, 2, { subLevel: 'L3' }))).toEqual([['fields.2.subLevel', 'data.subLevelUnknown']]);
    expect(issuesOf(withField(base, 0, { level: 'core', subLevel: 'L5' }))).toEqual([['fields.0.subLevel', 'data.subLevelNone']]);
  });

  it('compares definitions by meaning, not by key order or absent optional values', () => {
    const a = dataResourceDefinitionSchema.parse(tableDefinition());
    const reversed = Object.fromEntries(Object.entries(a).reverse());
    const reordered = { ...reversed, fields: a.fields.map((f) => ({ legalBasis: '', ...f })) };
    expect(canonicalDefinition(reordered)).toBe(canonicalDefinition(a));
    expect(canonicalDefinition({ ...a, summary: '另一个' })).not.toBe(canonicalDefinition(a));
  });
});
