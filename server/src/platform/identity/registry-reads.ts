import type { Queryable } from '../../kernel/db';

// Plain facts of registered persons and enterprises that other platform domains put on what they issue (a licence's
// holder), readable inside the caller's transaction. Nothing here is personal data beyond a name.

/** A registered person's real name; undefined when the account has no person behind it. */
export async function personName(db: Queryable, accountId: string): Promise<string | undefined> {
  const row = await db.selectFrom('persons').select('name').where('account_id', '=', accountId).executeTakeFirst();
  return row?.name;
}

export type EnterpriseFacts = { id: string; name: string; creditCode: string; accountId: string | null };

/** A registered enterprise by id or by 统一社会信用代码. */
export async function findEnterprise(db: Queryable, by: { id: string } | { creditCode: string }): Promise<EnterpriseFacts | undefined> {
  const query = db.selectFrom('enterprises').select(['id', 'name', 'credit_code', 'account_id']);
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('credit_code', '=', by.creditCode)).executeTakeFirst();
  return row ? { id: row.id, name: row.name, creditCode: row.credit_code, accountId: row.account_id } : undefined;
}
