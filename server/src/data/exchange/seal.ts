import { sql, type Kysely } from 'kysely';
import type { ExchangeChainVerdict } from '@zhengtong/contracts';
import { canonicalJson, inTransaction } from '../../kernel/audit';
import { sm3Hex } from '../../kernel/crypto';
import type { DB, Queryable } from '../../kernel/db';
import { tables, type ExchangeRow } from './tables';

// The call log's hash chain (decision 0010). Calls are inserted unchained; one sealer at a time (an advisory lock,
// taken with try so a second sealer simply skips) chains the unsealed rows in id order: seq continues the chain, each
// hash covers the previous hash and the row's columns. A row whose transaction committed late (a smaller id than rows
// already sealed) is chained when it appears, with the next seq: the chain order is seq, not id. Verification walks
// seq order and names the first row that does not fit; a row still unsealed long after the interval is itself a sign.

export const SEAL_JOB = 'exchange.seal-calls';
export const SEAL_INTERVAL_SECONDS = 5;
const SEAL_LOCK = 774_218;
const GENESIS = '0'.repeat(64);

type CallRow = ExchangeRow<'exchange_calls'>;

/** SM3 over the previous hash and the canonical JSON of every column but the chain's own. */
export function callHash(prevHash: string, seq: string, row: Omit<CallRow, 'seq' | 'prev_hash' | 'hash' | 'sealed_at'>): string {
  const body = canonicalJson([
    seq,
    row.id,
    row.at.toISOString(),
    row.client_id,
    row.consumer_department_id,
    row.provider_department_id,
    row.resource_code,
    row.grant_id,
    row.purpose,
    row.key_count,
    row.found_count,
    row.fields,
    row.result,
    row.status,
    row.latency_us,
    row.ip,
    row.request_id,
    row.subject_indexes,
  ]);
  return sm3Hex(`${prevHash}\n${body}`);
}

/** Chains up to `limit` unsealed calls; 0 when there were none or another sealer holds the lock. */
export async function sealCalls(tx: Queryable, limit = 5000): Promise<number> {
  const { rows: locked } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`.execute(tx);
  if (!locked[0]?.ok) return 0;
  const db = tables(tx);
  const rows = await db.selectFrom('exchange_calls').selectAll().where('hash', 'is', null).orderBy('id').limit(limit).execute();
  if (rows.length === 0) return 0;
  const head = await db.selectFrom('exchange_calls').select(['seq', 'hash']).where('seq', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prev = head?.hash ?? GENESIS;
  let seq = BigInt(head?.seq ?? '0');
  const ids: string[] = [];
  const seqs: string[] = [];
  const prevs: string[] = [];
  const hashes: string[] = [];
  for (const row of rows) {
    seq += 1n;
    const hash = callHash(prev, seq.toString(), row);
    ids.push(row.id);
    seqs.push(seq.toString());
    prevs.push(prev);
    hashes.push(hash);
    prev = hash;
  }
  await sql`
    update exchange_calls c set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, sealed_at = now()
    from unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) as v(id, seq, prev_hash, hash)
    where c.id = v.id`.execute(tx);
  return rows.length;
}

/** Seals until nothing is left (a CLI, a test, the demo); each batch in its own transaction. */
export async function sealAllCalls(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await inTransaction(db, (tx) => sealCalls(tx));
    total += sealed;
    if (sealed === 0) return total;
  }
}

/** Recomputes the chain in seq order and names the first call that does not fit; counts what is not sealed yet. */
export async function verifyCallChain(db: Queryable, batchSize = 2000): Promise<ExchangeChainVerdict> {
  const t = tables(db);
  let prev = GENESIS;
  let expectedSeq = 1n;
  let checked = 0;
  let lastSeq: string | null = null;
  let after = '0';
  const unsealed = async () => {
    const row = await t
      .selectFrom('exchange_calls')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('at').as('oldest')])
      .where('hash', 'is', null)
      .executeTakeFirstOrThrow();
    return { unsealed: Number(row.n), oldestUnsealedAt: row.oldest ? new Date(row.oldest as Date | string).toISOString() : null };
  };
  for (;;) {
    const rows = await t.selectFrom('exchange_calls').selectAll().where('seq', 'is not', null).where('seq', '>', after).orderBy('seq').limit(batchSize).execute();
    if (rows.length === 0) return { isIntact: true, checked, lastSeq, brokenId: null, reason: null, ...(await unsealed()) };
    for (const row of rows) {
      const seq = row.seq ?? '0';
      const broken = (reason: 'hash-mismatch' | 'link-broken' | 'gap') => ({ isIntact: false, checked, lastSeq, brokenId: row.id, reason });
      if (BigInt(seq) !== expectedSeq) return { ...broken('gap'), ...(await unsealed()) };
      if (row.prev_hash !== prev) return { ...broken('link-broken'), ...(await unsealed()) };
      if (callHash(prev, seq, row) !== row.hash) return { ...broken('hash-mismatch'), ...(await unsealed()) };
      prev = row.hash;
      expectedSeq += 1n;
      checked += 1;
      lastSeq = seq;
    }
    after = rows.at(-1)?.seq ?? after;
  }
}
