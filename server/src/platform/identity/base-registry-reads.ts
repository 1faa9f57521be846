import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { reveal } from './personal-data';
import { sealedIdNumber } from './persons';

// What the base registries (data/registries: 人口库 / 法人库) take from 统一身份认证: the facts people and enterprises
// registered with, decrypted in memory for the registry, which seals them again. Only that domain calls these.

export type RegisteredPerson = { accountId: string; idNumber: string; name: string; mobile: string | null };
export type RegisteredEnterprise = {
  enterpriseId: string;
  creditCode: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  regionCode: string | null;
  address: string | null;
};

/** A registered person's ID number, real name and mobile number. */
export async function registeredPerson(db: Queryable, keys: Keys, accountId: string): Promise<RegisteredPerson | undefined> {
  const sealed = await sealedIdNumber(db, accountId);
  const row = await db.selectFrom('persons').select(['name', 'phone_enc']).where('account_id', '=', accountId).executeTakeFirst();
  if (!sealed || !row) return undefined;
  return { accountId, idNumber: reveal(keys, 'idNumber', sealed.enc), name: row.name, mobile: row.phone_enc ? reveal(keys, 'phone', row.phone_enc) : null };
}

/** A registered enterprise's facts as it registered them (name, legal representative, seat). */
export async function registeredEnterprise(db: Queryable, keys: Keys, enterpriseId: string): Promise<RegisteredEnterprise | undefined> {
  const row = await db
    .selectFrom('enterprises')
    .select(['credit_code', 'name', 'legal_rep_name', 'legal_rep_id_enc', 'region_code', 'address'])
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    enterpriseId,
    creditCode: row.credit_code,
    name: row.name,
    legalRepName: row.legal_rep_name,
    legalRepIdNumber: reveal(keys, 'idNumber', row.legal_rep_id_enc),
    regionCode: row.region_code,
    address: row.address,
  };
}

/** Citizen account ids in id order, a page at a time (a full sync of the person registry). */
export async function citizenAccountIds(db: Queryable, after: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('persons').select('account_id').orderBy('account_id').limit(limit);
  if (after) query = query.where('account_id', '>', after);
  return (await query.execute()).map((r) => r.account_id);
}

/** Enterprise ids in id order, a page at a time (a full sync of the entity registry). */
export async function enterpriseIds(db: Queryable, after: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('enterprises').select('id').orderBy('id').limit(limit);
  if (after) query = query.where('id', '>', after);
  return (await query.execute()).map((r) => r.id);
}
