import type {
  ApproveOpenApplicationInput,
  OpenApplicationInput,
  OpenApplicationListQuery,
  OpenApplicationStatus,
  OpenApplicationView,
  PublishedDataResource,
  RefuseOpenApplicationInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { audit, inTransaction } from '../../kernel/audit';
import { endOfLocalDay, toLocalDate } from '../../kernel/calendar';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { messageRef } from '../../kernel/i18n';
import { findPublishedResource } from '../catalogue';
import { findEnterprise } from '../../platform/identity';
import { assertManagesDataset, managesDataset, partyOf, requireDeveloper, type Party } from './access';
import { getOpenDataset } from './datasets';
import { restrictedFields } from './fields';
import { tables, type OpenDataRow, type StoredApplicationStatus } from './tables';

// 受限开放申请: a person or an enterprise asks for a dataset's restricted items, saying what for (purpose), where they
// will be used (scenario) and for how long (months). The chief data officer of the provider's region approves for
// that period or less, or refuses with a reason; two officers deciding at once cannot both win (row lock + version).
// An approval that has run out is reported as expired and opens nothing any more.

type Row = OpenDataRow<'open_data_applications'>;
const APPLICANTS_ONLY = 'openData.application.applicantsOnly';
const notFound = () => new AppError('NOT_FOUND', { detail: 'openData.application.notFound' });

export function statusOf(row: Pick<Row, 'status' | 'valid_until'>, now: Date): OpenApplicationStatus {
  if (row.status === 'approved' && row.valid_until && row.valid_until.getTime() <= now.getTime()) return 'expired';
  return row.status;
}

/** An approval of `months` from `now` lasts to the end of that day, Beijing time. */
export function approvalEnd(now: Date, months: number): Date {
  const end = new Date(now.getTime());
  end.setUTCMonth(end.getUTCMonth() + months);
  return endOfLocalDay(toLocalDate(end));
}

function view(row: Row, resource: PublishedDataResource | undefined, now: Date): OpenApplicationView {
  return {
    id: row.id,
    datasetCode: resource?.code ?? '',
    datasetName: resource?.name ?? '',
    providerName: resource?.providerName ?? '',
    applicantName: row.applicant_name,
    applicantKind: row.applicant_enterprise_id ? 'enterprise' : 'person',
    purpose: row.purpose,
    scenario: row.scenario,
    months: row.months,
    status: statusOf(row, now),
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedByName: row.decided_by_name,
    decisionNote: row.decision_note,
    validUntil: row.valid_until?.toISOString() ?? null,
    restrictedFields: resource ? restrictedFields(resource).map((f) => f.name) : [],
    version: row.version,
  };
}

async function viewsOf(db: Queryable, rows: readonly Row[]): Promise<OpenApplicationView[]> {
  const ids = [...new Set(rows.map((r) => r.resource_id))];
  const resources = new Map(await Promise.all(ids.map(async (id) => [id, await findPublishedResource(db, id)] as const)));
  const now = new Date();
  return rows.map((r) => view(r, resources.get(r.resource_id), now));
}

export async function applyForDataset(kernel: Kernel, { actor, input }: { actor: Actor; input: OpenApplicationInput }): Promise<OpenApplicationView> {
  const applicant = requireDeveloper(actor, APPLICANTS_ONLY);
  const party = partyOf(applicant);
  const dataset = await getOpenDataset(kernel.db, input.dataset);
  if (restrictedFields(dataset.resource).length === 0) throw invalid([{ field: 'dataset', code: 'openData.application.notRestricted' }]);
  const enterprise = party.enterpriseId ? await findEnterprise(kernel.db, { id: party.enterpriseId }) : undefined;
  const id = newId();
  try {
    await inTransaction(kernel.db, async (tx) => {
      await tables(tx)
        .insertInto('open_data_applications')
        .values({
          id,
          resource_id: dataset.resource.id,
          applicant_account_id: party.accountId,
          applicant_enterprise_id: party.enterpriseId,
          applicant_name: enterprise?.name ?? applicant.displayName,
          purpose: input.purpose,
          scenario: input.scenario,
          months: input.months,
        })
        .execute();
      const detail = { code: dataset.resource.code, months: input.months, enterpriseId: party.enterpriseId };
      await audit(tx, actor, { action: 'open-data.application.submit', objectType: 'open-data-application', objectId: id, detail });
      await emit(tx, 'open-data.application.submitted', { id, resourceId: dataset.resource.id, regionCode: dataset.resource.regionCode, ...detail });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { detail: 'openData.application.duplicate' });
    throw error;
  }
  return getApplication(kernel, { actor, id });
}

async function loadRow(db: Queryable, id: string): Promise<Row | undefined> {
  return tables(db).selectFrom('open_data_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

function isApplicant(actor: Actor, row: Row): boolean {
  if (actor.kind !== 'account' || actor.accountType === 'staff') return false;
  const party = partyOf(actor);
  return party.enterpriseId ? row.applicant_enterprise_id === party.enterpriseId : row.applicant_account_id === party.accountId && row.applicant_enterprise_id === null;
}

/** The applicant, or open-data.manage of the dataset's region; anyone else is told it does not exist. */
export async function getApplication(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<OpenApplicationView> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const row = await loadRow(kernel.db, id);
  if (!row) throw notFound();
  const resource = await findPublishedResource(kernel.db, row.resource_id);
  const may = isApplicant(actor, row) || (resource !== undefined && managesDataset(actor, resource));
  if (!may) throw notFound();
  return view(row, resource, new Date());
}

function baseQuery(db: Queryable) {
  return tables(db).selectFrom('open_data_applications');
}
type Base = ReturnType<typeof baseQuery>;

function withStatus(q: Base, status: OpenApplicationStatus | undefined, now: Date): Base {
  switch (status) {
    case undefined:
      return q;
    case 'approved':
      return q.where('status', '=', 'approved').where('valid_until', '>', now);
    case 'expired':
      return q.where('status', '=', 'approved').where('valid_until', '<=', now);
    case 'pending':
    case 'refused':
    case 'withdrawn':
      return q.where('status', '=', status satisfies StoredApplicationStatus);
  }
}

async function page(db: Queryable, narrow: (q: Base) => Base, query: OpenApplicationListQuery) {
  const filtered = withStatus(narrow(baseQuery(db)), query.status, new Date());
  const [rows, count] = await Promise.all([
    filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ]);
  return { items: await viewsOf(db, rows), total: Number(count?.n ?? 0) };
}

/** The applicant's own applications (the party's: an enterprise's agents see the enterprise's). */
export async function listMyApplications(kernel: Kernel, { actor, query }: { actor: Actor; query: OpenApplicationListQuery }) {
  const party = partyOf(requireDeveloper(actor, APPLICANTS_ONLY));
  const resourceId = query.dataset ? (await findPublishedResource(kernel.db, query.dataset))?.id : undefined;
  if (query.dataset && !resourceId) return { items: [], total: 0 };
  return page(kernel.db, (q) => {
    const mine = party.enterpriseId ? q.where('applicant_enterprise_id', '=', party.enterpriseId) : q.where('applicant_account_id', '=', party.accountId).where('applicant_enterprise_id', 'is', null);
    return resourceId ? mine.where('resource_id', '=', resourceId) : mine;
  }, query);
}

/** The queue of open-data.manage: applications for datasets of providers in the actor's region. */
export async function listApplications(kernel: Kernel, { actor, query }: { actor: Actor; query: OpenApplicationListQuery }) {
  requirePermission(actor, 'open-data.manage');
  const ids = await tables(kernel.db).selectFrom('open_data_applications').select('resource_id').distinct().execute();
  const resources = await Promise.all(ids.map((r) => findPublishedResource(kernel.db, r.resource_id)));
  const inScope = resources.filter((r): r is PublishedDataResource => r !== undefined && managesDataset(actor, r) && (!query.dataset || r.code === query.dataset));
  if (inScope.length === 0) return { items: [], total: 0 };
  return page(kernel.db, (q) => q.where('resource_id', 'in', inScope.map((r) => r.id)), query);
}

type Decision = { action: 'approve'; input: ApproveOpenApplicationInput } | { action: 'refuse'; input: RefuseOpenApplicationInput };

/** Approves (for the period asked, or less) or refuses with a reason; a second decision on the same application is a 409. */
export async function decideApplication(kernel: Kernel, { actor, id, decision }: { actor: Actor; id: string; decision: Decision }): Promise<OpenApplicationView> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const found = await loadRow(kernel.db, id);
  const resource = found && (await findPublishedResource(kernel.db, found.resource_id));
  if (!found || !resource) throw notFound();
  assertManagesDataset(actor, resource);
  const who = actor.kind === 'account' ? { id: actor.accountId, name: actor.displayName } : { id: null, name: actor.kind === 'system' ? actor.name : '' };
  await inTransaction(kernel.db, async (tx) => {
    const row = await tables(tx).selectFrom('open_data_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound();
    const now = new Date();
    if (row.status !== 'pending') {
      throw new AppError('CONFLICT', { detail: 'openData.application.notPending', params: { status: messageRef(`openData.status.${statusOf(row, now)}`), action: messageRef(`openData.application.${decision.action}`) } });
    }
    if (row.version !== decision.input.version) throw new AppError('STALE_VERSION');
    const base = { decided_by: who.id, decided_by_name: who.name, decided_at: now, version: row.version + 1 };
    let detail: Record<string, unknown>;
    if (decision.action === 'approve') {
      const months = decision.input.months ?? row.months;
      if (months > row.months) throw invalid([{ field: 'months', code: 'openData.application.monthsTooLong' }]);
      const validUntil = approvalEnd(now, months);
      await tables(tx).updateTable('open_data_applications').set({ ...base, status: 'approved', valid_until: validUntil, decision_note: decision.input.note }).where('id', '=', id).execute();
      detail = { code: resource.code, months, validUntil: validUntil.toISOString(), note: decision.input.note };
    } else {
      await tables(tx).updateTable('open_data_applications').set({ ...base, status: 'refused', decision_note: decision.input.reason }).where('id', '=', id).execute();
      detail = { code: resource.code, reason: decision.input.reason };
    }
    await audit(tx, actor, { action: `open-data.application.${decision.action}`, objectType: 'open-data-application', objectId: id, detail });
    await emit(tx, 'open-data.application.decided', {
      id,
      resourceId: resource.id,
      status: decision.action === 'approve' ? 'approved' : 'refused',
      applicantAccountId: row.applicant_account_id,
      applicantEnterpriseId: row.applicant_enterprise_id,
      ...detail,
    });
  });
  const after = await loadRow(kernel.db, id);
  if (!after) throw notFound();
  return view(after, resource, new Date());
}

/** The applicant takes back a pending application. */
export async function withdrawApplication(kernel: Kernel, { actor, id, version }: { actor: Actor; id: string; version: number }): Promise<OpenApplicationView> {
  requireDeveloper(actor, APPLICANTS_ONLY);
  await inTransaction(kernel.db, async (tx) => {
    const row = await tables(tx).selectFrom('open_data_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || !isApplicant(actor, row)) throw notFound();
    if (row.status !== 'pending') {
      throw new AppError('CONFLICT', { detail: 'openData.application.notPending', params: { status: messageRef(`openData.status.${statusOf(row, new Date())}`), action: messageRef('openData.application.withdraw') } });
    }
    if (row.version !== version) throw new AppError('STALE_VERSION');
    await tables(tx).updateTable('open_data_applications').set({ status: 'withdrawn', version: row.version + 1 }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'open-data.application.withdraw', objectType: 'open-data-application', objectId: id });
  });
  return getApplication(kernel, { actor, id });
}

/** The approval that currently opens a dataset's restricted items to a party, if any. */
export async function currentApproval(db: Queryable, resourceId: string, party: Party, now = new Date()): Promise<Row | undefined> {
  const q = tables(db).selectFrom('open_data_applications').selectAll().where('resource_id', '=', resourceId).where('status', '=', 'approved').where('valid_until', '>', now);
  const mine = party.enterpriseId ? q.where('applicant_enterprise_id', '=', party.enterpriseId) : q.where('applicant_account_id', '=', party.accountId).where('applicant_enterprise_id', 'is', null);
  return mine.orderBy('valid_until', 'desc').executeTakeFirst();
}

/** Pending applications per dataset (for the admin overview). */
export async function pendingByDataset(db: Queryable): Promise<Map<string, number>> {
  const rows = await tables(db).selectFrom('open_data_applications').select(['resource_id', (eb) => eb.fn.countAll<string>().as('n')]).where('status', '=', 'pending').groupBy('resource_id').execute();
  return new Map(rows.map((r) => [r.resource_id, Number(r.n)]));
}

