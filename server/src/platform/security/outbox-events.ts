import { AUDIT_COUNT_CAP, type OutboxEventQuery, type OutboxEventView, type OutboxStatus } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { OUTBOX_MAX_ATTEMPTS } from '../../kernel/outbox';
import type { Row } from '../../kernel/db';
import { countOutboxEvents, findOutboxEvents } from './repo';
import { maskPayload } from './mask-payload';

function statusOf(row: Row<'outbox_events'>): OutboxStatus {
  if (row.processed_at) return 'processed';
  return row.attempts >= OUTBOX_MAX_ATTEMPTS ? 'failed' : 'pending';
}

function toView(row: Row<'outbox_events'>): OutboxEventView {
  const status = statusOf(row);
  return {
    id: row.id,
    topic: row.topic,
    status,
    payload: maskPayload(row.payload),
    createdAt: row.created_at.toISOString(),
    processedAt: row.processed_at?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: status === 'pending' ? row.next_attempt_at.toISOString() : null,
  };
}

/** Outbox inspection for operators (SMS and e-mail notifications stuck or failed), newest first. */
export async function listOutboxEvents(
  kernel: Kernel,
  { actor, query }: { actor: Actor; query: OutboxEventQuery },
): Promise<{ items: OutboxEventView[]; nextCursor: string | null; total: number; isTotalCapped: boolean }> {
  requirePermission(actor, 'outbox.read');
  const filter = { topic: query.topic, status: query.status };
  const rows = await findOutboxEvents(kernel.db, filter, { beforeId: query.cursor, limit: query.pageSize + 1 });
  const items = rows.slice(0, query.pageSize);
  const counted = await countOutboxEvents(kernel.db, filter, AUDIT_COUNT_CAP + 1);
  // Payloads may concern people even when masked: who looked at the queue is kept.
  await inTransaction(kernel.db, (tx) =>
    audit(tx, actor, { action: 'outbox.search', objectType: 'outbox', detail: { topic: query.topic ?? null, status: query.status ?? null, cursor: query.cursor ?? null, returned: items.length } }),
  );
  return {
    items: items.map(toView),
    nextCursor: rows.length > query.pageSize ? (items.at(-1)?.id ?? null) : null,
    total: Math.min(counted, AUDIT_COUNT_CAP),
    isTotalCapped: counted > AUDIT_COUNT_CAP,
  };
}
