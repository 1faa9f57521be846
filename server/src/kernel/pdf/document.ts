import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { loadFont, textRuns, type FontName } from './fonts';

export type PdfInfo = { title: string; subject?: string; author?: string; keywords?: string };
export type TextOptions = { size?: number; bold?: boolean; align?: 'left' | 'center' | 'right' | 'justify'; color?: string; gapAfter?: number; indent?: number };

const MM = 72 / 25.4;
const MARGIN = 25 * MM;
const INK = '#111111';
const MUTED = '#555555';
const SEAL_RED = '#e60012';

/**
 * An A4 document with the Chinese fonts embedded; every text call picks the font per character (see fonts.ts), so
 * names with 生僻字 print instead of breaking the page. Layout helpers cover what government letters need: a title,
 * paragraphs, label–value rows, a rule, a QR code.
 */
export class PdfBuilder {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: { Title: info.title, Subject: info.subject ?? info.title, Author: info.author ?? '政通 Zhengtong', Keywords: info.keywords ?? '', Creator: '政通 Zhengtong' },
      lang: 'zh-CN',
      displayTitle: true,
      pdfVersion: '1.7',
    });
    for (const name of ['regular', 'bold', 'fallback'] as const satisfies readonly FontName[]) this.doc.registerFont(name, loadFont(name).bytes);
    this.doc.font('regular').fillColor(INK);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  text(content: string, options: TextOptions = {}): this {
    const runs = textRuns(content, options.bold ? 'bold' : 'regular');
    this.doc.fontSize(options.size ?? 11).fillColor(options.color ?? INK);
    const base = { align: options.align ?? 'left', lineGap: 3, indent: options.indent ?? 0 };
    if (runs.length === 0) runs.push({ font: 'regular', text: ' ' });
    runs.forEach((run, i) => {
      this.doc.font(run.font).text(run.text, i === 0 ? { ...base, width: this.contentWidth, continued: i < runs.length - 1 } : { continued: i < runs.length - 1 });
    });
    if (options.gapAfter) this.doc.moveDown(options.gapAfter);
    return this;
  }

  /** Text in a box of its own at a given position (a caption under a QR code); the flow position is kept. */
  textAt(content: string, at: { x: number; y: number; width: number; size?: number; align?: 'left' | 'center' | 'right'; color?: string }): this {
    const { x, y } = { x: this.doc.x, y: this.doc.y };
    this.doc.fillColor(at.color ?? MUTED);
    this.drawRuns(content, { bold: false, size: at.size ?? 8, width: at.width, x: at.x, y: at.y, align: at.align ?? 'center' });
    this.doc.fillColor(INK);
    this.doc.x = x;
    this.doc.y = y;
    return this;
  }

  title(content: string): this {
    return this.text(content, { size: 20, bold: true, align: 'center', gapAfter: 0.8 });
  }

  muted(content: string, options: TextOptions = {}): this {
    return this.text(content, { size: 9, color: MUTED, ...options });
  }

  /** Label–value rows (申请人:张三), labels in bold in a fixed column. */
  fields(rows: ReadonlyArray<readonly [string, string]>, options: { labelWidth?: number; size?: number } = {}): this {
    const labelWidth = options.labelWidth ?? 100;
    const size = options.size ?? 11;
    const left = this.doc.page.margins.left;
    for (const [label, value] of rows) {
      this.ensureSpace(size * 2);
      const y = this.doc.y;
      this.doc.x = left;
      this.doc.fillColor(INK);
      this.drawRuns(label, { bold: true, size, width: labelWidth, x: left, y });
      const labelBottom = this.doc.y;
      this.drawRuns(value === '' ? '—' : value, { bold: false, size, width: this.contentWidth - labelWidth, x: left + labelWidth, y });
      this.doc.y = Math.max(this.doc.y, labelBottom) + 4;
      this.doc.x = left;
    }
    return this;
  }

  rule(): this {
    const y = this.doc.y + 4;
    this.doc.moveTo(this.doc.page.margins.left, y).lineTo(this.doc.page.width - this.doc.page.margins.right, y).lineWidth(0.6).strokeColor('#999999').stroke();
    this.doc.y = y + 8;
    return this;
  }

  gap(lines = 1): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** A QR code drawn as vector squares (crisp on any printer) at the given position; size in points. */
  qr(data: string, options: { x: number; y: number; size: number }): this {
    const code = QRCode.create(data, { errorCorrectionLevel: 'M' });
    const count = code.modules.size;
    const quiet = 2;
    const cell = options.size / (count + quiet * 2);
    this.doc.save().rect(options.x, options.y, options.size, options.size).fill('#ffffff').fillColor('#000000');
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (code.modules.get(row, col)) this.doc.rect(options.x + (col + quiet) * cell, options.y + (row + quiet) * cell, cell, cell);
      }
    }
    this.doc.fill('#000000').restore();
    return this;
  }

  /**
   * An electronic seal's image as government seals look (国发〔1999〕25号: round, a five-pointed star in the centre, the
   * name along the upper arc read left to right, a 专用章's caption under the star), in vector paths and embedded-font
   * text so it prints sharply and its words stay extractable. (x, y) is the centre; 42 mm across by default. The image
   * proves nothing by itself — the document's SM2 signature does. The flow position is kept.
   */
  drawSeal(seal: { x: number; y: number; name: string; caption?: string; diameter?: number }): this {
    const { x, y } = seal;
    const r = (seal.diameter ?? 42 * MM) / 2;
    const flow = { x: this.doc.x, y: this.doc.y };
    const ring = r * 0.06;
    this.doc.save().fillColor(SEAL_RED).strokeColor(SEAL_RED).fillOpacity(0.9).strokeOpacity(0.9);
    this.doc.lineWidth(ring).circle(x, y, r - ring / 2).stroke();
    const star = Array.from({ length: 10 }, (_, i) => {
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      const radius = i % 2 === 0 ? r * 0.3 : r * 0.3 * 0.382;
      return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
    });
    this.doc.polygon(...star).fill();
    // Long names spread further round the ring (up to 250°) and get smaller, as a seal engraver would lay them out.
    const chars = Array.from(seal.name);
    const span = Math.min(250, Math.max(90, chars.length * 24));
    const step = span / Math.max(1, chars.length);
    const size = Math.min(r * 0.22, r * 0.78 * ((step * Math.PI) / 180) * 0.92);
    const radius = r - ring * 1.8 - size * 0.55;
    chars.forEach((char, i) => {
      const angle = -span / 2 + step * (i + 0.5);
      const cx = x + radius * Math.sin((angle * Math.PI) / 180);
      const cy = y - radius * Math.cos((angle * Math.PI) / 180);
      this.doc.save().rotate(angle, { origin: [cx, cy] });
      this.centredRuns(char, cx, cy, size);
      this.doc.restore();
    });
    const caption = seal.caption ?? '';
    if (caption) this.centredRuns(caption, x, y + r * 0.5, Math.min(r * 0.16, (r * 1.3) / Array.from(caption).length));
    this.doc.restore();
    this.doc.fillColor(INK);
    this.doc.x = flow.x;
    this.doc.y = flow.y;
    return this;
  }

  ensureSpace(points: number): void {
    if (this.doc.y + points > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  async finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }

  /** One line of bold text centred on (cx, cy), font chosen per character; never wraps or breaks the page. */
  private centredRuns(content: string, cx: number, cy: number, size: number): void {
    const runs = textRuns(content, 'bold');
    this.doc.fontSize(size);
    const widths = runs.map((run) => this.doc.font(run.font).widthOfString(run.text));
    let left = cx - widths.reduce((sum, w) => sum + w, 0) / 2;
    runs.forEach((run, i) => {
      this.doc.font(run.font).text(run.text, left, cy, { lineBreak: false, baseline: 'middle' });
      left += widths[i] ?? 0;
    });
  }

  private drawRuns(content: string, at: { bold: boolean; size: number; width: number; x: number; y: number; align?: 'left' | 'center' | 'right' }): void {
    const runs = textRuns(content, at.bold ? 'bold' : 'regular');
    this.doc.fontSize(at.size);
    runs.forEach((run, i) => {
      const continued = i < runs.length - 1;
      if (i === 0) this.doc.font(run.font).text(run.text, at.x, at.y, { width: at.width, lineGap: 3, continued, align: at.align ?? 'left' });
      else this.doc.font(run.font).text(run.text, { continued });
    });
  }
}

export const millimetres = MM;
