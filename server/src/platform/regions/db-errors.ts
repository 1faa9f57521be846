// PostgreSQL reports which table and constraint a violation concerns (ErrorResponse fields 't' and 'n');
// both pg and PGlite expose them on the error, so a refusal can name its reason without parsing messages.

function field(error: unknown, name: 'table' | 'constraint'): string | undefined {
  if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** For a foreign-key violation on delete: the table whose rows still refer to the deleted one. */
export function referencingTable(error: unknown): string | undefined {
  return field(error, 'table');
}

/** For a unique or check violation: the constraint's name, e.g. departments_credit_code_key. */
export function violatedConstraint(error: unknown): string | undefined {
  return field(error, 'constraint');
}
