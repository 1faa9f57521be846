import { sql } from 'kysely';
import type { SecurityPolicyInput, SecurityPolicyView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid } from '../../kernel/errors';
import type { Queryable } from '../../kernel/db';
import { readSecurityPolicy, writeSecurityPolicy } from '../identity';
import { findPolicyMeta } from './repo';

// Saving takes this lock: the policy row may not exist yet, so there is no row to lock FOR UPDATE.
const POLICY_WRITE_LOCK = 774_401;
/** The version of a policy never saved (only defaults and the deployment's configuration apply). */
const NEVER_SAVED = '0';

async function view(kernel: Kernel, db: Queryable): Promise<SecurityPolicyView> {
  const [policy, meta] = await Promise.all([readSecurityPolicy(kernel, db), findPolicyMeta(db)]);
  return {
    requireStaffTotp: policy.requireStaffTotp,
    isEnforcedByConfig: kernel.config.requireStaffTotp,
    version: meta?.version ?? NEVER_SAVED,
    updatedAt: meta?.updated_at.toISOString() ?? null,
    updatedBy: meta?.updated_by ?? null,
  };
}

export async function getSecurityPolicy(kernel: Kernel, { actor }: { actor: Actor }): Promise<SecurityPolicyView> {
  requirePermission(actor, 'security.policy');
  return view(kernel, kernel.db);
}

/**
 * Sets the security policy (等保2.0 level 3: two-factor sign-in for administrators and staff). Staff without TOTP
 * are asked to enrol at their next sign-in; sessions already open run until they end.
 */
export async function updateSecurityPolicy(kernel: Kernel, { actor, input }: { actor: Actor; input: SecurityPolicyInput }): Promise<SecurityPolicyView> {
  requirePermission(actor, 'security.policy');
  // Turning it off here while the deployment forces it on would look done and change nothing.
  if (!input.requireStaffTotp && kernel.config.requireStaffTotp) throw invalid([{ field: 'requireStaffTotp', code: 'securityPolicy.enforcedByConfig' }]);
  return inTransaction(kernel.db, async (tx) => {
    await sql`select pg_advisory_xact_lock(${POLICY_WRITE_LOCK})`.execute(tx);
    const before = await view(kernel, tx);
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    await writeSecurityPolicy(tx, { requireStaffTotp: input.requireStaffTotp }, actor.kind === 'account' ? actor.accountId : 'system');
    await audit(tx, actor, {
      action: 'security-policy.update',
      objectType: 'security_policy',
      detail: { before: { requireStaffTotp: before.requireStaffTotp }, after: { requireStaffTotp: input.requireStaffTotp } },
    });
    return view(kernel, tx);
  });
}
