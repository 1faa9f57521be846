/** The shape of a translation table: the same keys as zh-CN (the source language), any strings as values. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** Every key of a nested table as a dotted path (`auth.login.title`), for completeness checks. */
export function flattenKeys(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null ? flattenKeys(value as object, path) : [path];
  });
}

/** The i18next interpolation placeholders of a string, sorted (`{{minutes}}` → `minutes`). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}
