import { errorCatalogue, type ErrorCode, type FieldError, type Locale, type Problem } from '@zhengtong/contracts';

const knownCodes = new Set<string>(Object.keys(errorCatalogue));

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && knownCodes.has(value);
}

function codeForStatus(status: number): ErrorCode {
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

/**
 * Reads an error response as RFC 9457 problem details. A body that is not one of ours (a proxy's HTML page,
 * a dropped connection) still becomes a problem with a code and a title in the reader's language.
 */
export function toProblem(status: number, body: unknown, locale: Locale): Problem {
  const fallbackCode = codeForStatus(status);
  if (typeof body === 'object' && body !== null) {
    const b = body as Record<string, unknown>;
    if (isErrorCode(b.code)) {
      const code = b.code;
      return {
        type: typeof b.type === 'string' ? b.type : 'about:blank',
        title: typeof b.title === 'string' && b.title !== '' ? b.title : errorCatalogue[code][locale],
        status,
        code,
        ...(typeof b.detail === 'string' ? { detail: b.detail } : {}),
        ...(typeof b.requestId === 'string' ? { requestId: b.requestId } : {}),
        ...(Array.isArray(b.errors) ? { errors: b.errors.filter(isFieldError) } : {}),
      };
    }
  }
  return { type: 'about:blank', title: errorCatalogue[fallbackCode][locale], status, code: fallbackCode };
}

export type FormFieldErrors = { name: (string | number)[]; errors: string[] };

function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Splits a problem's `errors[]` into errors for fields the form shows (ready for antd `Form.setFields`)
 * and the rest, which the page shows above the form so nothing the server said is lost.
 * A nested path (`roles.0`) lands on its form field (`roles`) when only that is shown.
 */
export function fieldErrorsFor(
  problem: Problem,
  formFields: readonly string[],
  fallback: (error: FieldError) => string = (e) => e.message,
): { fields: FormFieldErrors[]; unmatched: FieldError[] } {
  const shown = new Set(formFields);
  const byField = new Map<string, string[]>();
  const unmatched: FieldError[] = [];
  for (const error of problem.errors ?? []) {
    const top = error.field.split('.')[0] ?? error.field;
    const target = shown.has(error.field) ? error.field : shown.has(top) ? top : undefined;
    if (target === undefined) {
      unmatched.push(error);
      continue;
    }
    const messages = byField.get(target) ?? [];
    const message = isMessageKey(error.message) ? fallback(error) : error.message;
    if (!messages.includes(message)) messages.push(message);
    byField.set(target, messages);
  }
  const fields = [...byField].map(([field, errors]) => ({ name: toNamePath(field), errors }));
  return { fields, unmatched };
}

/**
 * A server text that is still a message key (`agent.personNotFound`) means the server had no sentence for it;
 * showing the key would only confuse, so callers fall back to something readable.
 */
export function isMessageKey(text: string): boolean {
  return /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/.test(text);
}
