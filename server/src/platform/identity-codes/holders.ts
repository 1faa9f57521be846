import type { IdentityCodeAttribute, IdentityCodeAttributeValues } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { readMaskedProfile } from '../identity';

/** Whose code: a citizen account (一人一码) or an enterprise (一企一码). */
export type Holder = { kind: 'person'; accountId: string } | { kind: 'enterprise'; enterpriseId: string };

export type { MaskedProfile as HolderFacts } from '../identity';
import type { MaskedProfile as HolderFacts } from '../identity';

/**
 * The holder the signed-in session speaks for: an enterprise account, or a citizen acting as an enterprise's
 * authorised agent (经办人), shows the enterprise's code; any other citizen shows their own. Staff show none.
 */
export function holderOf(actor: Actor): Holder {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  switch (actor.accountType) {
    case 'staff':
      throw new AppError('FORBIDDEN', { detail: 'identityCode.holdersOnly' });
    case 'enterprise':
      if (!actor.enterpriseId) throw new AppError('FORBIDDEN', { detail: 'identityCode.holdersOnly' });
      return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
    case 'citizen':
      return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'person', accountId: actor.accountId };
  }
}

/** The holder's facts for a scan (identity's masked profile); undefined when the holder no longer exists. */
export function readHolderFacts(kernel: Kernel, holder: Holder): Promise<HolderFacts | undefined> {
  return readMaskedProfile(kernel, holder);
}

/** How the holder is named on their own code page: masked, as anyone looking over their shoulder would see it. */
export function holderLabel(facts: HolderFacts): string {
  return facts.kind === 'person' ? facts.maskedName : facts.name;
}

/** Exactly the requested attributes (all already consented to and of the holder's kind). */
export function attributeValues(facts: HolderFacts, requested: readonly IdentityCodeAttribute[]): IdentityCodeAttributeValues {
  const values: IdentityCodeAttributeValues = {};
  for (const attribute of requested) {
    switch (attribute) {
      case 'realNameLevel':
        if (facts.kind === 'person') values.realNameLevel = facts.realNameLevel;
        break;
      case 'maskedName':
        if (facts.kind === 'person') values.maskedName = facts.maskedName;
        break;
      case 'name':
        if (facts.kind === 'person') values.name = facts.name;
        break;
      case 'maskedIdNumber':
        if (facts.kind === 'person') values.maskedIdNumber = facts.maskedIdNumber;
        break;
      case 'maskedPhone':
        if (facts.kind === 'person') values.maskedPhone = facts.maskedPhone;
        break;
      case 'enterpriseName':
        if (facts.kind === 'enterprise') values.enterpriseName = facts.name;
        break;
      case 'creditCode':
        if (facts.kind === 'enterprise') values.creditCode = facts.creditCode;
        break;
      case 'enterpriseStatus':
        if (facts.kind === 'enterprise') values.enterpriseStatus = facts.isActive ? 'active' : 'disabled';
        break;
    }
  }
  return values;
}
