import { sql } from 'kysely';
import type { RegistryCheckResult, RegistryConflictResolution, RegistryKind } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { registryShape } from './model';
import { byField, resolveField, speaksFor } from './resolve';
import { loadHolders } from './sources';
import { readSubjectValues } from './store';
import { tables } from './tables';

// 多元校核: every source that is not the field's authority is compared with the authoritative value; a difference is a
// conflict until the values agree again (it then closes itself). Only subjects whose values changed since their last
// check are looked at, a bounded batch per run, claimed with SKIP LOCKED so concurrent runs never check one twice.

export const CROSS_CHECK_JOB = 'registries.cross-check';
export const CROSS_CHECK_INTERVAL_SECONDS = 300;
export const CROSS_CHECK_BATCH = 2000;

type Wanted = { subjectId: string; fieldKey: string; source: string; authoritativeSource: string };
const keyOf = (c: { subjectId: string; fieldKey: string; source: string }) => `${c.subjectId}\u0000${c.fieldKey}\u0000${c.source}`;

async function pendingCount(db: Queryable, registry: RegistryKind): Promise<number> {
  const row = await tables(db)
    .selectFrom('registry_subjects')
    .select(sql<string>`count(*)`.as('n'))
    .where('registry', '=', registry)
    .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<', eb.ref('changed_at'))]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export { pendingCount as pendingSubjects };

/**
 * Checks a batch of changed subjects (or the given ones) of a registry in the caller's transaction and records the
 * run. Nothing is checked while the registry is not catalogued: without a definition no field has an authority.
 */
export async function crossCheck(
  tx: Queryable,
  keys: Keys,
  registry: RegistryKind,
  options: { trigger: string; limit?: number; subjectIds?: readonly string[] },
): Promise<RegistryCheckResult> {
  const startedAt = new Date();
  const shape = await registryShape(tx, registry);
  if (!shape.resource) return { subjects: 0, opened: 0, resolved: 0, remaining: await pendingCount(tx, registry) };
  const holders = await loadHolders(tx);
  const db = tables(tx);
  let claim = db.selectFrom('registry_subjects').select('id').where('registry', '=', registry);
  claim = options.subjectIds
    ? claim.where('id', 'in', options.subjectIds.length > 0 ? [...options.subjectIds] : ['00000000-0000-0000-0000-000000000000']).forUpdate()
    : claim
        .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<', eb.ref('changed_at'))]))
        .orderBy('changed_at')
        .limit(options.limit ?? CROSS_CHECK_BATCH)
        .forUpdate()
        .skipLocked();
  const subjects = await claim.execute();
  if (subjects.length === 0) return { subjects: 0, opened: 0, resolved: 0, remaining: await pendingCount(tx, registry) };
  const ids = subjects.map((s) => s.id);
  const values = await readSubjectValues(tx, keys, ids);

  const wanted = new Map<string, Wanted>();
  for (const id of ids) {
    const grouped = byField(values.get(id) ?? []);
    for (const f of shape.fields) {
      if (f.isKey || f.authority === null) continue;
      const { authoritative, others } = resolveField(grouped.get(f.key) ?? [], f.authority, holders);
      if (!authoritative) continue; // a gap, not a conflict: nobody authoritative has spoken yet
      for (const other of others) {
        // A second voice of the authority itself (the department and a system it holds) is not cross-checked.
        if (other.agrees === false && !speaksFor(other.value.source, f.authority, holders)) {
          const c = { subjectId: id, fieldKey: f.key, source: other.value.source, authoritativeSource: authoritative.source };
          wanted.set(keyOf(c), c);
        }
      }
    }
  }

  const open = await db.selectFrom('registry_conflicts').selectAll().where('subject_id', 'in', ids).where('status', '=', 'open').execute();
  const stillOpen: string[] = [];
  const closing = new Map<RegistryConflictResolution, string[]>();
  for (const c of open) {
    const now = wanted.get(keyOf({ subjectId: c.subject_id, fieldKey: c.field_key, source: c.source }));
    if (now) {
      stillOpen.push(c.id);
      wanted.delete(keyOf(now));
      if (now.authoritativeSource !== c.authoritative_source) await db.updateTable('registry_conflicts').set({ authoritative_source: now.authoritativeSource }).where('id', '=', c.id).execute();
      continue;
    }
    const field = shape.field(c.field_key);
    const fieldValues = byField(values.get(c.subject_id) ?? []).get(c.field_key) ?? [];
    const sourceValue = fieldValues.find((v) => v.source === c.source);
    const { authoritative } = resolveField(fieldValues, field?.authority ?? null, holders);
    const resolution: RegistryConflictResolution = !sourceValue ? 'withdrawn' : authoritative && !speaksFor(c.source, field?.authority ?? null, holders) ? 'agreed' : 'authorityChanged';
    closing.set(resolution, [...(closing.get(resolution) ?? []), c.id]);
  }
  if (stillOpen.length > 0) await db.updateTable('registry_conflicts').set({ last_seen_at: sql`now()` }).where('id', 'in', stillOpen).execute();
  let resolved = 0;
  for (const [resolution, conflictIds] of closing) {
    await db.updateTable('registry_conflicts').set({ status: 'resolved', resolution, resolved_at: sql`now()` }).where('id', 'in', conflictIds).execute();
    resolved += conflictIds.length;
  }
  const fresh = [...wanted.values()];
  if (fresh.length > 0) {
    await db
      .insertInto('registry_conflicts')
      .values(fresh.map((c) => ({ id: newId(), subject_id: c.subjectId, field_key: c.fieldKey, source: c.source, authoritative_source: c.authoritativeSource })))
      .onConflict((oc) => oc.columns(['subject_id', 'field_key', 'source']).where('status', '=', 'open').doNothing())
      .execute();
  }
  // The subjects are locked: a concurrent change waits for this commit and then marks them changed again.
  await db.updateTable('registry_subjects').set({ checked_at: sql`changed_at` }).where('id', 'in', ids).execute();
  await db
    .insertInto('registry_check_runs')
    .values({ id: newId(), registry, trigger: options.trigger, started_at: startedAt, subjects: subjects.length, opened: fresh.length, resolved })
    .execute();
  return { subjects: subjects.length, opened: fresh.length, resolved, remaining: await pendingCount(tx, registry) };
}
