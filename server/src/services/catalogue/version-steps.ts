import type { ItemVersionAction, ItemVersionDetail } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { DB, Queryable, Row, Transaction } from '../../kernel/db';
import { audit } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError } from '../../kernel/errors';
import { hasPermission, type Actor } from '../../kernel/authz';
import { actorName, assertReadsInRegion, versionActorOf } from './access';
import { findImplementation, lockImplementation } from './implementations-repo';
import { loadRefs } from './refs';
import { actionsOf, appendAction, findVersion, lockVersion, type VersionRow } from './versions-repo';
import { toVersionView } from './views';
import { actionAuthority, allowedActions, decide } from './workflow';

// What every version action shares: reading the detail, locking, asking the workflow, recording history and audit.

export type Implementation = Row<'service_item_implementations'>;

export async function getVersionDetail(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ItemVersionDetail> {
  const row = await findVersion(kernel.db, id);
  const implementation = row ? await findImplementation(kernel.db, row.implementation_id) : undefined;
  if (!row || !implementation) throw new AppError('NOT_FOUND', { detail: 'catalogue.versionNotFound' });
  assertReadsInRegion(actor, implementation.region_code);
  return detailOf(kernel.db, actor, row, implementation);
}

async function detailOf(db: Queryable, actor: Actor, row: VersionRow, implementation: Implementation): Promise<ItemVersionDetail> {
  const refs = await loadRefs(db, { departmentIds: [implementation.department_id], regionCodes: [implementation.region_code] });
  const history = await actionsOf(db, row.id);
  const lastSubmit = [...history].reverse().find((h) => h.action === 'submit');
  const scope = { departmentId: implementation.department_id, regionCode: implementation.region_code };
  return {
    ...toVersionView(row, implementation, refs, new Date()),
    submittedBy: row.status === 'review' || row.status === 'published' || row.status === 'retired' ? (lastSubmit?.actor_name ?? null) : null,
    rejectReason: row.reject_reason,
    history: history.map((h) => ({ action: h.action, fromStatus: h.from_status, toStatus: h.to_status, actorName: h.actor_name, note: h.note, at: h.at.toISOString() })),
    allowedActions: allowedActions({ status: row.status, submittedBy: row.submitted_by }, versionActorOf(actor, scope)),
  };
}

/** Locks the implementation, then the version (always in this order, so two transitions never deadlock). */
export async function lockBoth(tx: Transaction<DB>, id: string): Promise<{ row: VersionRow; implementation: Implementation }> {
  const peek = await findVersion(tx, id);
  const implementation = peek ? await lockImplementation(tx, peek.implementation_id) : undefined;
  const row = implementation ? await lockVersion(tx, id) : undefined;
  if (!row || !implementation) throw new AppError('NOT_FOUND', { detail: 'catalogue.versionNotFound' });
  return { row, implementation };
}

/** The workflow's answer for this actor, as the error a person understands. */
export function assertMay(actor: Actor, row: Pick<VersionRow, 'status' | 'submitted_by'> | null, action: ItemVersionAction, implementation: Implementation): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const scope = { departmentId: implementation.department_id, regionCode: implementation.region_code };
  const decision = decide({ status: row?.status ?? null, submittedBy: row?.submitted_by ?? null }, action, versionActorOf(actor, scope));
  if (decision.ok) return;
  switch (decision.reason) {
    case 'forbidden': {
      const permission = actionAuthority[action] === 'reviewer' ? 'service-item.review' : 'service-item.manage';
      throw new AppError(actionAuthority[action] !== 'platform' && hasPermission(actor, permission) ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
    }
    case 'transition':
      throw new AppError('CONFLICT', { detail: 'catalogue.transitionNotAllowed' });
    case 'ownSubmission':
      throw new AppError('FORBIDDEN', { detail: 'catalogue.ownSubmission' });
  }
}

export async function record(tx: Transaction<DB>, actor: Actor, row: VersionRow, action: ItemVersionAction, to: VersionRow['status'] | null, note: string, detail: Record<string, unknown> = {}): Promise<void> {
  if (to !== null) await appendAction(tx, { version_id: row.id, action, from_status: row.status, to_status: to, actor_id: actor.kind === 'account' ? actor.accountId : null, actor_name: actorName(actor), note });
  await audit(tx, actor, { action: `service-item-version.${action}`, objectType: 'service-item-version', objectId: row.id, detail: { implementationId: row.implementation_id, version: row.version, from: row.status, to, note, ...detail } });
  await emit(tx, `service-item-version.${action}`, { id: row.id, implementationId: row.implementation_id, version: row.version, status: to });
}
