import type { ExchangeGrantListQuery, ExchangeGrantStatus, ExchangeGrantView, GrantLimitsInput, PublishedDataResource } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { toLocalDate } from '../../kernel/calendar';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { emit } from '../../kernel/outbox';
import { findPublishedResource } from '../catalogue';
import { actsAs, requireAnyPermission, seesRecord, staffWithDepartment, type PartiesScope } from './access';
import { isMaskedField } from './masking';
import { tables, type ExchangeRow, type GrantField } from './tables';

// 共享授权: what an approved request allows. Made in the approving transaction; revoked by the platform or the
// provider; the platform may change its limits. Expiry is computed from the last valid day, never stored.

export type GrantRow = ExchangeRow<'exchange_grants'>;
type GrantRowWithNames = GrantRow & { consumer_name: string; provider_name: string; request_number: string };

const grantNotFound = () => new AppError('NOT_FOUND', { detail: 'exchange.grantNotFound' });

/** The status a reader is told: revoked, or by today's Beijing date against the period. */
export function grantStatusOf(row: Pick<GrantRow, 'status' | 'valid_from' | 'valid_to'>, today: string): ExchangeGrantStatus {
  if (row.status === 'revoked') return 'revoked';
  if (today < row.valid_from) return 'upcoming';
  if (today > row.valid_to) return 'expired';
  return 'active';
}

export function grantScope(row: Pick<GrantRow, 'consumer_department_id' | 'provider_department_id' | 'region_code'>): PartiesScope {
  return { consumerDepartmentId: row.consumer_department_id, providerDepartmentId: row.provider_department_id, regionCode: row.region_code };
}

/** Writes the grant of an approved request (inside the approving transaction). */
export async function insertGrant(
  tx: Queryable,
  request: ExchangeRow<'share_requests'>,
  terms: { unmaskedFields: readonly string[]; rateLimitPerSecond: number; dailyQuota: number },
): Promise<string> {
  const id = newId();
  const fields: GrantField[] = request.fields.map((key) => ({ key, unmasked: terms.unmaskedFields.includes(key) }));
  await tables(tx)
    .insertInto('exchange_grants')
    .values({
      id,
      request_id: request.id,
      consumer_department_id: request.consumer_department_id,
      provider_department_id: request.provider_department_id,
      region_code: request.region_code,
      resource_id: request.resource_id,
      resource_code: request.resource_code,
      resource_name: request.resource_name,
      fields: JSON.stringify(fields),
      purpose: request.purpose,
      valid_from: request.valid_from,
      valid_to: request.valid_to,
      rate_limit_per_second: terms.rateLimitPerSecond,
      daily_quota: terms.dailyQuota,
    })
    .execute();
  return id;
}

function grantsWithNames(db: Queryable) {
  return tables(db)
    .selectFrom('exchange_grants as g')
    .innerJoin('departments as c', 'c.id', 'g.consumer_department_id')
    .innerJoin('departments as p', 'p.id', 'g.provider_department_id')
    .innerJoin('share_requests as r', 'r.id', 'g.request_id')
    .selectAll('g')
    .select(['c.name as consumer_name', 'p.name as provider_name', 'r.number as request_number']);
}

function toView(actor: Actor, row: GrantRowWithNames, resource: PublishedDataResource | undefined, today: string): ExchangeGrantView {
  const scope = grantScope(row);
  const status = grantStatusOf(row, today);
  const isOpen = status !== 'revoked' && status !== 'expired';
  return {
    id: row.id,
    requestId: row.request_id,
    requestNumber: row.request_number,
    status,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    providerDepartmentId: row.provider_department_id,
    providerName: row.provider_name,
    consumerDepartmentId: row.consumer_department_id,
    consumerName: row.consumer_name,
    fields: row.fields.map((g) => {
      const field = resource?.fields.find((f) => f.key === g.key);
      const masking = field?.masking ?? 'none';
      return { key: g.key, name: field?.name ?? g.key, masking, isMasked: isMaskedField(masking, g) };
    }),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    rateLimitPerSecond: row.rate_limit_per_second,
    dailyQuota: row.daily_quota,
    purpose: row.purpose,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokeReason: row.revoke_reason,
    version: row.version,
    allowed: {
      revoke: isOpen && (actsAs(actor, 'platform', scope) || actsAs(actor, 'provider', scope)),
      changeLimits: isOpen && actsAs(actor, 'platform', scope),
    },
  };
}

async function viewsOf(kernel: Kernel, actor: Actor, rows: GrantRowWithNames[]): Promise<ExchangeGrantView[]> {
  const resources = new Map<string, PublishedDataResource | undefined>();
  for (const id of new Set(rows.map((r) => r.resource_id))) resources.set(id, await findPublishedResource(kernel.db, id));
  const today = toLocalDate(new Date());
  return rows.map((row) => toView(actor, row, resources.get(row.resource_id), today));
}

export async function getGrant(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ExchangeGrantView> {
  requireAnyPermission(actor, ['share-request.create', 'share-request.review', 'share-request.answer']);
  const row = await grantsWithNames(kernel.db).where('g.id', '=', id).executeTakeFirst();
  if (!row || !seesRecord(actor, grantScope(row))) throw grantNotFound();
  const [view] = await viewsOf(kernel, actor, [row]);
  if (!view) throw grantNotFound();
  return view;
}

export async function listGrants(kernel: Kernel, { actor, query }: { actor: Actor; query: ExchangeGrantListQuery }): Promise<{ items: ExchangeGrantView[]; total: number }> {
  let base = grantsWithNames(kernel.db);
  switch (query.view) {
    case 'mine': {
      requirePermission(actor, 'share-request.create');
      base = base.where('g.consumer_department_id', '=', staffWithDepartment(actor).departmentId);
      break;
    }
    case 'provided': {
      requirePermission(actor, 'share-request.answer');
      base = base.where('g.provider_department_id', '=', staffWithDepartment(actor).departmentId);
      break;
    }
    case 'all': {
      requirePermission(actor, 'share-request.review');
      const staff = staffWithDepartment(actor);
      base = base.where('g.region_code', 'like', `${regionPrefix(staff.regionCode ?? '')}%`);
      break;
    }
  }
  const today = toLocalDate(new Date());
  switch (query.status) {
    case undefined:
      break;
    case 'revoked':
      base = base.where('g.status', '=', 'revoked');
      break;
    case 'upcoming':
      base = base.where('g.status', '=', 'active').where('g.valid_from', '>', today);
      break;
    case 'expired':
      base = base.where('g.status', '=', 'active').where('g.valid_to', '<', today);
      break;
    case 'active':
      base = base.where('g.status', '=', 'active').where('g.valid_from', '<=', today).where('g.valid_to', '>=', today);
      break;
  }
  const [rows, count] = await Promise.all([
    base.orderBy('g.created_at', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await viewsOf(kernel, actor, rows), total: Number(count.n) };
}

async function lockGrant(tx: Queryable, id: string): Promise<GrantRow | undefined> {
  return tables(tx).selectFrom('exchange_grants').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** 撤销授权: the platform or the provider ends a grant at once (calls with it are refused from then on). */
export async function revokeGrant(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: { version: number; reason: string } }): Promise<ExchangeGrantView> {
  requireAnyPermission(actor, ['share-request.review', 'share-request.answer']);
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockGrant(tx, id);
    if (!row || !seesRecord(actor, grantScope(row))) throw grantNotFound();
    if (!actsAs(actor, 'platform', grantScope(row)) && !actsAs(actor, 'provider', grantScope(row))) throw new AppError('FORBIDDEN');
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (row.status === 'revoked') throw new AppError('CONFLICT', { detail: 'exchange.grantRevoked' });
    await tables(tx)
      .updateTable('exchange_grants')
      .set({ status: 'revoked', revoked_at: new Date(), revoked_by: actor.kind === 'account' ? actor.accountId : null, revoke_reason: input.reason, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit(tx, actor, { action: 'exchange-grant.revoke', objectType: 'exchange-grant', objectId: id, detail: { resourceCode: row.resource_code, consumerDepartmentId: row.consumer_department_id, reason: input.reason } });
    await emit(tx, 'exchange-grant.revoked', { id, resourceId: row.resource_id, consumerDepartmentId: row.consumer_department_id, providerDepartmentId: row.provider_department_id });
  });
  return getGrant(kernel, { actor, id });
}

/** The platform changes a grant's rate limit and daily quota (e.g. after the consumer's load changed). */
export async function changeGrantLimits(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: GrantLimitsInput }): Promise<ExchangeGrantView> {
  requirePermission(actor, 'share-request.review');
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockGrant(tx, id);
    if (!row || !seesRecord(actor, grantScope(row))) throw grantNotFound();
    if (!actsAs(actor, 'platform', grantScope(row))) throw new AppError('FORBIDDEN');
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (row.status === 'revoked') throw new AppError('CONFLICT', { detail: 'exchange.grantRevoked' });
    await tables(tx)
      .updateTable('exchange_grants')
      .set({ rate_limit_per_second: input.rateLimitPerSecond, daily_quota: input.dailyQuota, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit(tx, actor, {
      action: 'exchange-grant.limits',
      objectType: 'exchange-grant',
      objectId: id,
      detail: { from: { rateLimitPerSecond: row.rate_limit_per_second, dailyQuota: row.daily_quota }, to: { rateLimitPerSecond: input.rateLimitPerSecond, dailyQuota: input.dailyQuota } },
    });
  });
  return getGrant(kernel, { actor, id });
}
