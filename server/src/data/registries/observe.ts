import type { RegistryKind, RegistryValue } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import type { FieldIssue } from '../../kernel/errors';
import { isSealedField, type RegistryShape } from './model';
import { checkSubjectKey, ensureSubject, subjectKeyOf } from './subject-keys';
import { markChanged, readSubjectValues, writeValues, type ValueWrite } from './store';
import { writeSubjectRecords } from './records';
import { tables } from './tables';
import { sameValue, typedValue } from './values';

// Observations: a source states values about subjects (a provider's upload, the platform's accounts, a licence, a
// verified correction). Checked first as a whole (a bad row changes nothing), then written: each value replaces the
// same source's earlier one, the subjects whose values changed are marked for the cross-check, and their records are
// rewritten when the registry is catalogued.

export type ObservationInput = {
  /** Where the row came from, for error paths (`rows.<n>…`): the JSON index or the sheet's row number. */
  row: number;
  key: string;
  values: Record<string, RegistryValue>;
  observedAt?: Date;
};

export type CheckedObservation = { keyValue: string; values: Map<string, RegistryValue>; observedAt: Date };

/** Checks rows against the registry's fields and types; issues are `rows.<n>.key` / `rows.<n>.values.<field>`. */
export function checkObservations(shape: RegistryShape, rows: readonly ObservationInput[], defaultAt: Date): { rows: CheckedObservation[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const checked: CheckedObservation[] = [];
  for (const r of rows) {
    const key = checkSubjectKey(shape.registry, r.key);
    if (!key.ok) issues.push({ field: `rows.${r.row}.key`, code: key.code });
    const values = new Map<string, RegistryValue>();
    for (const [fieldKey, raw] of Object.entries(r.values)) {
      const field = shape.field(fieldKey);
      const at = `rows.${r.row}.values.${fieldKey}`;
      if (!field) issues.push({ field: at, code: 'registry.fieldUnknown' });
      else if (field.isKey) issues.push({ field: at, code: 'registry.keyFieldValue' });
      else {
        const typed = typedValue(field.type, raw);
        if (typed.ok) values.set(fieldKey, typed.value);
        else issues.push({ field: at, code: typed.code });
      }
    }
    if (key.ok) checked.push({ keyValue: key.value, values, observedAt: r.observedAt ?? defaultAt });
  }
  return { rows: checked, issues };
}

export type ObservationOutcome = { rows: number; recorded: number; unchanged: number; subjects: number; changedSubjectIds: string[]; isRecordWritten: boolean };

/** What a batch would change, without writing (a dry run), or what it changed. */
async function plan(
  db: Queryable,
  keys: Keys,
  shape: RegistryShape,
  source: string,
  rows: readonly CheckedObservation[],
  subjectIdOf: (keyValue: string) => Promise<string | undefined>,
): Promise<{ writes: ValueWrite[]; recorded: number; unchanged: number; subjects: Set<string> }> {
  // One row per subject: a later row for the same subject adds to (and overrides) an earlier one.
  const merged = new Map<string, CheckedObservation>();
  for (const r of rows) {
    const prior = merged.get(r.keyValue);
    merged.set(r.keyValue, prior ? { keyValue: r.keyValue, values: new Map([...prior.values, ...r.values]), observedAt: r.observedAt > prior.observedAt ? r.observedAt : prior.observedAt } : r);
  }
  const ids = new Map<string, string | undefined>();
  for (const keyValue of merged.keys()) ids.set(keyValue, await subjectIdOf(keyValue));
  const known = [...ids.values()].filter((id): id is string => id !== undefined);
  const existing = await readSubjectValues(db, keys, known, { source });
  const writes: ValueWrite[] = [];
  let recorded = 0;
  let unchanged = 0;
  const subjects = new Set<string>();
  for (const [keyValue, r] of merged) {
    const subjectId = ids.get(keyValue);
    for (const [fieldKey, value] of r.values) {
      const before = subjectId ? existing.get(subjectId)?.find((v) => v.fieldKey === fieldKey) : undefined;
      if (before && before.observedAt > r.observedAt) {
        unchanged += 1; // an older observation than the one on record: kept out (动态更新)
        continue;
      }
      const isSame = before !== undefined && sameValue(before.value, value) && (before.value === null) === (value === null);
      if (isSame) unchanged += 1;
      else recorded += 1;
      if (subjectId && !isSame) subjects.add(subjectId);
      writes.push({ subjectId: subjectId ?? keyValue, fieldKey, source, value, isSealed: isSealedField(shape, fieldKey), observedAt: r.observedAt, recordedBy: null });
    }
  }
  return { writes, recorded, unchanged, subjects };
}

/** Records a checked batch for one source in the caller's transaction; a dry run only counts. */
export async function recordObservations(
  tx: Queryable,
  keys: Keys,
  shape: RegistryShape,
  options: { source: string; recordedBy: string | null; rows: readonly CheckedObservation[]; dryRun?: boolean },
): Promise<ObservationOutcome> {
  const registry: RegistryKind = shape.registry;
  const lookup = async (keyValue: string) =>
    (await tables(tx).selectFrom('registry_subjects').select('id').where('registry', '=', registry).where('subject_key', '=', subjectKeyOf(keys, registry, keyValue)).executeTakeFirst())?.id;
  if (options.dryRun) {
    const counted = await plan(tx, keys, shape, options.source, options.rows, lookup);
    const subjects = new Set(options.rows.map((r) => r.keyValue)).size;
    return { rows: options.rows.length, recorded: counted.recorded, unchanged: counted.unchanged, subjects, changedSubjectIds: [], isRecordWritten: false };
  }
  const planned = await plan(tx, keys, shape, options.source, options.rows, (keyValue) => ensureSubject(tx, keys, registry, keyValue));
  const writes = planned.writes.map((w) => ({ ...w, recordedBy: options.recordedBy }));
  await writeValues(tx, keys, writes);
  const changed = [...planned.subjects];
  await markChanged(tx, changed);
  const written = await writeSubjectRecords(tx, keys, shape, changed);
  return {
    rows: options.rows.length,
    recorded: planned.recorded,
    unchanged: planned.unchanged,
    subjects: new Set(writes.map((w) => w.subjectId)).size,
    changedSubjectIds: changed,
    isRecordWritten: written > 0 || (shape.resource !== undefined && changed.length === 0),
  };
}
