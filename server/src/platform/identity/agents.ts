import type { Kernel } from '../../kernel/context';
import type { AccountActor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { activeAgentGrant, findEnterprise } from './repo';
import { lookupIndex } from './personal-data';

/** A citizen starts (or stops) acting for an enterprise that authorised them as 经办人. */
export async function actAs(kernel: Kernel, { actor, enterpriseId }: { actor: AccountActor; enterpriseId: string | null }): Promise<void> {
  if (actor.accountType !== 'citizen') throw new AppError('FORBIDDEN');
  if (enterpriseId) {
    const grant = await activeAgentGrant(kernel.db, enterpriseId, actor.accountId);
    if (!grant) throw new AppError('FORBIDDEN', { detail: 'agent.notAuthorised' });
  }
  await inTransaction(kernel.db, async (tx) => {
    await tx.updateTable('sessions').set({ acting_for: enterpriseId }).where('id', '=', actor.sessionId).execute();
    await audit(tx, actor, { action: enterpriseId ? 'agent.act-as' : 'agent.stop-acting', objectType: 'enterprise', objectId: enterpriseId ?? actor.enterpriseId ?? undefined });
  });
}

function requireEnterpriseOwner(actor: AccountActor): string {
  // Only the enterprise itself (its legal-person account) appoints or removes agents, not an agent.
  if (actor.accountType !== 'enterprise' || !actor.enterpriseId) throw new AppError('FORBIDDEN');
  return actor.enterpriseId;
}

export async function listAgents(kernel: Kernel, { actor }: { actor: AccountActor }) {
  const enterpriseId = actor.accountType === 'enterprise' ? actor.enterpriseId : null;
  let query = kernel.db
    .selectFrom('enterprise_agents as g')
    .innerJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .innerJoin('persons as p', 'p.account_id', 'g.person_account_id')
    .select(['g.id', 'g.enterprise_id', 'e.name as enterprise_name', 'g.person_account_id', 'p.name as person_name', 'g.valid_until', 'g.created_at'])
    .where('g.revoked_at', 'is', null)
    .orderBy('g.created_at', 'desc');
  // An enterprise sees its agents; a citizen sees the enterprises it may act for.
  query = enterpriseId ? query.where('g.enterprise_id', '=', enterpriseId) : query.where('g.person_account_id', '=', actor.accountId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    personAccountId: r.person_account_id,
    personName: r.person_name,
    validUntil: r.valid_until,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function grantAgent(
  kernel: Kernel,
  { actor, input }: { actor: AccountActor; input: { idNumber: string; name: string; validUntil?: string } },
): Promise<{ id: string }> {
  const enterpriseId = requireEnterpriseOwner(actor);
  const enterprise = await findEnterprise(kernel.db, enterpriseId);
  if (!enterprise) throw new AppError('NOT_FOUND');
  const person = await kernel.db
    .selectFrom('persons')
    .select(['account_id', 'name'])
    .where('id_number_idx', '=', lookupIndex(kernel.keys, 'idNumber', input.idNumber))
    .executeTakeFirst();
  // Name and ID number must match a registered citizen: the agent signs in with their own real-name account.
  if (!person || person.name !== input.name) throw new AppError('NOT_FOUND', { detail: 'agent.personNotFound' });
  if (await activeAgentGrant(kernel.db, enterpriseId, person.account_id)) throw new AppError('DUPLICATE', { fields: [{ field: 'idNumber', code: 'agent.exists' }] });
  const id = newId();
  await inTransaction(kernel.db, async (tx) => {
    await tx
      .insertInto('enterprise_agents')
      .values({ id, enterprise_id: enterpriseId, person_account_id: person.account_id, granted_by: actor.accountId, valid_until: input.validUntil ?? null })
      .execute();
    await audit(tx, actor, { action: 'agent.grant', objectType: 'enterprise', objectId: enterpriseId, detail: { agentAccountId: person.account_id, validUntil: input.validUntil ?? null } });
  });
  return { id };
}

export async function revokeAgent(kernel: Kernel, { actor, grantId }: { actor: AccountActor; grantId: string }): Promise<void> {
  const enterpriseId = requireEnterpriseOwner(actor);
  await inTransaction(kernel.db, async (tx) => {
    const revoked = await tx
      .updateTable('enterprise_agents')
      .set({ revoked_at: new Date() })
      .where('id', '=', grantId)
      .where('enterprise_id', '=', enterpriseId)
      .where('revoked_at', 'is', null)
      .returning(['person_account_id'])
      .executeTakeFirst();
    if (!revoked) throw new AppError('NOT_FOUND');
    // The agent's sessions acting for this enterprise stop acting at once.
    await tx.updateTable('sessions').set({ acting_for: null }).where('account_id', '=', revoked.person_account_id).where('acting_for', '=', enterpriseId).execute();
    await audit(tx, actor, { action: 'agent.revoke', objectType: 'enterprise', objectId: enterpriseId, detail: { agentAccountId: revoked.person_account_id } });
  });
}
