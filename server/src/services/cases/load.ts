import type { ItemVersionView } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { getItemVersion } from '../catalogue';
import type { Actor } from '../../kernel/authz';
import { assertCanRead } from './access';
import { departmentTookPart, findCase, listActions, listGaps, listMaterials, listPledges, type CaseRow } from './repo';
import type { CaseParts } from './views';
import { listCaseLicenses } from './license-materials';
import type { CaseState, ResumableStatus, Workflow } from './workflow';

export async function getCaseRow(db: Queryable, id: string): Promise<CaseRow> {
  const row = await findCase(db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
  return row;
}

/** The version the case was filed under (kept for life, whatever the catalogue publishes since). */
export function versionOf(db: Queryable, row: Pick<CaseRow, 'item_version_id'>): Promise<ItemVersionView> {
  return getItemVersion(db, row.item_version_id);
}

export async function loadParts(db: Queryable, row: CaseRow, version?: ItemVersionView): Promise<CaseParts> {
  const [v, materials, licenses, pledges, gaps, actions] = await Promise.all([version ?? versionOf(db, row), listMaterials(db, row.id), listCaseLicenses(db, row.id), listPledges(db, row.id), listGaps(db, row.id), listActions(db, row.id)]);
  return { row, version: v, materials, licenses, pledges, gaps, actions };
}

export function workflowOf(version: ItemVersionView): Workflow {
  return {
    steps: version.workflow.steps.map((s) => ({ key: s.key, role: s.role, departmentIds: s.departmentIds, isOptional: s.isOptional })),
    allowsSpecialProcedure: version.workflow.allowsSpecialProcedure,
  };
}

export function stateOf(row: CaseRow): CaseState {
  return {
    status: row.status,
    step: row.current_step,
    suspendKind: row.suspend_kind,
    resumeStatus: row.resume_status satisfies ResumableStatus | null,
    countersignPending: row.countersign_pending,
    caseKind: row.case_kind,
  };
}

/** The reader's perspective on the case, or the refusal (see access.ts). */
export function perspectiveOf(db: Queryable, actor: Actor, row: CaseRow): Promise<'applicant' | 'staff'> {
  return assertCanRead(actor, row, (departmentId) => departmentTookPart(db, row.id, departmentId));
}
