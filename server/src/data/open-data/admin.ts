import type { OpenDataOverview, OpenDatasetSettingsInput, OpenDatasetSettingsView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError } from '../../kernel/errors';
import { assertManagesDataset, managesDataset } from './access';
import { countActiveKeys } from './api-keys';
import { pendingByDataset } from './applications';
import { getOpenDataset, loadOpenDatasets } from './datasets';
import { sortDatasets } from './search';
import { settingsView } from './settings';
import { tables } from './tables';

// 数据开放管理 (open-data.manage, the chief data officer): every open dataset of the region with its use (downloads,
// API calls), the applications waiting, and the portal settings of each dataset.

export async function openDataOverview(kernel: Kernel, { actor }: { actor: Actor }): Promise<OpenDataOverview> {
  requirePermission(actor, 'open-data.manage');
  const datasets = sortDatasets((await loadOpenDatasets(kernel.db)).filter((d) => managesDataset(actor, d.resource)), 'featured');
  const [pending, activeKeys] = await Promise.all([pendingByDataset(kernel.db), countActiveKeys(kernel.db)]);
  const items = datasets.map((d) => ({
    id: d.resource.id,
    code: d.resource.code,
    name: d.resource.name,
    providerName: d.resource.providerName,
    openType: d.resource.openType,
    updateCycle: d.resource.updateCycle,
    recordCount: d.resource.recordCount,
    downloads: d.usage.downloads,
    apiCalls: d.usage.apiCalls,
    downloadsLast30Days: d.usage.downloadsLast30Days,
    apiCallsLast30Days: d.usage.apiCallsLast30Days,
    pendingApplications: pending.get(d.resource.id) ?? 0,
    settings: d.settings,
  }));
  const sum = (pick: (i: (typeof items)[number]) => number) => items.reduce((n, i) => n + pick(i), 0);
  return {
    items,
    totals: { datasets: items.length, downloads: sum((i) => i.downloads), apiCalls: sum((i) => i.apiCalls), activeKeys, pendingApplications: sum((i) => i.pendingApplications) },
  };
}

/**
 * Saves a dataset's settings. A dataset without settings is version 0: the first save inserts, and fails when
 * someone else inserted meanwhile; later saves must send the version they read (STALE_VERSION otherwise).
 */
export async function saveDatasetSettings(
  kernel: Kernel,
  { actor, code, input }: { actor: Actor; code: string; input: OpenDatasetSettingsInput },
): Promise<OpenDatasetSettingsView> {
  const dataset = await getOpenDataset(kernel.db, code);
  assertManagesDataset(actor, dataset.resource);
  const who = actor.kind === 'account' ? { id: actor.accountId, name: actor.displayName } : { id: null, name: actor.kind === 'system' ? actor.name : null };
  const values = {
    is_featured: input.isFeatured,
    featured_rank: input.featuredRank,
    licence_name: input.licenceName,
    licence_terms: input.licenceTerms,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    updated_by: who.id,
    updated_by_name: who.name,
    updated_at: new Date(),
  };
  const resourceId = dataset.resource.id;
  await inTransaction(kernel.db, async (tx) => {
    const db = tables(tx);
    if (input.version === 0) {
      const inserted = await db.insertInto('open_dataset_settings').values({ resource_id: resourceId, ...values }).onConflict((oc) => oc.column('resource_id').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('STALE_VERSION');
    } else {
      const updated = await db
        .updateTable('open_dataset_settings')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('resource_id', '=', resourceId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('STALE_VERSION');
    }
    const detail = { code: dataset.resource.code, isFeatured: input.isFeatured, featuredRank: input.featuredRank, licenceName: input.licenceName };
    await audit(tx, actor, { action: 'open-data.settings.save', objectType: 'data-resource', objectId: resourceId, detail });
    await emit(tx, 'open-data.settings.saved', { resourceId, ...detail });
  });
  const row = await tables(kernel.db).selectFrom('open_dataset_settings').selectAll().where('resource_id', '=', resourceId).executeTakeFirst();
  return settingsView(row);
}
