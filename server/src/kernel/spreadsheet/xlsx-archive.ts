// An .xlsx file is a ZIP archive (ECMA-376 Part 2, Open Packaging Conventions). Before a workbook library inflates
// it, read the ZIP central directory (PKWARE APPNOTE 4.3.12/4.3.16) and refuse archives that would unpack to far
// more than an honest spreadsheet of the allowed upload size: a 5 MB "zip bomb" could otherwise exhaust memory.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;

export function isZipArchive(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL_HEADER;
}

/** Total declared uncompressed size of every entry, or undefined when the archive is malformed or ZIP64. */
export function declaredUnpackedSize(buffer: Buffer): number | undefined {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd === undefined) return undefined;
  const entries = buffer.readUInt16LE(eocd + 10);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === ZIP64_MARK) return undefined;
  let at = offset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_HEADER) return undefined;
    const size = buffer.readUInt32LE(at + 24);
    if (size === ZIP64_MARK) return undefined;
    total += size;
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return total;
}

function findEndOfCentralDirectory(buffer: Buffer): number | undefined {
  const last = buffer.length - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (buffer.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return undefined;
}
