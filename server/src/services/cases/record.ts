import type { CaseActionKind, CaseStatus, ClockEffect, WorkflowStepKey } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { audit } from '../../kernel/audit';
import type { Queryable } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { findDepartment } from '../../platform/departments';
import { appendAction, type CaseRow } from './repo';

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
  const who = actorParts(actor);
  const department = who.departmentId ? await findDepartment(tx, who.departmentId) : undefined;
  const detail = record.detail ?? {};
  await appendAction(tx, {
    id: newId(),
    case_id: record.row.id,
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
    detail: JSON.stringify(detail),
    clock: record.clock ?? 'none',
    at: record.at,
  });
  await audit(tx, actor, {
    action: `case.${record.action}`,
    objectType: 'case',
    objectId: record.row.id,
    detail: { caseNumber: record.row.case_number, from: record.from, to: record.to, step: record.step, ...detail },
  });
}
