import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase } from '../../testing/databases';
import type { Database } from '../db';
import { JobRunner, scheduleJob } from './index';

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  await sql`create table job_effects (job_id bigint not null, note text not null)`.execute(database.db);
});
afterAll(async () => {
  await database.close();
  await drop();
});
beforeEach(async () => {
  await sql`delete from job_effects`.execute(database.db);
  await database.db.deleteFrom('jobs').execute();
  await database.db.deleteFrom('recurring_jobs').execute();
});

const effects = async (): Promise<{ job_id: string; note: string }[]> =>
  (await sql<{ job_id: string; note: string }>`select job_id::text as job_id, note from job_effects order by job_id`.execute(database.db)).rows;

const jobRow = async (kind: string) => database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();

/** Time passes: the job is due again now. */
const makeDue = (kind: string) => database.db.updateTable('jobs').set({ run_at: sql<Date>`now()` }).where('kind', '=', kind).execute();

describe('one-off jobs', () => {
  it('runs a due job once, in the transaction that marks it done, and names the worker', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    runner.handle('test.ok', async (tx, payload, meta) => {
      await sql`insert into job_effects values (${meta.id}, ${String(payload.note)})`.execute(tx);
    });
    await scheduleJob(database.db, { kind: 'test.ok', payload: { note: '通知' } });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    const job = await jobRow('test.ok');
    expect(job).toMatchObject({ status: 'done', attempts: 1, done_by: 'worker-a', last_error: null });
    expect(await effects()).toEqual([{ job_id: job.id, note: '通知' }]);
  });

  it('a failing handler rolls back its effects, retries after a back-off and ends failed after max attempts', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    const attempts: number[] = [];
    runner.handle('test.fail', async (tx, _payload, meta) => {
      attempts.push(meta.attempt);
      await sql`insert into job_effects values (${meta.id}, 'half done')`.execute(tx);
      throw new Error(`gateway down (attempt ${meta.attempt})`);
    });
    await scheduleJob(database.db, { kind: 'test.fail', maxAttempts: 3 });

    expect(await runner.runDue()).toBe(1);
    let job = await jobRow('test.fail');
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'gateway down (attempt 1)' });
    expect(await effects()).toEqual([]);
    // 2 minutes after the first failure, 4 after the second (exponential back-off).
    const firstWait = (job.run_at.getTime() - Date.now()) / 1000;
    expect(firstWait).toBeGreaterThan(100);
    expect(firstWait).toBeLessThan(125);
    expect(await runner.runDue()).toBe(0);

    await makeDue('test.fail');
    expect(await runner.runDue()).toBe(1);
    job = await jobRow('test.fail');
    expect(job).toMatchObject({ status: 'queued', attempts: 2 });
    const secondWait = (job.run_at.getTime() - Date.now()) / 1000;
    expect(secondWait).toBeGreaterThan(220);
    expect(secondWait).toBeLessThan(245);

    await makeDue('test.fail');
    expect(await runner.runDue()).toBe(1);
    job = await jobRow('test.fail');
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'gateway down (attempt 3)', done_by: null });
    await makeDue('test.fail');
    expect(await runner.runDue()).toBe(0);
    expect(attempts).toEqual([1, 2, 3]);
    expect(await effects()).toEqual([]);
  });

  it('records a handler whose SQL failed (an aborted transaction) like any other failure', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    runner.handle('test.sql-error', async (tx) => {
      await sql`insert into job_effects values (0, 'before the error')`.execute(tx);
      await sql`select 1 / 0`.execute(tx);
    });
    await scheduleJob(database.db, { kind: 'test.sql-error' });
    expect(await runner.runDue()).toBe(1);
    expect(await jobRow('test.sql-error')).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringContaining('division by zero') });
    expect(await effects()).toEqual([]);
  });

  it('keeps only the effects of the attempt that succeeded', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    runner.handle('test.flaky', async (tx, _payload, meta) => {
      await sql`insert into job_effects values (${meta.id}, ${`attempt ${meta.attempt}`})`.execute(tx);
      if (meta.attempt === 1) throw new Error('timeout');
    });
    await scheduleJob(database.db, { kind: 'test.flaky' });
    await runner.runDue();
    await makeDue('test.flaky');
    await runner.runDue();
    const job = await jobRow('test.flaky');
    expect(job).toMatchObject({ status: 'done', attempts: 2, last_error: null });
    expect(await effects()).toEqual([{ job_id: job.id, note: 'attempt 2' }]);
  });

  it('a dedupeKey schedules once, however often it is scheduled', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    let runs = 0;
    runner.handle('test.dedupe', async () => {
      runs += 1;
    });
    await scheduleJob(database.db, { kind: 'test.dedupe', dedupeKey: 'case-123:reminder', payload: { first: true } });
    await scheduleJob(database.db, { kind: 'test.dedupe', dedupeKey: 'case-123:reminder', payload: { first: false } });
    await Promise.all([1, 2, 3].map(() => scheduleJob(database.db, { kind: 'test.dedupe', dedupeKey: 'case-123:reminder' })));
    const rows = await database.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.dedupe').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.payload).toEqual({ first: true });
    await runner.runDue();
    await scheduleJob(database.db, { kind: 'test.dedupe', dedupeKey: 'case-123:reminder' });
    await runner.runDue();
    expect(runs).toBe(1);
  });

  it('does not run a job scheduled in a transaction that rolled back, nor one not yet due', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    let runs = 0;
    runner.handle('test.later', async () => {
      runs += 1;
    });
    await expect(
      database.db.transaction().execute(async (tx) => {
        await scheduleJob(tx, { kind: 'test.later' });
        throw new Error('the change was refused');
      }),
    ).rejects.toThrow();
    await scheduleJob(database.db, { kind: 'test.later', runAt: new Date(Date.now() + 3_600_000) });
    expect(await runner.runDue()).toBe(0);
    expect(runs).toBe(0);
  });

  it('leaves jobs of kinds it has no handler for to the processes that have one', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    await scheduleJob(database.db, { kind: 'test.elsewhere' });
    expect(await runner.runDue()).toBe(0);
    expect(await jobRow('test.elsewhere')).toMatchObject({ status: 'queued', attempts: 0 });
  });
});

describe('recurring jobs', () => {
  it('runs once per period and again when the next period is due', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    let runs = 0;
    runner.every('test.tick', 3600, async (tx) => {
      runs += 1;
      await sql`insert into job_effects values (${runs}, 'tick')`.execute(tx);
    });
    await runner.ensureRecurring();
    await runner.ensureRecurring();
    await runner.runDue();
    await runner.runDue();
    expect(runs).toBe(1);
    const row = await database.db.selectFrom('recurring_jobs').selectAll().where('name', '=', 'test.tick').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ last_run_by: 'worker-a', last_error: null, interval_seconds: 3600 });
    expect(row.next_run_at.getTime() - Date.now()).toBeGreaterThan(3500_000);
    await database.db.updateTable('recurring_jobs').set({ next_run_at: sql<Date>`now()` }).where('name', '=', 'test.tick').execute();
    await runner.runDue();
    expect(runs).toBe(2);
    expect(await effects()).toHaveLength(2);
  });

  it('a failing run rolls back, notes the error and waits for the next period without stopping the others', async () => {
    const runner = new JobRunner(database.db, 'worker-a');
    let healthyRuns = 0;
    runner.every('test.broken', 60, async (tx) => {
      await sql`insert into job_effects values (1, 'broken')`.execute(tx);
      throw new Error('index service unreachable');
    });
    runner.every('test.healthy', 60, async () => {
      healthyRuns += 1;
    });
    await runner.ensureRecurring();
    await runner.runDue();
    const broken = await database.db.selectFrom('recurring_jobs').selectAll().where('name', '=', 'test.broken').executeTakeFirstOrThrow();
    expect(broken).toMatchObject({ last_error: 'index service unreachable', last_run_at: null });
    expect(broken.next_run_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(healthyRuns).toBe(1);
    expect(await effects()).toEqual([]);
  });
});
