import { AUDIT_COUNT_CAP, type AuditFilter, type AuditRecordQuery, type AuditRecordView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { countRecords, findRecord, findRecords, idRangeOf } from './repo';
import { toAuditRecordView } from './view';

/** The filter alone, without paging, as it is recorded in the auditor's own audit record (unset keys drop out). */
export function filterOf(query: AuditFilter): AuditFilter {
  const { from, to, actorId, actorName, action, objectType, objectId, result, ip, requestId } = query;
  return { from, to, actorId, actorName, action, objectType, objectId, result, ip, requestId };
}

/**
 * The auditor's search, newest first with keyset paging. Looking at the trail is itself recorded (等保2.0: the
 * audit records are protected, and so is access to them), after the query so the page does not show its own record.
 */
export async function searchAuditRecords(
  kernel: Kernel,
  { actor, query }: { actor: Actor; query: AuditRecordQuery },
): Promise<{ items: AuditRecordView[]; nextCursor: string | null; total: number; isTotalCapped: boolean }> {
  requirePermission(actor, 'audit.read');
  const filter = filterOf(query);
  const range = await idRangeOf(kernel.db, filter);
  const rows = range ? await findRecords(kernel.db, filter, { ...range, beforeId: query.cursor }, query.pageSize + 1) : [];
  const items = rows.slice(0, query.pageSize);
  const counted = range ? await countRecords(kernel.db, filter, range, AUDIT_COUNT_CAP + 1) : 0;
  await inTransaction(kernel.db, (tx) =>
    audit(tx, actor, { action: 'audit.search', objectType: 'audit_log', detail: { filter, cursor: query.cursor ?? null, returned: items.length } }),
  );
  return {
    items: items.map(toAuditRecordView),
    nextCursor: rows.length > query.pageSize ? (items.at(-1)?.id ?? null) : null,
    total: Math.min(counted, AUDIT_COUNT_CAP),
    isTotalCapped: counted > AUDIT_COUNT_CAP,
  };
}

export async function getAuditRecord(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<AuditRecordView> {
  requirePermission(actor, 'audit.read');
  const row = await findRecord(kernel.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  await inTransaction(kernel.db, (tx) => audit(tx, actor, { action: 'audit.view', objectType: 'audit_log', objectId: id }));
  return toAuditRecordView(row);
}
