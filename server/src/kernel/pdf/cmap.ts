/**
 * Which Unicode code points a TrueType/OpenType font maps to a glyph, read from its `cmap` table (formats 4 and 12,
 * OpenType spec "cmap — Character to Glyph Index Mapping Table"), so text can fall back to another font per character
 * instead of printing an empty box.
 */
export type Coverage = (codePoint: number) => boolean;

const MAX_CODE_POINT = 0x10ffff;

function findTable(font: Buffer, tag: string): { offset: number; length: number } | undefined {
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag) return { offset: font.readUInt32BE(record + 8), length: font.readUInt32BE(record + 12) };
  }
  return undefined;
}

function markFormat12(font: Buffer, at: number, bits: Uint8Array): void {
  const groups = font.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const record = at + 16 + g * 12;
    const start = font.readUInt32BE(record);
    const end = Math.min(font.readUInt32BE(record + 4), MAX_CODE_POINT);
    const firstGlyph = font.readUInt32BE(record + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) bits[c >> 3] = (bits[c >> 3] ?? 0) | (1 << (c & 7));
  }
}

function markFormat4(font: Buffer, at: number, bits: Uint8Array): void {
  const segCount = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = font.readUInt16BE(ends + s * 2);
    const start = font.readUInt16BE(starts + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = font.readUInt16BE(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (c - start) * 2;
        const raw = glyphAt + 2 <= font.length ? font.readUInt16BE(glyphAt) : 0;
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) bits[c >> 3] = (bits[c >> 3] ?? 0) | (1 << (c & 7));
    }
  }
}

/** The font's coverage; prefers the full-Unicode subtable (3,10 format 12) and falls back to the BMP one (3,1 format 4). */
export function fontCoverage(font: Buffer): Coverage {
  const cmap = findTable(font, 'cmap');
  if (!cmap) throw new Error('font has no cmap table');
  const count = font.readUInt16BE(cmap.offset + 2);
  const subtables: { platform: number; encoding: number; at: number; format: number }[] = [];
  for (let i = 0; i < count; i++) {
    const record = cmap.offset + 4 + i * 8;
    const at = cmap.offset + font.readUInt32BE(record + 4);
    subtables.push({ platform: font.readUInt16BE(record), encoding: font.readUInt16BE(record + 2), at, format: font.readUInt16BE(at) });
  }
  const bits = new Uint8Array((MAX_CODE_POINT >> 3) + 1);
  const full = subtables.find((t) => t.format === 12 && (t.platform === 3 || t.platform === 0));
  const bmp = subtables.find((t) => t.format === 4 && (t.platform === 3 || t.platform === 0));
  if (full) markFormat12(font, full.at, bits);
  else if (bmp) markFormat4(font, bmp.at, bits);
  else throw new Error('font has no Unicode cmap subtable of format 4 or 12');
  return (codePoint) => codePoint >= 0 && codePoint <= MAX_CODE_POINT && ((bits[codePoint >> 3] ?? 0) & (1 << (codePoint & 7))) !== 0;
}
