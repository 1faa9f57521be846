import { sql } from 'kysely';
import type { CreateDataResourceInput, DataResourceDefinition, SaveDataResourceDraftInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable } from '../../kernel/db';
import { hasPermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import { messageRef } from '../../kernel/i18n';
import { newId } from '../../kernel/ids';
import { actorId, actorName, assertManages } from './access';
import { asFieldIssues, definitionIssues } from './definition';
import { departmentsById, insertAction, insertVersion, latestVersionOf, lockResource, openVersionOf, searchColumns, updateResource, type DepartmentRef, type ResourceRow } from './repo';
import { refusalOf, type Refusal, type ResourceState, type WorkflowAction } from './workflow';
import { tables } from './tables';

// 编目: a provider's data admin creates a resource (its code fixed from then on) and edits its draft; with no open
// version, saving starts a new draft version from the newest one while the published version keeps serving.

export function transitionError(refusal: Refusal, action: WorkflowAction): AppError {
  return new AppError('CONFLICT', { detail: 'data.transition', params: { state: messageRef(`data.state.${refusal}`), action: messageRef(`data.action.${action}`) } });
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND', { detail: 'data.resourceNotFound' });
}

export async function stateOf(db: Queryable, row: ResourceRow): Promise<ResourceState> {
  const open = await openVersionOf(db, row.id);
  return { status: row.status, open: open ? (open.status as 'draft' | 'review') : null, publishedVersion: row.published_version };
}

/** The provider, when it exists, is active and the actor may catalogue for it. */
export async function providerFor(db: Queryable, actor: Actor, departmentId: string): Promise<DepartmentRef> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, 'data-resource.manage')) throw new AppError('FORBIDDEN');
  const provider = (await departmentsById(db, [departmentId])).get(departmentId);
  if (!provider?.is_active) throw invalid([{ field: 'providerDepartmentId', code: 'data.providerUnknown' }]);
  assertManages(actor, { provider_department_id: provider.id, region_code: provider.region_code });
  return provider;
}

export async function assertValidDefinition(db: Queryable, definition: DataResourceDefinition): Promise<void> {
  const issues = await definitionIssues(db, definition);
  if (issues.length > 0) throw invalid(asFieldIssues(issues));
}

type NewResource = { code: string; provider: DepartmentRef; sourceKind: CreateDataResourceInput['sourceKind']; definition: DataResourceDefinition; note: string };

/** Inserts a resource with its first draft (checked by the caller); a taken code fails on the unique constraint. */
export async function insertResource(tx: Queryable, actor: Actor, input: NewResource): Promise<string> {
  const id = newId();
  await tables(tx)
    .insertInto('data_resources')
    .values({
      id,
      code: input.code,
      provider_department_id: input.provider.id,
      region_code: input.provider.region_code,
      source_kind: input.sourceKind,
      status: 'draft',
      published_version: null,
      definition: null,
      ...searchColumns(input.definition, input.code, input.provider.name),
      record_count: 0,
      records_updated_at: null,
      created_by: actorId(actor),
      created_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .execute();
  await insertVersion(tx, { resource_id: id, number: 1, status: 'draft', definition: JSON.stringify(input.definition), note: input.note, created_by: actorId(actor) });
  await insertAction(tx, { resource_id: id, action: 'create', version_number: 1, actor_id: actorId(actor), actor_name: actorName(actor), note: input.note });
  await audit(tx, actor, { action: 'data-resource.create', objectType: 'data-resource', objectId: id, detail: { code: input.code, providerDepartmentId: input.provider.id, name: input.definition.name } });
  return id;
}

/** Writes the definition into the open draft, or starts a new draft version (the caller locked and checked the row). */
export async function writeDraft(tx: Queryable, actor: Actor, row: ResourceRow, definition: DataResourceDefinition, note: string): Promise<number> {
  const open = await openVersionOf(tx, row.id);
  let number: number;
  if (open) {
    number = open.number;
    await tables(tx)
      .updateTable('data_resource_versions')
      .set({ definition: JSON.stringify(definition), note })
      .where('resource_id', '=', row.id)
      .where('number', '=', number)
      .execute();
    await insertAction(tx, { resource_id: row.id, action: 'edit', version_number: number, actor_id: actorId(actor), actor_name: actorName(actor), note });
  } else {
    number = ((await latestVersionOf(tx, row.id))?.number ?? 0) + 1;
    await insertVersion(tx, { resource_id: row.id, number, status: 'draft', definition: JSON.stringify(definition), note, created_by: actorId(actor) });
    await insertAction(tx, { resource_id: row.id, action: 'newVersion', version_number: number, actor_id: actorId(actor), actor_name: actorName(actor), note });
  }
  // Before the first publication the search columns follow the draft; afterwards, the published version.
  const provider = row.published_version === null ? (await departmentsById(tx, [row.provider_department_id])).get(row.provider_department_id) : undefined;
  await updateResource(tx, row.id, provider ? searchColumns(definition, row.code, provider.name) : {});
  await audit(tx, actor, { action: 'data-resource.draft', objectType: 'data-resource', objectId: row.id, detail: { code: row.code, versionNumber: number, isNewVersion: !open, note } });
  return number;
}

/** Creates a resource; its id and row version (for the next step). */
export async function createResource(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateDataResourceInput }): Promise<{ id: string; version: number }> {
  const provider = await providerFor(kernel.db, actor, input.providerDepartmentId);
  await assertValidDefinition(kernel.db, input.definition);
  try {
    const id = await inTransaction(kernel.db, (tx) => insertResource(tx, actor, { code: input.code, provider, sourceKind: input.sourceKind, definition: input.definition, note: input.note }));
    return { id, version: 1 };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'code', code: 'data.codeTaken' }] });
    throw error;
  }
}

export async function saveDraft(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: SaveDataResourceDraftInput }): Promise<void> {
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockResource(tx, id);
    if (!row) throw notFound();
    assertManages(actor, row);
    // Two officers editing the same entry: whoever saves first wins; the other is told it changed.
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const refusal = refusalOf(await stateOf(tx, row), 'edit');
    if (refusal) throw transitionError(refusal, 'edit');
    await assertValidDefinition(tx, input.definition);
    await writeDraft(tx, actor, row, input.definition, input.note);
  });
}
