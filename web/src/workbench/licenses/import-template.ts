import { licenseImportColumns, type LicenseTypeView } from '@zhengtong/contracts';

// 历史证照电子化 template: the API reads columns by header text (fixed ones, then one per field by its printed name,
// a trailing * or （必填） ignored), so the template is made here from the type itself — no server round trip.

const requiredFixed: ReadonlySet<string> = new Set(['originalNumber', 'holderName', 'holderNumber', 'validFrom']);

/** The header row: required columns marked with *, the type's fields after the fixed ones. */
export function importTemplateHeaders(type: Pick<LicenseTypeView, 'fields'>): string[] {
  const fixed = Object.entries(licenseImportColumns).map(([key, name]) => (requiredFixed.has(key) ? `${name}*` : name));
  return [...fixed, ...type.fields.map((f) => (f.isRequired ? `${f.name}*` : f.name))];
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A UTF-8 CSV with a BOM (so Excel opens Chinese headers correctly): the header row only. No example row: one left
 * in by mistake would be imported as a real licence.
 */
export function importTemplateCsv(type: Pick<LicenseTypeView, 'fields'>): string {
  return `\uFEFF${importTemplateHeaders(type).map(csvField).join(',')}\r\n`;
}
