import type { SealView } from '@zhengtong/contracts';
import type { SealRow } from './repo';
import { isInForce } from './validity';

export function toSealView(row: SealRow, departmentName: string, today: string): SealView {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName,
    name: row.name,
    kind: row.kind,
    keyId: row.key_id,
    publicKeyHex: row.public_key_hex,
    status: row.status,
    isInForce: isInForce(row, today),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedReason: row.revoked_reason,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
