import type { CaseStatus } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { statusRef } from './texts';

// The two refusals every case write can meet, naming the case's status in the reader's language.

/** Someone else changed the case since the caller read it (optimistic concurrency). */
export function staleVersion(row: { status: CaseStatus }): AppError {
  return new AppError('STALE_VERSION', { detail: 'cases.staleVersion', params: { status: statusRef(row.status) } });
}

/** The case's status does not allow this action. */
export function notNow(row: { status: CaseStatus }): AppError {
  return new AppError('CONFLICT', { detail: 'cases.transitionNotAllowed', params: { status: statusRef(row.status) } });
}
