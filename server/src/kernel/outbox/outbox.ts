import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Queryable } from '../db';
import { inTransaction } from '../audit';

/** After this many failed attempts an event is given up (status `failed`) and left for an operator. */
export const OUTBOX_MAX_ATTEMPTS = 10;

export type EventHandler = (tx: Transaction<DB>, payload: Record<string, unknown>, meta: { id: string; topic: string }) => Promise<void>;

/** Writes an event in the caller's transaction: it is delivered if and only if the change commits. */
export async function emit(tx: Queryable, topic: string, payload: Record<string, unknown>): Promise<void> {
  await tx.insertInto('outbox_events').values({ topic, payload: JSON.stringify(payload) }).execute();
}

/** Seconds to wait after the nth failed attempt: 1, 2, 4 … minutes, at most an hour (≈ 4 h over 10 attempts). */
export function outboxBackoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 3600);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/**
 * Delivers outbox events to subscribers. Each event is handled inside one transaction that also marks it
 * processed, with the row locked FOR UPDATE SKIP LOCKED: with several processes each event is handled once,
 * and a crash mid-way leaves it for the next try.
 */
export class Outbox {
  private readonly handlers = new Map<string, EventHandler[]>();

  constructor(private readonly db: Kysely<DB>) {}

  subscribe(topic: string, handler: EventHandler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Handles up to `limit` due events; returns how many were tried (delivered or failed). */
  async deliverPending(limit = 100): Promise<number> {
    let handled = await this.settleUnheard(limit);
    const topics = [...this.handlers.keys()];
    while (handled < limit && topics.length > 0) {
      const didOne = await this.deliverOne(topics);
      if (!didOne) break;
      handled += 1;
    }
    return handled;
  }

  /**
   * Events of topics nobody here subscribes to have nothing to run: they are marked delivered in one statement
   * instead of a transaction each (most events — case.submitted, notification.sms without a gateway — are such).
   */
  private async settleUnheard(limit: number): Promise<number> {
    const topics = [...this.handlers.keys()];
    const due = this.db
      .selectFrom('outbox_events')
      .select('id')
      .where('processed_at', 'is', null)
      .where('attempts', '<', OUTBOX_MAX_ATTEMPTS)
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .$if(topics.length > 0, (q) => q.where('topic', 'not in', topics))
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    const result = await this.db.updateTable('outbox_events').set({ processed_at: new Date(), last_error: null }).where('id', 'in', due).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private async deliverOne(topics: string[]): Promise<boolean> {
    let current: { id: string; attempts: number } | undefined;
    try {
      return await inTransaction(this.db, async (tx) => {
        const event = await tx
          .selectFrom('outbox_events')
          .selectAll()
          .where('processed_at', 'is', null)
          .where('attempts', '<', OUTBOX_MAX_ATTEMPTS)
          .where('next_attempt_at', '<=', sql<Date>`now()`)
          .where('topic', 'in', topics)
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!event) return false;
        current = event;
        // Subscribers run behind a savepoint: when one fails, the work of all of them is undone and the failure is
        // counted while this transaction still holds the row lock, so no other process delivers the event meanwhile.
        await sql`savepoint outbox_delivery`.execute(tx);
        try {
          for (const handler of this.handlers.get(event.topic) ?? []) {
            await handler(tx, event.payload, { id: event.id, topic: event.topic });
          }
          await tx.updateTable('outbox_events').set({ processed_at: new Date(), last_error: null }).where('id', '=', event.id).execute();
          await sql`release savepoint outbox_delivery`.execute(tx);
        } catch (error) {
          await sql`rollback to savepoint outbox_delivery`.execute(tx);
          await recordFailure(tx, event, error);
        }
        return true;
      });
    } catch (error) {
      // Only a failure at commit time (or a lost connection) gets here; the event is unlocked again.
      if (!current) throw error;
      await recordFailure(this.db, current, error, { onlyIfUnchanged: true });
      return true;
    }
  }
}

/** Counts a failed attempt and schedules the next one after a back-off, so a poisoned event stops being retried. */
async function recordFailure(db: Queryable, event: { id: string; attempts: number }, error: unknown, options: { onlyIfUnchanged?: boolean } = {}): Promise<void> {
  const attempts = event.attempts + 1;
  let update = db
    .updateTable('outbox_events')
    .set({ attempts, last_error: errorText(error), next_attempt_at: sql<Date>`now() + make_interval(secs => ${outboxBackoffSeconds(attempts)})` })
    .where('id', '=', event.id);
  if (options.onlyIfUnchanged) update = update.where('processed_at', 'is', null).where('attempts', '=', event.attempts);
  await update.execute();
}
