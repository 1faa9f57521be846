import { sql } from 'kysely';
import type { DataRecordValues, RegistryKind } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { deleteRecords, writeRecords } from '../catalogue';
import type { RegistryShape } from './model';
import { resolveRecord } from './resolve';
import { loadHolders } from './sources';
import { keyValueOf } from './subject-keys';
import { markChanged, readSubjectValues } from './store';
import { tables } from './tables';

// The authoritative record of each subject, written into the registry resource (人口库 / 法人库 in the catalogue), so
// the exchange, open data and aggregate queries read one place and need not know about sources.

/** Rewrites the records of some subjects; nothing while the registry is not catalogued. Returns how many were written. */
export async function writeSubjectRecords(tx: Queryable, keys: Keys, shape: RegistryShape, subjectIds: readonly string[]): Promise<number> {
  const resource = shape.resource;
  if (!resource || subjectIds.length === 0) return 0;
  const holders = await loadHolders(tx);
  const subjects = await tables(tx).selectFrom('registry_subjects').selectAll().where('id', 'in', [...new Set(subjectIds)]).execute();
  const values = await readSubjectValues(tx, keys, subjects.map((s) => s.id));
  const rows: DataRecordValues[] = [];
  const written: string[] = [];
  const emptied: { id: string; key: string }[] = [];
  for (const s of subjects) {
    const keyValue = keyValueOf(keys, s);
    const { record, hasValue } = resolveRecord(shape, keyValue, values.get(s.id) ?? [], holders);
    if (hasValue) {
      rows.push(record);
      written.push(s.id);
    } else if (s.record_written_at) emptied.push({ id: s.id, key: keyValue });
  }
  await writeRecords(tx, keys, resource, rows);
  if (emptied.length > 0) await deleteRecords(tx, keys, resource, emptied.map((e) => e.key));
  if (written.length > 0) await tables(tx).updateTable('registry_subjects').set({ record_written_at: sql`now()` }).where('id', 'in', written).execute();
  if (emptied.length > 0) await tables(tx).updateTable('registry_subjects').set({ record_written_at: null }).where('id', 'in', emptied.map((e) => e.id)).execute();
  return written.length;
}

export const REBUILD_JOB = 'registries.rebuild';
const REBUILD_PAGE = 500;

/**
 * One page of a registry's rebuild (after its resource is published or a system changes hands): rewrites the records
 * and marks the subjects for the cross-check, since the authorities may have moved. Returns the last id, or null at the end.
 */
export async function rebuildPage(tx: Queryable, keys: Keys, shape: RegistryShape, after: string | null): Promise<string | null> {
  let query = tables(tx).selectFrom('registry_subjects').select('id').where('registry', '=', shape.registry).orderBy('id').limit(REBUILD_PAGE);
  if (after) query = query.where('id', '>', after);
  const ids = (await query.execute()).map((r) => r.id);
  await writeSubjectRecords(tx, keys, shape, ids);
  await markChanged(tx, ids);
  return ids.length === REBUILD_PAGE ? (ids.at(-1) ?? null) : null;
}

export type RebuildPayload = { registry: RegistryKind; after: string | null; tag: string };
