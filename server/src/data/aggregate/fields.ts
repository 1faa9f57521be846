import {
  aggregateDimensionTypes,
  aggregateMeasureTypes,
  isPersonalMasking,
  type AggregateMeasureSpec,
  type DataField,
  type PublishedDataResource,
} from '@zhengtong/contracts';

// Which fields of a published resource may serve aggregate queries. Personal fields (anything masked) and the key field
// never do: a group by name or ID number is a list of people. Fields the provider shares with no one (不予共享) stay
// closed here too (就高从严: the platform cannot open what the provider closed).

export type FieldUse = 'dimension' | 'measure';

const dimensionTypes: readonly string[] = aggregateDimensionTypes;
const measureTypes: readonly string[] = aggregateMeasureTypes;

/** Why a field cannot serve the use (a message key), or null when it can. */
export function fieldProblem(resource: Pick<PublishedDataResource, 'fields' | 'keyField'>, key: string, use: FieldUse): string | null {
  const field = resource.fields.find((f) => f.key === key);
  if (!field) return 'aggregate.fieldUnknown';
  return problemOf(field, resource.keyField, use);
}

export function problemOf(field: DataField, keyField: string, use: FieldUse): string | null {
  if (field.key === keyField) return 'aggregate.fieldKey';
  if (isPersonalMasking(field.masking)) return 'aggregate.fieldPersonal';
  if (field.shareType === 'none') return 'aggregate.fieldNotShared';
  if (use === 'dimension' && !dimensionTypes.includes(field.type)) return 'aggregate.dimensionType';
  if (use === 'measure' && !measureTypes.includes(field.type)) return 'aggregate.measureType';
  return null;
}

/** The problems of a registration's fields against the resource's published version, with their input paths. */
export function registrationProblems(
  resource: Pick<PublishedDataResource, 'fields' | 'keyField'>,
  settings: { dimensions: readonly string[]; measures: readonly Pick<AggregateMeasureSpec, 'field'>[] },
): { field: string; code: string }[] {
  const problems: { field: string; code: string }[] = [];
  settings.dimensions.forEach((key, i) => {
    const code = fieldProblem(resource, key, 'dimension');
    if (code) problems.push({ field: `dimensions.${i}`, code });
  });
  settings.measures.forEach((m, i) => {
    const code = fieldProblem(resource, m.field, 'measure');
    if (code) problems.push({ field: `measures.${i}.field`, code });
  });
  return problems;
}

export function fieldName(resource: Pick<PublishedDataResource, 'fields'>, key: string): string {
  return resource.fields.find((f) => f.key === key)?.name ?? key;
}

export function fieldType(resource: Pick<PublishedDataResource, 'fields'>, key: string): DataField['type'] {
  return resource.fields.find((f) => f.key === key)?.type ?? 'string';
}
