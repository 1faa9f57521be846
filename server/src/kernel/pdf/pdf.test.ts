import { describe, expect, it } from 'vitest';
import { PdfBuilder, MISSING_GLYPH, loadFont, textRuns } from '.';
import { inspectPdf } from './inspect';

describe('Chinese PDFs', () => {
  it('embeds Noto Sans SC and keeps the text extractable, 生僻字 outside the BMP included', async () => {
    const pdf = new PdfBuilder({ title: '受理回执' });
    pdf.title('受理回执');
    pdf.fields([
      ['申请人', '张𠮷明'],
      ['办件编号', '539902202610010001W000001'],
    ]);
    pdf.text('鑫龘堃喆赟 ¥100.00 “引号”,第十二条。');
    pdf.qr('https://zt.example.gov.cn/track/abc', { x: 400, y: 60, size: 90 });
    const bytes = await pdf.finish();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const seen = inspectPdf(bytes);
    expect(seen.fontNames.some((n) => n.endsWith('+NotoSansSC-Regular'))).toBe(true);
    expect(seen.fontNames.some((n) => n.endsWith('+NotoSansSC-Bold'))).toBe(true);
    // 𠮷 (U+20BB7) is not in Noto Sans SC; it comes from the fallback font rather than a blank.
    expect(seen.fontNames.some((n) => n.endsWith('+NotoSansJP-Regular'))).toBe(true);
    expect(seen.embeddedFontFiles).toBeGreaterThanOrEqual(3);
    expect(seen.text).toContain('受理回执');
    expect(seen.text).toContain('张𠮷明');
    expect(seen.text).toContain('鑫龘堃喆赟');
    expect(seen.title).toBe('受理回执');
  });

  it('a character no embedded font has becomes □ instead of breaking the page', async () => {
    // U+F0000 is in a private-use plane: no font here has it.
    const runs = textRuns('甲\u{F0000}乙', 'regular');
    expect(runs.map((r) => r.text).join('')).toBe(`甲${MISSING_GLYPH}乙`);
    const pdf = new PdfBuilder({ title: 't' });
    pdf.text('甲\u{F0000}乙\u0007');
    expect(inspectPdf(await pdf.finish()).text).toBe(`甲${MISSING_GLYPH}乙`);
  });

  it('the primary font covers the 通用规范汉字表 level-1 sample and GB 2312 punctuation', () => {
    const font = loadFont('regular');
    for (const char of Array.from('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞')) {
      expect(font.covers(char.codePointAt(0) ?? 0), char).toBe(true);
    }
    expect(font.covers('𠮷'.codePointAt(0) ?? 0)).toBe(false);
    expect(loadFont('fallback').covers('𠮷'.codePointAt(0) ?? 0)).toBe(true);
  });
});
