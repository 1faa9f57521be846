import {
  dataCatalogueMessages,
  dataDefinitionIssues,
  dataResourceDefinitionSchema,
  type DataField,
  type DataResourceDefinition,
  type DataSubLevel,
  type Locale,
} from '@zhengtong/contracts';
import { fieldMessage } from '../../../shared/forms/rules';

// The catalogue form holds the request's own shape ({ code, providerDepartmentId, sourceKind, note, definition }),
// so the server's field errors (`definition.fields.2.openType`) land on the inputs that caused them. Empty selects
// come back from antd as undefined; the API wants null or nothing.

export type FieldEdit = Omit<DataField, 'subLevel' | 'sourceDepartmentId' | 'identifier' | 'legalBasis' | 'description'> & {
  description?: string;
  subLevel?: string | null;
  sourceDepartmentId?: string | null;
  identifier?: DataField['identifier'];
  legalBasis?: string;
};

export type DefinitionEdit = Omit<DataResourceDefinition, 'fields' | 'releasedOn'> & { releasedOn?: string | null; fields: FieldEdit[] };

export type ResourceFormValues = {
  code: string;
  providerDepartmentId?: string | null;
  sourceKind: 'table' | 'personRegistry' | 'entityRegistry';
  note?: string;
  definition: DefinitionEdit;
};

export function newField(definition: Pick<DataResourceDefinition, 'shareType' | 'openType'>): FieldEdit {
  return { key: '', name: '', type: 'string', description: '', shareType: definition.shareType, openType: definition.openType, level: 'general', subLevel: null, masking: 'none', sourceDepartmentId: null };
}

export function newDefinition(): DefinitionEdit {
  const base = { shareType: 'unconditional', openType: 'closed' } as const;
  return {
    name: '',
    catalogueType: 'department',
    classification: { category: '', item: '', directory: '', detail: '' },
    summary: '',
    format: 'database',
    themes: [],
    keywords: [],
    ...base,
    shareCondition: '',
    legalBasis: '',
    shareMethods: ['interface'],
    openCondition: '',
    updateCycle: 'monthly',
    releasedOn: null,
    relatedCodes: [],
    keyField: '',
    fields: [newField(base)],
  };
}

/** A stored definition as the form edits it. */
export function toFormDefinition(definition: DataResourceDefinition): DefinitionEdit {
  return { ...definition, fields: definition.fields.map((f) => ({ ...f, legalBasis: f.legalBasis ?? '', identifier: f.identifier ?? undefined })) };
}

const trimmed = (s: string | undefined | null) => (s ?? '').trim();

/** The definition to send: blanks made null, optional item values left out when empty. */
export function toDefinitionInput(edit: DefinitionEdit): Record<string, unknown> {
  return {
    ...edit,
    releasedOn: trimmed(edit.releasedOn) === '' ? null : trimmed(edit.releasedOn),
    fields: edit.fields.map(({ legalBasis, identifier, subLevel, sourceDepartmentId, description, ...f }) => ({
      ...f,
      description: trimmed(description),
      subLevel: trimmed(subLevel) === '' ? null : trimmed(subLevel),
      sourceDepartmentId: sourceDepartmentId ?? null,
      ...(trimmed(legalBasis) === '' ? {} : { legalBasis: trimmed(legalBasis) }),
      ...(identifier ? { identifier } : {}),
    })),
  };
}

export type FormError = { name: (string | number)[]; errors: string[] };

/** What the schema and the catalogue's rules say about the definition, as form errors (before the server says it). */
export function definitionErrors(edit: DefinitionEdit, subLevels: readonly DataSubLevel[], locale: Locale): FormError[] {
  const message = (code: string) => dataCatalogueMessages[locale][code] ?? fieldMessage(code, locale);
  const byPath = new Map<string, FormError>();
  const add = (path: readonly PropertyKey[], code: string) => {
    const name = ['definition', ...path.filter((p): p is string | number => typeof p !== 'symbol')];
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message(code))) entry.errors.push(message(code));
    byPath.set(key, entry);
  };
  const parsed = dataResourceDefinitionSchema.safeParse(toDefinitionInput(edit));
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path, /^[\w.]+$/.test(issue.message) ? issue.message : 'invalid_value');
  else for (const issue of dataDefinitionIssues(parsed.data, subLevels)) add(issue.path, issue.code);
  return [...byPath.values()];
}

const itemProps = ['key', 'name', 'type', 'description', 'shareType', 'openType', 'level', 'subLevel', 'masking', 'identifier', 'sourceDepartmentId', 'legalBasis'] as const;
const definitionProps = ['name', 'catalogueType', 'summary', 'format', 'themes', 'keywords', 'shareType', 'shareCondition', 'legalBasis', 'shareMethods', 'openType', 'openCondition', 'updateCycle', 'releasedOn', 'relatedCodes', 'keyField', 'fields'];

/** Every input's dotted name, so the server's field errors find theirs. */
export function formFieldNames(fieldCount: number): string[] {
  return [
    'code',
    'providerDepartmentId',
    'sourceKind',
    'note',
    ...definitionProps.map((p) => `definition.${p}`),
    ...['category', 'item', 'directory', 'detail'].map((p) => `definition.classification.${p}`),
    ...Array.from({ length: fieldCount }, (_, i) => itemProps.map((p) => `definition.fields.${i}.${p}`)).flat(),
  ];
}
