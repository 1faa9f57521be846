import zlib from 'node:zlib';

// Reads back what PdfBuilder wrote, for tests and checks without external tools: the embedded fonts and the text, by
// decoding each font's ToUnicode CMap (ISO 32000-1 §9.10.3) and the content streams' show-text operators.

type PdfObject = { dict: string; stream: Buffer | undefined };

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    let dict = body;
    let stream: Buffer | undefined;
    if (streamAt >= 0 && /\/Length\s+(\d+)/.test(body.slice(0, streamAt))) {
      dict = body.slice(0, streamAt);
      const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? 0);
      let dataStart = start + streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      const raw = pdf.subarray(dataStart, dataStart + length);
      stream = dict.includes('/FlateDecode') ? zlib.inflateSync(raw) : raw;
    }
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexToString = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(pair[1] ?? '0', 16), hexToString(pair[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const from = parseInt(range[1] ?? '0', 16);
      const to = parseInt(range[2] ?? '0', 16);
      const target = range[3] ?? '';
      if (target.startsWith('[')) {
        const targets = Array.from(target.matchAll(/<([0-9a-fA-F\s]+)>/g), (m) => hexToString(m[1] ?? ''));
        targets.forEach((t, i) => map.set(from + i, t));
      } else {
        const base = hexToString(target.slice(1, -1));
        const first = base.codePointAt(0) ?? 0;
        for (let code = from; code <= to; code++) map.set(code, String.fromCodePoint(first + (code - from)));
      }
    }
  }
  return map;
}

export type PdfInspection = { text: string; fontNames: string[]; embeddedFontFiles: number; pageCount: number; title: string | undefined };

/** The document's text in drawing order (runs joined without separators), its font names and page count. */
export function inspectPdf(pdf: Buffer): PdfInspection {
  const objects = parseObjects(pdf);
  const toUnicodeByFont = new Map<number, Map<number, string>>();
  const fontNames: string[] = [];
  let embeddedFontFiles = 0;
  let pageCount = 0;
  for (const [id, object] of objects) {
    if (/\/Type\s*\/Page\b/.test(object.dict)) pageCount++;
    if (/\/FontFile2|\/FontFile3/.test(object.dict)) embeddedFontFiles++;
    const baseFont = /\/Type\s*\/Font[\s\S]*?\/BaseFont\s*\/([^\s/>]+)/.exec(object.dict);
    if (baseFont?.[1] && /\/Subtype\s*\/Type0/.test(object.dict)) fontNames.push(baseFont[1]);
    const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(object.dict);
    const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
    if (cmap) toUnicodeByFont.set(id, parseToUnicode(cmap.toString('latin1')));
  }
  const fontObjectByName = new Map<string, number>();
  for (const object of objects.values()) {
    for (const ref of object.dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) fontObjectByName.set(ref[1] ?? '', Number(ref[2]));
  }
  let text = '';
  for (const object of objects.values()) {
    if (!object.stream || object.dict.includes('/Subtype') || !/\bTJ\b|\bTj\b/.test(object.stream.toString('latin1'))) continue;
    const content = object.stream.toString('latin1');
    let map: Map<number, string> | undefined;
    for (const token of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (token[1]) {
        map = toUnicodeByFont.get(fontObjectByName.get(token[1]) ?? -1);
        continue;
      }
      const hexes = token[2] !== undefined ? Array.from(token[2].matchAll(/<([0-9a-fA-F]*)>/g), (m) => m[1] ?? '') : [token[3] ?? ''];
      for (const hex of hexes) {
        for (let i = 0; i + 4 <= hex.length; i += 4) text += map?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
      }
    }
  }
  const titleRef = /\/Title\s+(\d+) 0 R/.exec(pdf.toString('latin1'));
  const titleObject = titleRef ? objects.get(Number(titleRef[1])) : undefined;
  return { text, fontNames, embeddedFontFiles, pageCount, title: titleObject ? decodeLiteral(titleObject.dict.trim()) : undefined };
}

/** A PDF literal string `( … )` (ISO 32000-1 §7.3.4.2), UTF-16BE when it starts with the byte-order mark. */
function decodeLiteral(literal: string): string | undefined {
  if (!literal.startsWith('(') || !literal.endsWith(')')) return undefined;
  const body = literal.slice(1, -1);
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char !== '\\') {
      bytes.push(char.charCodeAt(0) & 0xff);
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8) & 0xff);
      i += octal.length;
    } else {
      const escaped = escapes[next];
      if (escaped !== undefined) bytes.push(escaped);
      i += 1;
    }
  }
  const buffer = Buffer.from(bytes);
  return buffer[0] === 0xfe && buffer[1] === 0xff ? buffer.subarray(2).swap16().toString('utf16le') : buffer.toString('latin1');
}
