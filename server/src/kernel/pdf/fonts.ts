import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fontCoverage, type Coverage } from './cmap';

/**
 * Fonts embedded in every generated PDF (subset to the characters used). Noto Sans SC (SIL OFL 1.1) covers GB 2312,
 * the 8,105 characters of 通用规范汉字表 and more; Noto Sans JP is the fallback for characters outside the BMP that
 * appear in Chinese names (生僻字 such as 𠮷, U+20BB7). Both come as TrueType files in npm packages.
 */
export type FontName = 'regular' | 'bold' | 'fallback';

const require = createRequire(import.meta.url);
const files: Readonly<Record<FontName, string>> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  fallback: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
};

export type LoadedFont = { name: FontName; bytes: Buffer; covers: Coverage };

const loaded = new Map<FontName, LoadedFont>();

/** Reads a font once per process (≈ 10 MB each) and indexes its coverage. */
export function loadFont(name: FontName): LoadedFont {
  const cached = loaded.get(name);
  if (cached) return cached;
  const bytes = fs.readFileSync(require.resolve(files[name]));
  const font = { name, bytes, covers: fontCoverage(bytes) };
  loaded.set(name, font);
  return font;
}

/** Shown for a character no embedded font has, so the document still renders (the text layer keeps the box). */
export const MISSING_GLYPH = '□';

export type TextRun = { font: FontName; text: string };

/**
 * Splits text into runs by the first font that has each character (the primary, then the fallback); a character
 * neither has becomes □. Control characters other than line breaks are dropped.
 */
export function textRuns(text: string, primary: 'regular' | 'bold'): TextRun[] {
  const fonts = [loadFont(primary), loadFont('fallback')];
  const runs: TextRun[] = [];
  for (const char of Array.from(text)) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x20 && char !== '\n') continue;
    const isBreak = char === '\n';
    const font = isBreak ? fonts[0] : fonts.find((f) => f.covers(codePoint));
    const name = font?.name ?? primary;
    const shown = font || isBreak ? char : MISSING_GLYPH;
    const last = runs.at(-1);
    if (last && last.font === name) last.text += shown;
    else runs.push({ font: name, text: shown });
  }
  return runs;
}
