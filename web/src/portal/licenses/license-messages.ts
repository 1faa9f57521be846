import type { ZodType } from 'zod';
import { useTranslation } from 'react-i18next';
import { licensesMessages, type Locale } from '@zhengtong/contracts';
import { currentLocale, fieldMessage } from '../../shared/forms/rules';

/** The licence messages in the UI's language, for `useFormProblem` (codes the server sent without a sentence). */
export function useLicenseMessages(): Readonly<Record<string, string>> {
  const { i18n } = useTranslation();
  return licensesMessages[currentLocale(i18n.language)];
}

/**
 * Field errors a whole-form schema finds (duplicate field keys, a validity field that is not a date), ready for antd
 * `Form.setFields`; empty when the values pass.
 */
export function licenseSchemaErrors(schema: ZodType, values: unknown, locale: Locale): { name: (string | number)[]; errors: string[] }[] {
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
