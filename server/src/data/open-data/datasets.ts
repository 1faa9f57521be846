import type { OpenDatasetSettingsView, OpenDatasetSummary, PublishedDataResource } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { findPublishedResource, listPublishedResources, type ListedResource } from '../catalogue';
import { DEFAULT_SETTINGS, settingsByDataset } from './settings';
import { NO_USAGE, usageByDataset, type DatasetUsage } from './stats';

// 开放数据集: every published, not retired catalogue resource whose open type is open (无条件开放) or restricted (受限开放),
// with this domain's settings and usage beside it. A city opens tens to a few hundred datasets, so the portal, the
// CKAN API and the DCAT-AP export load them whole and filter in memory.

export type OpenDataset = {
  resource: PublishedDataResource & { openType: 'open' | 'restricted' };
  createdAt: Date;
  updatedAt: Date;
  settings: OpenDatasetSettingsView;
  usage: DatasetUsage;
};

function isOpenResource<T extends PublishedDataResource>(r: T | undefined): r is T & { openType: 'open' | 'restricted' } {
  return r !== undefined && r.status === 'published' && (r.openType === 'open' || r.openType === 'restricted');
}

export async function loadOpenDatasets(db: Queryable): Promise<OpenDataset[]> {
  const listed = (await listPublishedResources(db, { openTypes: ['open', 'restricted'] })).filter(isOpenResource);
  const ids = listed.map((r) => r.id);
  const [settings, usage] = await Promise.all([settingsByDataset(db, ids), usageByDataset(db)]);
  return listed.map((r) => datasetOf(r, settings.get(r.id) ?? DEFAULT_SETTINGS, usage.get(r.id) ?? NO_USAGE));
}

function datasetOf(listed: ListedResource & { openType: 'open' | 'restricted' }, settings: OpenDatasetSettingsView, usage: DatasetUsage): OpenDataset {
  const { createdAt, updatedAt, ...resource } = listed;
  return { resource, createdAt, updatedAt, settings, usage };
}

/** One open dataset by code (as published, or upper-cased: CKAN clients lower-case names) or id. */
export async function findOpenDataset(db: Queryable, idOrCode: string): Promise<OpenDataset | undefined> {
  let resource = await findPublishedResource(db, idOrCode);
  if (!resource && idOrCode !== idOrCode.toUpperCase()) resource = await findPublishedResource(db, idOrCode.toUpperCase());
  if (!isOpenResource(resource)) return undefined;
  const [listed] = (await listPublishedResources(db, { ids: [resource.id] })).filter(isOpenResource);
  if (!listed) return undefined;
  const [settings, usage] = await Promise.all([settingsByDataset(db, [resource.id]), usageByDataset(db, [resource.id])]);
  return datasetOf(listed, settings.get(resource.id) ?? DEFAULT_SETTINGS, usage.get(resource.id) ?? NO_USAGE);
}

export async function getOpenDataset(db: Queryable, idOrCode: string): Promise<OpenDataset> {
  const found = await findOpenDataset(db, idOrCode);
  if (!found) throw new AppError('NOT_FOUND', { detail: 'openData.datasetNotFound' });
  return found;
}

/** When the dataset's description last changed: its catalogue entry, its records, or its portal settings. */
export function metadataModified(d: OpenDataset): Date {
  const times = [d.updatedAt.getTime()];
  if (d.resource.recordsUpdatedAt) times.push(new Date(d.resource.recordsUpdatedAt).getTime());
  if (d.settings.updatedAt) times.push(new Date(d.settings.updatedAt).getTime());
  return new Date(Math.max(...times));
}

export function summaryOf(d: OpenDataset): OpenDatasetSummary {
  const r = d.resource;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    summary: r.summary,
    providerDepartmentId: r.providerDepartmentId,
    providerName: r.providerName,
    themes: r.themes,
    keywords: r.keywords,
    format: r.format,
    updateCycle: r.updateCycle,
    openType: r.openType,
    recordCount: r.recordCount,
    recordsUpdatedAt: r.recordsUpdatedAt,
    releasedOn: r.releasedOn,
    isFeatured: d.settings.isFeatured,
    downloads: d.usage.downloads,
    apiCalls: d.usage.apiCalls,
  };
}
