/** Formats recognised from content; OFD is China's fixed-layout document format (GB/T 33190), a ZIP package. */
export type SniffedFormat = 'pdf' | 'jpg' | 'png' | 'ofd';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PDF = Buffer.from('%PDF-', 'latin1');
const OFD_ENTRY = Buffer.from('OFD.xml', 'latin1');
// ISO 32000-1 §7.5.2 lets readers find the header within the first 1024 bytes (some scanners prepend a few).
const PDF_HEADER_WINDOW = 1024;

/**
 * The file's real type from its first bytes (magic numbers), never from its name or the browser's Content-Type:
 * an .exe renamed .pdf starts with "MZ" and is not recognised. Undefined for anything else.
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, PNG.length).equals(PNG)) return 'png';
  if (buffer.subarray(0, JPEG.length).equals(JPEG)) return 'jpg';
  if (buffer.subarray(0, PDF_HEADER_WINDOW).indexOf(PDF) >= 0) return 'pdf';
  // An OFD package is a ZIP whose root holds OFD.xml (GB/T 33190 §7.1); its name is stored in the archive's directory.
  if (buffer.subarray(0, ZIP.length).equals(ZIP) && buffer.indexOf(OFD_ENTRY) >= 0) return 'ofd';
  return undefined;
}

export const formatMimeTypes: Readonly<Record<SniffedFormat, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  ofd: 'application/ofd',
};

export type FileCheck = { ok: true; format: SniffedFormat } | { ok: false; reason: 'empty' | 'tooLarge' | 'unrecognised' | 'formatNotAllowed'; format?: SniffedFormat };

/** Whether an upload may be kept: not empty, within the size limit, and really one of the allowed formats. */
export function checkFile(bytes: Uint8Array, limits: { maxBytes: number; formats: readonly SniffedFormat[] }): FileCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  if (bytes.byteLength > limits.maxBytes) return { ok: false, reason: 'tooLarge' };
  const format = sniffFormat(bytes);
  if (!format) return { ok: false, reason: 'unrecognised' };
  if (!limits.formats.includes(format)) return { ok: false, reason: 'formatNotAllowed', format };
  return { ok: true, format };
}
