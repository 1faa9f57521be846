import type { HolderType } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { findEnterprise, personName, sealedIdNumber } from '../identity';

// Who holds a licence, as identity knows them. This file is the one place the licences domain learns a holder's
// real-name data, through identity's index: the 身份证号 comes sealed (ciphertext and blind index, never decrypted
// here), names and credit codes as they were registered.

export type Holder = {
  type: HolderType;
  name: string;
  /** Person: the sealed 身份证号. */
  idEnc: string | null;
  idIdx: string | null;
  /** Enterprise: the 统一社会信用代码. */
  creditCode: string | null;
  accountId: string | null;
  enterpriseId: string | null;
};

/** A registered citizen as holder: real name and sealed 身份证号. */
export async function personHolder(db: Queryable, accountId: string): Promise<Holder | undefined> {
  const sealed = await sealedIdNumber(db, accountId);
  const name = await personName(db, accountId);
  if (!sealed || name === undefined) return undefined;
  return { type: 'person', name, idEnc: sealed.enc, idIdx: sealed.idx, creditCode: null, accountId, enterpriseId: null };
}

/** A registered enterprise as holder: name and 统一社会信用代码. */
export async function enterpriseHolder(db: Queryable, enterpriseId: string): Promise<Holder | undefined> {
  const found = await findEnterprise(db, { id: enterpriseId });
  if (!found) return undefined;
  return { type: 'enterprise', name: found.name, idEnc: null, idIdx: null, creditCode: found.creditCode, accountId: found.accountId, enterpriseId: found.id };
}

/** The registered enterprise with this credit code, if any (to link an issued licence to its account). */
export async function enterpriseByCreditCode(db: Queryable, creditCode: string): Promise<{ id: string; accountId: string | null } | undefined> {
  const found = await findEnterprise(db, { creditCode });
  return found ? { id: found.id, accountId: found.accountId } : undefined;
}

/** What a signed-in holder's licences are found by (证照夹). */
export type HolderKeys =
  | { type: 'person'; accountId: string | null; idIdx: string | null }
  | { type: 'enterprise'; enterpriseId: string | null; creditCode: string | null };

/**
 * Whose licences the actor sees in the wallet: a citizen their own; an enterprise account, or a citizen acting as an
 * enterprise's authorised agent (经办人), the enterprise's. Undefined for staff and anonymous callers.
 */
export async function holderKeysOf(db: Queryable, actor: Actor): Promise<HolderKeys | undefined> {
  if (actor.kind !== 'account') return undefined;
  switch (actor.accountType) {
    case 'staff':
      return undefined;
    case 'enterprise':
    case 'citizen': {
      if (actor.enterpriseId) {
        const enterprise = await enterpriseHolder(db, actor.enterpriseId);
        return { type: 'enterprise', enterpriseId: actor.enterpriseId, creditCode: enterprise?.creditCode ?? null };
      }
      if (actor.accountType === 'enterprise') return undefined;
      return { type: 'person', accountId: actor.accountId, idIdx: (await sealedIdNumber(db, actor.accountId))?.idx ?? null };
    }
  }
}

/** True when the licence belongs to the holder these keys describe. */
export function isHeldBy(license: { holder_type: HolderType; holder_account_id: string | null; holder_id_idx: string | null; holder_enterprise_id: string | null; holder_credit_code: string | null }, keys: HolderKeys): boolean {
  switch (keys.type) {
    case 'person':
      return license.holder_type === 'person' && ((keys.accountId !== null && license.holder_account_id === keys.accountId) || (keys.idIdx !== null && license.holder_id_idx === keys.idIdx));
    case 'enterprise':
      return license.holder_type === 'enterprise' && ((keys.enterpriseId !== null && license.holder_enterprise_id === keys.enterpriseId) || (keys.creditCode !== null && license.holder_credit_code === keys.creditCode));
  }
}
