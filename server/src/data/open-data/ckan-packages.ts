import crypto from 'node:crypto';
import { openDownloadFormats, openDownloadMediaTypes, type Locale } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { findDepartment } from '../../platform/departments';
import { metadataModified, type OpenDataset } from './datasets';
import { downloadPath, licenceOf } from './detail';
import { downloadFormats, openFields, restrictedFields } from './fields';
import type { SearchDoc } from './ckan-query';

// Open datasets in CKAN's shapes (the default dataset schema of CKAN 2.9–2.11): a package per dataset whose `name` is
// the dataset code, an organization per providing department (named by its 统一社会信用代码 in lower case, as CKAN
// names are), tags from the keywords and themes, one resource per download format, and the catalogue's share and
// open types and update cycle as extras.

export type CkanOrganization = {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  type: 'organization';
  is_organization: true;
  state: 'active';
  approval_status: 'approved';
  image_url: string;
  image_display_url: string;
  created: string;
  package_count: number;
};

export type CkanContext = { base: string; locale: Locale; organizations: Map<string, CkanOrganization> };

/** CKAN writes times in UTC without a zone and with microseconds (2026-11-01T08:00:00.123000). */
export function ckanTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000`;
}

/** A stable UUID-shaped id for things CKAN identifies by UUID and Zhengtong does not store (resources, tags). */
export function stableId(...parts: string[]): string {
  const h = crypto.createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** The organizations (providing departments) of some datasets, by department id. */
export async function organizationsOf(db: Queryable, datasets: readonly OpenDataset[]): Promise<Map<string, CkanOrganization>> {
  const counts = new Map<string, number>();
  for (const d of datasets) counts.set(d.resource.providerDepartmentId, (counts.get(d.resource.providerDepartmentId) ?? 0) + 1);
  const orgs = new Map<string, CkanOrganization>();
  for (const [id, count] of counts) {
    const dept = await findDepartment(db, id);
    if (!dept) continue;
    orgs.set(id, {
      id,
      name: dept.credit_code.toLowerCase(),
      title: dept.name,
      display_name: dept.name,
      description: '',
      type: 'organization',
      is_organization: true,
      state: 'active',
      approval_status: 'approved',
      image_url: '',
      image_display_url: '',
      created: ckanTime(dept.created_at),
      package_count: count,
    });
  }
  return orgs;
}

export function tagsOf(d: OpenDataset): string[] {
  return [...new Set([...d.resource.keywords, ...d.resource.themes].map((t) => t.trim()).filter((t) => t !== ''))];
}

export function resourceFormat(format: (typeof openDownloadFormats)[number]): string {
  return format.toUpperCase();
}

function licenceId(d: OpenDataset): string {
  // CKAN's built-in licence register: other-open ("Other (Open)") and other-closed ("Other (Not Open)").
  return d.resource.openType === 'open' ? 'other-open' : 'other-closed';
}

export function packageDict(d: OpenDataset, ctx: CkanContext): Record<string, unknown> {
  const r = d.resource;
  const org = ctx.organizations.get(r.providerDepartmentId);
  const modified = ckanTime(metadataModified(d));
  const created = ckanTime(d.createdAt);
  const tags = tagsOf(d);
  const licence = licenceOf(d, ctx.locale);
  const resources = downloadFormats(r).map((format, position) => ({
    id: stableId(r.id, format),
    package_id: r.id,
    name: `${r.name}(${resourceFormat(format)})`,
    description: format === 'csv' ? 'UTF-8 编码,带 BOM,可直接用 Excel 打开' : '',
    format: resourceFormat(format),
    mimetype: openDownloadMediaTypes[format],
    url: `${ctx.base}${downloadPath(r.code, format)}`,
    url_type: null,
    resource_type: null,
    position,
    state: 'active',
    created,
    last_modified: r.recordsUpdatedAt ? ckanTime(new Date(r.recordsUpdatedAt)) : null,
    metadata_modified: modified,
    size: null,
    hash: '',
    cache_url: null,
    datastore_active: false,
  }));
  return {
    id: r.id,
    name: r.code,
    title: r.name,
    notes: r.summary,
    type: 'dataset',
    state: 'active',
    private: false,
    isopen: r.openType === 'open',
    author: r.providerName,
    author_email: null,
    maintainer: d.settings.contactName || r.providerName,
    maintainer_email: d.settings.contactEmail || null,
    license_id: licenceId(d),
    license_title: licence.name,
    license_url: `${ctx.base}/open/datasets/${encodeURIComponent(r.code)}#licence`,
    url: `${ctx.base}/open/datasets/${encodeURIComponent(r.code)}`,
    version: String(r.version),
    creator_user_id: null,
    owner_org: org?.id ?? r.providerDepartmentId,
    organization: org ? { ...org, package_count: undefined } : null,
    metadata_created: created,
    metadata_modified: modified,
    num_resources: resources.length,
    num_tags: tags.length,
    resources,
    tags: tags.map((name) => ({ id: stableId('tag', name), name, display_name: name, state: 'active', vocabulary_id: null })),
    groups: [],
    relationships_as_object: [],
    relationships_as_subject: [],
    extras: [
      { key: 'resource_code', value: r.code },
      { key: 'catalogue_type', value: r.catalogueType },
      { key: 'share_type', value: r.shareType },
      { key: 'open_type', value: r.openType },
      { key: 'update_cycle', value: r.updateCycle },
      { key: 'record_count', value: String(r.recordCount) },
      { key: 'themes', value: r.themes.join(',') },
    ],
  };
}

/** What package_search's q and fq see of a dataset. */
export function searchDoc(d: OpenDataset, ctx: CkanContext): SearchDoc {
  const r = d.resource;
  const org = ctx.organizations.get(r.providerDepartmentId);
  const tags = tagsOf(d);
  const items = [...openFields(r), ...restrictedFields(r)].map((f) => f.name);
  return {
    text: {
      text: [r.name, r.code, r.summary, r.providerName, ...tags, ...items].join(' '),
      title: r.name,
      notes: r.summary,
      author: r.providerName,
    },
    exact: {
      id: [r.id],
      name: [r.code],
      organization: org ? [org.name] : [],
      owner_org: [r.providerDepartmentId],
      tags,
      res_format: downloadFormats(r).map(resourceFormat),
      res_type: [],
      license_id: [licenceId(d)],
      groups: [],
      type: ['dataset'],
      dataset_type: ['dataset'],
      state: ['active'],
      capacity: ['public'],
      site_id: ['zhengtong'],
      open_type: [r.openType],
      share_type: [r.shareType],
      update_cycle: [r.updateCycle],
      catalogue_type: [r.catalogueType],
      private: ['false'],
    },
    dates: { metadata_modified: metadataModified(d), metadata_created: d.createdAt },
  };
}
