import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, testDatabaseKind, type TestApp } from '../../testing';
import { scheduleJob, type JobRunner } from './index';

// Two server processes behind a load balancer share one PostgreSQL; each job must still run exactly once.
const reason = 'PostgreSQL only: PGlite is one connection inside one process, so two workers cannot contend for a row';

describe.skipIf(testDatabaseKind() === 'pglite')(`background jobs with two server processes (${reason})`, () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({}, { attachTo: first });
    await sql`create table job_runs (job_id bigint not null, worker text not null)`.execute(first.kernel.db);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const runners = (): [JobRunner, JobRunner] => [first.kernel.jobs, second.kernel.jobs];

  /** Each runner polls until nothing of the kind is left queued, as startWorkers does every second. */
  async function drain(runner: JobRunner, kind: string): Promise<void> {
    for (;;) {
      const ran = await runner.runDue(10);
      if (ran > 0) continue;
      const left = await first.kernel.db.selectFrom('jobs').select('id').where('kind', '=', kind).where('status', '=', 'queued').limit(1).executeTakeFirst();
      if (!left) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('runs each of 200 jobs exactly once, shared between both workers', async () => {
    const [a, b] = runners();
    expect(a.workerId).not.toBe(b.workerId);
    for (const runner of [a, b]) {
      runner.handle('test.exactly-once', async (tx, _payload, meta) => {
        await sql`insert into job_runs values (${meta.id}, ${runner.workerId})`.execute(tx);
        // A little work inside the claim, so the two workers overlap as real ones do.
        await sql`select pg_sleep(0.002)`.execute(tx);
      });
    }
    await first.kernel.db.transaction().execute(async (tx) => {
      for (let n = 0; n < 200; n++) await scheduleJob(tx, { kind: 'test.exactly-once', payload: { n } });
    });

    await Promise.all([drain(a, 'test.exactly-once'), drain(b, 'test.exactly-once')]);

    const runs = (await sql<{ job_id: string; times: number }>`select job_id::text, count(*)::int as times from job_runs group by job_id`.execute(first.kernel.db)).rows;
    expect(runs).toHaveLength(200);
    expect(runs.filter((r) => r.times !== 1)).toEqual([]);
    const jobs = await first.kernel.db.selectFrom('jobs').select(['status', 'attempts', 'done_by']).where('kind', '=', 'test.exactly-once').execute();
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    const byWorker = new Map<string, number>();
    for (const j of jobs) byWorker.set(j.done_by ?? '', (byWorker.get(j.done_by ?? '') ?? 0) + 1);
    expect([...byWorker.keys()].sort()).toEqual([a.workerId, b.workerId].sort());
    // The row each job wrote names the same worker the job says completed it.
    const mismatched = await sql<{ n: number }>`
      select count(*)::int as n from job_runs r join jobs j on j.id = r.job_id where j.done_by <> r.worker`.execute(first.kernel.db);
    expect(mismatched.rows[0]?.n).toBe(0);
  });

  it('retries a failed job only after its back-off, on either worker, and completes it once', async () => {
    const [a, b] = runners();
    // Each job fails the first time it is tried, whoever tries it, and succeeds afterwards.
    const triedOnce = new Set<string>();
    for (const runner of [a, b]) {
      runner.handle('test.fails-once', async (tx, _payload, meta) => {
        if (!triedOnce.has(meta.id)) {
          triedOnce.add(meta.id);
          throw new Error('first attempt fails');
        }
        await sql`insert into job_runs values (${meta.id}, ${runner.workerId})`.execute(tx);
      });
    }
    await first.kernel.db.transaction().execute(async (tx) => {
      for (let n = 0; n < 50; n++) await scheduleJob(tx, { kind: 'test.fails-once', payload: { n } });
    });
    await Promise.all([a.runDue(100), b.runDue(100), a.runDue(100), b.runDue(100)]);
    // Every job failed once and waits out its back-off; the failure was recorded under the row lock, so the other
    // worker could not take the job between the rollback and the bookkeeping.
    const waiting = await first.kernel.db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'test.fails-once').execute();
    expect(waiting.filter((j) => j.status !== 'queued' || j.attempts !== 1)).toEqual([]);
    expect((await sql`select 1 from job_runs r join jobs j on j.id = r.job_id where j.kind = 'test.fails-once'`.execute(first.kernel.db)).rows).toEqual([]);

    await first.kernel.db.updateTable('jobs').set({ run_at: sql<Date>`now()` }).where('kind', '=', 'test.fails-once').execute();
    await Promise.all([drain(a, 'test.fails-once'), drain(b, 'test.fails-once')]);
    const done = await first.kernel.db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'test.fails-once').execute();
    expect(done.filter((j) => j.status !== 'done' || j.attempts !== 2)).toEqual([]);
    const runs = (await sql<{ times: number }>`select count(*)::int as times from job_runs r join jobs j on j.id = r.job_id where j.kind = 'test.fails-once' group by r.job_id`.execute(first.kernel.db)).rows;
    expect(runs).toHaveLength(50);
    expect(runs.every((r) => r.times === 1)).toBe(true);
  });

  it('runs a recurring task once per due period across both workers', async () => {
    const [a, b] = runners();
    const ticks: string[] = [];
    for (const runner of [a, b]) {
      runner.every('test.nightly-scan', 3600, async (tx) => {
        ticks.push(runner.workerId);
        await sql`select pg_sleep(0.01)`.execute(tx);
      });
      await runner.ensureRecurring();
    }
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(ticks).toHaveLength(1);

    for (let period = 2; period <= 4; period++) {
      await first.kernel.db.updateTable('recurring_jobs').set({ next_run_at: sql<Date>`now()` }).where('name', '=', 'test.nightly-scan').execute();
      await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
      expect(ticks).toHaveLength(period);
    }
  });
});
