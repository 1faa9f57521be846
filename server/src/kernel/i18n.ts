import { validationMessages, type Locale } from '@zhengtong/contracts';

/** zh-CN unless the client clearly prefers English (`?lang=en-US` or Accept-Language starting with en). */
export function pickLocale(acceptLanguage: string | undefined, explicit?: string): Locale {
  if (explicit === 'en-US' || explicit === 'zh-CN') return explicit;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

const extraMessages: Record<Locale, Record<string, string>>[] = [];

/** Domains add their own field-message tables once at start-up. */
export function registerMessages(table: Record<Locale, Record<string, string>>): void {
  extraMessages.push(table);
}

function lookup(key: string, locale: Locale): string | undefined {
  const own = validationMessages[locale][key];
  if (own) return own;
  for (const table of extraMessages) {
    const found = table[locale][key];
    if (found) return found;
  }
  return undefined;
}

/** A placeholder value that is itself a message key, translated in the reader's language (e.g. a status name). */
export function messageRef(key: string): string {
  return `@${key}`;
}

/** Translates a message key, filling {name} placeholders (values made by `messageRef` are translated too); an unknown key is returned as it is. */
export function translate(key: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const text = lookup(key, locale) ?? key;
  const fill = (value: string | number): string => (typeof value === 'string' && value.startsWith('@') ? (lookup(value.slice(1), locale) ?? value.slice(1)) : String(value));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? fill(params[name] ?? '') : whole));
}
