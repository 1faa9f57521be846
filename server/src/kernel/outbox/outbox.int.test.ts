import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase } from '../../testing/databases';
import type { Database } from '../db';
import { emit, Outbox, OUTBOX_MAX_ATTEMPTS, outboxBackoffSeconds } from './index';

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  await sql`create table delivered (event_id bigint not null, note text not null)`.execute(database.db);
});
afterAll(async () => {
  await database.close();
  await drop();
});
beforeEach(async () => {
  await sql`delete from delivered`.execute(database.db);
  await database.db.deleteFrom('outbox_events').execute();
});

const eventRow = (topic: string) => database.db.selectFrom('outbox_events').selectAll().where('topic', '=', topic).executeTakeFirstOrThrow();
const delivered = async () => (await sql<{ event_id: string; note: string }>`select event_id::text, note from delivered order by event_id`.execute(database.db)).rows;
const makeDue = (topic: string) => database.db.updateTable('outbox_events').set({ next_attempt_at: sql<Date>`now()` }).where('topic', '=', topic).execute();

describe('outbox', () => {
  it('marks events nobody subscribes to as delivered together, and still runs the handlers of the others', async () => {
    const outbox = new Outbox(database.db);
    outbox.subscribe('case.completed', async (tx, _payload, meta) => {
      await sql`insert into delivered values (${meta.id}, 'licence')`.execute(tx);
    });
    await database.db.transaction().execute(async (tx) => {
      for (let n = 0; n < 5; n++) await emit(tx, 'case.submitted', { n });
      await emit(tx, 'case.completed', { n: 5 });
    });
    expect(await outbox.deliverPending()).toBe(6);
    const rows = await database.db.selectFrom('outbox_events').select(['topic', 'processed_at']).execute();
    expect(rows.every((r) => r.processed_at !== null)).toBe(true);
    expect((await delivered()).map((d) => d.note)).toEqual(['licence']);
    expect(await outbox.deliverPending()).toBe(0);
  });

  it('delivers an event to every subscriber once, only if the change that emitted it committed', async () => {
    const outbox = new Outbox(database.db);
    const seen: string[] = [];
    outbox.subscribe('case.accepted', async (tx, payload, meta) => {
      seen.push(`sms:${String(payload.caseNo)}`);
      await sql`insert into delivered values (${meta.id}, 'sms')`.execute(tx);
    });
    outbox.subscribe('case.accepted', async () => {
      seen.push('index');
    });
    await database.db.transaction().execute((tx) => emit(tx, 'case.accepted', { caseNo: '2026-0001' }));
    await expect(
      database.db.transaction().execute(async (tx) => {
        await emit(tx, 'case.accepted', { caseNo: 'rolled-back' });
        throw new Error('refused');
      }),
    ).rejects.toThrow();
    expect(await outbox.deliverPending()).toBe(1);
    expect(await outbox.deliverPending()).toBe(0);
    expect(seen).toEqual(['sms:2026-0001', 'index']);
    expect(await eventRow('case.accepted')).toMatchObject({ attempts: 0, last_error: null, processed_at: expect.any(Date) });
  });

  it('a failing subscriber undoes every subscriber\'s work and retries after a growing back-off', async () => {
    const outbox = new Outbox(database.db);
    outbox.subscribe('notify.sms', async (tx, _payload, meta) => {
      await sql`insert into delivered values (${meta.id}, 'first subscriber')`.execute(tx);
    });
    outbox.subscribe('notify.sms', async () => {
      throw new Error('SMS gateway timeout');
    });
    await emit(database.db, 'notify.sms', { phone: '13900000000' });

    // One try per round: a failed event is not retried at once in the same round.
    expect(await outbox.deliverPending()).toBe(1);
    let event = await eventRow('notify.sms');
    expect(event).toMatchObject({ attempts: 1, last_error: 'SMS gateway timeout', processed_at: null });
    expect(await delivered()).toEqual([]);
    const wait = (event.next_attempt_at.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(outboxBackoffSeconds(1) - 10);
    expect(wait).toBeLessThan(outboxBackoffSeconds(1) + 5);
    expect(await outbox.deliverPending()).toBe(0);

    await makeDue('notify.sms');
    expect(await outbox.deliverPending()).toBe(1);
    event = await eventRow('notify.sms');
    expect(event.attempts).toBe(2);
    expect((event.next_attempt_at.getTime() - Date.now()) / 1000).toBeGreaterThan(outboxBackoffSeconds(2) - 10);
  });

  it('gives an event up after the last attempt and leaves it for an operator', async () => {
    const outbox = new Outbox(database.db);
    outbox.subscribe('notify.email', async () => {
      throw new Error('mailbox does not exist');
    });
    await emit(database.db, 'notify.email', { to: 'nobody@example.invalid' });
    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt++) {
      await makeDue('notify.email');
      expect(await outbox.deliverPending()).toBe(1);
    }
    await makeDue('notify.email');
    expect(await outbox.deliverPending()).toBe(0);
    expect(await eventRow('notify.email')).toMatchObject({ attempts: OUTBOX_MAX_ATTEMPTS, processed_at: null, last_error: 'mailbox does not exist' });
  });

  it('a subscriber whose SQL fails leaves the event pending with the database\'s reason', async () => {
    const outbox = new Outbox(database.db);
    outbox.subscribe('test.sql', async (tx) => {
      await sql`select 1 / 0`.execute(tx);
    });
    await emit(database.db, 'test.sql', {});
    expect(await outbox.deliverPending()).toBe(1);
    expect(await eventRow('test.sql')).toMatchObject({ attempts: 1, processed_at: null, last_error: expect.stringContaining('division by zero') });
  });

  it('caps the back-off at one hour', () => {
    expect([1, 2, 3, 6, 7, 10].map(outboxBackoffSeconds)).toEqual([60, 120, 240, 1920, 3600, 3600]);
  });
});
