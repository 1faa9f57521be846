import { sql } from 'kysely';
import {
  registryKinds,
  registrySystemNames,
  type RaiseRegistryDisputeInput,
  type RegistryCheckResult,
  type RegistryDisputeView,
  type RegistryKind,
  type RegistryLicenseSourceInput,
  type RegistryLicenseSourceView,
  type RegistryObservationsReport,
  type RegistrySystem,
  type RegistrySystemView,
  type SetRegistrySystemInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { hasPermission, isStaff, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { scheduleJob } from '../../kernel/jobs';
import { AppError, invalid, type FieldIssue } from '../../kernel/errors';
import { messageRef } from '../../kernel/i18n';
import { findDepartment } from '../../platform/departments';
import { crossCheck, CROSS_CHECK_BATCH } from './cross-check';
import { disputeViewOf, raiseDispute } from './disputes';
import { registryShape } from './model';
import { checkObservations, recordObservations, type ObservationInput } from './observe';
import { REBUILD_JOB, type RebuildPayload } from './records';
import { SYNC_JOB } from './platform-sources';
import { SourceNames, loadHolders } from './sources';
import { markAllChanged } from './store';
import { checkSubjectKey, findSubject, findSubjectByKey, subjectKeyOf } from './subject-keys';
import { tables } from './tables';

// What staff change: a provider's values (its department is the source), a department's dispute, a cross-check run by
// hand, and the registries' configuration (which department holds 统一身份认证, which licence types state values).

function sourceDepartmentOf(actor: Actor): string {
  if (!isStaff(actor) || !actor.departmentId) throw new AppError('FORBIDDEN', { detail: 'registry.noDepartment' });
  return actor.departmentId;
}

function parseInstant(text: string | undefined, field: string, issues: FieldIssue[]): Date | undefined {
  if (text === undefined) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    issues.push({ field, code: 'invalid_format' });
    return undefined;
  }
  return at;
}

/**
 * A provider's values (JSON batch or file rows), all or nothing: any bad row refuses the whole batch (400, every issue
 * listed, nothing recorded). `dryRun` checks and counts without recording.
 */
export async function observeAsProvider(
  kernel: Kernel,
  { actor, registry, rows, observedAt, dryRun }: { actor: Actor; registry: RegistryKind; rows: readonly ObservationInput[]; observedAt: (string | undefined)[] | string | undefined; dryRun: boolean },
): Promise<RegistryObservationsReport> {
  requirePermission(actor, 'data-resource.manage');
  const source = sourceDepartmentOf(actor);
  const shape = await registryShape(kernel.db, registry, actor.context.locale);
  const issues: FieldIssue[] = [];
  const batchAt = typeof observedAt === 'string' ? parseInstant(observedAt, 'observedAt', issues) : undefined;
  const now = new Date();
  const dated = rows.map((r, i) => ({ ...r, observedAt: r.observedAt ?? (Array.isArray(observedAt) ? parseInstant(observedAt[i], `rows.${r.row}.observedAt`, issues) : undefined) }));
  const checked = checkObservations(shape, dated, batchAt ?? now);
  issues.push(...checked.issues);
  if (issues.length > 0) throw invalid(issues.slice(0, 200));
  const sourceName = (await findDepartment(kernel.db, source))?.name ?? source;
  const outcome = await inTransaction(kernel.db, async (tx) => {
    const result = await recordObservations(tx, kernel.keys, shape, { source, recordedBy: actor.kind === 'account' ? actor.accountId : null, rows: checked.rows, dryRun });
    if (!dryRun) {
      await audit(tx, actor, { action: 'registry.observe', objectType: 'registry', objectId: registry, detail: { source, rows: result.rows, recorded: result.recorded, unchanged: result.unchanged, subjects: result.subjects } });
      if (result.recorded > 0) await emit(tx, 'registry.values-changed', { registry, source, subjects: result.changedSubjectIds.length, recorded: result.recorded });
    }
    return result;
  });
  return { registry, source, sourceName, dryRun, rows: outcome.rows, recorded: outcome.recorded, unchanged: outcome.unchanged, subjects: outcome.subjects, isRecordWritten: outcome.isRecordWritten };
}

/**
 * A department disputes a value of a record it was shown (staff reading registries, or consuming shared data), naming
 * the subject by its id (from the registry screens) or by the key it queried (身份证号 / 统一社会信用代码).
 */
export async function raiseDepartmentDispute(
  kernel: Kernel,
  { actor, registry, subject: by, input }: { actor: Actor; registry: RegistryKind; subject: { id: string } | { key: string }; input: RaiseRegistryDisputeInput },
): Promise<RegistryDisputeView> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, 'registry.read') && !hasPermission(actor, 'share-request.create')) throw new AppError('FORBIDDEN');
  const departmentId = sourceDepartmentOf(actor);
  if (actor.kind !== 'account') throw new AppError('FORBIDDEN');
  let subject: Awaited<ReturnType<typeof findSubject>>;
  if ('id' in by) subject = await findSubject(kernel.db, by.id);
  else {
    const key = checkSubjectKey(registry, by.key);
    if (!key.ok) throw invalid([{ field: 'key', code: key.code }]);
    subject = await findSubjectByKey(kernel.db, registry, subjectKeyOf(kernel.keys, registry, key.value));
  }
  if (!subject || subject.registry !== registry) throw new AppError('NOT_FOUND', { detail: 'registry.subjectNotFound' });
  const raiser = { kind: 'department' as const, accountId: actor.accountId, name: actor.displayName, departmentId, enterpriseId: null };
  const id = await inTransaction(kernel.db, (tx) => raiseDispute(tx, kernel.keys, actor, { raiser, subject, input }));
  const row = await tables(kernel.db).selectFrom('registry_disputes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return disputeViewOf(kernel.db, kernel.keys, actor, row);
}

/** A cross-check run by hand (a registry reader wanting the report current now). */
export async function runCrossCheck(kernel: Kernel, { actor, registry }: { actor: Actor; registry: RegistryKind }): Promise<RegistryCheckResult> {
  requirePermission(actor, 'registry.read');
  const shape = await registryShape(kernel.db, registry);
  if (!shape.resource) throw new AppError('CONFLICT', { detail: 'registry.notCatalogued', params: { action: messageRef('registry.action.check') } });
  return inTransaction(kernel.db, async (tx) => {
    const result = await crossCheck(tx, kernel.keys, registry, { trigger: actor.kind === 'account' ? actor.displayName : 'manual', limit: CROSS_CHECK_BATCH });
    await audit(tx, actor, { action: 'registry.cross-check', objectType: 'registry', objectId: registry, detail: { ...result } });
    return result;
  });
}

// ---------------------------------------------------------------- configuration

export async function listSystems(kernel: Kernel, { actor }: { actor: Actor }): Promise<RegistrySystemView[]> {
  requirePermission(actor, 'registry.read');
  const rows = await tables(kernel.db).selectFrom('registry_systems').selectAll().orderBy('key').execute();
  const names = new SourceNames(kernel.db, actor.context.locale, await loadHolders(kernel.db));
  const out: RegistrySystemView[] = [];
  for (const r of rows) out.push({ key: r.key, name: registrySystemNames[r.key][actor.context.locale], departmentId: r.department_id, departmentName: await names.departmentName(r.department_id) });
  return out;
}

/** Rebuilds both registries page by page (authorities may have moved), as a job. */
export async function scheduleRebuild(tx: Parameters<typeof scheduleJob>[0], tag: string, registries: readonly RegistryKind[] = registryKinds): Promise<void> {
  for (const registry of registries) {
    const payload: RebuildPayload = { registry, after: null, tag };
    await scheduleJob(tx, { kind: REBUILD_JOB, payload, dedupeKey: `${REBUILD_JOB}:${registry}:${tag}:start` });
  }
}

/** Sets which department holds a system source (统一身份认证 → the big-data bureau); the platform decides. */
export async function setSystemHolder(kernel: Kernel, { actor, key, input }: { actor: Actor; key: RegistrySystem; input: SetRegistrySystemInput }): Promise<RegistrySystemView[]> {
  requirePermission(actor, 'data-resource.review');
  if (input.departmentId && !(await findDepartment(kernel.db, input.departmentId))) throw invalid([{ field: 'departmentId', code: 'registry.departmentUnknown' }]);
  await inTransaction(kernel.db, async (tx) => {
    await tables(tx).updateTable('registry_systems').set({ department_id: input.departmentId, updated_at: sql`now()` }).where('key', '=', key).execute();
    for (const registry of registryKinds) await markAllChanged(tx, registry);
    await scheduleRebuild(tx, `system-${key}-${Date.now()}`);
    await audit(tx, actor, { action: 'registry.system.set', objectType: 'registry-system', objectId: key, detail: { departmentId: input.departmentId } });
  });
  return listSystems(kernel, { actor });
}

export async function listLicenseSources(kernel: Kernel, { actor }: { actor: Actor }): Promise<RegistryLicenseSourceView[]> {
  requirePermission(actor, 'registry.read');
  const rows = await tables(kernel.db).selectFrom('registry_license_sources').selectAll().orderBy('type_code').execute();
  return rows.map((r) => ({ typeCode: r.type_code, registry: r.registry, mapping: r.mapping, updatedAt: r.updated_at.toISOString() }));
}

/** Maps a licence type to registry fields; the next full sync (scheduled here) reads the existing licences. */
export async function setLicenseSource(kernel: Kernel, { actor, typeCode, input }: { actor: Actor; typeCode: string; input: RegistryLicenseSourceInput }): Promise<RegistryLicenseSourceView[]> {
  requirePermission(actor, 'data-resource.review');
  await inTransaction(kernel.db, async (tx) => {
    await tables(tx)
      .insertInto('registry_license_sources')
      .values({ type_code: typeCode, registry: input.registry, mapping: JSON.stringify(input.mapping) })
      .onConflict((oc) => oc.column('type_code').doUpdateSet({ registry: input.registry, mapping: JSON.stringify(input.mapping), updated_at: sql`now()` }))
      .execute();
    await scheduleJob(tx, { kind: SYNC_JOB, payload: { registry: input.registry, after: null }, dedupeKey: `${SYNC_JOB}:${input.registry}:license-${typeCode}-${Date.now()}` });
    await audit(tx, actor, { action: 'registry.license-source.set', objectType: 'registry-license-source', objectId: typeCode, detail: { registry: input.registry, mapping: input.mapping } });
  });
  return listLicenseSources(kernel, { actor });
}

/** Re-reads the platform's accounts and licences into both registries (a job, page by page). */
export async function scheduleSync(kernel: Kernel, { actor }: { actor: Actor }): Promise<{ scheduled: RegistryKind[] }> {
  requirePermission(actor, 'data-resource.review');
  await inTransaction(kernel.db, async (tx) => {
    for (const registry of registryKinds) await scheduleJob(tx, { kind: SYNC_JOB, payload: { registry, after: null }, dedupeKey: `${SYNC_JOB}:${registry}:manual-${Date.now()}` });
    await audit(tx, actor, { action: 'registry.sync', objectType: 'registry', detail: { registries: registryKinds } });
  });
  return { scheduled: [...registryKinds] };
}
