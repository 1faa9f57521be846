import { sql } from 'kysely';
import {
  registryKinds,
  type RegistryConflictQuery,
  type RegistryConflictSummary,
  type RegistryConflictView,
  type RegistryDisputeQuery,
  type RegistryDisputeSummary,
  type RegistryKind,
  type RegistryOverview,
  type RegistrySubjectQuery,
  type RegistrySubjectSummary,
  type RegistrySubjectView,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { hasPermission, isStaff, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid } from '../../kernel/errors';
import { pendingSubjects } from './cross-check';
import { disputeSummary } from './dispute-views';
import { maskingOf, registryShape, type RegistryShape } from './model';
import { maskValue, shown } from './mask';
import { resolveField } from './resolve';
import { loadHolders, SourceNames } from './sources';
import { readSubjectValues } from './store';
import { checkSubjectKey, findSubject, subjectKeyOf } from './subject-keys';
import { subjectKeyText, subjectView } from './subject-views';
import { tables } from './tables';

// What registry readers (registry.read) see: an overview, subjects found by key or browsed, one subject with its
// sources, the conflicts report, and the disputes queue. Values are masked unless person.unmask is used; every read of
// personal values is audited.

const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;

async function context(kernel: Kernel, actor: Actor, registry: RegistryKind): Promise<{ shape: RegistryShape; names: SourceNames; holders: Awaited<ReturnType<typeof loadHolders>> }> {
  const holders = await loadHolders(kernel.db);
  return { shape: await registryShape(kernel.db, registry, actor.context.locale), names: new SourceNames(kernel.db, actor.context.locale, holders), holders };
}

export async function readOverview(kernel: Kernel, { actor }: { actor: Actor }): Promise<RegistryOverview> {
  requirePermission(actor, 'registry.read');
  const db = tables(kernel.db);
  const items: RegistryOverview['items'] = [];
  for (const registry of registryKinds) {
    const shape = await registryShape(kernel.db, registry, actor.context.locale);
    const counts = await db
      .selectFrom('registry_subjects')
      .select(sql<string>`count(*)`.as('n'))
      .where('registry', '=', registry)
      .executeTakeFirstOrThrow();
    const conflicts = await db
      .selectFrom('registry_conflicts as c')
      .innerJoin('registry_subjects as s', 's.id', 'c.subject_id')
      .select(sql<string>`count(*)`.as('n'))
      .where('s.registry', '=', registry)
      .where('c.status', '=', 'open')
      .executeTakeFirstOrThrow();
    const disputes = await db
      .selectFrom('registry_disputes')
      .select([sql<string>`count(*)`.as('n'), sql<string>`count(*) filter (where due_at < now())`.as('overdue')])
      .where('registry', '=', registry)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const lastRun = await db.selectFrom('registry_check_runs').select('finished_at').where('registry', '=', registry).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
    const r = shape.resource;
    items.push({
      registry,
      resource: r ? { id: r.id, code: r.code, name: r.name, providerName: r.providerName, version: r.version } : null,
      subjects: Number(counts.n),
      openConflicts: Number(conflicts.n),
      openDisputes: Number(disputes.n),
      overdueDisputes: Number(disputes.overdue),
      lastCheckAt: lastRun ? lastRun.finished_at.toISOString() : null,
    });
  }
  return { items };
}

export async function listSubjects(kernel: Kernel, { actor, registry, query }: { actor: Actor; registry: RegistryKind; query: RegistrySubjectQuery }): Promise<{ items: RegistrySubjectSummary[]; total: number }> {
  requirePermission(actor, 'registry.read');
  let base = tables(kernel.db).selectFrom('registry_subjects as s').where('s.registry', '=', registry);
  if (query.key) {
    const key = checkSubjectKey(registry, query.key);
    if (!key.ok) throw invalid([{ field: 'key', code: key.code }]);
    base = base.where('s.subject_key', '=', subjectKeyOf(kernel.keys, registry, key.value));
  }
  if (query.hasConflicts !== undefined) {
    const exists = sql<boolean>`exists (select 1 from registry_conflicts c where c.subject_id = s.id and c.status = 'open')`;
    base = base.where(query.hasConflicts ? exists : sql<boolean>`not ${exists}`);
  }
  const total = Number((await base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base.selectAll('s').orderBy('s.changed_at', 'desc').orderBy('s.id').limit(query.pageSize).offset(offsetOf(query)).execute();
  const { shape, holders } = await context(kernel, actor, registry);
  const ids = rows.map((r) => r.id);
  const values = await readSubjectValues(kernel.db, kernel.keys, ids);
  const counts = await tables(kernel.db)
    .selectFrom('registry_subjects as s')
    .select([
      's.id',
      sql<string>`(select count(*) from registry_conflicts c where c.subject_id = s.id and c.status = 'open')`.as('conflicts'),
      sql<string>`(select count(*) from registry_disputes d where d.subject_id = s.id and d.status = 'open')`.as('disputes'),
    ])
    .where('s.id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  const countOf = new Map(counts.map((c) => [c.id, c]));
  const nameField = shape.field('name');
  const items = rows.map((s): RegistrySubjectSummary => {
    const own = values.get(s.id) ?? [];
    const names = own.filter((v) => v.fieldKey === 'name');
    const counted = resolveField(names, nameField?.authority ?? null, holders).authoritative ?? [...names].sort((a, b) => b.observedAt.getTime() - a.observedAt.getTime())[0];
    return {
      id: s.id,
      registry,
      key: subjectKeyText(kernel.keys, s, false),
      name: counted && counted.value !== null ? String(shown(maskingOf(shape, 'name'), counted.value, false)) : null,
      sources: new Set(own.map((v) => v.source)).size,
      openConflicts: Number(countOf.get(s.id)?.conflicts ?? 0),
      openDisputes: Number(countOf.get(s.id)?.disputes ?? 0),
      changedAt: s.changed_at.toISOString(),
      recordWrittenAt: s.record_written_at ? s.record_written_at.toISOString() : null,
    };
  });
  await inTransaction(kernel.db, (tx) =>
    audit(tx, actor, { action: query.key ? 'registry.search' : 'registry.list', objectType: 'registry', objectId: registry, detail: { found: total, page: query.page, masked: true } }),
  );
  return { items, total };
}

/** One subject with every source's value; `unmask` needs person.unmask and is audited as such. */
export async function readSubject(kernel: Kernel, { actor, registry, id, unmask }: { actor: Actor; registry: RegistryKind; id: string; unmask: boolean }): Promise<RegistrySubjectView> {
  requirePermission(actor, 'registry.read');
  if (unmask && !hasPermission(actor, 'person.unmask')) throw new AppError('FORBIDDEN', { detail: 'registry.unmaskForbidden' });
  const subject = await findSubject(kernel.db, id);
  if (!subject || subject.registry !== registry) throw new AppError('NOT_FOUND', { detail: 'registry.subjectNotFound' });
  const { shape, names, holders } = await context(kernel, actor, registry);
  const values = (await readSubjectValues(kernel.db, kernel.keys, [id])).get(id) ?? [];
  await inTransaction(kernel.db, (tx) => audit(tx, actor, { action: unmask ? 'registry.unmask' : 'registry.read', objectType: 'registry-subject', objectId: id, detail: { registry } }));
  return subjectView(kernel.db, kernel.keys, { shape, subject, values, holders, names, isWhole: unmask });
}

export async function listConflicts(kernel: Kernel, { actor, registry, query }: { actor: Actor; registry: RegistryKind; query: RegistryConflictQuery }): Promise<{ items: RegistryConflictView[]; total: number }> {
  requirePermission(actor, 'registry.read');
  let base = tables(kernel.db)
    .selectFrom('registry_conflicts as c')
    .innerJoin('registry_subjects as s', 's.id', 'c.subject_id')
    .where('s.registry', '=', registry)
    .where('c.status', '=', query.status);
  if (query.fieldKey) base = base.where('c.field_key', '=', query.fieldKey);
  if (query.source) base = base.where('c.source', '=', query.source);
  const total = Number((await base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll('c')
    .select(['s.registry', 's.subject_key', 's.key_sealed'])
    .orderBy(query.status === 'open' ? 'c.detected_at' : 'c.resolved_at', 'desc')
    .orderBy('c.id')
    .limit(query.pageSize)
    .offset(offsetOf(query))
    .execute();
  const { shape, names, holders } = await context(kernel, actor, registry);
  const values = await readSubjectValues(kernel.db, kernel.keys, rows.map((r) => r.subject_id));
  const items: RegistryConflictView[] = [];
  for (const r of rows) {
    const own = values.get(r.subject_id) ?? [];
    const kind = maskingOf(shape, r.field_key);
    const valueOf = (source: string) => own.find((v) => v.fieldKey === r.field_key && v.source === source)?.value ?? null;
    const nameField = shape.field('name');
    const name = resolveField(own.filter((v) => v.fieldKey === 'name'), nameField?.authority ?? null, holders).authoritative?.value ?? null;
    items.push({
      id: r.id,
      registry,
      subjectId: r.subject_id,
      subjectKey: subjectKeyText(kernel.keys, r, false),
      subjectName: name === null ? null : String(maskValue(maskingOf(shape, 'name'), name)),
      fieldKey: r.field_key,
      fieldName: shape.field(r.field_key)?.name ?? r.field_key,
      source: r.source,
      sourceName: await names.name(r.source),
      sourceValue: maskValue(kind, valueOf(r.source)),
      authoritativeSource: r.authoritative_source,
      authoritativeSourceName: await names.name(r.authoritative_source),
      authoritativeValue: maskValue(kind, valueOf(r.authoritative_source)),
      status: r.status,
      resolution: r.resolution,
      detectedAt: r.detected_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null,
    });
  }
  return { items, total };
}

export async function conflictSummary(kernel: Kernel, { actor, registry }: { actor: Actor; registry: RegistryKind }): Promise<RegistryConflictSummary> {
  requirePermission(actor, 'registry.read');
  const { shape, names } = await context(kernel, actor, registry);
  const open = tables(kernel.db)
    .selectFrom('registry_conflicts as c')
    .innerJoin('registry_subjects as s', 's.id', 'c.subject_id')
    .where('s.registry', '=', registry)
    .where('c.status', '=', 'open');
  const byField = await open.select(['c.field_key', sql<string>`count(*)`.as('n')]).groupBy('c.field_key').orderBy('c.field_key').execute();
  const bySource = await open.select(['c.source', sql<string>`count(*)`.as('n')]).groupBy('c.source').orderBy('c.source').execute();
  const lastRun = await tables(kernel.db).selectFrom('registry_check_runs').selectAll().where('registry', '=', registry).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
  const sources = [];
  for (const s of bySource) sources.push({ source: s.source, sourceName: await names.name(s.source), open: Number(s.n) });
  return {
    registry,
    isCatalogued: shape.resource !== undefined,
    open: byField.reduce((sum, f) => sum + Number(f.n), 0),
    byField: byField.map((f) => ({ fieldKey: f.field_key, fieldName: shape.field(f.field_key)?.name ?? f.field_key, open: Number(f.n) })),
    bySource: sources,
    lastRun: lastRun
      ? { startedAt: lastRun.started_at.toISOString(), finishedAt: lastRun.finished_at.toISOString(), subjects: lastRun.subjects, opened: lastRun.opened, resolved: lastRun.resolved, trigger: lastRun.trigger }
      : null,
    pendingSubjects: await pendingSubjects(kernel.db, registry),
  };
}

/** The disputes queue: registry readers see all; others their department's (raised or to verify). */
export async function listDisputes(kernel: Kernel, { actor, query }: { actor: Actor; query: RegistryDisputeQuery }): Promise<{ items: RegistryDisputeSummary[]; total: number }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!isStaff(actor) || !(hasPermission(actor, 'registry.read') || hasPermission(actor, 'data-dispute.handle') || hasPermission(actor, 'share-request.create'))) throw new AppError('FORBIDDEN');
  const department = actor.departmentId ?? '00000000-0000-0000-0000-000000000000';
  let base = tables(kernel.db).selectFrom('registry_disputes as d');
  if (!hasPermission(actor, 'registry.read')) {
    const mayHandle = hasPermission(actor, 'data-dispute.handle');
    const mayRaise = hasPermission(actor, 'share-request.create');
    base = base.where((eb) =>
      eb.or([
        ...(mayHandle ? [eb('d.handling_department_id', '=', department)] : []),
        ...(mayRaise ? [eb('d.raiser_department_id', '=', department)] : []),
      ]),
    );
  }
  if (query.scope === 'handling') base = base.where('d.handling_department_id', '=', department);
  if (query.scope === 'raised') base = base.where('d.raiser_department_id', '=', department);
  if (query.status) base = base.where('d.status', '=', query.status);
  if (query.registry) base = base.where('d.registry', '=', query.registry);
  if (query.isOverdue !== undefined) {
    const overdue = sql<boolean>`(d.status = 'open' and d.due_at < now())`;
    base = base.where(query.isOverdue ? overdue : sql<boolean>`not ${overdue}`);
  }
  const total = Number((await base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  // Open ones by deadline first (the queue), decided ones newest first.
  const rows = await base
    .selectAll('d')
    .orderBy(sql`case when d.status = 'open' then 0 else 1 end`)
    .orderBy(sql`case when d.status = 'open' then d.due_at end`)
    .orderBy('d.created_at', 'desc')
    .limit(query.pageSize)
    .offset(offsetOf(query))
    .execute();
  const holders = await loadHolders(kernel.db);
  const names = new SourceNames(kernel.db, actor.context.locale, holders);
  const shapes = new Map<RegistryKind, RegistryShape>();
  const now = new Date();
  const items: RegistryDisputeSummary[] = [];
  for (const r of rows) {
    let shape = shapes.get(r.registry);
    if (!shape) {
      shape = await registryShape(kernel.db, r.registry, actor.context.locale);
      shapes.set(r.registry, shape);
    }
    items.push(await disputeSummary(kernel.db, kernel.keys, names, shape, r, now));
  }
  return { items, total };
}
