import {
  shareDeadlineDays,
  type AnswerShareDemandInput,
  type CreateShareDemandInput,
  type ShareDemandListQuery,
  type ShareDemandView,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { toLocalDate } from '../../kernel/calendar';
import type { Queryable } from '../../kernel/db';
import { AppError, invalid } from '../../kernel/errors';
import { messageRef } from '../../kernel/i18n';
import { newId } from '../../kernel/ids';
import { emit } from '../../kernel/outbox';
import { deadlineAfter } from '../../platform/calendar';
import { findDepartment } from '../../platform/departments';
import { findPublishedResource } from '../catalogue';
import { actsAs, requireAnyPermission, seesRecord, staffWithDepartment, type PartiesScope } from './access';
import { nextNumber } from './requests-repo';
import { tables, type ExchangeRow } from './tables';
import { isDemandOpen, isOverdue } from './workflow';

// 需求清单: a consumer's demand for data not yet catalogued, addressed to the department thought to hold it. The
// provider answers within 10 working days: satisfied with a published resource of its own (资源代码), or refused with
// a reason; the filer may withdraw it while open. 共享需求满足率 is computed from these (statistics.ts).

type DemandRow = ExchangeRow<'share_demands'> & { consumer_name: string; provider_name: string; created_by_name: string | null; answered_by_name: string | null };

const demandNotFound = () => new AppError('NOT_FOUND');

function demandScope(row: Pick<DemandRow, 'consumer_department_id' | 'provider_department_id' | 'region_code'>): PartiesScope {
  return { consumerDepartmentId: row.consumer_department_id, providerDepartmentId: row.provider_department_id, regionCode: row.region_code };
}

function demandsWithNames(db: Queryable) {
  return tables(db)
    .selectFrom('share_demands as d')
    .innerJoin('departments as c', 'c.id', 'd.consumer_department_id')
    .innerJoin('departments as p', 'p.id', 'd.provider_department_id')
    .leftJoin('accounts as ca', 'ca.id', 'd.created_by')
    .leftJoin('accounts as aa', 'aa.id', 'd.answered_by')
    .selectAll('d')
    .select(['c.name as consumer_name', 'p.name as provider_name', 'ca.display_name as created_by_name', 'aa.display_name as answered_by_name']);
}

function toView(actor: Actor, row: DemandRow, now: Date): ShareDemandView {
  const isOpen = isDemandOpen(row.status);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    consumerDepartmentId: row.consumer_department_id,
    consumerName: row.consumer_name,
    providerDepartmentId: row.provider_department_id,
    providerName: row.provider_name,
    title: row.title,
    description: row.description,
    fieldsWanted: row.fields_wanted,
    purpose: row.purpose,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    isOverdue: isOpen && isOverdue(row.due_at, now),
    answeredAt: row.answered_at?.toISOString() ?? null,
    answeredBy: row.answered_by_name,
    resourceCode: row.resource_code,
    reason: row.reason,
    version: row.version,
    allowed: { answer: isOpen && actsAs(actor, 'provider', demandScope(row)), withdraw: isOpen && actsAs(actor, 'consumer', demandScope(row)) },
  };
}

export async function getShareDemand(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ShareDemandView> {
  requireAnyPermission(actor, ['share-request.create', 'share-request.review', 'share-request.answer']);
  const row = await demandsWithNames(kernel.db).where('d.id', '=', id).executeTakeFirst();
  if (!row || !seesRecord(actor, demandScope(row))) throw demandNotFound();
  return toView(actor, row, new Date());
}

export async function fileShareDemand(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateShareDemandInput }): Promise<ShareDemandView> {
  requirePermission(actor, 'share-request.create');
  const staff = staffWithDepartment(actor);
  if (input.providerDepartmentId === staff.departmentId) throw invalid([{ field: 'providerDepartmentId', code: 'exchange.demandOwnDepartment' }]);
  const provider = await findDepartment(kernel.db, input.providerDepartmentId);
  if (!provider || !provider.is_active) throw invalid([{ field: 'providerDepartmentId', code: 'exchange.demandProvider' }]);
  const id = newId();
  const now = new Date();
  await inTransaction(kernel.db, async (tx) => {
    const number = await nextNumber(tx, 'XQ', toLocalDate(now).slice(0, 4));
    await tables(tx)
      .insertInto('share_demands')
      .values({
        id,
        number,
        consumer_department_id: staff.departmentId,
        provider_department_id: provider.id,
        region_code: provider.region_code,
        title: input.title,
        description: input.description,
        fields_wanted: input.fieldsWanted,
        purpose: input.purpose,
        due_at: await deadlineAfter(tx, now, shareDeadlineDays.demand),
        resource_id: null,
        resource_code: null,
        reason: null,
        created_by: staff.accountId,
        created_at: now,
        answered_by: null,
      })
      .execute();
    const detail = { number, title: input.title, providerDepartmentId: provider.id };
    await audit(tx, actor, { action: 'share-demand.file', objectType: 'share-demand', objectId: id, detail });
    await emit(tx, 'share-demand.filed', { id, ...detail, consumerDepartmentId: staff.departmentId });
  });
  return getShareDemand(kernel, { actor, id });
}

async function lockDemand(tx: Queryable, id: string) {
  return tables(tx).selectFrom('share_demands').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

function transitionError(row: Pick<DemandRow, 'status'>): AppError {
  return new AppError('CONFLICT', { detail: 'exchange.demandTransition', params: { status: messageRef(`exchange.demandStatus.${row.status}`) } });
}

/** The addressed provider answers: satisfied with one of its published resources, or refused with a reason. */
export async function answerShareDemand(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: AnswerShareDemandInput }): Promise<ShareDemandView> {
  requirePermission(actor, 'share-request.answer');
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockDemand(tx, id);
    if (!row || !seesRecord(actor, demandScope(row))) throw demandNotFound();
    if (!actsAs(actor, 'provider', demandScope(row))) throw new AppError('FORBIDDEN', { detail: 'exchange.notYourQueue' });
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (!isDemandOpen(row.status)) throw transitionError(row);
    const now = new Date();
    const answeredBy = actor.kind === 'account' ? actor.accountId : null;
    if (input.decision === 'approve') {
      const resource = await findPublishedResource(tx, input.resourceCode);
      if (!resource || resource.status !== 'published' || resource.providerDepartmentId !== row.provider_department_id) {
        throw invalid([{ field: 'resourceCode', code: 'exchange.demandResourceProvider' }]);
      }
      await tables(tx)
        .updateTable('share_demands')
        .set({ status: 'satisfied', resource_id: resource.id, resource_code: resource.code, reason: input.reason || null, answered_by: answeredBy, answered_at: now, version: row.version + 1 })
        .where('id', '=', id)
        .execute();
    } else {
      await tables(tx)
        .updateTable('share_demands')
        .set({ status: 'refused', reason: input.reason, answered_by: answeredBy, answered_at: now, version: row.version + 1 })
        .where('id', '=', id)
        .execute();
    }
    const detail = { number: row.number, decision: input.decision, resourceCode: input.decision === 'approve' ? input.resourceCode : null, reason: input.reason };
    await audit(tx, actor, { action: 'share-demand.answer', objectType: 'share-demand', objectId: id, detail });
    await emit(tx, 'share-demand.answered', { id, ...detail, consumerDepartmentId: row.consumer_department_id, providerDepartmentId: row.provider_department_id });
  });
  return getShareDemand(kernel, { actor, id });
}

export async function withdrawShareDemand(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: { version: number } }): Promise<ShareDemandView> {
  requirePermission(actor, 'share-request.create');
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockDemand(tx, id);
    if (!row || !seesRecord(actor, demandScope(row))) throw demandNotFound();
    if (!actsAs(actor, 'consumer', demandScope(row))) throw new AppError('FORBIDDEN');
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (!isDemandOpen(row.status)) throw transitionError(row);
    await tables(tx).updateTable('share_demands').set({ status: 'withdrawn', version: row.version + 1 }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'share-demand.withdraw', objectType: 'share-demand', objectId: id, detail: { number: row.number } });
  });
  return getShareDemand(kernel, { actor, id });
}

export async function listShareDemands(kernel: Kernel, { actor, query }: { actor: Actor; query: ShareDemandListQuery }): Promise<{ items: ShareDemandView[]; total: number }> {
  let base = demandsWithNames(kernel.db);
  switch (query.view) {
    case 'mine':
      requirePermission(actor, 'share-request.create');
      base = base.where('d.consumer_department_id', '=', staffWithDepartment(actor).departmentId);
      break;
    case 'addressed':
      requirePermission(actor, 'share-request.answer');
      base = base.where('d.provider_department_id', '=', staffWithDepartment(actor).departmentId);
      break;
    case 'all': {
      requirePermission(actor, 'share-request.review');
      const staff = staffWithDepartment(actor);
      base = base.where('d.region_code', 'like', `${regionPrefix(staff.regionCode ?? '')}%`);
      break;
    }
  }
  if (query.status) base = base.where('d.status', '=', query.status);
  const ordered = query.view === 'addressed' ? base.orderBy('d.due_at').orderBy('d.id') : base.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc');
  const [rows, count] = await Promise.all([
    ordered.limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = new Date();
  return { items: rows.map((r) => toView(actor, r, now)), total: Number(count.n) };
}
