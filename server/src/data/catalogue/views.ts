import type { DataResourceDefinition, DataResourceSummary, DataResourceVersionView, DataResourceView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { assertBrowses, isManagerOf, isReviewerOf } from './access';
import { notFound, stateOf } from './drafts';
import { actionsOf, departmentsById, findResource, latestVersionOf, versionsOf, type ResourceRow, type VersionRow, type VersionWithNames } from './repo';
import { refusalOf } from './workflow';

// What a reader sees of a resource: consumers the published definition and its published versions; the provider's
// admins and the reviewers also the version being drafted or reviewed, returned versions and the history.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function summaryOf(
  row: Pick<ResourceRow, 'id' | 'code' | 'name' | 'provider_department_id' | 'source_kind' | 'status' | 'catalogue_type' | 'level' | 'share_type' | 'open_type' | 'format' | 'themes' | 'published_version' | 'record_count' | 'records_updated_at' | 'updated_at'>,
  providerName: string,
  definition: Pick<DataResourceDefinition, 'summary' | 'updateCycle'> | null,
  pending: Pick<VersionRow, 'number' | 'status'> | null,
): DataResourceSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    summary: definition?.summary ?? '',
    providerDepartmentId: row.provider_department_id,
    providerName,
    sourceKind: row.source_kind,
    status: row.status,
    catalogueType: row.catalogue_type as DataResourceSummary['catalogueType'],
    level: row.level,
    shareType: row.share_type,
    openType: row.open_type,
    format: row.format as DataResourceSummary['format'],
    themes: row.themes,
    updateCycle: definition?.updateCycle ?? 'irregular',
    publishedVersion: row.published_version,
    pending: pending && (pending.status === 'draft' || pending.status === 'review') ? { number: pending.number, status: pending.status } : null,
    recordCount: Number(row.record_count),
    recordsUpdatedAt: iso(row.records_updated_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

function versionView(v: VersionWithNames): DataResourceVersionView {
  return {
    number: v.number,
    status: v.status,
    note: v.note,
    createdAt: v.created_at.toISOString(),
    createdByName: v.created_by_name,
    submittedAt: iso(v.submitted_at),
    decidedAt: iso(v.decided_at),
    decidedByName: v.decided_by_name,
    decisionNote: v.decision_note,
  };
}

export async function getResourceView(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<DataResourceView> {
  assertBrowses(actor);
  const db = kernel.db;
  const row = await findResource(db, id);
  if (!row) throw notFound();
  const isManager = isManagerOf(actor, row);
  const isReviewer = isReviewerOf(actor, row);
  const seesWork = isManager || isReviewer;
  // A draft never published does not exist for anyone else.
  if (!seesWork && row.published_version === null) throw notFound();

  const all = await versionsOf(db, id);
  const versions = seesWork ? all : all.filter((v) => v.status === 'published' || v.status === 'superseded');
  const newest = seesWork ? all[0] : undefined;
  const state = await stateOf(db, row);
  const open = state.open && newest && (newest.status === 'draft' || newest.status === 'review') ? newest : null;
  const published = row.definition;
  const sources = [published, newest?.definition].flatMap((d) => d?.fields.map((f) => f.sourceDepartmentId) ?? []).filter((s): s is string => s !== null);
  const departments = await departmentsById(db, [row.provider_department_id, ...sources]);
  const history = seesWork ? await actionsOf(db, id) : [];
  const may = (action: Parameters<typeof refusalOf>[1]) => refusalOf(state, action) === null;

  return {
    ...summaryOf(row, departments.get(row.provider_department_id)?.name ?? '', published ?? newest?.definition ?? (await latestVersionOf(db, id))?.definition ?? null, open),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    published,
    latest: newest ? { ...versionView(newest), definition: newest.definition } : null,
    versions: versions.map(versionView),
    history: history.map((a) => ({ id: a.id, at: a.at.toISOString(), action: a.action, versionNumber: a.version_number, actorName: a.actor_name, note: a.note })),
    departmentNames: Object.fromEntries([...departments.values()].map((d) => [d.id, d.name])),
    can: {
      edit: isManager && may('edit'),
      submit: isManager && may('submit'),
      publish: isReviewer && may('publish'),
      return: isReviewer && may('return'),
      retire: seesWork && may('retire'),
      loadRecords: isManager && row.source_kind === 'table' && may('loadRecords'),
    },
  };
}

/** One version's definition (published ones for every reader; the others for the provider and reviewers). */
export async function getResourceVersion(kernel: Kernel, { actor, id, number }: { actor: Actor; id: string; number: number }) {
  assertBrowses(actor);
  const row = await findResource(kernel.db, id);
  if (!row) throw notFound();
  const seesWork = isManagerOf(actor, row) || isReviewerOf(actor, row);
  const version = (await versionsOf(kernel.db, id)).find((v) => v.number === number);
  if (!version || (!seesWork && version.status !== 'published' && version.status !== 'superseded')) throw notFound();
  return { ...versionView(version), definition: version.definition };
}
