// One search box for the department's licences: the text says what it is. An identifier starts with the OID arc
// (or is typed with its dots), an 18-character code is an ID number or a credit code, anything else is a name.

export type LicenseSearch = { by: 'identifier' | 'holderNumber' | 'holderName'; text: string } | undefined;

export function licenseSearchOf(input: string): LicenseSearch {
  const text = input.trim();
  if (text === '') return undefined;
  if (/^[0-9A-Za-z.]+$/.test(text) && (text.startsWith('1.2.156') || text.includes('.'))) return { by: 'identifier', text: text.toUpperCase() };
  if (/^[0-9A-Za-z]{18}$/.test(text)) return { by: 'holderNumber', text: text.toUpperCase() };
  return { by: 'holderName', text: Array.from(text).slice(0, 60).join('') };
}

/** The list query's search parameters for a search. */
export function searchParamsOf(search: LicenseSearch): { identifier?: string; holderNumber?: string; holderName?: string } {
  return search ? { [search.by]: search.text } : {};
}
