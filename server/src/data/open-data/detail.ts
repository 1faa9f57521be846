import { defaultOpenLicence, openDownloadMediaTypes, type Locale, type OpenDatasetView, type OpenDownloadFormat } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { scanRecords } from '../catalogue';
import { getOpenDataset, metadataModified, summaryOf, type OpenDataset } from './datasets';
import { downloadFormats, fieldView, openFields, restrictedFields, shapeRecord } from './fields';

// A dataset's public page: its metadata, the items anyone receives (and the names of those opened on application),
// the first rows as a preview, and where to download it or call it.

export const PREVIEW_ROWS = 10;

export function downloadPath(code: string, format: OpenDownloadFormat): string {
  return `/api/open/datasets/${encodeURIComponent(code)}/download/${format}`;
}

export function recordsPath(code: string): string {
  return `/api/open/datasets/${encodeURIComponent(code)}/records`;
}

export function licenceOf(d: OpenDataset, locale: Locale): { name: string; terms: string } {
  return { name: d.settings.licenceName || defaultOpenLicence[locale], terms: d.settings.licenceTerms };
}

export async function getOpenDatasetView(kernel: Kernel, { code, locale }: { code: string; locale: Locale }): Promise<OpenDatasetView> {
  const d = await getOpenDataset(kernel.db, code);
  const r = d.resource;
  const fields = openFields(r);
  const page = fields.length > 0 ? await scanRecords(kernel.db, kernel.keys, r, { limit: PREVIEW_ROWS }) : { rows: [] };
  const base = kernel.config.publicUrl;
  return {
    ...summaryOf(d),
    catalogueType: r.catalogueType,
    classification: r.classification,
    openCondition: r.openCondition,
    fields: fields.map(fieldView),
    restrictedFields: restrictedFields(r).map(fieldView),
    preview: page.rows.map((row) => shapeRecord(row, fields)),
    files: downloadFormats(r).map((format) => ({ format, url: `${base}${downloadPath(r.code, format)}`, mediaType: openDownloadMediaTypes[format] })),
    licence: licenceOf(d, locale),
    contact: { name: d.settings.contactName || r.providerName, email: d.settings.contactEmail, phone: d.settings.contactPhone },
    recordsUrl: `${base}${recordsPath(r.code)}`,
    createdAt: d.createdAt.toISOString(),
    metadataModified: metadataModified(d).toISOString(),
  };
}
