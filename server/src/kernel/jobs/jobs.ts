import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB, Queryable } from '../db';
import { inTransaction } from '../audit';

/** Which job a handler is running, e.g. to key its effects by job id; `attempt` counts from 1. */
export type JobMeta = { id: string; kind: string; attempt: number };

export type JobHandler = (tx: Transaction<DB>, payload: Record<string, unknown>, meta: JobMeta) => Promise<void>;

export type ScheduleOptions = { kind: string; payload?: Record<string, unknown>; runAt?: Date; dedupeKey?: string; maxAttempts?: number };

/** Queues a one-off job in the caller's transaction. A repeated dedupeKey keeps the first job. */
export async function scheduleJob(tx: Queryable, options: ScheduleOptions): Promise<void> {
  await tx
    .insertInto('jobs')
    .values({
      kind: options.kind,
      payload: JSON.stringify(options.payload ?? {}),
      run_at: options.runAt ?? new Date(),
      dedupe_key: options.dedupeKey ?? null,
      max_attempts: options.maxAttempts ?? 5,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * Runs background work so that each job runs once however many server processes there are: a job is claimed
 * with FOR UPDATE SKIP LOCKED and its handler runs in the same transaction that marks it done, so its effects
 * commit together with the completion or not at all.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring = new Map<string, { intervalSeconds: number; handler: JobHandler }>();

  constructor(
    private readonly db: Kysely<DB>,
    readonly workerId: string,
  ) {}

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** A periodic task; registering it again (another process, a restart) keeps one schedule. */
  every(name: string, intervalSeconds: number, handler: JobHandler): void {
    this.recurring.set(name, { intervalSeconds, handler });
  }

  async ensureRecurring(): Promise<void> {
    for (const [name, { intervalSeconds }] of this.recurring) {
      await this.db
        .insertInto('recurring_jobs')
        .values({ name, interval_seconds: intervalSeconds })
        .onConflict((oc) => oc.column('name').doUpdateSet({ interval_seconds: intervalSeconds }))
        .execute();
    }
  }

  /** Runs due jobs until none is left or `limit` ran; returns how many ran (done or failed). */
  async runDue(limit = 50): Promise<number> {
    let ran = 0;
    while (ran < limit && (await this.runOne())) ran += 1;
    for (const name of this.recurring.keys()) if (await this.runRecurring(name)) ran += 1;
    return ran;
  }

  private async runOne(): Promise<boolean> {
    // PostgreSQL refuses `in ()`, and text may not contain NUL (the sentinel this used to pass made every claim fail).
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    let claimed: { id: string; attempts: number; max_attempts: number } | undefined;
    try {
      return await inTransaction(this.db, async (tx) => {
        const job = await tx
          .selectFrom('jobs')
          .selectAll()
          .where('status', '=', 'queued')
          .where('run_at', '<=', sql<Date>`now()`)
          .where('kind', 'in', kinds)
          .orderBy('run_at')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!job) return false;
        claimed = job;
        const handler = this.handlers.get(job.kind);
        if (!handler) return false;
        const attempt = job.attempts + 1;
        // The handler runs behind a savepoint so that, when it fails, its effects are undone while this
        // transaction still holds the row lock: recording the failure after a full rollback would let another
        // process claim and finish the job first, and the late failure update would then queue it again.
        await sql`savepoint job_handler`.execute(tx);
        try {
          await handler(tx, job.payload, { id: job.id, kind: job.kind, attempt });
          await tx
            .updateTable('jobs')
            .set({ status: 'done', attempts: attempt, done_by: this.workerId, done_at: new Date(), last_error: null })
            .where('id', '=', job.id)
            .execute();
          await sql`release savepoint job_handler`.execute(tx);
        } catch (error) {
          await sql`rollback to savepoint job_handler`.execute(tx);
          await recordJobFailure(tx, job, error);
        }
        return true;
      });
    } catch (error) {
      // Only a failure at commit time (or a lost connection) gets here; the job is still queued and unlocked.
      if (!claimed) throw error;
      await recordJobFailure(this.db, claimed, error, { onlyIfUnchanged: true });
      return true;
    }
  }

  private async runRecurring(name: string): Promise<boolean> {
    const task = this.recurring.get(name);
    if (!task) return false;
    const nextRun = sql<Date>`now() + make_interval(secs => ${task.intervalSeconds})`;
    try {
      return await inTransaction(this.db, (tx) => this.runRecurringIn(tx, name, task.handler, nextRun));
    } catch (error) {
      // A failure at commit time: note it and try again next period rather than stop the other tasks.
      await this.db.updateTable('recurring_jobs').set({ last_error: errorText(error), next_run_at: nextRun }).where('name', '=', name).execute();
      return false;
    }
  }

  private async runRecurringIn(tx: Transaction<DB>, name: string, handler: JobHandler, nextRun: RawBuilder<Date>): Promise<boolean> {
    const due = await tx
      .selectFrom('recurring_jobs')
      .select('name')
      .where('name', '=', name)
      .where('next_run_at', '<=', sql<Date>`now()`)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return false;
    // As for one-off jobs: a failure is recorded under the same lock, so no other process runs this period again.
    await sql`savepoint recurring_handler`.execute(tx);
    try {
      await handler(tx, {}, { id: name, kind: name, attempt: 1 });
      await sql`release savepoint recurring_handler`.execute(tx);
    } catch (error) {
      await sql`rollback to savepoint recurring_handler`.execute(tx);
      await tx.updateTable('recurring_jobs').set({ last_error: errorText(error), next_run_at: nextRun }).where('name', '=', name).execute();
      return false;
    }
    await tx
      .updateTable('recurring_jobs')
      .set({ last_run_at: new Date(), last_run_by: this.workerId, last_error: null, next_run_at: nextRun })
      .where('name', '=', name)
      .execute();
    return true;
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/**
 * Counts a failed attempt: back to the queue after an exponential back-off (2, 4, 8 … minutes), or `failed` once
 * max_attempts is reached. `onlyIfUnchanged` guards the path without a row lock against another process's progress.
 */
async function recordJobFailure(
  db: Queryable,
  job: { id: string; attempts: number; max_attempts: number },
  error: unknown,
  options: { onlyIfUnchanged?: boolean } = {},
): Promise<void> {
  const attempts = job.attempts + 1;
  const isFinal = attempts >= job.max_attempts;
  let update = db
    .updateTable('jobs')
    .set({
      attempts,
      status: isFinal ? 'failed' : 'queued',
      ...(isFinal ? {} : { run_at: sql<Date>`now() + make_interval(mins => ${2 ** attempts})` }),
      last_error: errorText(error),
    })
    .where('id', '=', job.id);
  if (options.onlyIfUnchanged) update = update.where('status', '=', 'queued').where('attempts', '=', job.attempts);
  await update.execute();
}
