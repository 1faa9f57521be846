import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, testDatabaseKind, type TestApp } from '../../testing';
import { emit, type Outbox } from './index';

const reason = 'PostgreSQL only: PGlite is one connection inside one process, so two workers cannot contend for a row';

describe.skipIf(testDatabaseKind() === 'pglite')(`outbox with two server processes (${reason})`, () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({}, { attachTo: first });
    await sql`create table outbox_runs (event_id bigint not null, worker text not null)`.execute(first.kernel.db);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  async function drain(outbox: Outbox, topic: string): Promise<void> {
    for (;;) {
      if ((await outbox.deliverPending(10)) > 0) continue;
      const left = await first.kernel.db.selectFrom('outbox_events').select('id').where('topic', '=', topic).where('processed_at', 'is', null).limit(1).executeTakeFirst();
      if (!left) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('hands each of 200 events to one worker exactly once', async () => {
    const workers: [string, Outbox][] = [
      ['first', first.kernel.outbox],
      ['second', second.kernel.outbox],
    ];
    for (const [name, outbox] of workers) {
      outbox.subscribe('test.exactly-once', async (tx, _payload, meta) => {
        await sql`insert into outbox_runs values (${meta.id}, ${name})`.execute(tx);
        await sql`select pg_sleep(0.002)`.execute(tx);
      });
    }
    await first.kernel.db.transaction().execute(async (tx) => {
      for (let n = 0; n < 200; n++) await emit(tx, 'test.exactly-once', { n });
    });

    await Promise.all(workers.map(([, outbox]) => drain(outbox, 'test.exactly-once')));

    const runs = (await sql<{ event_id: string; times: number }>`select event_id::text, count(*)::int as times from outbox_runs group by event_id`.execute(first.kernel.db)).rows;
    expect(runs).toHaveLength(200);
    expect(runs.filter((r) => r.times !== 1)).toEqual([]);
    const byWorker = (await sql<{ worker: string }>`select distinct worker from outbox_runs order by worker`.execute(first.kernel.db)).rows.map((r) => r.worker);
    expect(byWorker).toEqual(['first', 'second']);
    const pending = await first.kernel.db.selectFrom('outbox_events').select('id').where('topic', '=', 'test.exactly-once').where('processed_at', 'is', null).execute();
    expect(pending).toEqual([]);
  });
});
