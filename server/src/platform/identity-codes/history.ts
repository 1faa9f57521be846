import type { IdentityCodeScanQuery, IdentityCodeScanView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { holderOf } from './holders';
import { listScansOf, type ScanRow } from './repo';

// The holder's scan history (like the data-use record): which department scanned their code, who, why, when, and what
// they asked for — refused attempts too. A holder sees only their own: the holder comes from the session, never a parameter.

function toScanView(row: ScanRow): IdentityCodeScanView {
  return {
    id: row.id,
    scannedAt: row.scanned_at.toISOString(),
    departmentName: row.department_name,
    scannerName: row.scanner_name,
    purpose: row.purpose,
    purposeNote: row.purpose_note,
    attributes: row.requested_attributes,
    result: row.result,
    missingAttributes: row.missing_attributes ?? [],
  };
}

export async function listMyScans(kernel: Kernel, { actor, query }: { actor: Actor; query: IdentityCodeScanQuery }): Promise<{ items: IdentityCodeScanView[]; total: number }> {
  const holder = holderOf(actor);
  const { rows, total } = await listScansOf(kernel.db, holder, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map(toScanView), total };
}
