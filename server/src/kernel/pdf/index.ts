export { PdfBuilder, millimetres, type PdfInfo, type TextOptions } from './document';
export { MISSING_GLYPH, loadFont, textRuns, type FontName, type TextRun } from './fonts';
export { fontCoverage, type Coverage } from './cmap';
