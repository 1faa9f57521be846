import type { DataRecordValues, OrgImportReport, PublishedDataResource } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, canonicalJson, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError } from '../../kernel/errors';
import { importReport, RowErrors } from '../../kernel/spreadsheet';
import type { Queryable } from '../../kernel/db';
import { actorId, actorName, assertManages } from './access';
import { notFound, stateOf, transitionError } from './drafts';
import { getPublishedResource } from './published';
import { deleteRecords, normaliseKey, readRecordsByKey, writeRecords } from './records';
import { coerceValue } from './record-values';
import type { RawRow } from './record-file';
import { findResource, insertAction, lockResource } from './repo';
import { refusalOf } from './workflow';

// 数据载入: the provider's data admin loads the records of a published table resource from a file or through the
// API. Every row is checked against the published fields (types, ID numbers, credit codes, the key present and
// not repeated); a file with any wrong row changes nothing and comes back with the reason per row and column. A
// dry run only reports. Records of the base registries are written by the registries domain, never here.

const COMPARE_BATCH = 1000;

/** The published table resource whose records the actor may load or delete. */
export async function recordTarget(db: Queryable, actor: Actor, id: string): Promise<PublishedDataResource> {
  const row = await findResource(db, id);
  if (!row) throw notFound();
  assertManages(actor, row);
  if (row.source_kind !== 'table') throw new AppError('CONFLICT', { detail: 'data.registryUpload' });
  const refusal = refusalOf(await stateOf(db, row), 'loadRecords');
  if (refusal) throw transitionError(refusal, 'loadRecords');
  return getPublishedResource(db, id);
}

type Checked = { row: number; values: DataRecordValues; key: string };

function checkRows(actor: Actor, resource: PublishedDataResource, rows: readonly RawRow[], strictColumns: boolean): { good: Checked[]; errors: RowErrors } {
  const errors = new RowErrors(actor);
  const known = new Set(resource.fields.map((f) => f.key));
  const keyField = resource.fields.find((f) => f.key === resource.keyField);
  if (!keyField) throw new Error(`data resource ${resource.id} has no key field`);
  const firstRowOf = new Map<string, number>();
  const good: Checked[] = [];
  for (const r of rows) {
    if (strictColumns) for (const k of Object.keys(r.values)) if (!known.has(k)) errors.add(r.row, k, k, 'data.record.unknownField', { field: k });
    const values: DataRecordValues = {};
    for (const f of resource.fields) {
      const coerced = coerceValue(f, r.values[f.key]);
      if (coerced.ok) values[f.key] = coerced.value;
      else errors.add(r.row, f.key, f.name, coerced.code, coerced.params);
    }
    const keyValue = values[resource.keyField];
    if (keyValue === null || keyValue === undefined) {
      if (!errors.has(r.row)) errors.add(r.row, keyField.key, keyField.name, 'data.record.keyRequired', { field: keyField.name });
      continue;
    }
    const key = normaliseKey(keyField, String(keyValue));
    const seenAt = firstRowOf.get(key);
    if (seenAt !== undefined) errors.add(r.row, keyField.key, keyField.name, 'data.record.duplicateKey', { row: seenAt });
    else firstRowOf.set(key, r.row);
    if (!errors.has(r.row)) good.push({ row: r.row, values, key });
  }
  return { good, errors };
}

/** How many rows are new, changed or the same as what is stored (read in batches; values compared whole). */
async function compareWithStored(kernel: Kernel, resource: PublishedDataResource, good: readonly Checked[]) {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const comparable = (v: DataRecordValues) => canonicalJson(Object.fromEntries(resource.fields.map((f) => [f.key, v[f.key] ?? null])));
  for (let i = 0; i < good.length; i += COMPARE_BATCH) {
    const batch = good.slice(i, i + COMPARE_BATCH);
    const stored = await readRecordsByKey(kernel.db, kernel.keys, resource, batch.map((g) => g.key));
    for (const g of batch) {
      const existing = stored.get(g.key);
      if (!existing) created++;
      else if (comparable(existing) === comparable(g.values)) unchanged++;
      else updated++;
    }
  }
  return { created, updated, unchanged };
}

export async function loadRecords(
  kernel: Kernel,
  { actor, id, rows, dryRun, source }: { actor: Actor; id: string; rows: readonly RawRow[]; dryRun: boolean; source: 'file' | 'api' },
): Promise<OrgImportReport> {
  const resource = await recordTarget(kernel.db, actor, id);
  const { good, errors } = checkRows(actor, resource, rows, source === 'api');
  // A resource without records yet has nothing to compare with (the first load of a large file stays quick).
  const counts = resource.recordCount === 0 ? { created: good.length, updated: 0, unchanged: 0 } : await compareWithStored(kernel, resource, good);
  const isApplied = !dryRun && errors.isEmpty;
  if (isApplied) {
    await inTransaction(kernel.db, async (tx) => {
      // Serialised with retirement and other loads of the same resource.
      const row = await lockResource(tx, id);
      if (!row || row.status === 'retired') throw transitionError('retired', 'loadRecords');
      await writeRecords(tx, kernel.keys, resource, good.map((g) => g.values));
      const detail = { ...counts, total: rows.length, source };
      await insertAction(tx, { resource_id: id, action: 'loadRecords', version_number: null, actor_id: actorId(actor), actor_name: actorName(actor), note: JSON.stringify(detail) });
      await audit(tx, actor, { action: 'data-records.load', objectType: 'data-resource', objectId: id, detail: { code: resource.code, ...detail } });
      await emit(tx, 'data-resource.records-changed', { id, code: resource.code, providerDepartmentId: resource.providerDepartmentId, written: good.length, deleted: 0 });
    });
  }
  return importReport({ dryRun, isApplied, total: rows.length, ...counts }, errors);
}

export async function deleteRecordKeys(kernel: Kernel, { actor, id, keys }: { actor: Actor; id: string; keys: readonly string[] }): Promise<{ deleted: number; recordCount: number }> {
  const resource = await recordTarget(kernel.db, actor, id);
  const deleted = await inTransaction(kernel.db, async (tx) => {
    const row = await lockResource(tx, id);
    if (!row || row.status === 'retired') throw transitionError('retired', 'loadRecords');
    const result = await deleteRecords(tx, kernel.keys, resource, keys);
    const detail = { deleted: result.deleted, asked: keys.length };
    await insertAction(tx, { resource_id: id, action: 'deleteRecords', version_number: null, actor_id: actorId(actor), actor_name: actorName(actor), note: JSON.stringify(detail) });
    await audit(tx, actor, { action: 'data-records.delete', objectType: 'data-resource', objectId: id, detail: { code: resource.code, ...detail } });
    await emit(tx, 'data-resource.records-changed', { id, code: resource.code, providerDepartmentId: resource.providerDepartmentId, written: 0, deleted: result.deleted });
    return result.deleted;
  });
  const after = await getPublishedResource(kernel.db, id);
  return { deleted, recordCount: after.recordCount };
}
