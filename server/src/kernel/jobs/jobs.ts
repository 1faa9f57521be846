import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Queryable } from '../db';

export type JobHandler = (tx: Transaction<DB>, payload: Record<string, unknown>) => Promise<void>;

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
    let claimed: { id: string; attempts: number; max_attempts: number } | undefined;
    try {
      return await this.db.transaction().execute(async (tx) => {
        const job = await tx
          .selectFrom('jobs')
          .selectAll()
          .where('status', '=', 'queued')
          .where('run_at', '<=', sql<Date>`now()`)
          .where('kind', 'in', [...this.handlers.keys(), '\u0000'])
          .orderBy('run_at')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!job) return false;
        claimed = job;
        const handler = this.handlers.get(job.kind);
        if (!handler) return false;
        await handler(tx, job.payload);
        await tx
          .updateTable('jobs')
          .set({ status: 'done', attempts: job.attempts + 1, done_by: this.workerId, done_at: new Date() })
          .where('id', '=', job.id)
          .execute();
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      const attempts = claimed.attempts + 1;
      const isFinal = attempts >= claimed.max_attempts;
      // Exponential back-off: 2, 4, 8 … minutes.
      const retryAt = new Date(Date.now() + 2 ** attempts * 60_000);
      await this.db
        .updateTable('jobs')
        .set({
          attempts,
          status: isFinal ? 'failed' : 'queued',
          run_at: retryAt,
          last_error: error instanceof Error ? error.message : String(error),
        })
        .where('id', '=', claimed.id)
        .execute();
      return true;
    }
  }

  private async runRecurring(name: string): Promise<boolean> {
    const task = this.recurring.get(name);
    if (!task) return false;
    try {
      return await this.db.transaction().execute(async (tx) => {
        const due = await tx
          .selectFrom('recurring_jobs')
          .select('name')
          .where('name', '=', name)
          .where('next_run_at', '<=', sql<Date>`now()`)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!due) return false;
        await task.handler(tx, {});
        await tx
          .updateTable('recurring_jobs')
          .set({
            last_run_at: new Date(),
            last_run_by: this.workerId,
            last_error: null,
            next_run_at: sql<Date>`now() + make_interval(secs => ${task.intervalSeconds})`,
          })
          .where('name', '=', name)
          .execute();
        return true;
      });
    } catch (error) {
      await this.db
        .updateTable('recurring_jobs')
        .set({
          last_error: error instanceof Error ? error.message : String(error),
          next_run_at: sql<Date>`now() + make_interval(secs => ${task.intervalSeconds})`,
        })
        .where('name', '=', name)
        .execute();
      return false;
    }
  }
}
