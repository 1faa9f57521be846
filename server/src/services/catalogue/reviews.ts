import {
  itemVersionElementIssues,
  itemVersionElementsShape,
  type ApproveVersionInput,
  type ItemVersionDetail,
  type RejectVersionInput,
  type RevisionInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { AppError, invalid } from '../../kernel/errors';
import type { Actor } from '../../kernel/authz';
import { findItem } from './items-repo';
import { unfilledFields } from './skeleton';
import { elementsOf, itemSnapshot } from './version-rows';
import { updateVersionRow, type VersionRow } from './versions-repo';
import { assertMay, getVersionDetail, lockBoth, record } from './version-steps';
import { inTransaction } from '../../kernel/audit';

// Review and publication: submit, withdraw, send back, approve with an effective time, retire.

/** Submitting checks the stored draft as a whole once more, and that nothing is left to be filled in. */
function assertComplete(row: VersionRow): void {
  const elements = elementsOf(row);
  const parsed = itemVersionElementsShape.safeParse(elements);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { detail: 'catalogue.invalidStored', fields: parsed.error.issues.map((i) => ({ field: `elements.${i.path.join('.')}`, code: i.message })) });
  const issues = [
    ...itemVersionElementIssues(parsed.data).map((i) => ({ field: `elements.${i.field}`, code: i.code })),
    ...unfilledFields(parsed.data).map((field) => ({ field: `elements.${field}`, code: 'catalogue.unfilled' })),
  ];
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { detail: 'catalogue.invalidStored', fields: issues });
}

export async function submitVersion(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: RevisionInput }): Promise<ItemVersionDetail> {
  await inTransaction(kernel.db, async (tx) => {
    const { row, implementation } = await lockBoth(tx, id);
    assertMay(actor, row, 'submit', implementation);
    if (row.revision !== input.revision) throw new AppError('STALE_VERSION');
    if (!implementation.is_active) throw new AppError('CONFLICT', { detail: 'catalogue.implementationInactive' });
    assertComplete(row);
    const changes = { status: 'review' as const, submitted_by: actor.kind === 'account' ? actor.accountId : null, submitted_at: new Date(), reject_reason: null };
    if (!(await updateVersionRow(tx, id, input.revision, changes))) throw new AppError('STALE_VERSION');
    await record(tx, actor, row, 'submit', 'review', input.note);
  });
  return getVersionDetail(kernel, { actor, id });
}

export async function withdrawVersion(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: RevisionInput }): Promise<ItemVersionDetail> {
  await inTransaction(kernel.db, async (tx) => {
    const { row, implementation } = await lockBoth(tx, id);
    assertMay(actor, row, 'withdraw', implementation);
    if (row.revision !== input.revision) throw new AppError('STALE_VERSION');
    if (!(await updateVersionRow(tx, id, input.revision, { status: 'draft', submitted_at: null, submitted_by: null }))) throw new AppError('STALE_VERSION');
    await record(tx, actor, row, 'withdraw', 'draft', input.note);
  });
  return getVersionDetail(kernel, { actor, id });
}

export async function rejectVersion(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: RejectVersionInput }): Promise<ItemVersionDetail> {
  await inTransaction(kernel.db, async (tx) => {
    const { row, implementation } = await lockBoth(tx, id);
    assertMay(actor, row, 'reject', implementation);
    if (row.revision !== input.revision) throw new AppError('STALE_VERSION');
    if (!(await updateVersionRow(tx, id, input.revision, { status: 'draft', submitted_at: null, submitted_by: null, reject_reason: input.reason }))) throw new AppError('STALE_VERSION');
    await record(tx, actor, row, 'reject', 'draft', input.reason);
  });
  return getVersionDetail(kernel, { actor, id });
}

// A client's clock may run a little behind the server's; "now" typed a moment ago is still now.
const CLOCK_SKEW_MS = 60_000;

/**
 * Publishes a version from `effectiveFrom` (default now). The version in force until then gets that time as its end:
 * at once when it is now, otherwise the supersede job marks it retired when the time comes.
 */
export async function approveVersion(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: ApproveVersionInput }): Promise<ItemVersionDetail> {
  await inTransaction(kernel.db, async (tx) => {
    const { row, implementation } = await lockBoth(tx, id);
    assertMay(actor, row, 'approve', implementation);
    if (row.revision !== input.revision) throw new AppError('STALE_VERSION');
    if (!implementation.is_active) throw new AppError('CONFLICT', { detail: 'catalogue.implementationInactive' });
    const now = new Date();
    const requested = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
    if (requested.getTime() < now.getTime() - CLOCK_SKEW_MS) throw invalid([{ field: 'effectiveFrom', code: 'catalogue.effectiveTooEarly' }]);
    const effectiveFrom = requested < now ? now : requested;
    const item = await findItem(tx, implementation.service_item_id);
    if (!item) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });

    const open = await tx
      .selectFrom('service_item_versions')
      .selectAll()
      .where('implementation_id', '=', implementation.id)
      .where('status', '=', 'published')
      .where('effective_to', 'is', null)
      .executeTakeFirst();
    if (open && open.effective_from !== null && open.effective_from >= effectiveFrom) throw invalid([{ field: 'effectiveFrom', code: 'catalogue.effectiveTooEarly' }]);
    if (open) {
      const isNow = effectiveFrom.getTime() <= now.getTime();
      const ended = isNow ? { status: 'retired' as const, effective_to: effectiveFrom } : { effective_to: effectiveFrom };
      if (!(await updateVersionRow(tx, open.id, open.revision, ended))) throw new AppError('STALE_VERSION');
      if (isNow) await record(tx, actor, open, 'supersede', 'retired', `superseded by version ${row.version}`, { successorId: row.id });
    }
    // The published version records the item as defined now (a case keeps the basis it was decided under).
    const changes = { status: 'published' as const, effective_from: effectiveFrom, item_snapshot: JSON.stringify(itemSnapshot(item)), reject_reason: null };
    if (!(await updateVersionRow(tx, id, input.revision, changes))) throw new AppError('STALE_VERSION');
    await record(tx, actor, row, 'approve', 'published', input.note, { effectiveFrom: effectiveFrom.toISOString(), previousId: open?.id ?? null, serviceItemId: item.id });
  });
  return getVersionDetail(kernel, { actor, id });
}

/**
 * Takes a published version out of force now. A version still waiting for its effective date is retired without ever
 * taking effect, and the one it was to replace stays in force.
 */
export async function retireVersion(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: RevisionInput }): Promise<ItemVersionDetail> {
  await inTransaction(kernel.db, async (tx) => {
    const { row, implementation } = await lockBoth(tx, id);
    assertMay(actor, row, 'retire', implementation);
    if (row.revision !== input.revision) throw new AppError('STALE_VERSION');
    const now = new Date();
    const from = row.effective_from ?? now;
    const isScheduled = from > now;
    const end = isScheduled ? from : row.effective_to !== null && row.effective_to < now ? row.effective_to : now;
    if (!(await updateVersionRow(tx, id, input.revision, { status: 'retired', effective_to: end }))) throw new AppError('STALE_VERSION');
    if (isScheduled) {
      const predecessor = await tx
        .selectFrom('service_item_versions')
        .selectAll()
        .where('implementation_id', '=', implementation.id)
        .where('status', '=', 'published')
        .where('effective_to', '=', from)
        .executeTakeFirst();
      if (predecessor && !(await updateVersionRow(tx, predecessor.id, predecessor.revision, { effective_to: row.effective_to }))) throw new AppError('STALE_VERSION');
    }
    await record(tx, actor, row, 'retire', 'retired', input.note, { effectiveTo: end.toISOString(), wasScheduled: isScheduled });
  });
  return getVersionDetail(kernel, { actor, id });
}
