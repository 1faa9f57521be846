import { sql } from 'kysely';
import type { DataResourceDefinition, DataSubLevel } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { resourceLevel } from './published';
import { tables, type CatalogueRow, type NewCatalogueRow } from './tables';

// The catalogue's queries (no rules here). The first argument is the database or the caller's transaction.

export type ResourceRow = CatalogueRow<'data_resources'>;
export type VersionRow = CatalogueRow<'data_resource_versions'>;
export type ActionRow = CatalogueRow<'data_resource_actions'>;

export async function findResource(db: Queryable, id: string): Promise<ResourceRow | undefined> {
  return tables(db).selectFrom('data_resources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The resource row locked until the caller's transaction ends (every change of a resource goes through here). */
export async function lockResource(tx: Queryable, id: string): Promise<ResourceRow | undefined> {
  return tables(tx).selectFrom('data_resources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function resourceIdByCode(db: Queryable, code: string): Promise<string | undefined> {
  const row = await tables(db).selectFrom('data_resources').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function openVersionOf(db: Queryable, resourceId: string): Promise<VersionRow | undefined> {
  return tables(db).selectFrom('data_resource_versions').selectAll().where('resource_id', '=', resourceId).where('status', 'in', ['draft', 'review']).executeTakeFirst();
}

export async function latestVersionOf(db: Queryable, resourceId: string): Promise<VersionRow | undefined> {
  return tables(db).selectFrom('data_resource_versions').selectAll().where('resource_id', '=', resourceId).orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export async function versionOf(db: Queryable, resourceId: string, number: number): Promise<VersionRow | undefined> {
  return tables(db).selectFrom('data_resource_versions').selectAll().where('resource_id', '=', resourceId).where('number', '=', number).executeTakeFirst();
}

export type VersionWithNames = VersionRow & { created_by_name: string | null; decided_by_name: string | null };

export async function versionsOf(db: Queryable, resourceId: string): Promise<VersionWithNames[]> {
  return tables(db)
    .selectFrom('data_resource_versions as v')
    .leftJoin('accounts as c', 'c.id', 'v.created_by')
    .leftJoin('accounts as d', 'd.id', 'v.decided_by')
    .selectAll('v')
    .select(['c.display_name as created_by_name', 'd.display_name as decided_by_name'])
    .where('v.resource_id', '=', resourceId)
    .orderBy('v.number', 'desc')
    .execute();
}

/** The newest version's definition per resource (drafts and reviews included), for exports and imports. */
export async function latestDefinitions(db: Queryable, resourceIds: readonly string[]): Promise<Map<string, VersionRow>> {
  if (resourceIds.length === 0) return new Map();
  const rows = await tables(db)
    .selectFrom('data_resource_versions as v')
    .selectAll('v')
    .where('v.resource_id', 'in', resourceIds)
    .where('v.number', '=', (eb) => eb.selectFrom('data_resource_versions as w').select((w) => w.fn.max('w.number').as('n')).whereRef('w.resource_id', '=', 'v.resource_id'))
    .execute();
  return new Map(rows.map((r) => [r.resource_id, r]));
}

/** The open version (draft or review) per resource, for lists. */
export async function openVersions(db: Queryable, resourceIds: readonly string[]): Promise<Map<string, Pick<VersionRow, 'resource_id' | 'number' | 'status'>>> {
  if (resourceIds.length === 0) return new Map();
  const rows = await tables(db)
    .selectFrom('data_resource_versions')
    .select(['resource_id', 'number', 'status'])
    .where('resource_id', 'in', resourceIds)
    .where('status', 'in', ['draft', 'review'])
    .execute();
  return new Map(rows.map((r) => [r.resource_id, r]));
}

export async function insertVersion(tx: Queryable, row: NewCatalogueRow<'data_resource_versions'>): Promise<void> {
  await tables(tx).insertInto('data_resource_versions').values(row).execute();
}

export async function insertAction(tx: Queryable, row: Omit<NewCatalogueRow<'data_resource_actions'>, 'id'>): Promise<void> {
  await tables(tx).insertInto('data_resource_actions').values({ id: newId(), ...row }).execute();
}

export async function actionsOf(db: Queryable, resourceId: string, limit = 200): Promise<ActionRow[]> {
  return tables(db).selectFrom('data_resource_actions').selectAll().where('resource_id', '=', resourceId).orderBy('id', 'desc').limit(limit).execute();
}

export async function subLevels(db: Queryable): Promise<DataSubLevel[]> {
  const rows = await tables(db).selectFrom('data_sub_levels').select(['level', 'code', 'name', 'description']).orderBy('level').orderBy('sort').orderBy('code').execute();
  return rows;
}

export type DepartmentRef = { id: string; name: string; region_code: string; credit_code: string; is_active: boolean };

/** Departments by id (providers and authoritative sources). */
export async function departmentsById(db: Queryable, ids: readonly string[]): Promise<Map<string, DepartmentRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tables(db).selectFrom('departments').select(['id', 'name', 'region_code', 'credit_code', 'is_active']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function departmentsByCreditCode(db: Queryable, codes: readonly string[]): Promise<Map<string, DepartmentRef>> {
  const unique = [...new Set(codes.filter((c) => c !== ''))];
  if (unique.length === 0) return new Map();
  const rows = await tables(db).selectFrom('departments').select(['id', 'name', 'region_code', 'credit_code', 'is_active']).where('credit_code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.credit_code, r]));
}

/** Text a search matches: NFKC (全角 → 半角), lower case, single spaces. */
export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The columns of data_resources that repeat a definition for search and facets. */
export function searchColumns(definition: DataResourceDefinition, code: string, providerName: string) {
  const c = definition.classification;
  const words = [
    definition.name,
    code,
    providerName,
    definition.summary,
    c.category,
    c.item,
    c.directory,
    c.detail,
    ...definition.themes,
    ...definition.keywords,
    ...definition.fields.map((f) => f.name),
  ];
  return {
    name: definition.name,
    level: resourceLevel(definition),
    share_type: definition.shareType,
    open_type: definition.openType,
    format: definition.format,
    catalogue_type: definition.catalogueType,
    themes: definition.themes,
    search_text: normalizeSearch(words.filter((w) => w !== '').join(' ')),
  };
}

/** Writes changed columns and moves the row's version on (the caller locked the row and checked the version). */
export async function updateResource(tx: Queryable, id: string, set: Partial<Omit<NewCatalogueRow<'data_resources'>, 'id' | 'version'>>): Promise<void> {
  await tables(tx)
    .updateTable('data_resources')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
