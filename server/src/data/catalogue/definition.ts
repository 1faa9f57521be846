import { canonicalJson } from '../../kernel/audit';
import { dataDefinitionIssues, dataResourceDefinitionSchema, type DataResourceDefinition } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import type { FieldIssue } from '../../kernel/errors';
import { departmentsById, subLevels } from './repo';

// A definition is checked twice: by its schema (each value) and here (the catalogue's rules across values, the
// configured sub-levels, and that every authoritative source names a department that exists).

export type PathIssue = { path: (string | number)[]; code: string };

export async function definitionIssues(db: Queryable, definition: DataResourceDefinition): Promise<PathIssue[]> {
  const issues: PathIssue[] = dataDefinitionIssues(definition, await subLevels(db));
  const sources = definition.fields.map((f) => f.sourceDepartmentId).filter((id): id is string => id !== null);
  const known = await departmentsById(db, sources);
  definition.fields.forEach((f, i) => {
    if (f.sourceDepartmentId !== null && !known.get(f.sourceDepartmentId)?.is_active) issues.push({ path: ['fields', i, 'sourceDepartmentId'], code: 'data.sourceDepartmentUnknown' });
  });
  return issues;
}

/** The issues as request field errors (`definition.fields.2.openType`). */
export function asFieldIssues(issues: readonly PathIssue[], prefix = 'definition'): FieldIssue[] {
  return issues.map((i) => ({ field: [prefix, ...i.path].join('.'), code: i.code }));
}

/**
 * A definition in a form that compares equal whenever two definitions mean the same (jsonb reorders keys; an
 * absent optional value equals its empty form), for "did this import change anything".
 */
export function canonicalDefinition(definition: unknown): string {
  const parsed = dataResourceDefinitionSchema.parse(definition);
  return canonicalJson({
    ...parsed,
    fields: parsed.fields.map(({ legalBasis, identifier, ...f }) => ({ ...f, legalBasis: legalBasis ?? '', identifier: identifier ?? null })),
  });
}

/** Stored definitions written before a field gained optional properties read back the same way. */
export function sameDefinition(a: unknown, b: unknown): boolean {
  return canonicalDefinition(a) === canonicalDefinition(b);
}
