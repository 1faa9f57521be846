import type { Permission, ShareDemandStatus, ShareRequestAction, ShareRequestStatus } from '@zhengtong/contracts';

// The share request state machine, pure: which action moves which status where, and which party (with which
// permission) takes it. The services load, check with these, and write; nothing else decides a transition.

/** Who acts: the consuming department, the platform (大数据局 / 首席数据官), or the providing department. */
export type Party = 'consumer' | 'platform' | 'provider';

/** The role table: each action's party and the permission it needs. */
export const actionRoles: Readonly<Record<ShareRequestAction, { party: Party; permission: Permission }>> = {
  submit: { party: 'consumer', permission: 'share-request.create' },
  withdraw: { party: 'consumer', permission: 'share-request.create' },
  platformApprove: { party: 'platform', permission: 'share-request.review' },
  platformRefuse: { party: 'platform', permission: 'share-request.review' },
  providerApprove: { party: 'provider', permission: 'share-request.answer' },
  providerRefuse: { party: 'provider', permission: 'share-request.answer' },
};

/**
 * Where an action leads from a status, or undefined when it is not allowed there. The platform's approval ends an
 * unconditional request and hands a conditional one to the provider (国发〔2016〕51号: 有条件共享 needs the provider).
 */
export function nextStatus(action: ShareRequestAction, current: ShareRequestStatus | null, request: { isConditional: boolean }): ShareRequestStatus | undefined {
  switch (action) {
    case 'submit':
      return current === null ? 'platformReview' : undefined;
    case 'platformApprove':
      return current === 'platformReview' ? (request.isConditional ? 'providerReview' : 'approved') : undefined;
    case 'platformRefuse':
      return current === 'platformReview' ? 'refused' : undefined;
    case 'providerApprove':
      return current === 'providerReview' ? 'approved' : undefined;
    case 'providerRefuse':
      return current === 'providerReview' ? 'refused' : undefined;
    case 'withdraw':
      return current === 'platformReview' || current === 'providerReview' ? 'withdrawn' : undefined;
  }
}

/** Whose turn it is: the party that must act now, or null once the request is closed. */
export function partyToAct(status: ShareRequestStatus): Party | null {
  switch (status) {
    case 'platformReview':
      return 'platform';
    case 'providerReview':
      return 'provider';
    case 'approved':
    case 'refused':
    case 'withdrawn':
      return null;
  }
}

/** The running deadline of a request: the platform's or the provider's, none once decided. */
export function runningDeadline(row: { status: ShareRequestStatus; platform_due_at: Date; provider_due_at: Date | null }): Date | null {
  switch (partyToAct(row.status)) {
    case 'platform':
      return row.platform_due_at;
    case 'provider':
      return row.provider_due_at;
    case 'consumer':
    case null:
      return null;
  }
}

export function isOverdue(due: Date | null, now: Date): boolean {
  return due !== null && due.getTime() < now.getTime();
}

/** A demand is answered once (satisfied or refused) or withdrawn by its filer while still open. */
export function isDemandOpen(status: ShareDemandStatus): boolean {
  switch (status) {
    case 'open':
      return true;
    case 'satisfied':
    case 'refused':
    case 'withdrawn':
      return false;
  }
}
