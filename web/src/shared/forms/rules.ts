import { useMemo } from 'react';
import type { FormRule } from 'antd';
import type { ZodType } from 'zod';
import { validationMessages, type Locale } from '@zhengtong/contracts';
import { useTranslation } from 'react-i18next';

const tables: Record<Locale, Record<string, string>>[] = [validationMessages];

/** Domains whose contracts carry their own message keys add them here once. */
export function registerFieldMessages(table: Record<Locale, Record<string, string>>): void {
  if (!tables.includes(table)) tables.push(table);
}

/** The sentence for a contracts message key (zod issue `message`), in the UI's language. */
export function fieldMessage(key: string, locale: Locale): string {
  for (const table of tables) {
    const found = table[locale][key];
    if (found) return found;
  }
  return validationMessages[locale].invalid_format ?? key;
}

export function currentLocale(language: string): Locale {
  return language === 'en-US' ? 'en-US' : 'zh-CN';
}

/** antd rules built from the contracts' zod schemas, so the browser says exactly what the server would. */
export function useRules() {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return useMemo(
    () => ({
      required: (): FormRule => ({ required: true, whitespace: true, message: fieldMessage('required', locale) }),
      requiredChoice: (): FormRule => ({ required: true, message: fieldMessage('required', locale) }),
      schema: (schema: ZodType): FormRule => ({
        validator: async (_rule, value: unknown) => {
          if (value === undefined || value === null || value === '') return;
          const result = schema.safeParse(value);
          if (!result.success) throw new Error(fieldMessage(result.error.issues[0]?.message ?? 'invalid_format', locale));
        },
      }),
    }),
    [locale],
  );
}
