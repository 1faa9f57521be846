import { sql, type UpdateObject } from 'kysely';
import type { PublishDataResourceInput, ReturnDataResourceInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError } from '../../kernel/errors';
import { actorId, actorName, assertManages, assertRetires, assertReviews } from './access';
import { assertValidDefinition, notFound, stateOf, transitionError } from './drafts';
import { departmentsById, insertAction, lockResource, openVersionOf, searchColumns, updateResource, type ResourceRow } from './repo';
import { refusalOf, statusAfter, type WorkflowAction } from './workflow';
import { tables, type CatalogueDB } from './tables';

// 审核发布: the provider submits its draft; the platform's reviewer publishes it (the version it replaces is
// superseded, consumers see the new one at once) or returns it with a reason; either side may retire a resource.
// Other domains hear of publications and retirements through the outbox (data-resource.published / .retired).

type Step = { actor: Actor; id: string; version: number };

/** Locks the row, checks the version the actor saw and that the action is possible now. */
async function begin(tx: Queryable, step: Step, action: WorkflowAction, assertMay: (actor: Actor, row: ResourceRow) => void) {
  const row = await lockResource(tx, step.id);
  if (!row) throw notFound();
  assertMay(step.actor, row);
  if (row.version !== step.version) throw new AppError('STALE_VERSION');
  const state = await stateOf(tx, row);
  const refusal = refusalOf(state, action);
  if (refusal) throw transitionError(refusal, action);
  const open = await openVersionOf(tx, row.id);
  return { row, state, open };
}

type VersionChange = UpdateObject<CatalogueDB, 'data_resource_versions'>;

async function markVersion(tx: Queryable, resourceId: string, number: number, set: VersionChange): Promise<void> {
  await tables(tx).updateTable('data_resource_versions').set(set).where('resource_id', '=', resourceId).where('number', '=', number).execute();
}

export async function submitResource(kernel: Kernel, step: Step): Promise<{ version: number }> {
  return inTransaction(kernel.db, async (tx) => {
    const { row, state, open } = await begin(tx, step, 'submit', assertManages);
    if (!open) throw transitionError('noDraft', 'submit');
    // The rules may have changed since the draft was saved (a sub-level removed, a department closed).
    await assertValidDefinition(tx, open.definition);
    await markVersion(tx, row.id, open.number, { status: 'review', submitted_at: sql`now()` });
    await updateResource(tx, row.id, { status: statusAfter(state, 'submit') });
    await insertAction(tx, { resource_id: row.id, action: 'submit', version_number: open.number, actor_id: actorId(step.actor), actor_name: actorName(step.actor), note: open.note });
    await audit(tx, step.actor, { action: 'data-resource.submit', objectType: 'data-resource', objectId: row.id, detail: { code: row.code, versionNumber: open.number } });
    return { version: row.version + 1 };
  });
}

export async function publishResource(kernel: Kernel, step: Step & { input: Pick<PublishDataResourceInput, 'note'> }): Promise<{ version: number }> {
  return inTransaction(kernel.db, async (tx) => {
    const { row, open } = await begin(tx, step, 'publish', assertReviews);
    if (!open) throw transitionError('noReview', 'publish');
    const definition = open.definition;
    const provider = (await departmentsById(tx, [row.provider_department_id])).get(row.provider_department_id);
    if (row.published_version !== null) await markVersion(tx, row.id, row.published_version, { status: 'superseded' });
    await markVersion(tx, row.id, open.number, { status: 'published', decided_by: actorId(step.actor), decided_at: sql`now()`, decision_note: step.input.note });
    await updateResource(tx, row.id, {
      status: 'published',
      published_version: open.number,
      definition: JSON.stringify(definition),
      ...searchColumns(definition, row.code, provider?.name ?? ''),
    });
    await insertAction(tx, { resource_id: row.id, action: 'publish', version_number: open.number, actor_id: actorId(step.actor), actor_name: actorName(step.actor), note: step.input.note });
    await audit(tx, step.actor, { action: 'data-resource.publish', objectType: 'data-resource', objectId: row.id, detail: { code: row.code, versionNumber: open.number, replaced: row.published_version } });
    await emit(tx, 'data-resource.published', { id: row.id, code: row.code, version: open.number, providerDepartmentId: row.provider_department_id });
    return { version: row.version + 1 };
  });
}

export async function returnResource(kernel: Kernel, step: Step & { input: Pick<ReturnDataResourceInput, 'reason'> }): Promise<{ version: number }> {
  return inTransaction(kernel.db, async (tx) => {
    const { row, state, open } = await begin(tx, step, 'return', assertReviews);
    if (!open) throw transitionError('noReview', 'return');
    await markVersion(tx, row.id, open.number, { status: 'returned', decided_by: actorId(step.actor), decided_at: sql`now()`, decision_note: step.input.reason });
    await updateResource(tx, row.id, { status: statusAfter(state, 'return') });
    await insertAction(tx, { resource_id: row.id, action: 'return', version_number: open.number, actor_id: actorId(step.actor), actor_name: actorName(step.actor), note: step.input.reason });
    await audit(tx, step.actor, { action: 'data-resource.return', objectType: 'data-resource', objectId: row.id, detail: { code: row.code, versionNumber: open.number, reason: step.input.reason } });
    return { version: row.version + 1 };
  });
}

/** 停用: no new share requests; the exchange ends grants on data-resource.retired. An open version is closed with the reason. */
export async function retireResource(kernel: Kernel, step: Step & { input: Pick<ReturnDataResourceInput, 'reason'> }): Promise<{ version: number }> {
  return inTransaction(kernel.db, async (tx) => {
    const { row, open } = await begin(tx, step, 'retire', assertRetires);
    if (open) await markVersion(tx, row.id, open.number, { status: 'returned', decided_by: actorId(step.actor), decided_at: sql`now()`, decision_note: step.input.reason });
    await updateResource(tx, row.id, { status: 'retired' });
    await insertAction(tx, { resource_id: row.id, action: 'retire', version_number: row.published_version, actor_id: actorId(step.actor), actor_name: actorName(step.actor), note: step.input.reason });
    await audit(tx, step.actor, { action: 'data-resource.retire', objectType: 'data-resource', objectId: row.id, detail: { code: row.code, reason: step.input.reason } });
    await emit(tx, 'data-resource.retired', { id: row.id, code: row.code, version: row.published_version, providerDepartmentId: row.provider_department_id });
    return { version: row.version + 1 };
  });
}
