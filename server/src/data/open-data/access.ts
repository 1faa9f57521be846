import { AppError } from '../../kernel/errors';
import { canAccessRecord, hasPermission, requirePermission, type AccountActor, type Actor } from '../../kernel/authz';

// Who may do what with open data:
// - anyone, signed in or not, finds and downloads open datasets and reads the CKAN and DCAT-AP catalogues;
// - developers — a signed-in person, or an enterprise (its own account or an authorised agent acting for it) — hold
//   API keys and apply for 受限开放 datasets. The party is the enterprise when acting for one, else the person: an
//   approval given to an enterprise opens the restricted items to every key of that enterprise. Staff use the data
//   exchange instead (they are refused here, so a department cannot route around a share request);
// - open-data.manage (首席数据官) keeps the portal's settings and decides applications for the datasets of
//   departments in their region.

/** Whom keys and applications belong to. */
export type Party = { accountId: string; enterpriseId: string | null };

export function partyOf(actor: AccountActor): Party {
  return { accountId: actor.accountId, enterpriseId: actor.enterpriseId };
}

/** A signed-in person or enterprise; staff are told to use the exchange (`detail`), the anonymous to sign in. */
export function requireDeveloper(actor: Actor, detail: string): AccountActor {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'account' || actor.accountType === 'staff') throw new AppError('FORBIDDEN', { detail });
  return actor;
}

/** open-data.manage for datasets of the actor's region (region-wide: every provider department in it). */
export function managesDataset(actor: Actor, dataset: { regionCode: string }): boolean {
  return hasPermission(actor, 'open-data.manage') && canAccessRecord(actor, { regionCode: dataset.regionCode }, { regionWide: true });
}

export function assertManagesDataset(actor: Actor, dataset: { regionCode: string }): void {
  requirePermission(actor, 'open-data.manage');
  if (!canAccessRecord(actor, { regionCode: dataset.regionCode }, { regionWide: true })) throw new AppError('OUT_OF_SCOPE');
}
