import type { OpenDatasetSettingsView } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { tables, type OpenDataRow } from './tables';

// The chief data officer's optional settings of a dataset (featured, licence, contact). A dataset without a row uses
// the defaults, reported as version 0; saving sends back the version read, so two officers editing at once do not
// overwrite each other silently.

export const DEFAULT_SETTINGS: OpenDatasetSettingsView = {
  version: 0,
  isFeatured: false,
  featuredRank: 0,
  licenceName: '',
  licenceTerms: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  updatedAt: null,
  updatedByName: null,
};

export function settingsView(row: OpenDataRow<'open_dataset_settings'> | undefined): OpenDatasetSettingsView {
  if (!row) return DEFAULT_SETTINGS;
  return {
    version: row.version,
    isFeatured: row.is_featured,
    featuredRank: row.featured_rank,
    licenceName: row.licence_name,
    licenceTerms: row.licence_terms,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    updatedAt: row.updated_at.toISOString(),
    updatedByName: row.updated_by_name,
  };
}

export async function settingsByDataset(db: Queryable, resourceIds: readonly string[]): Promise<Map<string, OpenDatasetSettingsView>> {
  if (resourceIds.length === 0) return new Map();
  const rows = await tables(db).selectFrom('open_dataset_settings').selectAll().where('resource_id', 'in', [...resourceIds]).execute();
  return new Map(rows.map((r) => [r.resource_id, settingsView(r)]));
}
