import type { RegistryDisputeAction, RegistryDisputeStatus } from '@zhengtong/contracts';

// 异议核实 as a state machine: a dispute is open until the field's authoritative department verifies it (corrects the
// value or rejects the dispute with a reason) or its raiser withdraws it. Passing the deadline changes nothing but a
// flag: the dispute still waits for its answer. Pure, unit-tested.

/** The actions people take (raising creates; overdue is the platform's). */
export type DisputeDecision = Extract<RegistryDisputeAction, 'correct' | 'reject' | 'withdraw'>;

/** Who may take a decision: the authoritative department's data admin, or whoever raised the dispute. */
export type DisputeRole = 'handler' | 'raiser';

const roleOf: Readonly<Record<DisputeDecision, DisputeRole>> = { correct: 'handler', reject: 'handler', withdraw: 'raiser' };
const resultOf: Readonly<Record<DisputeDecision, RegistryDisputeStatus>> = { correct: 'corrected', reject: 'rejected', withdraw: 'withdrawn' };

export function roleFor(decision: DisputeDecision): DisputeRole {
  return roleOf[decision];
}

/** The status a decision leads to, or undefined when the dispute's status does not allow it. */
export function nextStatus(status: RegistryDisputeStatus, decision: DisputeDecision): RegistryDisputeStatus | undefined {
  switch (status) {
    case 'open':
      return resultOf[decision];
    case 'corrected':
    case 'rejected':
    case 'withdrawn':
      return undefined;
  }
}

/** Open past its due time (the end of the 5th working day). */
export function isOverdue(status: RegistryDisputeStatus, dueAt: Date, now: Date): boolean {
  return status === 'open' && now.getTime() > dueAt.getTime();
}
