import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';
import { flattenKeys, placeholdersOf } from './messages';

function valueAt(table: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), table);
}

describe('translations', () => {
  const zhKeys = flattenKeys(zhCN);
  const enKeys = flattenKeys(enUS);

  it('has every zh-CN key in en-US, and nothing en-US only', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = [...zhKeys.map((k) => ['zh-CN', k, valueAt(zhCN, k)]), ...enKeys.map((k) => ['en-US', k, valueAt(enUS, k)])].filter(
      ([, , v]) => typeof v !== 'string' || v.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = zhKeys.filter((k) => {
      const zh = valueAt(zhCN, k);
      const en = valueAt(enUS, k);
      return typeof zh === 'string' && typeof en === 'string' && placeholdersOf(zh).join() !== placeholdersOf(en).join();
    });
    expect(mismatched).toEqual([]);
  });
});
