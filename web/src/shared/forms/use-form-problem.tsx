import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import type { FieldError } from '@zhengtong/contracts';
import { isApiError } from '../api/client';
import { fieldErrorsFor } from '../api/problem';
import { ProblemAlert } from '../ui/problem-alert';

/**
 * Puts a failed submit's field errors on the form's fields (and moves focus to the first), and keeps the
 * problem's title and any other errors for an alert above the form.
 */
export function useFormProblem<T>(form: FormInstance<T>, formFields: readonly string[]) {
  const [error, setError] = useState<unknown>(undefined);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const handle = useCallback(
    (failure: unknown) => {
      setError(failure);
      if (!isApiError(failure)) {
        setUnmatched([]);
        return;
      }
      const { fields, unmatched: rest } = fieldErrorsFor(failure.problem, formFields);
      setUnmatched(rest);
      if (fields.length === 0) return;
      form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      const first = fields[0];
      if (first) form.scrollToField(first.name as never, { focus: true, block: 'center' });
    },
    [form, formFields],
  );

  const clear = useCallback(() => {
    setError(undefined);
    setUnmatched([]);
  }, []);

  return { error, handle, clear, alert: <ProblemAlert error={error} unmatched={unmatched} /> };
}
