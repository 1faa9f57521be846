import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, FileIntegrityError, LocalFileStore, sniffFormat } from '.';
import { sm3Hex } from '../crypto';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
const ofd = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('OFD.xml'), Buffer.alloc(16)]);
const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml')]);

describe('type sniffing by magic bytes', () => {
  it.each([
    ['pdf', pdf],
    ['png', png],
    ['jpg', jpg],
    ['ofd', ofd],
  ] as const)('recognises %s', (format, bytes) => {
    expect(sniffFormat(bytes)).toBe(format);
  });

  it('refuses an .exe renamed .pdf, a Word file and plain text', () => {
    expect(sniffFormat(exe)).toBeUndefined();
    expect(sniffFormat(zip)).toBeUndefined();
    expect(sniffFormat(Buffer.from('hello %PDF-'.padStart(2000, ' ')))).toBeUndefined();
  });

  it('checks emptiness, size and the allowed formats', () => {
    expect(checkFile(Buffer.alloc(0), { maxBytes: 10, formats: ['pdf'] })).toEqual({ ok: false, reason: 'empty' });
    expect(checkFile(pdf, { maxBytes: 10, formats: ['pdf'] })).toEqual({ ok: false, reason: 'tooLarge' });
    expect(checkFile(exe, { maxBytes: 1000, formats: ['pdf'] })).toEqual({ ok: false, reason: 'unrecognised' });
    expect(checkFile(png, { maxBytes: 1000, formats: ['pdf'] })).toEqual({ ok: false, reason: 'formatNotAllowed', format: 'png' });
    expect(checkFile(pdf, { maxBytes: 1000, formats: ['pdf', 'jpg'] })).toEqual({ ok: true, format: 'pdf' });
  });
});

describe('local content-addressed store', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-files-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const store = new LocalFileStore(root);

  it('stores bytes under their SM3, once, and reads them back', async () => {
    const first = await store.put(pdf);
    const again = await store.put(pdf);
    expect(first).toEqual({ sm3: sm3Hex(pdf), sizeBytes: pdf.length });
    expect(again).toEqual(first);
    expect(await store.get(first.sm3)).toEqual(pdf);
    expect(await store.has(first.sm3)).toBe(true);
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    expect(fs.readdirSync(path.join(root, first.sm3.slice(0, 2), first.sm3.slice(2, 4)))).toEqual([first.sm3]);
  });

  it('notices a file changed on disk', async () => {
    const { sm3 } = await store.put(png);
    fs.writeFileSync(path.join(root, sm3.slice(0, 2), sm3.slice(2, 4), sm3), jpg);
    await expect(store.get(sm3)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it('refuses a key that is not a digest (no path tricks)', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(RangeError);
  });
});
