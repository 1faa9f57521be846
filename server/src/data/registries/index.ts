import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { dataRegistriesMessages, registryKinds, type RegistryKind } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { registerMessages } from '../../kernel/i18n';
import { scheduleJob } from '../../kernel/jobs';
import { findPublishedResource } from '../catalogue';
import { CROSS_CHECK_BATCH, CROSS_CHECK_INTERVAL_SECONDS, CROSS_CHECK_JOB, crossCheck } from './cross-check';
import { flagOverdueDisputes, OVERDUE_INTERVAL_SECONDS, OVERDUE_JOB } from './disputes';
import { registryShape } from './model';
import { onCitizenRegistered, onEnterpriseRegistered, onLicenseChanged, SYNC_JOB, syncPlatformPage } from './platform-sources';
import { REBUILD_JOB, rebuildPage } from './records';
import { registryRoutes } from './routes';
import { scheduleRebuild } from './service';

// Events other domains may react to: registry.values-changed {registry, source, subjects, recorded};
// registry-dispute.raised {id, registry, subjectId, fieldKey, raiserKind, raisedBy, handlingDepartmentId, dueAt};
// registry-dispute.decided {id, number, registry, subjectId, fieldKey, status, raiserKind, raisedBy};
// registry-dispute.overdue {id, number, registry, fieldKey, handlingDepartmentId, dueAt}. Ids, never values.

// For other domains and the demo (see README.md, "For other domains").
export { recordObservations, checkObservations, type CheckedObservation } from './observe';
export { registryShape } from './model';
export { crossCheck } from './cross-check';
export { raiseDispute, type Raiser } from './disputes';
export { syncPlatformPage } from './platform-sources';
export { ensureSubject, findSubjectByKey, subjectKeyOf } from './subject-keys';
export { writeSubjectRecords, rebuildPage } from './records';
export { setLicenseSource, setSystemHolder } from './service';

registerMessages(dataRegistriesMessages);

function isRegistry(value: unknown): value is RegistryKind {
  return typeof value === 'string' && (registryKinds as readonly string[]).includes(value);
}

/** data-resource.published: a registry resource's (new) definition — rewrite its records and check everything again. */
async function onResourcePublished(tx: Queryable, payload: Record<string, unknown>): Promise<void> {
  if (typeof payload.id !== 'string') return;
  const resource = await findPublishedResource(tx, payload.id);
  if (!resource) return;
  const registry = registryKinds.find((k) => (k === 'person' ? 'personRegistry' : 'entityRegistry') === resource.sourceKind);
  if (registry) await scheduleRebuild(tx, `resource-${resource.id}-v${resource.version}`, [registry]);
}

async function rebuildStep(tx: Queryable, keys: Keys, payload: Record<string, unknown>, jobId: string): Promise<void> {
  if (!isRegistry(payload.registry)) return;
  const after = typeof payload.after === 'string' ? payload.after : null;
  const next = await rebuildPage(tx, keys, await registryShape(tx, payload.registry), after);
  if (next) await scheduleJob(tx, { kind: REBUILD_JOB, payload: { ...payload, after: next }, dedupeKey: `${REBUILD_JOB}:${jobId}:next` });
}

async function syncStep(tx: Queryable, keys: Keys, payload: Record<string, unknown>, jobId: string): Promise<void> {
  if (!isRegistry(payload.registry)) return;
  const after = typeof payload.after === 'string' ? payload.after : null;
  const { next } = await syncPlatformPage(tx, keys, payload.registry, after);
  if (next) await scheduleJob(tx, { kind: SYNC_JOB, payload: { registry: payload.registry, after: next }, dedupeKey: `${SYNC_JOB}:${jobId}:next` });
}

/** 人口库/法人库: base registries, 一数一源 cross-checks and disputes (异议核实). */
export default fp(
  async function registries(app: FastifyInstance) {
    const { kernel } = app;
    registryRoutes(app);
    kernel.outbox.subscribe('identity.citizen-registered', (tx, payload) => onCitizenRegistered(tx, kernel.keys, payload));
    kernel.outbox.subscribe('identity.enterprise-registered', (tx, payload) => onEnterpriseRegistered(tx, kernel.keys, payload));
    kernel.outbox.subscribe('license.issued', (tx, payload, meta) => onLicenseChanged(tx, kernel.keys, payload, meta));
    kernel.outbox.subscribe('license.revoked', (tx, payload, meta) => onLicenseChanged(tx, kernel.keys, payload, meta));
    kernel.outbox.subscribe('data-resource.published', (tx, payload) => onResourcePublished(tx, payload));
    kernel.jobs.handle(REBUILD_JOB, (tx, payload, meta) => rebuildStep(tx, kernel.keys, payload, meta.id));
    kernel.jobs.handle(SYNC_JOB, (tx, payload, meta) => syncStep(tx, kernel.keys, payload, meta.id));
    // 多元校核 on a schedule: one process at a time runs it (the recurring job's row lock), a bounded batch per run.
    kernel.jobs.every(CROSS_CHECK_JOB, CROSS_CHECK_INTERVAL_SECONDS, async (tx) => {
      for (const registry of registryKinds) await crossCheck(tx, kernel.keys, registry, { trigger: 'schedule', limit: CROSS_CHECK_BATCH });
    });
    kernel.jobs.every(OVERDUE_JOB, OVERDUE_INTERVAL_SECONDS, async (tx) => {
      await flagOverdueDisputes(tx);
    });
  },
  { name: 'data-registries', dependencies: ['identity', 'departments', 'data-catalogue'] },
);
