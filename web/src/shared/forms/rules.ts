import { useMemo } from 'react';
import type { FormRule } from 'antd';
import type { ZodType } from 'zod';
import {
  auditMessages,
  calendarMessages,
  casesMessages,
  catalogueMessages,
  dataAggregateMessages,
  dataCatalogueMessages,
  dataExchangeMessages,
  dataRegistriesMessages,
  identityCodesMessages,
  licensesMessages,
  oidcMessages,
  openDataMessages,
  orgMessages,
  sealsMessages,
  securityMessages,
  validationMessages,
  type Locale,
} from '@zhengtong/contracts';
import { useTranslation } from 'react-i18next';

type MessageTable = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

// Every domain's contracts carry their own message keys; the browser knows them all, as the server does.
const tables: readonly MessageTable[] = [validationMessages, orgMessages, auditMessages, calendarMessages, securityMessages, oidcMessages, catalogueMessages, casesMessages, sealsMessages, licensesMessages, identityCodesMessages, dataCatalogueMessages, dataRegistriesMessages, dataExchangeMessages, openDataMessages, dataAggregateMessages];

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

/**
 * Field errors a whole-form schema finds (cross-field rules such as a region code matching its level), ready
 * for antd `Form.setFields`; empty when the values pass.
 */
export function schemaFieldErrors(schema: ZodType, values: unknown, locale: Locale): { name: (string | number)[]; errors: string[] }[] {
  const result = schema.safeParse(values);
  if (result.success) return [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    const message = fieldMessage(issue.message, locale);
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}
