import { sql } from 'kysely';
import {
  REGISTRY_DISPUTE_WORKING_DAYS,
  type CorrectRegistryDisputeInput,
  type RaiseRegistryDisputeInput,
  type RegistryDisputeRaiserKind,
  type RegistryDisputeView,
  type RejectRegistryDisputeInput,
  type WithdrawRegistryDisputeInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { isStaff, requirePermission, systemActor, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { messageRef } from '../../kernel/i18n';
import { addWorkingDays, toLocalDate } from '../../kernel/calendar';
import { readCalendar } from '../../platform/calendar';
import { crossCheck } from './cross-check';
import { roleFor, nextStatus } from './dispute-workflow';
import { disputeView, isHandler, isRaiser, openDisputeValue, sealDisputeValue, type DisputeRow } from './dispute-views';
import { registryShape } from './model';
import { recordObservations } from './observe';
import { resolveField } from './resolve';
import { loadHolders, SourceNames } from './sources';
import { readSubjectValues } from './store';
import { keyValueOf } from './subject-keys';
import { tables, type RegistryRow } from './tables';
import { sameValue, typedValue } from './values';

// 异议核实: raising a dispute about a registry value, and its verification by the field's authoritative department
// within 5 working days — corrected (the verified value recorded as that department's observation, the record
// rewritten, the cross-check of the subject run at once) or rejected with a reason; the raiser may withdraw. Every step
// is one transaction with its history row, audit record and outbox event.

export type Raiser = { kind: RegistryDisputeRaiserKind; accountId: string; name: string; departmentId: string | null; enterpriseId: string | null };

function notFound(): AppError {
  return new AppError('NOT_FOUND', { detail: 'registry.disputeNotFound' });
}

/** Raises a dispute in the caller's transaction; the caller has checked the raiser may speak about the subject. */
export async function raiseDispute(
  tx: Queryable,
  keys: Keys,
  actor: Actor,
  options: { raiser: Raiser; subject: RegistryRow<'registry_subjects'>; input: RaiseRegistryDisputeInput; now?: Date },
): Promise<string> {
  const { raiser, subject, input } = options;
  const now = options.now ?? new Date();
  const shape = await registryShape(tx, subject.registry);
  if (!shape.resource) throw new AppError('CONFLICT', { detail: 'registry.notCatalogued', params: { action: messageRef('registry.action.raise') } });
  const field = shape.field(input.fieldKey);
  if (!field) throw invalid([{ field: 'fieldKey', code: 'registry.fieldUnknown' }]);
  if (field.isKey) throw invalid([{ field: 'fieldKey', code: 'registry.keyFieldValue' }]);
  if (!field.authority) throw new AppError('CONFLICT', { detail: 'registry.noAuthority' });
  const claimed = typedValue(field.type, input.claimedValue);
  if (!claimed.ok) throw invalid([{ field: 'claimedValue', code: claimed.code }]);
  const values = (await readSubjectValues(tx, keys, [subject.id], { fieldKey: field.key })).get(subject.id) ?? [];
  const current = resolveField(values, field.authority, await loadHolders(tx)).authoritative?.value ?? null;
  if (sameValue(current, claimed.value)) throw invalid([{ field: 'claimedValue', code: 'registry.sameValue' }]);
  const db = tables(tx);
  const taken = await db.selectFrom('registry_disputes').select('id').where('subject_id', '=', subject.id).where('field_key', '=', field.key).where('status', '=', 'open').executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE', { detail: 'registry.disputeOpen' });

  const id = newId();
  const dueAt = addWorkingDays(await readCalendar(tx), now, REGISTRY_DISPUTE_WORKING_DAYS);
  const date = toLocalDate(now).replace(/-/g, '');
  try {
    await db
      .insertInto('registry_disputes')
      .values({
        id,
        number: sql<string>`${`YY${date}`} || lpad(nextval('registry_dispute_numbers')::text, 6, '0')`,
        subject_id: subject.id,
        registry: subject.registry,
        field_key: field.key,
        raiser_kind: raiser.kind,
        raised_by: raiser.accountId,
        raiser_name: raiser.name,
        raiser_department_id: raiser.kind === 'department' ? raiser.departmentId : null,
        raiser_enterprise_id: raiser.enterpriseId,
        reason: input.reason,
        claimed_sealed: sealDisputeValue(keys, id, 'claimed', claimed.value),
        disputed_sealed: sealDisputeValue(keys, id, 'disputed', current),
        handling_department_id: field.authority,
        due_at: dueAt,
        created_at: now,
      })
      .execute();
  } catch (error) {
    // Two raised at once: the unique index on open disputes lets one through.
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { detail: 'registry.disputeOpen' });
    throw error;
  }
  await db.insertInto('registry_dispute_actions').values({ id: newId(), dispute_id: id, action: 'raise', actor_id: raiser.accountId, actor_name: raiser.name, note: input.reason, at: now }).execute();
  await audit(tx, actor, { action: 'registry-dispute.raise', objectType: 'registry-dispute', objectId: id, detail: { registry: subject.registry, subjectId: subject.id, fieldKey: field.key, raiserKind: raiser.kind, handlingDepartmentId: field.authority } });
  await emit(tx, 'registry-dispute.raised', { id, registry: subject.registry, subjectId: subject.id, fieldKey: field.key, raiserKind: raiser.kind, raisedBy: raiser.accountId, handlingDepartmentId: field.authority, dueAt: dueAt.toISOString() });
  return id;
}

export async function getDisputeRow(db: Queryable, id: string): Promise<DisputeRow> {
  const row = await tables(db).selectFrom('registry_disputes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Who may read a dispute: its raiser, the verifying department's data admins, the raising department, registry readers. */
export function canReadDispute(actor: Actor, row: DisputeRow): boolean {
  if (isRaiser(actor, row) || isHandler(actor, row)) return true;
  if (!isStaff(actor)) return false;
  if (actor.permissions.has('registry.read')) return true;
  // Colleagues of a raising department who may raise disputes themselves follow its answer.
  return actor.departmentId !== null && actor.departmentId === row.raiser_department_id && actor.permissions.has('share-request.create');
}

/** One dispute as its reader may see it; reading whole values is audited. */
export async function readDispute(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<RegistryDisputeView> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const row = await getDisputeRow(kernel.db, id);
  if (!canReadDispute(actor, row)) throw notFound();
  if (isHandler(actor, row)) {
    await inTransaction(kernel.db, (tx) => audit(tx, actor, { action: 'registry-dispute.read', objectType: 'registry-dispute', objectId: id, detail: { whole: true } }));
  }
  return disputeViewOf(kernel.db, kernel.keys, actor, row);
}

export async function disputeViewOf(db: Queryable, keys: Keys, actor: Actor, row: DisputeRow): Promise<RegistryDisputeView> {
  const names = new SourceNames(db, actor.context.locale, await loadHolders(db));
  return disputeView(db, keys, names, await registryShape(db, row.registry, actor.context.locale), row, actor, new Date());
}

type DecisionInput =
  | { decision: 'correct'; input: CorrectRegistryDisputeInput }
  | { decision: 'reject'; input: RejectRegistryDisputeInput }
  | { decision: 'withdraw'; input: WithdrawRegistryDisputeInput };

function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'account':
      return actor.displayName;
    case 'system':
      return actor.name;
    case 'anonymous':
      return '';
  }
}

/**
 * Corrects, rejects or withdraws. The row is locked first: of two verifiers acting at once, the second waits, then
 * finds the dispute decided (409) — or, with a version read before the first acted, STALE_VERSION (409).
 */
export async function decideDispute(kernel: Kernel, { actor, id, action }: { actor: Actor; id: string; action: DecisionInput }): Promise<RegistryDisputeView> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const { decision } = action;
  if (roleFor(decision) === 'handler') requirePermission(actor, 'data-dispute.handle');
  const row = await inTransaction(kernel.db, async (tx) => {
    const db = tables(tx);
    const current = await db.selectFrom('registry_disputes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current || !canReadDispute(actor, current)) throw notFound();
    if (roleFor(decision) === 'handler' && !isHandler(actor, current)) throw new AppError('FORBIDDEN', { detail: 'registry.notHandler' });
    if (roleFor(decision) === 'raiser' && !isRaiser(actor, current)) throw new AppError('FORBIDDEN', { detail: 'registry.notRaiser' });
    const next = nextStatus(current.status, decision);
    if (!next) throw new AppError('CONFLICT', { detail: 'registry.disputeClosed', params: { status: messageRef(`registry.disputeStatus.${current.status}`), action: messageRef(`registry.action.${decision}`) } });
    if (current.version !== action.input.version) throw new AppError('STALE_VERSION');

    let note = '';
    let correctedSealed: string | null = null;
    if (action.decision === 'correct') {
      note = action.input.note;
      const value = await recordCorrection(tx, kernel.keys, actor, current, action.input.value);
      correctedSealed = sealDisputeValue(kernel.keys, id, 'corrected', value);
    } else if (action.decision === 'reject') note = action.input.reason;
    const name = actorName(actor);
    const updated = await db
      .updateTable('registry_disputes')
      .set({
        status: next,
        decided_by: actor.kind === 'account' ? actor.accountId : null,
        decided_by_name: name,
        decided_at: sql`now()`,
        decision_note: note,
        corrected_sealed: correctedSealed,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('STALE_VERSION');
    await db.insertInto('registry_dispute_actions').values({ id: newId(), dispute_id: id, action: decision, actor_id: actor.kind === 'account' ? actor.accountId : null, actor_name: name, note }).execute();
    await audit(tx, actor, { action: `registry-dispute.${decision}`, objectType: 'registry-dispute', objectId: id, detail: { registry: current.registry, fieldKey: current.field_key, status: next, note } });
    // The raiser is told through this event (a notification service may pick it up); the portal shows the status.
    await emit(tx, 'registry-dispute.decided', { id, number: current.number, registry: current.registry, subjectId: current.subject_id, fieldKey: current.field_key, status: next, raiserKind: current.raiser_kind, raisedBy: current.raised_by });
    return updated;
  });
  return disputeViewOf(kernel.db, kernel.keys, actor, row);
}

/** The verified value becomes the authoritative department's own observation; the record and the checks follow. */
async function recordCorrection(tx: Queryable, keys: Keys, actor: Actor, dispute: DisputeRow, given: string | undefined) {
  const shape = await registryShape(tx, dispute.registry);
  if (!shape.resource) throw new AppError('CONFLICT', { detail: 'registry.notCatalogued', params: { action: messageRef('registry.action.correct') } });
  const field = shape.field(dispute.field_key);
  if (!field) throw invalid([{ field: 'value', code: 'registry.fieldUnknown' }]);
  const raw = given ?? openDisputeValue(keys, dispute.id, 'claimed', dispute.claimed_sealed);
  const typed = typedValue(field.type, raw);
  if (!typed.ok) throw invalid([{ field: 'value', code: typed.code }]);
  const subject = await tables(tx).selectFrom('registry_subjects').selectAll().where('id', '=', dispute.subject_id).executeTakeFirstOrThrow();
  await recordObservations(tx, keys, shape, {
    source: dispute.handling_department_id,
    recordedBy: actor.kind === 'account' ? actor.accountId : null,
    rows: [{ keyValue: keyValueOf(keys, subject), values: new Map([[field.key, typed.value]]), observedAt: new Date() }],
  });
  await crossCheck(tx, keys, dispute.registry, { trigger: 'dispute', subjectIds: [subject.id] });
  return typed.value;
}

export const OVERDUE_JOB = 'registries.dispute-overdue';
export const OVERDUE_INTERVAL_SECONDS = 600;

/** Flags open disputes past their deadline, once each: history, audit, and an event for whoever supervises. */
export async function flagOverdueDisputes(tx: Queryable, now = new Date(), limit = 200): Promise<number> {
  const db = tables(tx);
  const due = await db
    .selectFrom('registry_disputes')
    .select(['id', 'number', 'registry', 'field_key', 'handling_department_id', 'due_at'])
    .where('status', '=', 'open')
    .where('overdue_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  const actor = systemActor('registries.dispute-overdue');
  for (const d of due) {
    await db.updateTable('registry_disputes').set({ overdue_at: now }).where('id', '=', d.id).execute();
    await db.insertInto('registry_dispute_actions').values({ id: newId(), dispute_id: d.id, action: 'overdue', actor_id: null, actor_name: '系统', note: '', at: now }).execute();
    await audit(tx, actor, { action: 'registry-dispute.overdue', objectType: 'registry-dispute', objectId: d.id, detail: { dueAt: d.due_at.toISOString(), handlingDepartmentId: d.handling_department_id } });
    await emit(tx, 'registry-dispute.overdue', { id: d.id, number: d.number, registry: d.registry, fieldKey: d.field_key, handlingDepartmentId: d.handling_department_id, dueAt: d.due_at.toISOString() });
  }
  return due.length;
}
