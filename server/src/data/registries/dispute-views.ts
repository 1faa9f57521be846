import type { Locale, RegistryDisputeSummary, RegistryDisputeView, RegistryValue } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { hasPermission, type Actor } from '../../kernel/authz';
import { sm4Decrypt, sm4Encrypt } from '../../kernel/crypto';
import { isOverdue } from './dispute-workflow';
import { maskingOf, type RegistryShape } from './model';
import { maskValue, shown } from './mask';
import type { SourceNames } from './sources';
import { keyValueOf } from './subject-keys';
import { tables, type RegistryRow } from './tables';

// Disputes as their readers see them: the raiser (about their own record) and the verifying department see the values
// whole; everyone else masked.

export type DisputeRow = RegistryRow<'registry_disputes'>;

function context(id: string, what: 'claimed' | 'disputed' | 'corrected'): string {
  return `registry-dispute:${id}:${what}`;
}

export function sealDisputeValue(keys: Keys, id: string, what: 'claimed' | 'disputed' | 'corrected', value: RegistryValue): string {
  return sm4Encrypt(keys.field, JSON.stringify(value), context(id, what));
}

export function openDisputeValue(keys: Keys, id: string, what: 'claimed' | 'disputed' | 'corrected', sealed: string): RegistryValue {
  return JSON.parse(sm4Decrypt(keys.field, sealed, context(id, what))) as RegistryValue;
}

/** The verifying department's data admins. */
export function isHandler(actor: Actor, row: Pick<DisputeRow, 'handling_department_id'>): boolean {
  return actor.kind === 'account' && actor.accountType === 'staff' && hasPermission(actor, 'data-dispute.handle') && actor.departmentId === row.handling_department_id;
}

export function isRaiser(actor: Actor, row: Pick<DisputeRow, 'raised_by'>): boolean {
  return actor.kind === 'account' && actor.accountId === row.raised_by;
}

/** Whether the reader sees the values whole: the verifying department, or a citizen or enterprise about their own record. */
export function seesWhole(actor: Actor, row: Pick<DisputeRow, 'handling_department_id' | 'raised_by' | 'raiser_kind'>): boolean {
  return isHandler(actor, row) || (isRaiser(actor, row) && row.raiser_kind !== 'department');
}

export async function disputeSummary(db: Queryable, keys: Keys, names: SourceNames, shape: RegistryShape, row: DisputeRow, now: Date): Promise<RegistryDisputeSummary> {
  const subject = await tables(db).selectFrom('registry_subjects').select(['registry', 'subject_key', 'key_sealed']).where('id', '=', row.subject_id).executeTakeFirstOrThrow();
  const keyValue = keyValueOf(keys, subject);
  return {
    id: row.id,
    number: row.number,
    registry: row.registry,
    subjectId: row.subject_id,
    subjectKey: row.registry === 'person' ? String(maskValue('idNumber', keyValue)) : keyValue,
    fieldKey: row.field_key,
    fieldName: shape.field(row.field_key)?.name ?? row.field_key,
    raiserKind: row.raiser_kind,
    raiserName: row.raiser_kind === 'department' ? row.raiser_name : String(maskValue('name', row.raiser_name)),
    raiserDepartmentName: await names.departmentName(row.raiser_department_id),
    status: row.status,
    handlingDepartmentId: row.handling_department_id,
    handlingDepartmentName: (await names.departmentName(row.handling_department_id)) ?? '',
    raisedAt: row.created_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    isOverdue: isOverdue(row.status, row.due_at, now),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}

export async function disputeView(db: Queryable, keys: Keys, names: SourceNames, shape: RegistryShape, row: DisputeRow, actor: Actor, now: Date): Promise<RegistryDisputeView> {
  const summary = await disputeSummary(db, keys, names, shape, row, now);
  const history = await tables(db).selectFrom('registry_dispute_actions').selectAll().where('dispute_id', '=', row.id).orderBy('id').execute();
  const isWhole = seesWhole(actor, row);
  const kind = maskingOf(shape, row.field_key);
  const claimed = openDisputeValue(keys, row.id, 'claimed', row.claimed_sealed);
  const corrected = row.corrected_sealed ? openDisputeValue(keys, row.id, 'corrected', row.corrected_sealed) : null;
  const asText = (v: RegistryValue) => (v === null ? '' : String(v));
  return {
    ...summary,
    // The raiser's own name is theirs to see.
    raiserName: isWhole || row.raiser_kind === 'department' ? row.raiser_name : summary.raiserName,
    reason: row.reason,
    disputedValue: shown(kind, openDisputeValue(keys, row.id, 'disputed', row.disputed_sealed), isWhole),
    claimedValue: asText(shown(kind, claimed, isWhole || isRaiser(actor, row))),
    correctedValue: corrected === null ? null : asText(shown(kind, corrected, isWhole)),
    isMasked: !isWhole,
    decidedByName: row.decided_by_name,
    decisionNote: row.decision_note,
    version: row.version,
    history: history.map((h) => ({ id: h.id, action: h.action, actorName: h.actor_name, note: h.note, at: h.at.toISOString() })),
    canDecide: row.status === 'open' && isHandler(actor, row),
    canWithdraw: row.status === 'open' && isRaiser(actor, row),
  };
}

export function localeOf(actor: Actor): Locale {
  return actor.context.locale;
}
