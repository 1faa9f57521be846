import type { Kysely, Transaction } from 'kysely';
import type { DB, Queryable } from '../db';

const MAX_ATTEMPTS = 10;

export type EventHandler = (tx: Transaction<DB>, payload: Record<string, unknown>, meta: { id: string; topic: string }) => Promise<void>;

/** Writes an event in the caller's transaction: it is delivered if and only if the change commits. */
export async function emit(tx: Queryable, topic: string, payload: Record<string, unknown>): Promise<void> {
  await tx.insertInto('outbox_events').values({ topic, payload: JSON.stringify(payload) }).execute();
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

  /** Handles up to `limit` pending events; returns how many were handled. */
  async deliverPending(limit = 100): Promise<number> {
    let handled = 0;
    while (handled < limit) {
      const didOne = await this.deliverOne();
      if (!didOne) break;
      handled += 1;
    }
    return handled;
  }

  private async deliverOne(): Promise<boolean> {
    let current: { id: string } | undefined;
    try {
      return await this.db.transaction().execute(async (tx) => {
        const event = await tx
          .selectFrom('outbox_events')
          .selectAll()
          .where('processed_at', 'is', null)
          .where('attempts', '<', MAX_ATTEMPTS)
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!event) return false;
        current = event;
        for (const handler of this.handlers.get(event.topic) ?? []) {
          await handler(tx, event.payload, { id: event.id, topic: event.topic });
        }
        await tx.updateTable('outbox_events').set({ processed_at: new Date() }).where('id', '=', event.id).execute();
        return true;
      });
    } catch (error) {
      if (!current) throw error;
      // The handler's work rolled back with it; count the attempt so a poisoned event stops being retried.
      await this.db
        .updateTable('outbox_events')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error instanceof Error ? error.message : String(error) }))
        .where('id', '=', current.id)
        .execute();
      return true;
    }
  }
}
