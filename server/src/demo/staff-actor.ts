import { permissionsOf, type Role } from '@zhengtong/contracts';
import type { AccountActor } from '../kernel/authz';
import type { Kernel } from '../kernel/context';

/** A demo staff member as the actor of what the seed does in their name (as if they had signed in). */
export async function demoStaffActor(kernel: Kernel, username: string): Promise<AccountActor | undefined> {
  const row = await kernel.db
    .selectFrom('accounts as a')
    .innerJoin('staff as s', 's.account_id', 'a.id')
    .select(['a.id', 'a.display_name', 's.department_id', 's.region_code'])
    .where('a.username', '=', username)
    .executeTakeFirst();
  if (!row) return undefined;
  const roles = (await kernel.db.selectFrom('account_roles').select('role').where('account_id', '=', row.id).execute()).map((r) => r.role as Role);
  return {
    kind: 'account',
    accountId: row.id,
    accountType: 'staff',
    displayName: row.display_name,
    roles,
    permissions: permissionsOf(roles),
    regionCode: row.region_code,
    departmentId: row.department_id,
    enterpriseId: null,
    sessionId: 'demo-seed',
    stage: 'full',
    context: { ip: null, requestId: null, locale: 'zh-CN' },
  };
}
