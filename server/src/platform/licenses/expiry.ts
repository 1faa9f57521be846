import { systemActor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { applyStatusAction } from './status';
import { tables } from './tables';
import { todayInBeijing } from './workflow';

// Records expiry (到期) in each licence's history once its last valid day has passed. Readers never wait for this:
// every view computes the status from valid_to (workflow.effectiveStatus); the job makes the history and the
// license.expired event, which the holder's notices and statistics follow.

export const EXPIRY_JOB = 'licenses.record-expiry';
/** Every ten minutes, at most this many per run, so one run's transaction stays short however many expire at once. */
export const EXPIRY_INTERVAL_SECONDS = 600;
const BATCH = 2000;

export async function recordExpiries(tx: Queryable, now = new Date()): Promise<number> {
  const today = todayInBeijing(now);
  const due = await tables(tx)
    .selectFrom('licenses')
    .selectAll()
    .where('status', 'in', ['valid', 'suspended'])
    .where('valid_to', '<', today)
    .orderBy('valid_to')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute();
  const actor = systemActor('证照到期处理');
  for (const row of due) await applyStatusAction(tx, actor, row, 'expire', '有效期届满', now);
  return due.length;
}
