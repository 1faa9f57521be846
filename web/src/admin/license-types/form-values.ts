import type { CreateLicenseTypeInput, HolderType, LicenseFieldKind, LicenseTypeView, TrustLevel, UpdateLicenseTypeInput } from '@zhengtong/contracts';

// 证照目录 form ⇄ API. The form keeps the API's shape (validity.years, holderSource.name, fields.0.key …) so the
// server's field errors land on the right inputs; only blanks are translated (an empty source is "filled by hand").

export type FieldEdit = { key?: string; name?: string; kind?: LicenseFieldKind; isRequired?: boolean; source?: string | null };
export type TypeFormValues = {
  code?: string;
  name?: string;
  departmentId?: string | null;
  holderType?: HolderType;
  fields?: FieldEdit[];
  validity?: { mode?: 'permanent' | 'years' | 'field'; years?: number | null; field?: string | null };
  trustLevel?: TrustLevel;
  issuingBasicCodes?: string[];
  holderSource?: { name?: string; number?: string };
  description?: string;
  isActive?: boolean;
};

export function newTypeValues(): TypeFormValues {
  return {
    holderType: 'person',
    fields: [],
    validity: { mode: 'permanent' },
    trustLevel: 'A',
    issuingBasicCodes: [],
    holderSource: { name: 'applicant', number: 'applicant' },
    description: '',
    isActive: true,
  };
}

export function toFormValues(view: LicenseTypeView): TypeFormValues {
  return {
    code: view.code,
    name: view.name,
    departmentId: view.departmentId,
    holderType: view.holderType,
    fields: view.fields.map((f) => ({ ...f })),
    validity: view.validity.mode === 'years' ? { mode: 'years', years: view.validity.years } : view.validity.mode === 'field' ? { mode: 'field', field: view.validity.field } : { mode: 'permanent' },
    trustLevel: view.trustLevel,
    issuingBasicCodes: [...view.issuingBasicCodes],
    holderSource: { ...view.holderSource },
    description: view.description,
    isActive: view.isActive,
  };
}

const trimmed = (v: string | null | undefined) => (v ?? '').trim();

function validityOf(v: TypeFormValues['validity']): CreateLicenseTypeInput['validity'] {
  switch (v?.mode) {
    case 'years':
      return { mode: 'years', years: v.years ?? Number.NaN };
    case 'field':
      return { mode: 'field', field: trimmed(v.field) };
    default:
      return { mode: 'permanent' };
  }
}

function fieldsOf(fields: FieldEdit[] | undefined): CreateLicenseTypeInput['fields'] {
  return (fields ?? []).map((f) => ({
    key: trimmed(f.key),
    name: trimmed(f.name),
    kind: f.kind ?? 'text',
    isRequired: f.isRequired ?? false,
    source: trimmed(f.source) === '' ? null : trimmed(f.source),
  }));
}

/** The common part of create and update, as the API reads it (before its own parsing). */
function shapeOf(v: TypeFormValues) {
  return {
    name: trimmed(v.name),
    departmentId: v.departmentId ?? '',
    fields: fieldsOf(v.fields),
    validity: validityOf(v.validity),
    trustLevel: v.trustLevel ?? 'A',
    issuingBasicCodes: (v.issuingBasicCodes ?? []).map((c) => c.trim().toUpperCase()).filter((c) => c !== ''),
    holderSource: { name: trimmed(v.holderSource?.name) || 'applicant', number: trimmed(v.holderSource?.number) || 'applicant' },
    description: trimmed(v.description),
  };
}

export function toCreateInput(v: TypeFormValues): CreateLicenseTypeInput {
  return { code: trimmed(v.code).toUpperCase(), holderType: v.holderType ?? 'person', ...shapeOf(v) };
}

/** Everything that may change after creation (the code and the holder type are fixed), with the version read. */
export function toUpdateInput(v: TypeFormValues, version: number): UpdateLicenseTypeInput {
  return { ...shapeOf(v), isActive: v.isActive ?? true, version };
}

/** The form fields the server may name in errors, for a type with `fieldCount` fields. */
export function typeFormFields(fieldCount: number): string[] {
  const perField = Array.from({ length: fieldCount }, (_, i) => ['key', 'name', 'kind', 'isRequired', 'source'].map((p) => `fields.${i}.${p}`)).flat();
  return ['code', 'name', 'departmentId', 'holderType', 'fields', 'validity.mode', 'validity.years', 'validity.field', 'trustLevel', 'issuingBasicCodes', 'holderSource.name', 'holderSource.number', 'description', 'isActive', ...perField];
}

/**
 * The form field an error path belongs to: itself when the form shows it, else its longest shown prefix (a bad code
 * in issuingBasicCodes.2 is shown on the codes box); undefined when nothing shown contains it.
 */
export function formPathFor(path: readonly (string | number)[], fieldCount: number): (string | number)[] | undefined {
  const shown = new Set(typeFormFields(fieldCount));
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    if (shown.has(prefix.join('.'))) return [...prefix];
  }
  return undefined;
}
