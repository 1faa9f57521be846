import { sql } from 'kysely';
import { isPersonalMasking, type DataField, type DataRecordValues, type MaskingKind, type PublishedDataResource } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import { blindIndex, sm4Decrypt, sm4Encrypt, type BlindIndexKind } from '../../kernel/crypto';
import { tables } from './tables';

// The records behind a resource (data_records). Personal fields (masking other than `none`) are sealed with SM4 and a
// personal key field is stored as its blind index, so a copy of the table reveals no ID or phone number. Values come
// back whole: whoever hands them on masks them for the reader (exchange grants, open data, display).

type RecordShape = Pick<PublishedDataResource, 'id' | 'keyField' | 'fields'>;

const INDEX_KIND: Record<MaskingKind, BlindIndexKind> = {
  none: 'name',
  name: 'name',
  idNumber: 'idNumber',
  mobile: 'phone',
  address: 'name',
  bankCard: 'bankCard',
  email: 'email',
  hidden: 'name',
};

function keyFieldOf(resource: RecordShape): DataField {
  const field = resource.fields.find((f) => f.key === resource.keyField);
  if (!field) throw new Error(`data resource ${resource.id}: key field ${resource.keyField} is not among its fields`);
  return field;
}

/** How a key value is written: ID numbers compare in upper case (the X check digit), everything else trimmed. */
export function normaliseKey(field: Pick<DataField, 'masking'>, value: string): string {
  const trimmed = value.trim();
  return field.masking === 'idNumber' ? trimmed.toUpperCase() : trimmed;
}

/** The stored record_key for a key value (its blind index when the key is personal). */
export function recordKey(keys: Keys, resource: RecordShape, value: string): string {
  const field = keyFieldOf(resource);
  const normalised = normaliseKey(field, value);
  return isPersonalMasking(field.masking) ? blindIndex(keys.blindIndex, INDEX_KIND[field.masking], normalised) : normalised;
}

function sealContext(resourceId: string): string {
  return `data-record:${resourceId}`;
}

type Stored = { record_key: string; data: DataRecordValues; sealed: string | null };

function toStored(keys: Keys, resource: RecordShape, values: DataRecordValues): Stored {
  const keyValue = values[resource.keyField];
  if (keyValue === null || keyValue === undefined || String(keyValue).trim() === '') throw new Error('record without a key value');
  const open: DataRecordValues = {};
  const personal: DataRecordValues = {};
  for (const f of resource.fields) {
    const given = values[f.key] ?? null;
    const v = f.key === resource.keyField ? normaliseKey(f, String(given)) : given;
    if (isPersonalMasking(f.masking)) personal[f.key] = v;
    else open[f.key] = v;
  }
  const hasPersonal = Object.keys(personal).length > 0;
  return {
    record_key: recordKey(keys, resource, String(keyValue)),
    data: open,
    sealed: hasPersonal ? sm4Encrypt(keys.field, JSON.stringify(personal), sealContext(resource.id)) : null,
  };
}

export function fromStored(keys: Keys, resource: Pick<RecordShape, 'id'>, row: Pick<Stored, 'data' | 'sealed'>): DataRecordValues {
  if (!row.sealed) return { ...row.data };
  return { ...row.data, ...(JSON.parse(sm4Decrypt(keys.field, row.sealed, sealContext(resource.id))) as DataRecordValues) };
}

/**
 * Writes records (insert or replace by key) and keeps the resource's count and freshness. Callers validate values
 * against the field types first and run this inside their transaction (and audit there).
 */
export async function writeRecords(tx: Queryable, keys: Keys, resource: RecordShape, rows: readonly DataRecordValues[]): Promise<{ written: number }> {
  if (rows.length === 0) return { written: 0 };
  const byKey = new Map<string, Stored>();
  for (const r of rows) {
    const stored = toStored(keys, resource, r);
    byKey.set(stored.record_key, stored); // the last row for a key wins, as in a file where a later line corrects an earlier one
  }
  const stored = [...byKey.values()];
  const db = tables(tx);
  for (let i = 0; i < stored.length; i += 1000) {
    await db
      .insertInto('data_records')
      .values(stored.slice(i, i + 1000).map((s) => ({ resource_id: resource.id, record_key: s.record_key, data: JSON.stringify(s.data), sealed: s.sealed })))
      .onConflict((oc) =>
        oc.columns(['resource_id', 'record_key']).doUpdateSet({ data: sql`excluded.data`, sealed: sql`excluded.sealed`, updated_at: sql`now()` }),
      )
      .execute();
  }
  await refreshRecordCount(tx, resource.id);
  return { written: stored.length };
}

/** Removes records by key value (a provider withdrawing rows). */
export async function deleteRecords(tx: Queryable, keys: Keys, resource: RecordShape, keyValues: readonly string[]): Promise<{ deleted: number }> {
  if (keyValues.length === 0) return { deleted: 0 };
  const result = await tables(tx)
    .deleteFrom('data_records')
    .where('resource_id', '=', resource.id)
    .where('record_key', 'in', keyValues.map((v) => recordKey(keys, resource, v)))
    .executeTakeFirst();
  await refreshRecordCount(tx, resource.id);
  return { deleted: Number(result.numDeletedRows) };
}

async function refreshRecordCount(tx: Queryable, resourceId: string): Promise<void> {
  await tables(tx)
    .updateTable('data_resources')
    .set({
      record_count: sql`(select count(*) from data_records where resource_id = ${resourceId})`,
      records_updated_at: sql`now()`,
    })
    .where('id', '=', resourceId)
    .execute();
}

/** The records for some key values, by the key value asked (absent keys are missing from the map). */
export async function readRecordsByKey(db: Queryable, keys: Keys, resource: RecordShape, keyValues: readonly string[]): Promise<Map<string, DataRecordValues>> {
  const found = new Map<string, DataRecordValues>();
  if (keyValues.length === 0) return found;
  const asked = new Map(keyValues.map((v) => [recordKey(keys, resource, v), v] as const));
  const rows = await tables(db)
    .selectFrom('data_records')
    .select(['record_key', 'data', 'sealed'])
    .where('resource_id', '=', resource.id)
    .where('record_key', 'in', [...asked.keys()])
    .execute();
  for (const row of rows) {
    const value = asked.get(row.record_key);
    if (value !== undefined) found.set(value, fromStored(keys, resource, row));
  }
  return found;
}

/** One page of records in key order (keyset pagination: pass the last page's `nextAfter`). */
export async function scanRecords(
  db: Queryable,
  keys: Keys,
  resource: Pick<RecordShape, 'id'>,
  options: { after?: string | null; limit: number; personal?: boolean },
): Promise<{ rows: DataRecordValues[]; nextAfter: string | null }> {
  let query = tables(db)
    .selectFrom('data_records')
    .select(['record_key', 'data', options.personal === false ? sql<null>`null`.as('sealed') : 'sealed'])
    .where('resource_id', '=', resource.id)
    .orderBy('record_key')
    .limit(options.limit);
  if (options.after) query = query.where('record_key', '>', options.after);
  const rows = await query.execute();
  const last = rows.at(-1);
  return { rows: rows.map((r) => fromStored(keys, resource, r)), nextAfter: rows.length === options.limit && last ? last.record_key : null };
}

/**
 * Every record of a resource, page by page (open-data downloads, aggregate queries). `personal: false` leaves the
 * sealed personal values out (neither read nor decrypted) for readers that never use them, such as aggregates.
 */
export async function* allRecords(
  db: Queryable,
  keys: Keys,
  resource: Pick<RecordShape, 'id'>,
  pageSize = 2000,
  options: { personal?: boolean } = {},
): AsyncGenerator<DataRecordValues[]> {
  let after: string | null = null;
  do {
    const page: { rows: DataRecordValues[]; nextAfter: string | null } = await scanRecords(db, keys, resource, { after, limit: pageSize, personal: options.personal });
    if (page.rows.length > 0) yield page.rows;
    after = page.nextAfter;
  } while (after);
}
