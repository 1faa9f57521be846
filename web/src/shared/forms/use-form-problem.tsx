import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import type { FieldError } from '@zhengtong/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { fieldErrorsFor } from '../api/problem';
import { ProblemAlert } from '../ui/problem-alert';
import { currentLocale, fieldMessage } from './rules';

/**
 * Puts a failed submit's field errors on the form's fields (and moves focus to the first), and keeps the
 * problem's title and any other errors for an alert above the form.
 */
const noMessages: Readonly<Record<string, string>> = {};

export function useFormProblem<T>(form: FormInstance<T>, formFields: readonly string[], messages: Readonly<Record<string, string>> = noMessages) {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [error, setError] = useState<unknown>(undefined);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const handle = useCallback(
    (failure: unknown) => {
      setError(failure);
      if (!isApiError(failure)) {
        setUnmatched([]);
        return;
      }
      // A code the server sent without a sentence: the form's own wording, else the contracts' table.
      const fallback = (e: FieldError) => messages[e.code] ?? fieldMessage(e.code, locale);
      const { fields, unmatched: rest } = fieldErrorsFor(failure.problem, formFields, fallback);
      setUnmatched(rest);
      if (fields.length === 0) return;
      form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      const first = fields[0];
      if (first) form.scrollToField(first.name as never, { focus: true, block: 'center' });
    },
    [form, formFields, messages, locale],
  );

  const clear = useCallback(() => {
    setError(undefined);
    setUnmatched([]);
  }, []);

  return { error, handle, clear, alert: <ProblemAlert error={error} unmatched={unmatched} /> };
}
