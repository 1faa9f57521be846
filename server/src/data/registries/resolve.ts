import { isRegistrySystem, type DataRecordValues, type RegistryValue } from '@zhengtong/contracts';
import type { RegistryShape } from './model';
import type { StoredValue } from './store';
import { sameValue, typedValue } from './values';

// 一数一源: of all the values sources state for a field, the one that counts comes from the field's authoritative
// department — stated by the department itself or by a system it holds (统一身份认证 held by the big-data bureau).
// Pure functions over values already read.

/** Which department holds each system source (null: nobody yet, so the system is never authoritative). */
export type Holders = ReadonlyMap<string, string | null>;

/** Whether a source speaks for the department `authority`. */
export function speaksFor(source: string, authority: string | null, holders: Holders): boolean {
  if (authority === null) return false;
  if (source === authority) return true;
  return isRegistrySystem(source) && holders.get(source) === authority;
}

export type ResolvedField = {
  /** The value that counts, if the authoritative department (or a system it holds) has stated one. */
  authoritative: StoredValue | undefined;
  /** Every other source's value, with whether it agrees. */
  others: { value: StoredValue; agrees: boolean | null }[];
};

/** Resolves one field from its sources' values; the newest observation wins among the authority's own. */
export function resolveField(values: readonly StoredValue[], authority: string | null, holders: Holders): ResolvedField {
  let authoritative: StoredValue | undefined;
  for (const v of values) {
    if (!speaksFor(v.source, authority, holders)) continue;
    // A department's own statement outranks a system it holds when both are equally fresh.
    const isNewer = !authoritative || v.observedAt > authoritative.observedAt || (v.observedAt.getTime() === authoritative.observedAt.getTime() && v.source === authority);
    if (isNewer) authoritative = v;
  }
  const others = values
    .filter((v) => v !== authoritative)
    .map((v) => ({ value: v, agrees: authoritative ? sameValue(v.value, authoritative.value) : null }));
  return { authoritative, others };
}

/** Values of one subject grouped by field. */
export function byField(values: readonly StoredValue[]): Map<string, StoredValue[]> {
  const grouped = new Map<string, StoredValue[]>();
  for (const v of values) grouped.set(v.fieldKey, [...(grouped.get(v.fieldKey) ?? []), v]);
  return grouped;
}

/**
 * The record the registry resource holds for a subject: its key and every field's authoritative value, typed as the
 * field says (a value that does not fit the type is left out rather than written wrong). `hasValue` is false when no
 * field has an authoritative value yet (no record is written then).
 */
export function resolveRecord(shape: RegistryShape, keyValue: string, values: readonly StoredValue[], holders: Holders): { record: DataRecordValues; hasValue: boolean } {
  const grouped = byField(values);
  const record: DataRecordValues = {};
  let hasValue = false;
  for (const f of shape.fields) {
    if (f.isKey) {
      record[f.key] = keyValue;
      continue;
    }
    const { authoritative } = resolveField(grouped.get(f.key) ?? [], f.authority, holders);
    let value: RegistryValue = null;
    if (authoritative) {
      const typed = typedValue(f.type, authoritative.value);
      value = typed.ok ? typed.value : null;
      hasValue = true;
    }
    record[f.key] = value;
  }
  return { record, hasValue };
}
