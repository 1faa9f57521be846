import crypto from 'node:crypto';
import { sql } from 'kysely';
import { MAX_ACTIVE_API_KEYS, type ApiKeyView, type CreateApiKeyInput, type CreatedApiKey } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import { audit, inTransaction } from '../../kernel/audit';
import { hmacSm3 } from '../../kernel/crypto';
import { AppError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { partyOf, requireDeveloper, type Party } from './access';
import { callsToday } from './rate-limit';
import { tables, type OpenDataRow } from './tables';

// 开发者密钥: a developer creates keys for their apps and calls the open API with one (header X-Api-Key). The key is
// shown once, at creation; the database keeps only its HMAC-SM3 under the database-secrets key, so a copy of the
// table cannot call the API, and a key presented is found by the same HMAC. Keys belong to the party (the enterprise
// when acting for one, else the person), who may hold a few active keys at once and revoke them.

export const DEFAULT_RATE_PER_MINUTE = 60;
export const DEFAULT_DAILY_QUOTA = 10_000;
const DEVELOPERS_ONLY = 'openData.apiKey.developersOnly';

type KeyRow = OpenDataRow<'open_api_keys'>;

export function hashApiKey(keys: Keys, presented: string): string {
  return hmacSm3(keys.secrets, `open-api-key:${presented}`).toString('hex');
}

function newSecret(): { prefix: string; secret: string } {
  const prefix = `ztk_${crypto.randomBytes(4).toString('hex')}`;
  return { prefix, secret: `${prefix}_${crypto.randomBytes(24).toString('base64url')}` };
}

function keyView(row: KeyRow, usedToday: number): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    status: row.revoked_at ? 'revoked' : 'active',
    ratePerMinute: row.rate_per_minute,
    dailyQuota: row.daily_quota,
    usedToday,
    callCount: Number(row.call_count),
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

function partyKeys(db: Queryable, party: Party) {
  const query = tables(db).selectFrom('open_api_keys').selectAll();
  return party.enterpriseId ? query.where('enterprise_id', '=', party.enterpriseId) : query.where('account_id', '=', party.accountId).where('enterprise_id', 'is', null);
}

export async function listMyApiKeys(kernel: Kernel, { actor }: { actor: Actor }): Promise<{ items: ApiKeyView[]; total: number }> {
  const developer = requireDeveloper(actor, DEVELOPERS_ONLY);
  const rows = await partyKeys(kernel.db, partyOf(developer)).orderBy('created_at', 'desc').execute();
  const today = await callsToday(kernel.db, rows.map((r) => r.id));
  return { items: rows.map((r) => keyView(r, today.get(r.id) ?? 0)), total: rows.length };
}

export async function createApiKey(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateApiKeyInput }): Promise<CreatedApiKey> {
  const developer = requireDeveloper(actor, DEVELOPERS_ONLY);
  const party = partyOf(developer);
  const { prefix, secret } = newSecret();
  const id = newId();
  await inTransaction(kernel.db, async (tx) => {
    // Two creations at once by the same party count each other: the party's keys are counted under one lock.
    await sql`select pg_advisory_xact_lock(hashtext(${`open-api-keys:${party.enterpriseId ?? party.accountId}`}))`.execute(tx);
    const active = await partyKeys(tx, party).where('revoked_at', 'is', null).execute();
    if (active.length >= MAX_ACTIVE_API_KEYS) throw new AppError('CONFLICT', { detail: 'openData.apiKey.tooMany', params: { max: MAX_ACTIVE_API_KEYS } });
    await tables(tx)
      .insertInto('open_api_keys')
      .values({
        id,
        account_id: party.accountId,
        enterprise_id: party.enterpriseId,
        name: input.name,
        prefix,
        secret_hash: hashApiKey(kernel.keys, secret),
        rate_per_minute: DEFAULT_RATE_PER_MINUTE,
        daily_quota: DEFAULT_DAILY_QUOTA,
      })
      .execute();
    await audit(tx, actor, { action: 'open-data.api-key.create', objectType: 'open-api-key', objectId: id, detail: { name: input.name, prefix, enterpriseId: party.enterpriseId } });
  });
  const row = await tables(kernel.db).selectFrom('open_api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { ...keyView(row, 0), secret };
}

export async function revokeApiKey(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ApiKeyView> {
  const developer = requireDeveloper(actor, DEVELOPERS_ONLY);
  const party = partyOf(developer);
  await inTransaction(kernel.db, async (tx) => {
    const row = await partyKeys(tx, party).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { detail: 'openData.apiKey.notFound' });
    if (row.revoked_at) throw new AppError('CONFLICT', { detail: 'openData.apiKey.revoked' });
    await tables(tx).updateTable('open_api_keys').set({ revoked_at: new Date() }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'open-data.api-key.revoke', objectType: 'open-api-key', objectId: id, detail: { name: row.name, prefix: row.prefix } });
  });
  const row = await tables(kernel.db).selectFrom('open_api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const today = await callsToday(kernel.db, [id]);
  return keyView(row, today.get(id) ?? 0);
}

/** The active key behind a presented secret, or undefined (unknown, malformed or revoked alike). */
export async function findActiveKey(db: Queryable, keys: Keys, presented: string): Promise<KeyRow | undefined> {
  if (!/^ztk_[0-9a-f]{8}_[A-Za-z0-9_-]{20,64}$/.test(presented)) return undefined;
  return tables(db).selectFrom('open_api_keys').selectAll().where('secret_hash', '=', hashApiKey(keys, presented)).where('revoked_at', 'is', null).executeTakeFirst();
}

/** A key's answered call, on the key's own counters (its per-dataset count is in stats.ts). */
export async function markKeyUsed(db: Queryable, id: string, now = new Date()): Promise<void> {
  await tables(db)
    .updateTable('open_api_keys')
    .set({ call_count: sql`call_count + 1`, last_used_at: now })
    .where('id', '=', id)
    .execute();
}

export async function countActiveKeys(db: Queryable): Promise<number> {
  const row = await tables(db).selectFrom('open_api_keys').select((eb) => eb.fn.countAll<string>().as('n')).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}
