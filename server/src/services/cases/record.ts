import type { CaseActionKind, CaseStatus, ClockEffect, WorkflowStepKey } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { audit } from '../../kernel/audit';
import type { Queryable } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { findDepartment } from '../../platform/departments';
import { appendActions, type CaseActionRow, type CaseRow } from './repo';

export type ActionRecord = {
  row: Pick<CaseRow, 'id' | 'case_number'>;
  action: CaseActionKind;
  from: CaseStatus | null;
  to: CaseStatus;
  step: WorkflowStepKey | null;
  note?: string;
  detail?: Record<string, unknown>;
  clock?: ClockEffect;
  at: Date;
};

function actorParts(actor: Actor): { id: string | null; name: string; role: string; departmentId: string | null } {
  switch (actor.kind) {
    case 'account':
      return {
        id: actor.accountId,
        name: actor.displayName,
        role: actor.accountType === 'staff' ? actor.roles.join(',') || 'staff' : 'applicant',
        departmentId: actor.accountType === 'staff' ? actor.departmentId : null,
      };
    case 'system':
      return { id: null, name: actor.name, role: 'system', departmentId: null };
    case 'anonymous':
      return { id: null, name: 'anonymous', role: 'anonymous', departmentId: null };
  }
}

/** Appends the action to the case's history and to the audit chain, in the caller's transaction. */
export async function recordAction(tx: Queryable, actor: Actor, record: ActionRecord): Promise<void> {
  await recordActions(tx, actor, [record]);
}

/**
 * Appends several actions of one case in order (one insert), each also to the audit chain. `firstSeq` is given by a
 * caller that has just created the case, so the history need not be read first.
 */
export async function recordActions(tx: Queryable, actor: Actor, records: readonly ActionRecord[], firstSeq?: number): Promise<CaseActionRow[]> {
  const first = records[0];
  if (!first) return [];
  const who = actorParts(actor);
  const department = who.departmentId ? await findDepartment(tx, who.departmentId) : undefined;
  const rows = await appendActions(
    tx,
    first.row.id,
    records.map((record) => ({
      id: newId(),
      action: record.action,
      from_status: record.from,
      to_status: record.to,
      step: record.step,
      actor_id: who.id,
      actor_name: who.name,
      actor_role: who.role,
      department_id: department?.id ?? null,
      department_name: department?.name ?? null,
      note: record.note ?? '',
      detail: JSON.stringify(record.detail ?? {}),
      clock: record.clock ?? 'none',
      at: record.at,
    })),
    firstSeq,
  );
  for (const record of records) {
    await audit(tx, actor, {
      action: `case.${record.action}`,
      objectType: 'case',
      objectId: record.row.id,
      detail: { caseNumber: record.row.case_number, from: record.from, to: record.to, step: record.step, ...(record.detail ?? {}) },
    });
  }
  return rows;
}
