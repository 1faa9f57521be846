import {
  isPersonalMasking,
  registryDefaultFields,
  registryKeyFields,
  registrySourceKinds,
  type DataFieldType,
  type Locale,
  type MaskingKind,
  type PublishedDataResource,
  type RegistryKind,
} from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { findRegistryResource } from '../catalogue';

// What a registry looks like right now: its fields, each with the department whose value is authoritative (一数一源).
// Once the registry resource is published the catalogue's definition decides (a field's sourceDepartmentId, else the
// resource's provider); before that the registry keeps values under the default field list, with no authority yet.

export type RegistryField = {
  key: string;
  name: string;
  /** null before the registry is catalogued (values are then kept as given). */
  type: DataFieldType | null;
  masking: MaskingKind;
  /** The authoritative department (一数一源); null while not catalogued. */
  authority: string | null;
  isKey: boolean;
};

export type RegistryShape = {
  registry: RegistryKind;
  resource: PublishedDataResource | undefined;
  fields: RegistryField[];
  /** The field that names the subject (身份证号 / 统一社会信用代码) in the records written. */
  keyField: string;
  field(key: string): RegistryField | undefined;
};

function shapeOf(registry: RegistryKind, resource: PublishedDataResource | undefined, locale: Locale): RegistryShape {
  const fields: RegistryField[] = resource
    ? resource.fields.map((f) => ({
        key: f.key,
        name: f.name,
        type: f.type,
        masking: f.masking,
        authority: f.sourceDepartmentId ?? resource.providerDepartmentId,
        isKey: f.key === resource.keyField,
      }))
    : registryDefaultFields[registry].map((f) => ({ key: f.key, name: f.name[locale], type: null, masking: f.masking, authority: null, isKey: f.key === registryKeyFields[registry] }));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return { registry, resource, fields, keyField: resource?.keyField ?? registryKeyFields[registry], field: (key) => byKey.get(key) };
}

/** The registry's fields and authorities, from its published resource (or the defaults while there is none). */
export async function registryShape(db: Queryable, registry: RegistryKind, locale: Locale = 'zh-CN'): Promise<RegistryShape> {
  return shapeOf(registry, await findRegistryResource(db, registrySourceKinds[registry]), locale);
}

/**
 * Whether a value is stored sealed. Everything about a person is personal information (个人信息保护法); an entity's
 * field is sealed when its masking says personal (法定代表人), and, before the entity registry is catalogued, always.
 */
export function isSealedField(shape: RegistryShape, fieldKey: string): boolean {
  if (shape.registry === 'person' || !shape.resource) return true;
  const f = shape.field(fieldKey);
  return !f || isPersonalMasking(f.masking);
}

/** A field the shape does not list (a value kept from before the definition changed) is shown fully hidden. */
export function maskingOf(shape: RegistryShape, fieldKey: string): MaskingKind {
  return shape.field(fieldKey)?.masking ?? 'hidden';
}
