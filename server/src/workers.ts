import type { FastifyInstance } from 'fastify';

/**
 * Polls the outbox and the job queue. Safe to run in every server process: claims use FOR UPDATE SKIP LOCKED.
 * Returns a function that stops polling and waits for the current round.
 */
export function startWorkers(app: FastifyInstance, intervalMs = 1000): () => Promise<void> {
  let isStopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      await app.kernel.outbox.deliverPending();
      await app.kernel.jobs.runDue();
    } catch (error) {
      app.log.error({ err: error }, 'background worker round failed');
    }
  };
  const timer = setInterval(() => {
    if (isStopped) return;
    current = current.then(tick);
  }, intervalMs);
  timer.unref();
  return async () => {
    isStopped = true;
    clearInterval(timer);
    await current;
  };
}
