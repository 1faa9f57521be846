import { dataLevels, higherLevel, type DataLevel, type DataResourceDefinition, type OpenType, type PublishedDataResource } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { tables, type CatalogueRow } from './tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The strictest level among a definition's fields (a resource is graded by its most sensitive item). */
export function resourceLevel(definition: Pick<DataResourceDefinition, 'fields'>): DataLevel {
  return definition.fields.reduce<DataLevel>((level, f) => higherLevel(level, f.level), dataLevels[dataLevels.length - 1] ?? 'general');
}

/** A published (or retired) resource by id or code, as consumers see it; undefined for drafts and unknown ones. */
export async function findPublishedResource(db: Queryable, idOrCode: string): Promise<PublishedDataResource | undefined> {
  const row = await tables(db)
    .selectFrom('data_resources as r')
    .innerJoin('departments as d', 'd.id', 'r.provider_department_id')
    .selectAll('r')
    .select('d.name as provider_name')
    .where(UUID.test(idOrCode) ? 'r.id' : 'r.code', '=', idOrCode)
    .where('r.published_version', 'is not', null)
    .executeTakeFirst();
  return row ? publishedView(row) : undefined;
}

export async function getPublishedResource(db: Queryable, idOrCode: string): Promise<PublishedDataResource> {
  const found = await findPublishedResource(db, idOrCode);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

export function publishedView(row: CatalogueRow<'data_resources'> & { provider_name: string }): PublishedDataResource {
  const definition = row.definition;
  if (!definition || row.published_version === null) throw new Error(`data resource ${row.id} has no published version`);
  return {
    ...definition,
    id: row.id,
    code: row.code,
    providerDepartmentId: row.provider_department_id,
    providerName: row.provider_name,
    regionCode: row.region_code,
    sourceKind: row.source_kind,
    level: row.level,
    version: row.published_version,
    status: row.status === 'retired' ? 'retired' : 'published',
    recordCount: Number(row.record_count),
    recordsUpdatedAt: row.records_updated_at ? row.records_updated_at.toISOString() : null,
  };
}

/** The published resource that holds a base registry's authoritative records (人口库 / 法人库), if catalogued. */
export async function findRegistryResource(db: Queryable, kind: 'personRegistry' | 'entityRegistry'): Promise<PublishedDataResource | undefined> {
  const row = await tables(db)
    .selectFrom('data_resources as r')
    .innerJoin('departments as d', 'd.id', 'r.provider_department_id')
    .selectAll('r')
    .select('d.name as provider_name')
    .where('r.source_kind', '=', kind)
    .where('r.published_version', 'is not', null)
    .where('r.status', '<>', 'retired')
    .orderBy('r.created_at')
    .executeTakeFirst();
  return row ? publishedView(row) : undefined;
}

export type ListedResource = PublishedDataResource & { createdAt: Date; updatedAt: Date };

/**
 * Published, not retired resources, oldest first, with when their entries were made and last changed (open data's
 * CKAN metadata_created / metadata_modified, DCAT dct:issued / dct:modified). `openTypes` and `ids` narrow the list.
 */
export async function listPublishedResources(db: Queryable, filter: { openTypes?: readonly OpenType[]; ids?: readonly string[] } = {}): Promise<ListedResource[]> {
  if (filter.ids?.length === 0 || filter.openTypes?.length === 0) return [];
  let query = tables(db)
    .selectFrom('data_resources as r')
    .innerJoin('departments as d', 'd.id', 'r.provider_department_id')
    .selectAll('r')
    .select('d.name as provider_name')
    .where('r.published_version', 'is not', null)
    .where('r.status', '<>', 'retired')
    .orderBy('r.created_at')
    .orderBy('r.id');
  if (filter.openTypes) query = query.where('r.open_type', 'in', filter.openTypes);
  if (filter.ids) query = query.where('r.id', 'in', filter.ids);
  const rows = await query.execute();
  return rows.map((row) => ({ ...publishedView(row), createdAt: row.created_at, updatedAt: row.updated_at }));
}
