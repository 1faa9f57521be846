import { z } from 'zod';
import type { Kernel } from '../../kernel/context';
import type { Queryable, Row } from '../../kernel/db';

export const securityPolicySchema = z.object({
  /** Every staff account must use TOTP (otherwise only accounts flagged totpRequired). */
  requireStaffTotp: z.boolean(),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

const KEY = 'security.policy';

export async function readSecurityPolicy(kernel: Kernel, db: Queryable = kernel.db): Promise<SecurityPolicy> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const stored = securityPolicySchema.partial().safeParse(row?.value ?? {});
  const fromConfig = kernel.config.requireStaffTotp;
  return { requireStaffTotp: fromConfig || (stored.success ? (stored.data.requireStaffTotp ?? false) : false) };
}

export async function writeSecurityPolicy(db: Queryable, policy: SecurityPolicy, byAccountId: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(policy), updated_by: byAccountId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(policy), updated_by: byAccountId, updated_at: new Date() }))
    .execute();
}

export async function requiresTotp(kernel: Kernel, account: Pick<Row<'accounts'>, 'totp_required' | 'type'>): Promise<boolean> {
  if (account.type !== 'staff') return false;
  if (account.totp_required) return true;
  return (await readSecurityPolicy(kernel)).requireStaffTotp;
}
