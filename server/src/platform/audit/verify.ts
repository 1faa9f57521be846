import { performance } from 'node:perf_hooks';
import type { AuditVerifyView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, verifyAuditChain, verifyCheckpoints, inTransaction } from '../../kernel/audit';

/** Recomputes the SM3 chain, as `zt audit-verify` does, and records who checked it and what was found. */
export async function verifyChain(kernel: Kernel, { actor }: { actor: Actor }): Promise<AuditVerifyView> {
  requirePermission(actor, 'audit.read');
  const startedAt = performance.now();
  const verdict = await verifyAuditChain(kernel.db);
  const anchored = await verifyCheckpoints(kernel.db, { dir: kernel.config.auditCheckpointDir });
  const checkpoints = anchored.ok
    ? { isIntact: true, checked: anchored.checked, auditId: null, reason: null }
    : { isIntact: false, checked: anchored.checked, auditId: anchored.auditId, reason: anchored.reason };
  const view: AuditVerifyView = verdict.ok
    ? { isIntact: anchored.ok, checked: verdict.checked, lastId: verdict.lastId, brokenId: null, reason: null, verifiedAt: new Date().toISOString(), durationMs: 0, checkpoints }
    : { isIntact: false, checked: verdict.checked, lastId: null, brokenId: verdict.brokenId, reason: verdict.reason, verifiedAt: new Date().toISOString(), durationMs: 0, checkpoints };
  view.durationMs = Math.round(performance.now() - startedAt);
  await inTransaction(kernel.db, (tx) =>
    audit(tx, actor, {
      action: 'audit.verify',
      objectType: 'audit_log',
      detail: { isIntact: view.isIntact, checked: view.checked, brokenId: view.brokenId, reason: view.reason, checkpoints },
    }),
  );
  return view;
}
