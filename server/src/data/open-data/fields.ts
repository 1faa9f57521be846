import { openDownloadFormats, type DataField, type DataRecordValues, type MaskingKind, type OpenDatasetField, type OpenDownloadFormat, type OpenRecord } from '@zhengtong/contracts';
import { maskByKind } from '../../kernel/masking';

// Which information items leave the open-data portal, and how. Items opened without conditions (openType `open`) go
// to anyone; `restricted` items only to an applicant whose application is approved and current; `closed` items never.
// Whatever leaves is masked by its item's masking kind (REFERENCES.md display defaults), and an item masked as
// `hidden` never leaves at all — not even its name — whatever its open type says.

type Value = DataRecordValues[string];

/** Masked by the item's kind; a hidden item's value is nothing at all here (it never leaves, not even as a placeholder). */
export function maskValue(kind: MaskingKind, value: Value | undefined): Value {
  return kind === 'hidden' ? null : maskByKind(kind, value);
}

type Shape = { fields: readonly DataField[] };

/** Items anyone may receive. */
export function openFields(resource: Shape): DataField[] {
  return resource.fields.filter((f) => f.openType === 'open' && f.masking !== 'hidden');
}

/** The files a dataset offers: none when nothing is open without conditions (its items leave only through the API). */
export function downloadFormats(resource: Shape): readonly OpenDownloadFormat[] {
  return openFields(resource).length > 0 ? openDownloadFormats : [];
}

/** Items an approved applicant receives besides the open ones. */
export function restrictedFields(resource: Shape): DataField[] {
  return resource.fields.filter((f) => f.openType === 'restricted' && f.masking !== 'hidden');
}

/** The items a reader receives: the open ones, and the restricted ones too when their application is approved. */
export function leavingFields(resource: Shape, withRestricted: boolean): DataField[] {
  return resource.fields.filter((f) => f.masking !== 'hidden' && (f.openType === 'open' || (withRestricted && f.openType === 'restricted')));
}

export function fieldView(f: DataField): OpenDatasetField {
  return { key: f.key, name: f.name, type: f.type, description: f.description, openType: f.openType === 'open' ? 'open' : 'restricted', masking: f.masking };
}

/** One record reduced to the leaving items, each masked by its kind. */
export function shapeRecord(record: DataRecordValues, fields: readonly DataField[]): OpenRecord {
  const out: OpenRecord = {};
  for (const f of fields) out[f.key] = maskValue(f.masking, record[f.key]);
  return out;
}
