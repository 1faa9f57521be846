import { describe, expect, it } from 'vitest';
import { caseActionKinds, permissionsOf, type CaseActionKind } from '@zhengtong/contracts';
import { applyAction, permissionFor, staffMayAct, statusForStep, type CaseState, type Workflow } from './workflow';

const standard: Workflow = {
  allowsSpecialProcedure: true,
  steps: [
    { key: 'accept', role: 'clerk', departmentIds: [], isOptional: false },
    { key: 'review', role: 'reviewer', departmentIds: [], isOptional: false },
    { key: 'inspect', role: 'reviewer', departmentIds: [], isOptional: true },
    { key: 'countersign', role: 'reviewer', departmentIds: ['d2', 'd3'], isOptional: false },
    { key: 'decide', role: 'reviewer', departmentIds: [], isOptional: false },
    { key: 'complete', role: 'clerk', departmentIds: [], isOptional: false },
  ],
};
const plain: Workflow = { allowsSpecialProcedure: false, steps: standard.steps.filter((s) => s.key !== 'inspect' && s.key !== 'countersign') };

const state = (over: Partial<CaseState> = {}): CaseState => ({ status: 'draft', step: null, suspendKind: null, resumeStatus: null, countersignPending: [], caseKind: 'promised', ...over });

function run(workflow: Workflow, actions: (CaseActionKind | [CaseActionKind, string])[], start: CaseState = state()): CaseState {
  let current = start;
  for (const entry of actions) {
    const [action, departmentId] = Array.isArray(entry) ? entry : [entry, undefined];
    const outcome = applyAction(current, action, workflow, { departmentId });
    if (!outcome.ok) throw new Error(`${action} refused in ${current.status}/${current.step}: ${outcome.reason}`);
    const { clock: _clock, ...next } = outcome.next;
    current = { ...next, caseKind: current.caseKind };
  }
  return current;
}

describe('case workflow', () => {
  it('standard path: submit → accept → review → countersign by two departments → decide → complete', () => {
    let s = run(standard, ['submit']);
    expect(s).toMatchObject({ status: 'submitted', step: 'accept' });
    const accepted = applyAction(s, 'accept', standard);
    expect(accepted.ok && accepted.next).toMatchObject({ status: 'accepted', step: 'review', clock: 'start' });
    s = run(standard, ['accept', 'approve'], s);
    expect(s).toMatchObject({ status: 'in_review', step: 'countersign', countersignPending: ['d2', 'd3'] });
    expect(applyAction(s, 'countersign', standard, { departmentId: 'd9' })).toEqual({ ok: false, reason: 'countersignNotPending' });
    s = run(standard, [['countersign', 'd2']], s);
    expect(s).toMatchObject({ step: 'countersign', countersignPending: ['d3'] });
    s = run(standard, [['countersign', 'd3'], 'approve'], s);
    expect(s).toMatchObject({ status: 'decided', step: 'complete' });
    const done = applyAction(s, 'complete', standard);
    expect(done.ok && done.next).toMatchObject({ status: 'completed', step: null, clock: 'end' });
  });

  it('即办件 is completed at acceptance', () => {
    const s = run(plain, ['submit'], state({ caseKind: 'immediate' }));
    const outcome = applyAction(s, 'accept', plain);
    expect(outcome.ok && outcome.next).toMatchObject({ status: 'completed', step: null });
  });

  it('补正 stops the clock once accepted (not before) and the case returns to the same step on resubmission', () => {
    const submitted = run(plain, ['submit']);
    const early = applyAction(submitted, 'requestSupplement', plain);
    expect(early.ok && early.next).toMatchObject({ status: 'suspended', resumeStatus: 'submitted', step: 'accept', clock: 'none' });
    const reviewing = run(plain, ['accept'], submitted);
    const stop = applyAction(reviewing, 'requestSupplement', plain);
    expect(stop.ok && stop.next).toMatchObject({ status: 'suspended', suspendKind: 'supplement', resumeStatus: 'accepted', step: 'review', clock: 'stop' });
    const paused = run(plain, ['requestSupplement'], reviewing);
    expect(applyAction(paused, 'endSpecial', plain).ok).toBe(false);
    expect(applyAction(paused, 'approve', plain).ok).toBe(false);
    expect(applyAction(paused, 'requestSupplement', plain).ok).toBe(false);
    const back = applyAction(paused, 'resubmit', plain);
    expect(back.ok && back.next).toMatchObject({ status: 'accepted', step: 'review', clock: 'resume' });
  });

  it('特别程序 only where the item allows it; 现场勘验 only where the workflow has the step and it is still ahead', () => {
    const reviewing = run(standard, ['submit', 'accept']);
    expect(applyAction(run(plain, ['submit', 'accept']), 'startSpecial', plain)).toEqual({ ok: false, reason: 'noSpecialProcedure' });
    const special = applyAction(reviewing, 'startSpecial', standard);
    expect(special.ok && special.next).toMatchObject({ status: 'suspended', suspendKind: 'special', clock: 'stop' });
    expect(applyAction(run(plain, ['submit', 'accept']), 'startInspection', plain)).toEqual({ ok: false, reason: 'noInspectionStep' });
    const inspecting = run(standard, ['startInspection'], reviewing);
    expect(inspecting).toMatchObject({ status: 'in_review', step: 'inspect' });
    expect(applyAction(inspecting, 'startInspection', standard).ok).toBe(false);
    expect(run(standard, ['approve'], inspecting)).toMatchObject({ step: 'countersign' });
  });

  it('refusal only at acceptance; denial only at the decision step; withdrawal until a decision exists', () => {
    const submitted = run(plain, ['submit']);
    expect(run(plain, ['refuse'], submitted).status).toBe('refused');
    const reviewing = run(plain, ['accept'], submitted);
    expect(applyAction(reviewing, 'refuse', plain).ok).toBe(false);
    expect(applyAction(reviewing, 'deny', plain).ok).toBe(false);
    const deciding = run(plain, ['approve'], reviewing);
    expect(deciding).toMatchObject({ status: 'in_review', step: 'decide' });
    expect(run(plain, ['deny'], deciding).status).toBe('denied');
    expect(run(plain, ['withdraw'], deciding).status).toBe('withdrawn');
    const decided = run(plain, ['approve'], deciding);
    expect(decided.status).toBe('decided');
    expect(applyAction(decided, 'withdraw', plain).ok).toBe(false);
    expect(applyAction(decided, 'requestSupplement', plain).ok).toBe(false);
  });

  it('nothing happens to a closed case, except the 事后核查 of promises made in a decided one', () => {
    for (const closed of ['completed', 'refused', 'withdrawn', 'denied'] as const) {
      for (const action of caseActionKinds.filter((a) => a !== 'checkPledge')) expect(applyAction(state({ status: closed }), action, standard).ok, `${action} on ${closed}`).toBe(false);
    }
    expect(applyAction(state({ status: 'completed' }), 'checkPledge', standard)).toMatchObject({ ok: true, next: { status: 'completed' } });
    expect(applyAction(state({ status: 'denied' }), 'checkPledge', standard).ok).toBe(true);
    expect(applyAction(state({ status: 'refused' }), 'checkPledge', standard).ok).toBe(false);
    expect(applyAction(state({ status: 'withdrawn' }), 'checkPledge', standard).ok).toBe(false);
  });

  it('status of each step: 受理 submitted, first step after it accepted, later ones in review, 办结 decided', () => {
    expect(statusForStep(standard, 'accept')).toBe('submitted');
    expect(statusForStep(standard, 'review')).toBe('accepted');
    expect(statusForStep(standard, 'decide')).toBe('in_review');
    expect(statusForStep(standard, 'complete')).toBe('decided');
  });

  it('who may act: permission for the action at the step, and the step’s role', () => {
    const clerk = { permissions: permissionsOf(['clerk']), roles: ['clerk'] };
    const reviewer = { permissions: permissionsOf(['reviewer']), roles: ['reviewer'] };
    const leader = { permissions: permissionsOf(['leader']), roles: ['leader'] };
    const submitted = run(plain, ['submit']);
    const reviewing = run(plain, ['accept'], submitted);
    const deciding = run(plain, ['approve'], reviewing);
    expect(staffMayAct('accept', submitted, plain, clerk)).toBe(true);
    expect(staffMayAct('accept', submitted, plain, reviewer)).toBe('permission');
    expect(staffMayAct('approve', reviewing, plain, reviewer)).toBe(true);
    expect(staffMayAct('approve', reviewing, plain, clerk)).toBe('permission');
    expect(staffMayAct('approve', deciding, plain, reviewer)).toBe(true);
    // A leader decides only where the workflow names the leader for 决定.
    expect(staffMayAct('approve', deciding, plain, leader)).toBe('role');
    expect(staffMayAct('approve', reviewing, plain, leader)).toBe('permission');
    const leaderDecides: Workflow = { ...plain, steps: plain.steps.map((s) => (s.key === 'decide' ? { ...s, role: 'leader' } : s)) };
    expect(staffMayAct('approve', deciding, leaderDecides, leader)).toBe(true);
    // Inspectors (or 承办人员) carry out an on-site inspection step named for them.
    const inspected: Workflow = { ...standard, steps: standard.steps.map((s) => (s.key === 'inspect' ? { ...s, role: 'inspector' } : s)) };
    const inspecting = run(inspected, ['submit', 'accept', 'startInspection']);
    expect(staffMayAct('approve', inspecting, inspected, { permissions: permissionsOf(['inspector']), roles: ['inspector'] })).toBe(true);
    // A reviewer holding case.accept through another role still lacks the clerk's step role at 受理.
    expect(staffMayAct('accept', submitted, plain, { permissions: new Set([...reviewer.permissions, 'case.accept']), roles: ['reviewer'] })).toBe('role');
    expect(permissionFor('requestSupplement', 'accept')).toBe('case.accept');
    expect(permissionFor('requestSupplement', 'review')).toBe('case.review');
    expect(permissionFor('withdraw', 'review')).toBeUndefined();
  });
});
