import type { CaseActionKind, CaseStatus, ClockEffect, Permission, StaffRole, SuspendKind, WorkflowStepKey } from '@zhengtong/contracts';

// The life of a case (docs/design/services-model.md): pure rules, no database, no clock. The service asks here
// before it writes; the screens ask here which buttons to show.
//
//   draft ─submit→ submitted ─accept→ accepted/in_review … ─approve at decide→ decided ─complete→ completed
//                      │refuse→ refused          │deny at decide→ denied
//   requestSupplement / startSpecial → suspended (clock stops) ─resubmit / endSpecial→ back where it was
//   withdraw (applicant) from submitted, accepted, in_review, suspended → withdrawn
//   即办件: accept → completed at once

export type WorkflowStep = { key: WorkflowStepKey; role: StaffRole; departmentIds: readonly string[]; isOptional: boolean };
export type Workflow = { steps: readonly WorkflowStep[]; allowsSpecialProcedure: boolean };

/** Statuses a pause can return to. */
export type ResumableStatus = 'submitted' | 'accepted' | 'in_review' | 'decided';

export type CaseState = {
  status: CaseStatus;
  step: WorkflowStepKey | null;
  suspendKind: SuspendKind | null;
  resumeStatus: ResumableStatus | null;
  countersignPending: readonly string[];
  caseKind: 'immediate' | 'promised';
};

export type Transition = Omit<CaseState, 'caseKind'> & { clock: ClockEffect };

export type Refusal = 'transition' | 'noInspectionStep' | 'noSpecialProcedure' | 'countersignNotPending';
export type Outcome = { ok: true; next: Transition } | { ok: false; reason: Refusal };

const processing: readonly CaseStatus[] = ['accepted', 'in_review'];
const open: readonly CaseStatus[] = ['submitted', 'accepted', 'in_review', 'suspended', 'decided'];
// Countersign has its own action; accept and complete have theirs.
const approvableSteps: ReadonlySet<WorkflowStepKey> = new Set(['review', 'inspect', 'decide']);

export function isOpen(status: CaseStatus): boolean {
  return open.includes(status);
}

/** The next step after `key` that is not optional (optional steps are entered on purpose: startInspection). */
export function nextStepAfter(workflow: Workflow, key: WorkflowStepKey): WorkflowStep | undefined {
  const at = workflow.steps.findIndex((s) => s.key === key);
  return workflow.steps.slice(at + 1).find((s) => !s.isOptional);
}

export function stepOf(workflow: Workflow, key: WorkflowStepKey | null): WorkflowStep | undefined {
  return key === null ? undefined : workflow.steps.find((s) => s.key === key);
}

/** The status a case shows while it waits in a step: 受理 → submitted, 办结 → decided, the first step after 受理 → accepted. */
export function statusForStep(workflow: Workflow, key: WorkflowStepKey): ResumableStatus {
  switch (key) {
    case 'accept':
      return 'submitted';
    case 'complete':
      return 'decided';
    case 'review':
    case 'inspect':
    case 'decide':
    case 'countersign':
      return nextStepAfter(workflow, 'accept')?.key === key ? 'accepted' : 'in_review';
  }
}

function enter(workflow: Workflow, step: WorkflowStep | undefined, clock: ClockEffect): Outcome {
  if (!step) return { ok: false, reason: 'transition' };
  return {
    ok: true,
    next: {
      status: statusForStep(workflow, step.key),
      step: step.key,
      suspendKind: null,
      resumeStatus: null,
      countersignPending: step.key === 'countersign' ? [...step.departmentIds] : [],
      clock,
    },
  };
}

function stay(state: CaseState): Outcome {
  return { ok: true, next: { status: state.status, step: state.step, suspendKind: state.suspendKind, resumeStatus: state.resumeStatus, countersignPending: [...state.countersignPending], clock: 'none' } };
}

function close(status: CaseStatus, clock: ClockEffect): Outcome {
  return { ok: true, next: { status, step: null, suspendKind: null, resumeStatus: null, countersignPending: [], clock } };
}

function suspend(state: CaseState, kind: SuspendKind): Outcome {
  const resumeStatus = resumable(state.status);
  if (!resumeStatus) return { ok: false, reason: 'transition' };
  // Before acceptance the clock has not started, so a correction at the counter (行政许可法 Art. 32) stops nothing.
  const clock: ClockEffect = resumeStatus === 'submitted' ? 'none' : 'stop';
  return { ok: true, next: { status: 'suspended', step: state.step, suspendKind: kind, resumeStatus, countersignPending: [...state.countersignPending], clock } };
}

function resumable(status: CaseStatus): ResumableStatus | undefined {
  switch (status) {
    case 'submitted':
    case 'accepted':
    case 'in_review':
    case 'decided':
      return status;
    case 'draft':
    case 'suspended':
    case 'completed':
    case 'refused':
    case 'withdrawn':
    case 'denied':
      return undefined;
  }
}

function resume(state: CaseState, kind: SuspendKind): Outcome {
  if (state.status !== 'suspended' || state.suspendKind !== kind || !state.resumeStatus) return { ok: false, reason: 'transition' };
  const clock: ClockEffect = state.resumeStatus === 'submitted' ? 'none' : 'resume';
  return { ok: true, next: { status: state.resumeStatus, step: state.step, suspendKind: null, resumeStatus: null, countersignPending: [...state.countersignPending], clock } };
}

/**
 * Where `action` takes a case, or why it cannot. `departmentId` is the acting department (countersign only).
 * The exhaustive switch makes a new action a compile error until its rule is written here.
 */
export function applyAction(state: CaseState, action: CaseActionKind, workflow: Workflow, context: { departmentId?: string | null } = {}): Outcome {
  const refuse: Outcome = { ok: false, reason: 'transition' };
  switch (action) {
    case 'create':
      return refuse;
    case 'edit':
      return state.status === 'draft' ? stay(state) : refuse;
    case 'submit':
      return state.status === 'draft' ? enter(workflow, stepOf(workflow, 'accept'), 'none') : refuse;
    case 'accept':
      if (state.status !== 'submitted' || state.step !== 'accept') return refuse;
      // 即办件: decided and completed on the spot.
      if (state.caseKind === 'immediate') return close('completed', 'none');
      return enter(workflow, nextStepAfter(workflow, 'accept'), 'start');
    case 'refuse':
      return state.status === 'submitted' && state.step === 'accept' ? close('refused', 'none') : refuse;
    case 'requestSupplement':
      // Once decided, nothing is left to correct.
      return state.status === 'decided' ? refuse : suspend(state, 'supplement');
    case 'resubmit':
      return resume(state, 'supplement');
    case 'startSpecial':
      if (!processing.includes(state.status)) return refuse;
      return workflow.allowsSpecialProcedure ? suspend(state, 'special') : { ok: false, reason: 'noSpecialProcedure' };
    case 'endSpecial':
      return resume(state, 'special');
    case 'approve':
      return processing.includes(state.status) && state.step !== null && approvableSteps.has(state.step) ? enter(workflow, nextStepAfter(workflow, state.step), 'none') : refuse;
    case 'deny':
      return processing.includes(state.status) && state.step === 'decide' ? close('denied', 'end') : refuse;
    case 'startInspection': {
      if (!processing.includes(state.status) || state.step === null) return refuse;
      const inspect = stepOf(workflow, 'inspect');
      if (!inspect) return { ok: false, reason: 'noInspectionStep' };
      const at = workflow.steps.findIndex((s) => s.key === state.step);
      const inspectAt = workflow.steps.findIndex((s) => s.key === 'inspect');
      return at < inspectAt ? enter(workflow, inspect, 'none') : refuse;
    }
    case 'countersign': {
      if (!processing.includes(state.status) || state.step !== 'countersign') return refuse;
      const department = context.departmentId ?? null;
      if (department === null || !state.countersignPending.includes(department)) return { ok: false, reason: 'countersignNotPending' };
      const pending = state.countersignPending.filter((d) => d !== department);
      if (pending.length > 0) return { ok: true, next: { status: state.status, step: state.step, suspendKind: null, resumeStatus: null, countersignPending: pending, clock: 'none' } };
      return enter(workflow, nextStepAfter(workflow, 'countersign'), 'none');
    }
    case 'transfer':
      return isOpen(state.status) ? stay(state) : refuse;
    case 'complete':
      return state.status === 'decided' && state.step === 'complete' ? close('completed', 'end') : refuse;
    case 'withdraw': {
      // After a decision the applicant can no longer withdraw: the decision stands once made.
      if (!isOpen(state.status) || state.status === 'decided') return refuse;
      const clockRan = state.status !== 'submitted' && !(state.status === 'suspended' && state.resumeStatus === 'submitted');
      return close('withdrawn', clockRan ? 'end' : 'none');
    }
    case 'fulfilGap':
      return processing.includes(state.status) || state.status === 'suspended' ? stay(state) : refuse;
    case 'checkPledge':
      // 事后核查 leaves the case where it is (pledges.ts); it may revoke an approval but never reopens the case.
      return state.status === 'draft' || state.status === 'submitted' || state.status === 'refused' || state.status === 'withdrawn' ? refuse : stay(state);
  }
}

/**
 * The permission a staff action needs at a step; the actor must also hold the step's role (from the item's
 * workflow). Undefined for applicant-side actions.
 */
export function permissionFor(action: CaseActionKind, step: WorkflowStepKey | null): Permission | undefined {
  switch (action) {
    case 'create':
    case 'edit':
    case 'submit':
    case 'resubmit':
    case 'withdraw':
    case 'fulfilGap':
      return undefined;
    case 'accept':
    case 'refuse':
    case 'complete':
      return 'case.accept';
    case 'requestSupplement':
    case 'transfer':
      return step === 'accept' ? 'case.accept' : 'case.review';
    case 'approve':
      return step === 'decide' ? 'case.decide' : 'case.review';
    case 'deny':
      return 'case.decide';
    case 'startInspection':
    case 'countersign':
    case 'startSpecial':
    case 'endSpecial':
    case 'checkPledge':
      return 'case.review';
  }
}

export type StaffAuthority = { permissions: ReadonlySet<Permission>; roles: readonly string[] };
export type AuthorityRefusal = 'permission' | 'role';

/** Whether a staff member's permissions and roles let them take `action` in the case's current step. */
export function staffMayAct(action: CaseActionKind, state: CaseState, workflow: Workflow, who: StaffAuthority): true | AuthorityRefusal {
  const permission = permissionFor(action, state.step);
  if (!permission || !who.permissions.has(permission)) return 'permission';
  const step = stepOf(workflow, state.step);
  if (step && !who.roles.includes(step.role)) return 'role';
  return true;
}
