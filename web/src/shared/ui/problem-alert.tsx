import { Alert } from 'antd';
import type { FieldError } from '@zhengtong/contracts';
import { isApiError } from '../api/client';
import { isMessageKey } from '../api/problem';

/** What the server said about a failed action, when it is not about one form field. */
export function ProblemAlert({ error, unmatched = [] }: { error: unknown; unmatched?: FieldError[] }) {
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : undefined;
  const lines = [problem?.detail, ...unmatched.map((e) => e.message)].filter((line): line is string => Boolean(line) && !isMessageKey(line ?? ''));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problem?.title ?? (error instanceof Error ? error.message : String(error))}
      description={lines.length > 0 ? lines.map((line) => <div key={line}>{line}</div>) : undefined}
    />
  );
}
