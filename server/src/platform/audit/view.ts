import type { AuditRecordView } from '@zhengtong/contracts';
import type { AuditRow } from './repo';

export function toAuditRecordView(row: AuditRow): AuditRecordView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    result: row.result,
    ip: row.ip,
    requestId: row.request_id,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
