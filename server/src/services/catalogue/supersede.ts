import type { Transaction } from 'kysely';
import type { DB } from '../../kernel/db';
import { systemActor } from '../../kernel/authz';
import { audit } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { appendAction, dueForSupersede, updateVersionRow } from './versions-repo';

const BATCH = 200;

/**
 * Marks retired the published versions whose end has come (their successor is now in force). Reads never depend on
 * this: "in force" is decided by the dates; this keeps the stored status truthful and the history complete.
 */
export async function supersedeDueVersions(tx: Transaction<DB>, now: Date = new Date()): Promise<number> {
  const actor = systemActor('catalogue-supersede');
  const due = await dueForSupersede(tx, now, BATCH);
  for (const row of due) {
    if (!(await updateVersionRow(tx, row.id, row.revision, { status: 'retired' }))) continue;
    await appendAction(tx, { version_id: row.id, action: 'supersede', from_status: 'published', to_status: 'retired', actor_id: null, actor_name: '系统', note: '' });
    await emit(tx, 'service-item-version.supersede', { id: row.id, implementationId: row.implementation_id, version: row.version, status: 'retired' });
  }
  if (due.length > 0) {
    await audit(tx, actor, { action: 'service-item-version.supersede', objectType: 'service-item-version', detail: { ids: due.map((r) => r.id), at: now.toISOString() } });
  }
  return due.length;
}
