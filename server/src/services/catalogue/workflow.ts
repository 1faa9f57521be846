import type { ItemVersionAction, ItemVersionStatus } from '@zhengtong/contracts';

// The life of a service item version: draft → review → published → retired (docs/design/services-model.md).
// Pure: no database, no actor lookup; service code asks here before it writes.

/** Who may take an action: the implementation's editors, the region's reviewers, or only the platform itself. */
export type Authority = 'editor' | 'reviewer' | 'platform';

export const actionAuthority: Readonly<Record<ItemVersionAction, Authority>> = {
  create: 'editor',
  edit: 'editor',
  submit: 'editor',
  withdraw: 'editor',
  discard: 'editor',
  approve: 'reviewer',
  reject: 'reviewer',
  retire: 'reviewer',
  supersede: 'platform',
};

/** The status after `action`, 'deleted' when the version goes away, undefined when the action is not possible now. */
export function nextStatus(status: ItemVersionStatus | null, action: ItemVersionAction): ItemVersionStatus | 'deleted' | undefined {
  switch (action) {
    case 'create':
      return status === null ? 'draft' : undefined;
    case 'edit':
      return status === 'draft' ? 'draft' : undefined;
    case 'submit':
      return status === 'draft' ? 'review' : undefined;
    case 'withdraw':
    case 'reject':
      return status === 'review' ? 'draft' : undefined;
    case 'approve':
      return status === 'review' ? 'published' : undefined;
    case 'discard':
      return status === 'draft' ? 'deleted' : undefined;
    case 'retire':
    case 'supersede':
      return status === 'published' ? 'retired' : undefined;
  }
}

/** What the actor is, relative to one version's implementation (decided by the caller from permissions and scope). */
export type VersionActor = {
  /** Holds service-item.manage and the implementation is inside their department (or region, for catalogue admins). */
  isEditor: boolean;
  /** Holds service-item.review and the implementation is inside their region. */
  isReviewer: boolean;
  isPlatform: boolean;
  accountId: string | null;
};

export type Refusal = 'forbidden' | 'transition' | 'ownSubmission';
export type Decision = { ok: true; to: ItemVersionStatus | 'deleted' } | { ok: false; reason: Refusal };

function holds(actor: VersionActor, authority: Authority): boolean {
  switch (authority) {
    case 'editor':
      return actor.isEditor || actor.isPlatform;
    case 'reviewer':
      return actor.isReviewer || actor.isPlatform;
    case 'platform':
      return actor.isPlatform;
  }
}

/**
 * Whether `actor` may take `action` on a version in `status`. Four eyes: whoever submitted a version cannot approve
 * it (they may still send it back or withdraw it); the platform (seeding, imports by the system) is exempt.
 */
export function decide(version: { status: ItemVersionStatus | null; submittedBy: string | null }, action: ItemVersionAction, actor: VersionActor): Decision {
  if (!holds(actor, actionAuthority[action])) return { ok: false, reason: 'forbidden' };
  const to = nextStatus(version.status, action);
  if (to === undefined) return { ok: false, reason: 'transition' };
  const isOwn = actor.accountId !== null && version.submittedBy === actor.accountId;
  if (action === 'approve' && isOwn && !actor.isPlatform) return { ok: false, reason: 'ownSubmission' };
  return { ok: true, to };
}

/** The actions the actor may take now, for the screens' buttons (the server checks again on each request). */
export function allowedActions(version: { status: ItemVersionStatus; submittedBy: string | null }, actor: VersionActor): ItemVersionAction[] {
  const offered: ItemVersionAction[] = ['edit', 'submit', 'withdraw', 'discard', 'approve', 'reject', 'retire'];
  return offered.filter((action) => decide(version, action, actor).ok);
}
