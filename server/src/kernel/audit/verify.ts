import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { chainHash, GENESIS_HASH } from './chain';

export type ChainVerdict =
  | { ok: true; checked: number; lastId: string | null }
  | { ok: false; checked: number; brokenId: string; reason: 'hash-mismatch' | 'link-broken' };

/** Recomputes the whole chain in id order and names the first record that does not fit. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 2000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  let lastId: string | null = null;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked, lastId };
    for (const row of rows) {
      if (row.prev_hash !== prevHash) return { ok: false, checked, brokenId: row.id, reason: 'link-broken' };
      const expected = chainHash(prevHash, {
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        result: row.result,
        ip: row.ip,
        requestId: row.request_id,
        detail: row.detail,
      });
      if (expected !== row.hash) return { ok: false, checked, brokenId: row.id, reason: 'hash-mismatch' };
      prevHash = row.hash;
      checked += 1;
      lastId = row.id;
    }
    afterId = rows.at(-1)?.id ?? afterId;
  }
}
