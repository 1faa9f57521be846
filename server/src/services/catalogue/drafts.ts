import type { CreateDraftInput, ItemVersionDetail, ItemVersionElements, UpdateDraftInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { DB, Queryable, Transaction } from '../../kernel/db';
import { audit, canonicalJson, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import type { Actor } from '../../kernel/authz';
import { newId } from '../../kernel/ids';
import { findDepartment } from '../../platform/departments';
import { actorName } from './access';
import { findImplementation, implementationsOf, lockImplementation } from './implementations-repo';
import { findItem } from './items-repo';
import { skeletonElements } from './skeleton';
import { elementColumns, elementsOf, itemSnapshot } from './version-rows';
import { appendAction, deleteVersionRow, findVersion, insertVersion, latestVersion, updateVersionRow, versionsInForce } from './versions-repo';
import { assertMay, getVersionDetail, lockBoth, record, type Implementation } from './version-steps';

// Preparing a version: create a draft, edit it, throw it away.

/** Countersigning departments must exist: a case could not be routed to a department that does not. */
async function assertStepDepartments(db: Queryable, elements: ItemVersionElements): Promise<void> {
  const issues: { field: string; code: string }[] = [];
  for (const [i, step] of elements.workflow.steps.entries()) {
    for (const [j, departmentId] of step.departmentIds.entries()) {
      const department = await findDepartment(db, departmentId);
      if (!department || !department.is_active) issues.push({ field: `elements.workflow.steps.${i}.departmentIds.${j}`, code: 'catalogue.departmentNotFound' });
    }
  }
  if (issues.length > 0) throw invalid(issues);
}

type DraftSource = { elements: ItemVersionElements; from: string | null; note: string };

/** The history note of a new draft: which version it starts from, in words a catalogue editor reads. */
function basedOn(source: { version: number; implementation_id: string }, implementation: Implementation, owner: { implementation_code: string } | undefined): string {
  return source.implementation_id === implementation.id ? `以本实施清单第 ${source.version} 版为基础` : `以实施清单 ${owner?.implementation_code ?? ''} 第 ${source.version} 版为基础`;
}

/** Where a new draft's elements come from: the version asked for, else this implementation's newest, else a sibling's. */
async function draftSource(tx: Transaction<DB>, implementation: Implementation, fromVersionId: string | undefined): Promise<DraftSource> {
  if (fromVersionId) {
    const source = await findVersion(tx, fromVersionId);
    const owner = source ? await findImplementation(tx, source.implementation_id) : undefined;
    if (!source || owner?.service_item_id !== implementation.service_item_id) throw invalid([{ field: 'fromVersionId', code: 'catalogue.versionNotFound' }]);
    return { elements: elementsOf(source), from: source.id, note: basedOn(source, implementation, owner) };
  }
  const own = await latestVersion(tx, implementation.id);
  if (own) return { elements: elementsOf(own), from: own.id, note: basedOn(own, implementation, implementation) };
  // 四级四同: a new implementer starts from what another level already publishes, the highest level first.
  const siblings = (await implementationsOf(tx, [implementation.service_item_id])).filter((s) => s.id !== implementation.id);
  const inForce = await versionsInForce(tx, siblings.map((s) => s.id), new Date());
  const best = siblings.filter((s) => inForce.has(s.id)).sort((a, b) => a.region_code.localeCompare(b.region_code))[0];
  const sibling = best ? inForce.get(best.id) : undefined;
  return sibling && best ? { elements: elementsOf(sibling), from: sibling.id, note: basedOn(sibling, implementation, best) } : { elements: skeletonElements(), from: null, note: '' };
}

export async function createDraft(kernel: Kernel, { actor, implementationId, input }: { actor: Actor; implementationId: string; input: CreateDraftInput }): Promise<ItemVersionDetail> {
  const id = newId();
  try {
    await inTransaction(kernel.db, async (tx) => {
      const implementation = await lockImplementation(tx, implementationId);
      if (!implementation) throw new AppError('NOT_FOUND', { detail: 'catalogue.implementationNotFound' });
      assertMay(actor, null, 'create', implementation);
      if (!implementation.is_active) throw new AppError('CONFLICT', { detail: 'catalogue.implementationInactive' });
      const latest = await latestVersion(tx, implementationId);
      if (latest && (latest.status === 'draft' || latest.status === 'review')) throw new AppError('CONFLICT', { detail: 'catalogue.draftExists', params: { version: latest.version } });
      const item = await findItem(tx, implementation.service_item_id);
      if (!item) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
      const source = await draftSource(tx, implementation, input.fromVersionId);
      const row = {
        id,
        implementation_id: implementationId,
        version: (latest?.version ?? 0) + 1,
        status: 'draft' as const,
        item_snapshot: JSON.stringify(itemSnapshot(item)),
        ...elementColumns({ ...source.elements, changeNote: '' }),
      };
      await insertVersion(tx, row);
      await appendAction(tx, { version_id: id, action: 'create', from_status: null, to_status: 'draft', actor_id: actor.kind === 'account' ? actor.accountId : null, actor_name: actorName(actor), note: source.note });
      await audit(tx, actor, { action: 'service-item-version.create', objectType: 'service-item-version', objectId: id, detail: { implementationId, version: row.version, copiedFrom: source.from } });
      await emit(tx, 'service-item-version.create', { id, implementationId, version: row.version, status: 'draft' });
    });
  } catch (error) {
    // Lost a race with another editor creating the same implementation's draft.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { detail: 'catalogue.transitionNotAllowed' });
    throw error;
  }
  return getVersionDetail(kernel, { actor, id });
}

export async function updateDraft(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: UpdateDraftInput }): Promise<ItemVersionDetail> {
  await assertStepDepartments(kernel.db, input.elements);
  await inTransaction(kernel.db, async (tx) => {
    const { row, implementation } = await lockBoth(tx, id);
    assertMay(actor, row, 'edit', implementation);
    if (row.revision !== input.revision) throw new AppError('STALE_VERSION');
    const before = elementsOf(row);
    const changed = (Object.keys(input.elements) as (keyof ItemVersionElements)[]).filter((k) => canonicalJson(before[k]) !== canonicalJson(input.elements[k]));
    if (changed.length === 0) return;
    if (!(await updateVersionRow(tx, id, input.revision, elementColumns(input.elements)))) throw new AppError('STALE_VERSION');
    await record(tx, actor, row, 'edit', 'draft', '', { changed });
  });
  return getVersionDetail(kernel, { actor, id });
}

/** Deletes a draft nobody needs (its history goes with it; the audit trail keeps the record). */
export async function discardDraft(kernel: Kernel, { actor, id, revision }: { actor: Actor; id: string; revision: number }): Promise<void> {
  await inTransaction(kernel.db, async (tx) => {
    const { row, implementation } = await lockBoth(tx, id);
    assertMay(actor, row, 'discard', implementation);
    if (row.revision !== revision) throw new AppError('STALE_VERSION');
    await deleteVersionRow(tx, id);
    await record(tx, actor, row, 'discard', null, '');
  });
}
