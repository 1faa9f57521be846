import type { Actor, AccountActor } from '../../kernel/authz';
import { canAccessRecord, hasPermission, regionContains } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import type { CaseRow } from './repo';

// Who may see and touch a case. Citizens and enterprises: only their own (someone else's case is "not found", so its
// existence is not revealed). Staff: their department's cases in their region; window clerks also what their window
// filed and any department's acceptance in their region (一窗受理, 无差别受理); countersigning departments what they
// are asked to sign; leaders with case.oversee everything in their region, read-only.

export function isStaffActor(actor: Actor): actor is AccountActor {
  return actor.kind === 'account' && actor.accountType === 'staff';
}

/** The applicant (person, enterprise or its agent) or, online, the account that filed it. */
export function isApplicant(actor: Actor, row: CaseRow): boolean {
  if (actor.kind !== 'account' || actor.accountType === 'staff') return false;
  if (row.channel === 'online' && row.filed_by === actor.accountId) return true;
  return canAccessRecord(actor, { ownerAccountId: row.applicant_account_id, enterpriseId: row.applicant_enterprise_id });
}

function inRegion(actor: AccountActor, row: CaseRow): boolean {
  return actor.regionCode !== null && regionContains(actor.regionCode, row.region_code);
}

export function isHandlingStaff(actor: AccountActor, row: CaseRow): boolean {
  return actor.departmentId === row.handling_department_id && inRegion(actor, row);
}

/** A comprehensive-window clerk for this case: the window that filed it, or any window of the case's region. */
export function isWindowClerk(actor: AccountActor, row: CaseRow): boolean {
  if (!hasPermission(actor, 'case.window')) return false;
  return (row.filed_department_id !== null && row.filed_department_id === actor.departmentId) || inRegion(actor, row);
}

export function isCountersigner(actor: AccountActor, row: CaseRow): boolean {
  return row.current_step === 'countersign' && actor.departmentId !== null && row.countersign_pending.includes(actor.departmentId);
}

/** Staff who may read the case (its personal data is shown masked and the read is audited). */
export function canStaffRead(actor: AccountActor, row: CaseRow): boolean {
  if (!hasPermission(actor, 'case.read')) return false;
  // An online draft is the applicant's own until submitted.
  if (row.status === 'draft' && row.channel === 'online') return false;
  if (isHandlingStaff(actor, row) || isCountersigner(actor, row)) return true;
  if (actor.departmentId === row.department_id && inRegion(actor, row)) return true;
  if (row.filed_department_id !== null && row.filed_department_id === actor.departmentId) return true;
  if (isWindowClerk(actor, row)) return true;
  return hasPermission(actor, 'case.oversee') && inRegion(actor, row);
}

/** The filer side of a window case: the clerk edits, uploads scans and submits for the walk-in applicant. */
export function isWindowFiler(actor: Actor, row: CaseRow): boolean {
  return isStaffActor(actor) && row.channel === 'window' && isWindowClerk(actor, row);
}

/** Applicant-side actions: the applicant, or a window clerk for a window case. */
export function assertApplicantSide(actor: Actor, row: CaseRow): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (isApplicant(actor, row) || isWindowFiler(actor, row)) return;
  if (isStaffActor(actor)) throw new AppError(canStaffRead(actor, row) ? 'FORBIDDEN' : 'OUT_OF_SCOPE', { detail: 'cases.notFilledByYou' });
  throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
}

/**
 * Which view the reader gets; anyone else is refused (applicants see "not found"). A department that took part
 * (countersigned, or handed the case on by 转办) keeps reading what it signed: `tookPart` asks the history.
 */
export async function assertCanRead(actor: Actor, row: CaseRow, tookPart: (departmentId: string) => Promise<boolean>): Promise<'applicant' | 'staff'> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (isStaffActor(actor)) {
    if (canStaffRead(actor, row)) return 'staff';
    if (hasPermission(actor, 'case.read') && actor.departmentId && (await tookPart(actor.departmentId))) return 'staff';
    throw new AppError('OUT_OF_SCOPE', { detail: 'cases.notYourDepartment' });
  }
  if (isApplicant(actor, row)) return 'applicant';
  throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
}

/**
 * Staff scope for an action on the case (permissions and step roles are checked by workflow.staffMayAct): the
 * handling department; any window of the region at the counter steps (受理, 办结); the departments asked to countersign.
 */
export function staffMayTouch(actor: AccountActor, row: CaseRow, action: string): boolean {
  if (action === 'countersign') return isCountersigner(actor, row);
  if (isHandlingStaff(actor, row)) return true;
  const atCounter = row.current_step === 'accept' || row.current_step === 'complete';
  const counterActions = ['accept', 'refuse', 'requestSupplement', 'complete'];
  return atCounter && counterActions.includes(action) && isWindowClerk(actor, row);
}
