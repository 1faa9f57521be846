import type { RegistryFieldView, RegistryKind, RegistrySubjectView } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { isOverdue } from './dispute-workflow';
import { maskingOf, type RegistryShape } from './model';
import { maskValue, shown } from './mask';
import { byField, resolveField, type Holders } from './resolve';
import type { SourceNames } from './sources';
import type { StoredValue } from './store';
import { keyValueOf } from './subject-keys';
import { tables, type RegistryRow } from './tables';

// One subject as staff see it: every field with the value that counts (一数一源), who stated it, and every other
// source's value beside it with whether it agrees; open conflicts and the open dispute per field.

export function subjectKeyText(keys: Keys, subject: Pick<RegistryRow<'registry_subjects'>, 'registry' | 'subject_key' | 'key_sealed'>, isWhole: boolean): string {
  const value = keyValueOf(keys, subject);
  return subject.registry === 'person' && !isWhole ? String(maskValue('idNumber', value)) : value;
}

export async function openCounts(db: Queryable, subjectIds: readonly string[]): Promise<{ conflicts: Map<string, Map<string, number>>; disputes: Map<string, RegistryRow<'registry_disputes'>[]> }> {
  const conflicts = new Map<string, Map<string, number>>();
  const disputes = new Map<string, RegistryRow<'registry_disputes'>[]>();
  if (subjectIds.length === 0) return { conflicts, disputes };
  const rows = await tables(db).selectFrom('registry_conflicts').select(['subject_id', 'field_key']).where('subject_id', 'in', [...subjectIds]).where('status', '=', 'open').execute();
  for (const r of rows) {
    const perField = conflicts.get(r.subject_id) ?? new Map<string, number>();
    perField.set(r.field_key, (perField.get(r.field_key) ?? 0) + 1);
    conflicts.set(r.subject_id, perField);
  }
  const open = await tables(db).selectFrom('registry_disputes').selectAll().where('subject_id', 'in', [...subjectIds]).where('status', '=', 'open').execute();
  for (const d of open) disputes.set(d.subject_id, [...(disputes.get(d.subject_id) ?? []), d]);
  return { conflicts, disputes };
}

export async function subjectView(
  db: Queryable,
  keys: Keys,
  options: { shape: RegistryShape; subject: RegistryRow<'registry_subjects'>; values: readonly StoredValue[]; holders: Holders; names: SourceNames; isWhole: boolean },
): Promise<RegistrySubjectView> {
  const { shape, subject, values, holders, names, isWhole } = options;
  const grouped = byField(values);
  const { conflicts, disputes } = await openCounts(db, [subject.id]);
  const now = new Date();
  // Fields the definition lists first, then any a source stated that it does not (kept, shown hidden).
  const listed = shape.fields.filter((f) => !f.isKey);
  const extra = [...grouped.keys()].filter((k) => !shape.field(k)).sort();
  const fields: RegistryFieldView[] = [];
  for (const key of [...listed.map((f) => f.key), ...extra]) {
    const f = shape.field(key);
    const kind = maskingOf(shape, key);
    const authority = f?.authority ?? null;
    const { authoritative, others } = resolveField(grouped.get(key) ?? [], authority, holders);
    const sources = [];
    for (const v of [...(authoritative ? [{ value: authoritative, agrees: true as boolean | null }] : []), ...others]) {
      const label = await names.label(v.value.source);
      sources.push({
        source: v.value.source,
        sourceName: label.name,
        heldByName: label.heldByName,
        value: shown(kind, v.value.value, isWhole),
        observedAt: v.value.observedAt.toISOString(),
        isAuthoritative: v.value === authoritative,
        agrees: v.value === authoritative ? null : v.agrees,
      });
    }
    const dispute = disputes.get(subject.id)?.find((d) => d.field_key === key);
    fields.push({
      key,
      name: f?.name ?? key,
      masking: kind,
      authoritativeDepartmentId: authority,
      authoritativeDepartmentName: await names.departmentName(authority),
      value: authoritative ? shown(kind, authoritative.value, isWhole) : null,
      hasAuthoritativeValue: authoritative !== undefined,
      observedAt: authoritative ? authoritative.observedAt.toISOString() : null,
      sources,
      openConflicts: conflicts.get(subject.id)?.get(key) ?? 0,
      openDispute: dispute ? { id: dispute.id, number: dispute.number, status: dispute.status, dueAt: dispute.due_at.toISOString(), isOverdue: isOverdue(dispute.status, dispute.due_at, now) } : null,
    });
  }
  const resource = shape.resource;
  return {
    id: subject.id,
    registry: subject.registry as RegistryKind,
    key: subjectKeyText(keys, subject, isWhole),
    isMasked: !isWhole,
    resource: resource ? { id: resource.id, code: resource.code, name: resource.name, providerName: resource.providerName, version: resource.version } : null,
    fields,
    changedAt: subject.changed_at.toISOString(),
    checkedAt: subject.checked_at ? subject.checked_at.toISOString() : null,
    recordWrittenAt: subject.record_written_at ? subject.record_written_at.toISOString() : null,
  };
}
