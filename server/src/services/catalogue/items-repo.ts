import { sql } from 'kysely';
import type { NewRow, Queryable, Row, RowUpdate } from '../../kernel/db';

export function findItem(db: Queryable, id: string): Promise<Row<'service_items'> | undefined> {
  return db.selectFrom('service_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockItem(db: Queryable, id: string): Promise<Row<'service_items'> | undefined> {
  return db.selectFrom('service_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function itemsById(db: Queryable, ids: readonly string[]): Promise<Map<string, Row<'service_items'>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('service_items').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function itemsByBasicCode(db: Queryable, codes: readonly string[]): Promise<Map<string, Row<'service_items'>>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('service_items').selectAll().where('basic_code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.basic_code, r]));
}

export async function insertItem(db: Queryable, row: NewRow<'service_items'>): Promise<void> {
  await db.insertInto('service_items').values(row).execute();
}

export async function updateItemRow(db: Queryable, id: string, expectedVersion: number, changes: RowUpdate<'service_items'>): Promise<boolean> {
  const result = await db
    .updateTable('service_items')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteItemRow(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('service_items').where('id', '=', id).execute();
}

export async function lifeEventsOf(db: Queryable, itemIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (itemIds.length === 0) return map;
  const rows = await db
    .selectFrom('service_item_life_events as x')
    .innerJoin('life_events as e', 'e.code', 'x.life_event_code')
    .select(['x.service_item_id', 'x.life_event_code'])
    .where('x.service_item_id', 'in', [...new Set(itemIds)])
    .orderBy('e.sort')
    .execute();
  for (const r of rows) map.set(r.service_item_id, [...(map.get(r.service_item_id) ?? []), r.life_event_code]);
  return map;
}

export async function setLifeEvents(db: Queryable, itemId: string, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('service_item_life_events').where('service_item_id', '=', itemId).execute();
  if (codes.length === 0) return;
  await db.insertInto('service_item_life_events').values(codes.map((code) => ({ service_item_id: itemId, life_event_code: code }))).execute();
}

export async function knownLifeEvents(db: Queryable): Promise<Row<'life_events'>[]> {
  return db.selectFrom('life_events').selectAll().orderBy('sort').orderBy('code').execute();
}

/** How many implementations each item has, and how many of them have a version in force at `at`. */
export async function implementationCounts(db: Queryable, itemIds: readonly string[], at: Date): Promise<Map<string, { total: number; published: number }>> {
  const map = new Map<string, { total: number; published: number }>();
  if (itemIds.length === 0) return map;
  const rows = await db
    .selectFrom('service_item_implementations as i')
    .select([
      'i.service_item_id',
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where i.is_active and exists (
        select 1 from service_item_versions v where v.implementation_id = i.id and v.status = 'published'
          and v.effective_from <= ${at} and (v.effective_to is null or v.effective_to > ${at})))`.as('published'),
    ])
    .where('i.service_item_id', 'in', [...new Set(itemIds)])
    .groupBy('i.service_item_id')
    .execute();
  for (const r of rows) map.set(r.service_item_id, { total: Number(r.total), published: Number(r.published) });
  return map;
}

export type ItemFilter = {
  /** Items of catalogues inside this region prefix ('' = all). */
  regionPrefix: string;
  text?: string;
  type?: Row<'service_items'>['type'];
  audience?: Row<'service_items'>['audience'];
  lifeEvent?: string;
  departmentId?: string;
};

export async function listItemRows(db: Queryable, filter: ItemFilter, page: { limit: number; offset: number }): Promise<{ rows: Row<'service_items'>[]; total: number }> {
  let q = db.selectFrom('service_items as s').selectAll('s').where('s.region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.type) q = q.where('s.type', '=', filter.type);
  if (filter.audience) q = q.where('s.audience', '=', filter.audience);
  if (filter.lifeEvent) {
    const code = filter.lifeEvent;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('service_item_life_events as x').select('x.service_item_id').whereRef('x.service_item_id', '=', 's.id').where('x.life_event_code', '=', code)));
  }
  if (filter.departmentId) {
    const id = filter.departmentId;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('service_item_implementations as i').select('i.id').whereRef('i.service_item_id', '=', 's.id').where('i.department_id', '=', id)));
  }
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    const code = filter.text.toUpperCase();
    q = q.where((eb) => eb.or([eb('s.name', 'like', pattern), eb('s.basic_code', '=', code), sql<boolean>`${filter.text} = any(s.aliases)`]));
  }
  const count = await db.selectFrom(q.as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('s.sort').orderBy('s.name').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(count.n) };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
