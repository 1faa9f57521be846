import type { PublishedDataResource, ShareFieldView, ShareRequestListQuery, ShareRequestSummary, ShareRequestView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import type { Queryable } from '../../kernel/db';
import { findPublishedResource } from '../catalogue';
import { actsAs, requireAnyPermission, seesRecord, staffWithDepartment, type PartiesScope } from './access';
import { findRequest, listActions, requestsWithNames, type RequestRow } from './requests-repo';
import { isOverdue, nextStatus, runningDeadline } from './workflow';

// Reading share requests: one with its history and what the reader may do now, and the lists (the consumer's own,
// the platform's queue, the provider's queue, everything the reader may see).

export const requestNotFound = () => new AppError('NOT_FOUND');

export function requestScope(row: Pick<RequestRow, 'consumer_department_id' | 'provider_department_id' | 'region_code'>): PartiesScope {
  return { consumerDepartmentId: row.consumer_department_id, providerDepartmentId: row.provider_department_id, regionCode: row.region_code };
}

function toSummary(row: RequestRow, now: Date): ShareRequestSummary {
  const due = runningDeadline(row);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    providerDepartmentId: row.provider_department_id,
    providerName: row.provider_name,
    consumerDepartmentId: row.consumer_department_id,
    consumerName: row.consumer_name,
    isConditional: row.is_conditional,
    fieldCount: row.fields.length,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    createdAt: row.created_at.toISOString(),
    dueAt: due?.toISOString() ?? null,
    isOverdue: isOverdue(due, now),
  };
}

function fieldViews(keys: readonly string[], resource: PublishedDataResource | undefined): ShareFieldView[] {
  return keys.map((key) => {
    const field = resource?.fields.find((f) => f.key === key);
    return { key, name: field?.name ?? key, shareType: field?.shareType ?? 'conditional', masking: field?.masking ?? 'none' };
  });
}

export async function requestView(db: Queryable, actor: Actor, row: RequestRow): Promise<ShareRequestView> {
  const [resource, actions] = await Promise.all([findPublishedResource(db, row.resource_id), listActions(db, row.id)]);
  const scope = requestScope(row);
  const can = (action: Parameters<typeof nextStatus>[0], party: 'platform' | 'provider' | 'consumer') =>
    nextStatus(action, row.status, { isConditional: row.is_conditional }) !== undefined && actsAs(actor, party, scope);
  return {
    ...toSummary(row, new Date()),
    version: row.version,
    requestedBy: actions.find((a) => a.action === 'submit')?.actor_name ?? null,
    fields: fieldViews(row.fields, resource),
    unmaskedRequested: row.unmasked_requested,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    resourceLegalBasis: resource?.legalBasis ?? '',
    expectedDailyVolume: row.expected_daily_volume,
    platformDueAt: row.platform_due_at.toISOString(),
    providerDueAt: row.provider_due_at?.toISOString() ?? null,
    rateLimitPerSecond: row.rate_limit_per_second,
    dailyQuota: row.daily_quota,
    unmaskedFields: row.unmasked_fields,
    refusalReason: row.refusal_reason,
    grantId: row.grant_id,
    history: actions.map((a) => ({
      action: a.action,
      fromStatus: a.from_status,
      toStatus: a.to_status,
      actorName: a.actor_name,
      departmentName: a.department_name,
      note: a.note,
      at: a.at.toISOString(),
    })),
    allowed: {
      review: can('platformApprove', 'platform'),
      answer: can('providerApprove', 'provider'),
      withdraw: can('withdraw', 'consumer'),
    },
  };
}

export async function getShareRequest(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ShareRequestView> {
  requireAnyPermission(actor, ['share-request.create', 'share-request.review', 'share-request.answer']);
  const row = await findRequest(kernel.db, id);
  // Someone else's request does not exist, as far as this reader is concerned.
  if (!row || !seesRecord(actor, requestScope(row))) throw requestNotFound();
  return requestView(kernel.db, actor, row);
}

export async function listShareRequests(kernel: Kernel, { actor, query }: { actor: Actor; query: ShareRequestListQuery }): Promise<{ items: ShareRequestSummary[]; total: number }> {
  let base = requestsWithNames(kernel.db);
  switch (query.view) {
    case 'mine': {
      requirePermission(actor, 'share-request.create');
      base = base.where('r.consumer_department_id', '=', staffWithDepartment(actor).departmentId);
      break;
    }
    case 'review': {
      requirePermission(actor, 'share-request.review');
      const staff = staffWithDepartment(actor);
      base = base.where('r.region_code', 'like', `${regionPrefix(staff.regionCode ?? '')}%`).where('r.status', '=', query.status ?? 'platformReview');
      break;
    }
    case 'answer': {
      requirePermission(actor, 'share-request.answer');
      base = base.where('r.provider_department_id', '=', staffWithDepartment(actor).departmentId).where('r.status', '=', query.status ?? 'providerReview');
      break;
    }
    case 'all': {
      requireAnyPermission(actor, ['share-request.create', 'share-request.review', 'share-request.answer']);
      const staff = staffWithDepartment(actor);
      const prefix = staff.permissions.has('share-request.review') && staff.regionCode ? regionPrefix(staff.regionCode) : null;
      base = base.where((eb) =>
        eb.or([
          ...(staff.permissions.has('share-request.create') ? [eb('r.consumer_department_id', '=', staff.departmentId)] : []),
          ...(staff.permissions.has('share-request.answer') ? [eb('r.provider_department_id', '=', staff.departmentId)] : []),
          ...(prefix !== null ? [eb('r.region_code', 'like', `${prefix}%`)] : []),
        ]),
      );
      break;
    }
  }
  if (query.status && (query.view === 'mine' || query.view === 'all')) base = base.where('r.status', '=', query.status);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('r.number', 'ilike', like), eb('r.resource_code', 'ilike', like), eb('r.resource_name', 'ilike', like)]));
  }
  // Queues put the nearest deadline first; the other lists the newest request.
  const ordered =
    query.view === 'review' ? base.orderBy('r.platform_due_at').orderBy('r.id') : query.view === 'answer' ? base.orderBy('r.provider_due_at').orderBy('r.id') : base.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc');
  const [rows, count] = await Promise.all([
    ordered.limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = new Date();
  return { items: rows.map((r) => toSummary(r, now)), total: Number(count.n) };
}
