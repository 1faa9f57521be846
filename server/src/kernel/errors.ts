import { errorStatus, type ErrorCode, type FieldError } from '@zhengtong/contracts';

export type FieldIssue = { field: string; code: string };

/**
 * The one error type business code throws. It carries a code from the contracts catalogue, never an HTTP
 * status or a sentence: the HTTP layer turns it into problem+json in the reader's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  /** A message key or sentence that says more than the code's title (translated when it is a key). */
  readonly detailKey: string | undefined;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, options: { detail?: string; fields?: FieldIssue[]; params?: Record<string, string | number>; cause?: unknown } = {}) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.detailKey = options.detail;
    this.params = options.params ?? {};
  }

  get status(): number {
    return errorStatus(this.code);
  }
}

/** Shorthand for a validation failure on named fields (the field's message key as code). */
export function invalid(fields: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', { fields });
}

export type { FieldError };

/** PostgreSQL unique violation (23505), so repos can turn it into DUPLICATE without string matching. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23503';
}
