import type { LicenseStaffAction, LicenseStatus, LicenseStatusChangeInput, LicenseView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError } from '../../kernel/errors';
import { messageRef } from '../../kernel/i18n';
import type { Queryable } from '../../kernel/db';
import { assertIssuerStaff } from './access';
import { actorOf } from './issue';
import { getLicense, licenseNotFound } from './reads';
import { insertActions, lockLicense, markStatus, type LicenseRecord } from './repo';
import { effectiveStatus, nextStatus, todayInBeijing } from './workflow';

// 暂扣, 恢复, 注销 by the issuing department (license.manage), and 到期 by the daily job. Each is one transaction: the
// locked row, its history entry, the audit record and the event; the version the actor saw must still be current.

const events: Record<LicenseStaffAction | 'expire', string> = {
  suspend: 'license.suspended',
  restore: 'license.restored',
  revoke: 'license.revoked',
  expire: 'license.expired',
};

/** Applies an action to a locked licence row. The caller has checked who may. */
export async function applyStatusAction(tx: Queryable, actor: Actor, row: LicenseRecord, action: LicenseStaffAction | 'expire', reason: string, now: Date): Promise<LicenseRecord> {
  // A licence past its last day is expired, whatever the job has recorded: it can only be recorded as such.
  const current: LicenseStatus = action === 'expire' ? row.status : effectiveStatus(row, todayInBeijing(now));
  const next = nextStatus(action, current);
  if (!next) {
    throw new AppError('CONFLICT', { detail: 'license.transition', params: { status: messageRef(`license.status.${current}`), action: messageRef(`license.action.${action}`) } });
  }
  const updated = await markStatus(tx, row.id, row.version, { status: next, reason, at: now });
  if (!updated) throw new AppError('STALE_VERSION');
  const who = actorOf(actor);
  await insertActions(tx, [{ license_id: row.id, action, from_status: row.status, to_status: next, reason, actor_id: who.id, actor_name: who.name, at: now }]);
  await audit(tx, actor, { action: `license.${action}`, objectType: 'license', objectId: row.id, detail: { identifier: row.identifier, from: row.status, to: next, reason } });
  await emit(tx, events[action], { id: row.id, identifier: row.identifier, typeCode: row.type_code, issuerDepartmentId: row.issuer_department_id, from: row.status, to: next, holderAccountId: row.holder_account_id, holderEnterpriseId: row.holder_enterprise_id });
  return updated;
}

export async function changeLicenseStatus(kernel: Kernel, { actor, id, action, input }: { actor: Actor; id: string; action: LicenseStaffAction; input: LicenseStatusChangeInput }): Promise<LicenseView> {
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockLicense(tx, id);
    if (!row) throw licenseNotFound();
    assertIssuerStaff(actor, row, 'license.manage');
    // Two officers on the same licence: whoever commits first wins; the other is told it changed.
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    await applyStatusAction(tx, actor, row, action, input.reason, new Date());
  });
  return getLicense(kernel, { actor, id });
}
