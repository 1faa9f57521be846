import { describe, expect, it } from 'vitest';
import { PdfBuilder, millimetres } from '../../kernel/pdf';
import { inspectPdf } from '../../kernel/pdf/inspect';
import { sealFace, sealSvg, stampSeal } from './image';

describe('sealFace', () => {
  it('puts the body’s name on the arc and a 专用章’s purpose under the star', () => {
    expect(sealFace({ name: '云溪市市场监督管理局行政审批专用章', kind: 'approval' })).toEqual({ arc: '云溪市市场监督管理局', caption: '行政审批专用章' });
    expect(sealFace({ name: '云溪市公安局证照专用章', kind: 'licence' })).toEqual({ arc: '云溪市公安局', caption: '证照专用章' });
    expect(sealFace({ name: '云溪市公安局', kind: 'official' })).toEqual({ arc: '云溪市公安局', caption: '' });
    // A custom name that does not end with the purpose keeps the whole name on the arc.
    expect(sealFace({ name: '云溪市公安局交警支队', kind: 'licence' })).toEqual({ arc: '云溪市公安局交警支队', caption: '证照专用章' });
  });
});

describe('sealSvg', () => {
  it('draws the ring, the star and one upright glyph per character of the name, 生僻字 included', () => {
    const svg = sealSvg({ name: '澜沧区𠮷祥街道办事处行政审批专用章', kind: 'approval' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 200 200"/);
    expect(svg).toContain('<circle');
    expect(svg).toContain('<polygon');
    const glyphs = [...svg.matchAll(/transform="rotate\([^)]+\)">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(glyphs.join('')).toBe('澜沧区𠮷祥街道办事处');
    expect(svg).toContain('>行政审批专用章</text>');
    expect(svg).toContain('<title>澜沧区𠮷祥街道办事处行政审批专用章</title>');
  });

  it('escapes markup in a name, so an image never carries a script', () => {
    const svg = sealSvg({ name: '<script>alert(1)</script>&"局\'', kind: 'official' });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&#60;');
    expect(svg).toContain('&#38;');
  });
});

describe('PdfBuilder.drawSeal', () => {
  it('stamps the seal as vector drawing with extractable text, without moving the flow or adding a page', async () => {
    const pdf = new PdfBuilder({ title: '准予行政许可决定书' });
    pdf.text('准予行政许可决定书');
    const before = { x: pdf.doc.x, y: pdf.doc.y };
    // Near the foot of the page, where a letter's seal goes: the stamp must not push onto a new page.
    stampSeal(pdf, { name: '云溪市市场监督管理局行政审批专用章', kind: 'approval' }, { x: 400, y: pdf.doc.page.height - 30 * millimetres });
    expect({ x: pdf.doc.x, y: pdf.doc.y }).toEqual(before);
    pdf.text('此后的正文');
    stampSeal(pdf, { name: '澜沧区𠮷祥街道办事处', kind: 'official' }, { x: 150, y: 300, diameter: 40 * millimetres });
    const seen = inspectPdf(await pdf.finish());
    expect(seen.pageCount).toBe(1);
    expect(seen.text).toContain('云溪市市场监督管理局行政审批专用章');
    expect(seen.text).toContain('澜沧区𠮷祥街道办事处');
    expect(seen.text).toContain('此后的正文');
  });
});
