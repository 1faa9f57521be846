import zlib from 'node:zlib';

// Small, valid files for the demo's material uploads: a one-page PDF that says what it stands for, and a PNG the
// size of an ID photo. Real viewers open them, so a reviewer clicking a material in the workbench sees a document.

/** A one-page A4 PDF (Helvetica, ASCII only) with a cross-reference table that viewers accept. */
export function samplePdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const content = [
    'q 0.85 0.85 0.85 RG 2 w 60 60 475 722 re S Q',
    `BT /F1 20 Tf 90 740 Td (Yunxi demo material) Tj 0 -32 Td /F1 13 Tf (${text}) Tj 0 -22 Td (Scanned copy for the demonstration city; not a real document.) Tj ET`,
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 120×160 grey-on-white PNG (a head-and-shoulders outline), like a scanned 证件照. */
export function samplePng(): Buffer {
  const width = 120;
  const height = 160;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width, 0xff); // filter byte 0, then one grey byte per pixel
    row[0] = 0;
    for (let x = 0; x < width; x++) {
      const head = (x - 60) ** 2 / 26 ** 2 + (y - 62) ** 2 / 32 ** 2 <= 1;
      const shoulders = y > 104 && (x - 60) ** 2 / 56 ** 2 + (y - 170) ** 2 / 62 ** 2 <= 1;
      if (head || shoulders) row[1 + x] = 0x9a;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartBody(file: Buffer, fileName: string, contentType: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----ztDemoCaseHistory7f3a';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
