import { identityCodeSettingsInput, identityCodeTtl, type IdentityCodeSettings } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';

// How long a code lives is the security administrator's call (part of the security policy): shorter is safer against
// a photographed screen, longer is kinder to a slow scanner. Kept in the shared settings table.

const KEY = 'identity-code.settings';

export async function readCodeSettings(kernel: Kernel): Promise<IdentityCodeSettings> {
  const row = await kernel.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const stored = identityCodeSettingsInput.safeParse(row?.value ?? {});
  return stored.success ? stored.data : { ttlSeconds: identityCodeTtl.defaultSeconds };
}

export async function writeCodeSettings(kernel: Kernel, { actor, input }: { actor: Actor; input: IdentityCodeSettings }): Promise<IdentityCodeSettings> {
  requirePermission(actor, 'security.policy');
  const by = actor.kind === 'account' ? actor.accountId : null;
  const value = JSON.stringify(input);
  await inTransaction(kernel.db, async (tx) => {
    await tx
      .insertInto('settings')
      .values({ key: KEY, value, updated_by: by })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: by, updated_at: new Date() }))
      .execute();
    await audit(tx, actor, { action: 'identity-code.settings', objectType: 'settings', objectId: KEY, detail: { ...input } });
  });
  return readCodeSettings(kernel);
}
