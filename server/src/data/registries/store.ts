import { sql } from 'kysely';
import type { RegistryKind, RegistryValue } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { sm4Decrypt, sm4Encrypt } from '../../kernel/crypto';
import { tables } from './tables';

// registry_values: what each source last said about a subject's field. Personal values are sealed with SM4, bound to
// the subject, field and source (a sealed value copied onto another row does not decrypt).

export type StoredValue = { subjectId: string; fieldKey: string; source: string; value: RegistryValue; observedAt: Date; recordedAt: Date };

function context(subjectId: string, fieldKey: string, source: string): string {
  return `registry-value:${subjectId}:${fieldKey}:${source}`;
}

export function encodeValue(keys: Keys, isSealed: boolean, at: { subjectId: string; fieldKey: string; source: string }, value: RegistryValue): { value: string | null; sealed: string | null } {
  const json = JSON.stringify(value);
  return isSealed ? { value: null, sealed: sm4Encrypt(keys.field, json, context(at.subjectId, at.fieldKey, at.source)) } : { value: json, sealed: null };
}

function decodeValue(keys: Keys, row: { subject_id: string; field_key: string; source: string; value: RegistryValue; sealed: string | null }): RegistryValue {
  if (row.sealed === null) return row.value;
  return JSON.parse(sm4Decrypt(keys.field, row.sealed, context(row.subject_id, row.field_key, row.source))) as RegistryValue;
}

const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every source's value of the subjects, decrypted, by subject id (optionally of one source only). */
export async function readSubjectValues(db: Queryable, keys: Keys, subjectIds: readonly string[], options: { source?: string; fieldKey?: string } = {}): Promise<Map<string, StoredValue[]>> {
  const bySubject = new Map<string, StoredValue[]>(subjectIds.map((id) => [id, []]));
  for (const part of chunks([...new Set(subjectIds)])) {
    let query = tables(db).selectFrom('registry_values').selectAll().where('subject_id', 'in', part);
    if (options.source) query = query.where('source', '=', options.source);
    if (options.fieldKey) query = query.where('field_key', '=', options.fieldKey);
    for (const row of await query.orderBy('subject_id').orderBy('field_key').orderBy('source').execute()) {
      bySubject.get(row.subject_id)?.push({
        subjectId: row.subject_id,
        fieldKey: row.field_key,
        source: row.source,
        value: decodeValue(keys, row),
        observedAt: row.observed_at,
        recordedAt: row.recorded_at,
      });
    }
  }
  return bySubject;
}

export type ValueWrite = { subjectId: string; fieldKey: string; source: string; value: RegistryValue; isSealed: boolean; observedAt: Date; recordedBy: string | null };

/**
 * Writes values, each replacing its source's earlier one unless that was observed later (动态更新: a late batch of
 * old data never overwrites newer facts). Returns how many rows were written.
 */
export async function writeValues(tx: Queryable, keys: Keys, writes: readonly ValueWrite[]): Promise<number> {
  let written = 0;
  for (const part of chunks(writes)) {
    const result = await tables(tx)
      .insertInto('registry_values')
      .values(
        part.map((w) => ({
          subject_id: w.subjectId,
          field_key: w.fieldKey,
          source: w.source,
          ...encodeValue(keys, w.isSealed, w, w.value),
          observed_at: w.observedAt,
          recorded_at: sql`now()`,
          recorded_by: w.recordedBy,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['subject_id', 'field_key', 'source'])
          .doUpdateSet({ value: sql`excluded.value`, sealed: sql`excluded.sealed`, observed_at: sql`excluded.observed_at`, recorded_at: sql`now()`, recorded_by: sql`excluded.recorded_by` })
          .where('registry_values.observed_at', '<=', sql<Date>`excluded.observed_at`),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

/** Marks subjects changed, so the cross-check looks at them again (clock time: later than any check that read them). */
export async function markChanged(tx: Queryable, subjectIds: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(subjectIds)])) {
    await tables(tx).updateTable('registry_subjects').set({ changed_at: sql`clock_timestamp()` }).where('id', 'in', part).execute();
  }
}

/** Marks every subject of a registry changed (its authorities may have moved: a new definition, a system's holder). */
export async function markAllChanged(tx: Queryable, registry: RegistryKind): Promise<void> {
  await tables(tx).updateTable('registry_subjects').set({ changed_at: sql`clock_timestamp()` }).where('registry', '=', registry).execute();
}
