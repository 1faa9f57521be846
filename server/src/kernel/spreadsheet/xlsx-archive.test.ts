import { describe, expect, it } from 'vitest';
import { declaredUnpackedSize, isZipArchive } from './xlsx-archive';
import { makeWorkbook } from './test-support';

describe('xlsx archive guard', () => {
  it('reads the declared unpacked size of a real workbook', async () => {
    const file = await makeWorkbook(['区划代码', '区划名称'], [['539902001000', '𠮷祥镇']]);
    expect(isZipArchive(file)).toBe(true);
    const size = declaredUnpackedSize(file);
    expect(size).toBeGreaterThan(file.length);
    expect(size).toBeLessThan(100_000);
  });

  it('sees an entry claiming to unpack to gigabytes', async () => {
    const file = await makeWorkbook(['a'], [['b']]);
    const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const firstEntry = file.readUInt32LE(eocd + 16);
    file.writeUInt32LE(0xfffffff0, firstEntry + 24);
    expect(declaredUnpackedSize(file)).toBeGreaterThan(4_000_000_000);
  });

  it('refuses what is not a ZIP, or a truncated one', () => {
    expect(isZipArchive(Buffer.from('区划代码,区划名称'))).toBe(false);
    expect(declaredUnpackedSize(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]))).toBeUndefined();
  });
});
