import { sealCaptions, type SealKind } from '@zhengtong/contracts';
import type { PdfBuilder } from '../../kernel/pdf';

// The seal image is generated from the seal's name and kind, never uploaded: every seal of the platform looks alike,
// nobody can slip in a scanned image of another body's seal, and the image carries nothing secret — the signature
// is what proves a document (decision 0008). Same layout as PdfBuilder.drawSeal, so screen and paper agree.

const RED = '#e60012';

/** What is carved where: the arc carries the body's name, a 专用章 says what it is for under the star. */
export function sealFace(seal: { name: string; kind: SealKind }): { arc: string; caption: string } {
  const caption = sealCaptions[seal.kind];
  if (!caption) return { arc: seal.name, caption: '' };
  const arc = seal.name.endsWith(caption) && seal.name.length > caption.length ? seal.name.slice(0, -caption.length) : seal.name;
  return { arc, caption };
}

/** Stamps the seal's image on a PDF, centred on (x, y). */
export function stampSeal(pdf: PdfBuilder, seal: { name: string; kind: SealKind }, at: { x: number; y: number; diameter?: number }): PdfBuilder {
  const face = sealFace(seal);
  return pdf.drawSeal({ ...at, name: face.arc, caption: face.caption });
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.codePointAt(0) ?? 0};`);
}

const fixed = (n: number) => n.toFixed(2);

/** The seal as an SVG document, 200 × 200 user units, red on transparent. */
export function sealSvg(seal: { name: string; kind: SealKind }): string {
  const { arc, caption } = sealFace(seal);
  const c = 100;
  const r = 98;
  const ring = r * 0.06;
  const star = Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r * 0.3 : r * 0.3 * 0.382;
    return `${fixed(c + radius * Math.cos(angle))},${fixed(c + radius * Math.sin(angle))}`;
  }).join(' ');
  const chars = Array.from(arc);
  const span = Math.min(250, Math.max(90, chars.length * 24));
  const step = span / Math.max(1, chars.length);
  const size = Math.min(r * 0.22, r * 0.78 * ((step * Math.PI) / 180) * 0.92);
  const radius = r - ring * 1.8 - size * 0.55;
  const glyphs = chars.map((char, i) => {
    const angle = -span / 2 + step * (i + 0.5);
    const x = fixed(c + radius * Math.sin((angle * Math.PI) / 180));
    const y = fixed(c - radius * Math.cos((angle * Math.PI) / 180));
    return `<text x="${x}" y="${y}" transform="rotate(${fixed(angle)} ${x} ${y})">${escapeXml(char)}</text>`;
  });
  const captionSize = caption ? Math.min(r * 0.16, (r * 1.3) / Array.from(caption).length) : 0;
  const captionText = caption ? `<text x="${c}" y="${fixed(c + r * 0.5)}" font-size="${fixed(captionSize)}">${escapeXml(caption)}</text>` : '';
  const title = escapeXml(seal.name);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<g fill="${RED}" fill-opacity="0.9" stroke="none">`,
    `<circle cx="${c}" cy="${c}" r="${fixed(r - ring / 2)}" fill="none" stroke="${RED}" stroke-opacity="0.9" stroke-width="${fixed(ring)}"/>`,
    `<polygon points="${star}"/>`,
    `<g font-family="'Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif" font-weight="700" text-anchor="middle" dominant-baseline="central" font-size="${fixed(size)}">`,
    ...glyphs,
    captionText,
    '</g>',
    '</g>',
    '</svg>',
  ].join('\n');
}
