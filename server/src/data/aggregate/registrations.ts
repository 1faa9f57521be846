import { sql } from 'kysely';
import type {
  AggregateCandidateView,
  AggregateMeasureSpec,
  AggregateResourceListQuery,
  AggregateResourceView,
  PublishedDataResource,
  RegisterAggregateResourceInput,
  UpdateAggregateResourceInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable } from '../../kernel/db';
import { regionPrefix, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import { translate } from '../../kernel/i18n';
import { findPublishedResource } from '../catalogue';
import { inPlatformRegion, isConsumer, onOneLine, platformRegion, requirePlatform } from './access';
import { fieldName, fieldType, problemOf, registrationProblems } from './fields';
import { thousandths } from './budgets';
import { tables, type AggregateRow } from './tables';

// Registrations: the platform opens a published resource to aggregate-only queries, naming what may be grouped and
// summed, the minimum group size and the noise. The registration is checked against the resource's published version
// when made and again at every query (a later version may drop a field or make it personal).

export type Registration = AggregateRow<'aggregate_resources'>;

/** True when the registration no longer fits the resource (retired, or a field no longer usable as registered). */
export function isStale(row: Pick<Registration, 'dimensions' | 'measures'>, resource: PublishedDataResource | undefined): boolean {
  if (!resource || resource.status === 'retired') return true;
  return registrationProblems(resource, { dimensions: row.dimensions, measures: row.measures }).length > 0;
}

function view(row: Registration, resource: PublishedDataResource | undefined): AggregateResourceView {
  const fields = resource ?? { fields: [] };
  return {
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: resource?.name ?? row.resource_name,
    providerName: resource?.providerName ?? '',
    recordCount: resource?.recordCount ?? 0,
    dimensions: row.dimensions.map((key) => ({ key, name: fieldName(fields, key), type: fieldType(fields, key) })),
    measures: row.measures.map((m) => ({ key: m.field, name: fieldName(fields, m.field), type: fieldType(fields, m.field), clampMin: m.clampMin, clampMax: m.clampMax })),
    k: row.k,
    isNoisy: row.is_noisy,
    epsilon: thousandths(row.epsilon) / 1000,
    isActive: row.is_active,
    isStale: isStale(row, resource),
    note: row.note,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedByName: row.updated_by_name,
  };
}

async function publishedOrFail(db: Queryable, ref: string): Promise<PublishedDataResource> {
  const resource = await findPublishedResource(db, ref);
  if (!resource) throw new AppError('NOT_FOUND', { detail: 'aggregate.resourceNotFound' });
  return resource;
}

function checkSettings(resource: PublishedDataResource, settings: { dimensions: readonly string[]; measures: readonly AggregateMeasureSpec[] }): void {
  const problems = registrationProblems(resource, settings);
  if (problems.length > 0) throw invalid(problems);
}

function actorRefs(actor: Actor): { id: string | null; name: string | null } {
  return actor.kind === 'account' ? { id: actor.accountId, name: actor.displayName } : { id: null, name: actor.kind === 'system' ? actor.name : null };
}

export async function registerAggregateResource(kernel: Kernel, { actor, input }: { actor: Actor; input: RegisterAggregateResourceInput }): Promise<AggregateResourceView> {
  const region = requirePlatform(actor);
  const resource = await publishedOrFail(kernel.db, input.resource);
  if (!inPlatformRegion(region, resource.regionCode)) throw new AppError('OUT_OF_SCOPE', { detail: 'aggregate.outOfScope' });
  if (resource.status === 'retired') throw new AppError('CONFLICT', { detail: 'aggregate.resourceRetired' });
  checkSettings(resource, input);
  const who = actorRefs(actor);
  try {
    await inTransaction(kernel.db, async (tx) => {
      await tables(tx)
        .insertInto('aggregate_resources')
        .values({
          resource_id: resource.id,
          resource_code: resource.code,
          resource_name: resource.name,
          provider_department_id: resource.providerDepartmentId,
          region_code: resource.regionCode,
          dimensions: input.dimensions,
          measures: JSON.stringify(input.measures),
          k: input.k,
          is_noisy: input.isNoisy,
          epsilon: input.epsilon,
          note: input.note,
          created_by: who.id,
          updated_by: who.id,
          updated_by_name: who.name,
        })
        .execute();
      await audit(tx, actor, {
        action: 'aggregate.register',
        objectType: 'data-resource',
        objectId: resource.id,
        detail: { code: resource.code, dimensions: input.dimensions, measures: input.measures, k: input.k, isNoisy: input.isNoisy, epsilon: input.epsilon },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { detail: 'aggregate.alreadyRegistered' });
    throw error;
  }
  return getAggregateResource(kernel, { actor, resourceId: resource.id });
}

export async function updateAggregateResource(
  kernel: Kernel,
  { actor, resourceId, input }: { actor: Actor; resourceId: string; input: UpdateAggregateResourceInput },
): Promise<AggregateResourceView> {
  const region = requirePlatform(actor);
  const resource = await findPublishedResource(kernel.db, resourceId);
  // Withdrawing needs no check against the resource; reopening or changing it does.
  if (input.isActive) {
    if (!resource) throw new AppError('NOT_FOUND', { detail: 'aggregate.resourceNotFound' });
    if (resource.status === 'retired') throw new AppError('CONFLICT', { detail: 'aggregate.resourceRetired' });
    checkSettings(resource, input);
  }
  const who = actorRefs(actor);
  await inTransaction(kernel.db, async (tx) => {
    const db = tables(tx);
    const current = await db.selectFrom('aggregate_resources').selectAll().where('resource_id', '=', resourceId).forUpdate().executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', { detail: 'aggregate.notRegistered' });
    if (!inPlatformRegion(region, current.region_code)) throw new AppError('OUT_OF_SCOPE', { detail: 'aggregate.outOfScope' });
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    await db
      .updateTable('aggregate_resources')
      .set({
        resource_name: resource?.name ?? current.resource_name,
        dimensions: input.dimensions,
        measures: JSON.stringify(input.measures),
        k: input.k,
        is_noisy: input.isNoisy,
        epsilon: input.epsilon,
        is_active: input.isActive,
        note: input.note,
        version: current.version + 1,
        updated_by: who.id,
        updated_by_name: who.name,
        updated_at: sql`now()`,
      })
      .where('resource_id', '=', resourceId)
      .execute();
    await audit(tx, actor, {
      action: 'aggregate.update',
      objectType: 'data-resource',
      objectId: resourceId,
      detail: {
        code: current.resource_code,
        before: { dimensions: current.dimensions, measures: current.measures, k: current.k, isNoisy: current.is_noisy, epsilon: Number(current.epsilon), isActive: current.is_active },
        after: { dimensions: input.dimensions, measures: input.measures, k: input.k, isNoisy: input.isNoisy, epsilon: input.epsilon, isActive: input.isActive },
      },
    });
  });
  return getAggregateResource(kernel, { actor, resourceId });
}

/** What the actor may see of registrations: the platform its region's, consumers the active ones of their line. */
function visibleTo(actor: Actor, row: Pick<Registration, 'region_code' | 'is_active'>): boolean {
  const platform = platformRegion(actor);
  if (platform !== null && inPlatformRegion(platform, row.region_code)) return true;
  if (actor.kind === 'account' && isConsumer(actor) && actor.regionCode) return row.is_active && onOneLine(actor.regionCode, row.region_code);
  return false;
}

function requireReader(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (platformRegion(actor) === null && !(actor.kind === 'account' && isConsumer(actor))) throw new AppError('FORBIDDEN');
}

export async function getAggregateResource(kernel: Kernel, { actor, resourceId }: { actor: Actor; resourceId: string }): Promise<AggregateResourceView> {
  requireReader(actor);
  const row = await tables(kernel.db).selectFrom('aggregate_resources').selectAll().where('resource_id', '=', resourceId).executeTakeFirst();
  if (!row || !visibleTo(actor, row)) throw new AppError('NOT_FOUND', { detail: 'aggregate.notRegistered' });
  return view(row, await findPublishedResource(kernel.db, row.resource_id));
}

export async function listAggregateResources(kernel: Kernel, { actor, query }: { actor: Actor; query: AggregateResourceListQuery }): Promise<{ items: AggregateResourceView[]; total: number }> {
  requireReader(actor);
  const platform = platformRegion(actor);
  const includeInactive = platform !== null && query.includeInactive;
  const text = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await tables(kernel.db)
    .selectFrom('aggregate_resources')
    .selectAll()
    .$if(!includeInactive, (q) => q.where('is_active', '=', true))
    .$if(platform !== null && platform !== '', (q) => q.where('region_code', 'like', `${regionPrefix(platform ?? '')}%`))
    .$if(text !== null, (q) => q.where((eb) => eb.or([eb('resource_name', 'like', text ?? ''), eb('resource_code', 'like', text ?? '')])))
    .orderBy('resource_code')
    .execute();
  // Few registrations per region: scope on the rows, then page, then read each page's resources.
  const visible = rows.filter((r) => visibleTo(actor, r));
  const page = visible.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const items = await Promise.all(page.map(async (r) => view(r, await findPublishedResource(kernel.db, r.resource_id))));
  return { items, total: visible.length };
}

/** A published resource's fields with what each may serve as, for the platform's registration form. */
export async function aggregateCandidate(kernel: Kernel, { actor, ref }: { actor: Actor; ref: string }): Promise<AggregateCandidateView> {
  const region = requirePlatform(actor);
  const resource = await publishedOrFail(kernel.db, ref);
  if (!inPlatformRegion(region, resource.regionCode)) throw new AppError('OUT_OF_SCOPE', { detail: 'aggregate.outOfScope' });
  if (resource.status === 'retired') throw new AppError('CONFLICT', { detail: 'aggregate.resourceRetired' });
  const registered = await tables(kernel.db).selectFrom('aggregate_resources').select('resource_id').where('resource_id', '=', resource.id).executeTakeFirst();
  return {
    resourceId: resource.id,
    resourceCode: resource.code,
    resourceName: resource.name,
    providerName: resource.providerName,
    recordCount: resource.recordCount,
    isRegistered: Boolean(registered),
    fields: resource.fields.map((f) => {
      const asDimension = problemOf(f, resource.keyField, 'dimension');
      const asMeasure = problemOf(f, resource.keyField, 'measure');
      return { key: f.key, name: f.name, type: f.type, canBeDimension: asDimension === null, canBeMeasure: asMeasure === null, reason: asDimension !== null && asMeasure !== null ? translate(asDimension, actor.context.locale) : null };
    }),
  };
}
