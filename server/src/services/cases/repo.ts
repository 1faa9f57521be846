import { sql } from 'kysely';
import type { NewRow, Queryable, Row, RowUpdate } from '../../kernel/db';

// SQL of the cases domain; first argument is the database or the open transaction.

export type CaseRow = Row<'cases'>;
export type CaseActionRow = Row<'case_actions'>;
export type MaterialRow = Row<'case_materials'>;
export type PledgeRow = Row<'case_pledges'>;

export function findCase(db: Queryable, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case row locked for the rest of the transaction: actions on one case happen one after the other. */
export function lockCase(db: Queryable, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findCaseByTrackingCode(db: Queryable, code: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('tracking_code', '=', code).executeTakeFirst();
}

/** The case whose decision letter has exactly these bytes (by their SM3). */
export function findCaseByDecisionFile(db: Queryable, sm3: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('decision_file_sm3', '=', sm3).executeTakeFirst();
}

export function insertCase(db: Queryable, row: NewRow<'cases'>): Promise<CaseRow> {
  return db.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Writes the new state only if nobody changed the case since `version` (under the row lock a formality). */
export function updateCase(db: Queryable, id: string, version: number, changes: RowUpdate<'cases'>): Promise<CaseRow | undefined> {
  return db
    .updateTable('cases')
    .set({ ...changes, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Appends actions to one case's history in order; `firstSeq` when the caller knows it (a case it just created). */
export async function appendActions(db: Queryable, caseId: string, rows: Omit<NewRow<'case_actions'>, 'seq' | 'case_id'>[], firstSeq?: number): Promise<CaseActionRow[]> {
  let seq = firstSeq;
  if (seq === undefined) {
    const last = await db.selectFrom('case_actions').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', caseId).executeTakeFirst();
    seq = Number(last?.seq ?? 0) + 1;
  }
  const first = seq;
  return db.insertInto('case_actions').values(rows.map((row, i) => ({ ...row, case_id: caseId, seq: first + i }))).returningAll().execute();
}

export function listActions(db: Queryable, caseId: string): Promise<CaseActionRow[]> {
  return db.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

/** Whether staff of the department acted on the case at some point (read access for countersigners and the like). */
export async function departmentTookPart(db: Queryable, caseId: string, departmentId: string): Promise<boolean> {
  const hit = await db.selectFrom('case_actions').select('seq').where('case_id', '=', caseId).where('department_id', '=', departmentId).limit(1).executeTakeFirst();
  return hit !== undefined;
}

/** Clock stops and resumes in order, to add up paused time per unit. */
export function listClockActions(db: Queryable, caseId: string): Promise<Pick<CaseActionRow, 'clock' | 'at'>[]> {
  return db.selectFrom('case_actions').select(['clock', 'at']).where('case_id', '=', caseId).where('clock', 'in', ['stop', 'resume']).orderBy('seq').execute();
}

/** Next 办件编号 sequence for a region and Beijing day; the counter row stays locked until the transaction ends. */
export async function nextCaseSequence(db: Queryable, region6: string, day: string): Promise<number> {
  const row = await db
    .insertInto('case_number_counters')
    .values({ region6, day, last: 1 })
    .onConflict((oc) => oc.columns(['region6', 'day']).doUpdateSet({ last: sql<number>`case_number_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

// ---------------------------------------------------------------- materials, pledges, gaps

export function listMaterials(db: Queryable, caseId: string): Promise<MaterialRow[]> {
  return db.selectFrom('case_materials').selectAll().where('case_id', '=', caseId).where('removed_at', 'is', null).orderBy('uploaded_at').orderBy('id').execute();
}

export function findMaterial(db: Queryable, caseId: string, id: string): Promise<MaterialRow | undefined> {
  return db.selectFrom('case_materials').selectAll().where('case_id', '=', caseId).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
}

export async function insertMaterial(db: Queryable, row: NewRow<'case_materials'>): Promise<void> {
  await db.insertInto('case_materials').values(row).execute();
}

export async function removeMaterial(db: Queryable, caseId: string, id: string): Promise<boolean> {
  const result = await db.updateTable('case_materials').set({ removed_at: new Date() }).where('case_id', '=', caseId).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listPledges(db: Queryable, caseId: string): Promise<Row<'case_pledges'>[]> {
  return db.selectFrom('case_pledges').selectAll().where('case_id', '=', caseId).execute();
}

export function lockPledge(db: Queryable, caseId: string, materialKey: string): Promise<Row<'case_pledges'> | undefined> {
  return db.selectFrom('case_pledges').selectAll().where('case_id', '=', caseId).where('material_key', '=', materialKey).forUpdate().executeTakeFirst();
}

/** 事后核查: what the department found when it checked a promise. */
export async function recordPledgeCheck(db: Queryable, check: { caseId: string; materialKey: string; outcome: 'confirmed' | 'false'; note: string; checkedBy: string; at: Date }): Promise<void> {
  await db
    .updateTable('case_pledges')
    .set({ check_outcome: check.outcome, check_note: check.note, checked_by: check.checkedBy, checked_at: check.at })
    .where('case_id', '=', check.caseId)
    .where('material_key', '=', check.materialKey)
    .execute();
}

export async function insertPledges(db: Queryable, rows: NewRow<'case_pledges'>[]): Promise<PledgeRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('case_pledges').values(rows).onConflict((oc) => oc.columns(['case_id', 'material_key']).doNothing()).returningAll().execute();
}

export function listGaps(db: Queryable, caseId: string): Promise<Row<'case_gaps'>[]> {
  return db.selectFrom('case_gaps').selectAll().where('case_id', '=', caseId).execute();
}

export async function insertGaps(db: Queryable, rows: NewRow<'case_gaps'>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('case_gaps').values(rows).execute();
}

export async function fulfilGap(db: Queryable, caseId: string, materialKey: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('case_gaps')
    .set({ fulfilled_at: at })
    .where('case_id', '=', caseId)
    .where('material_key', '=', materialKey)
    .where('fulfilled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- lists

const listColumns = [
  'id',
  'case_number',
  'item_version_id',
  'item_name',
  'handling_department_id',
  'handling_department_name',
  'status',
  'current_step',
  'channel',
  'applicant_name',
  'submitted_at',
  'accepted_at',
  'due_at',
  'updated_at',
  'version',
] as const;
export type CaseListRow = Pick<CaseRow, (typeof listColumns)[number]>;

export async function listApplicantCases(
  db: Queryable,
  who: { accountId: string; enterpriseId: string | null },
  filter: { status?: CaseRow['status']; limit: number; offset: number },
): Promise<{ rows: CaseListRow[]; total: number }> {
  let query = db.selectFrom('cases').where((eb) => {
    const mine = [eb('applicant_account_id', '=', who.accountId), eb.and([eb('channel', '=', 'online'), eb('filed_by', '=', who.accountId)])];
    if (who.enterpriseId) mine.push(eb('applicant_enterprise_id', '=', who.enterpriseId));
    return eb.or(mine);
  });
  if (filter.status) query = query.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query.select(listColumns).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export type QueueScope = {
  departmentId: string;
  regionPrefix: string;
  roles: string[];
  /** A comprehensive window (case.window): it also serves the counter steps (受理, 办结) of its region's cases. */
  windowDepartmentId: string | null;
  /** Countersign requests addressed to the department. */
  countersignDepartmentId: string | null;
};

export type DueBand = 'red' | 'yellow' | 'green' | 'none';
export type QueueFilter = { view: 'todo' | 'suspended' | 'all' | 'closed'; step?: CaseRow['current_step']; q?: string; band?: { kind: DueBand; now: Date; yellowBefore: Date } };

const active = ['submitted', 'accepted', 'in_review', 'decided'] as const;
const running = ['accepted', 'in_review', 'decided'] as const;
const closedStatuses = ['completed', 'refused', 'withdrawn', 'denied'] as const;

/**
 * The cases a queue view shows, as disjoint branches (WHERE clauses over `cases`) that the callers list and count
 * branch by branch and combine with UNION ALL. The to-do view has one branch per role of the reader's department,
 * one for a comprehensive window's counter steps in its region and one for countersign requests, instead of one OR: each
 * branch walks its own queue index (0008_case_queue_indexes.sql) in urgency order and is counted by an index-only
 * scan, where the OR had to fetch and sort every matching row (measured with 1,000,000 cases: docs/PERFORMANCE.md).
 */
function queueQuery(db: Queryable, scope: QueueScope, filter: QueueFilter) {
  let base = db.selectFrom('cases').where('region_code', 'like', `${scope.regionPrefix}%`);
  if (filter.step) base = base.where('current_step', '=', filter.step);
  if (filter.q) base = base.where('case_number', 'like', `%${filter.q.replace(/[%_\\]/g, '')}`);
  const band = filter.band;
  if (band) {
    switch (band.kind) {
      case 'red':
        base = base.where('status', 'in', running).where('due_at', '<', band.now);
        break;
      case 'yellow':
        base = base.where('status', 'in', running).where('due_at', '>=', band.now).where('due_at', '<=', band.yellowBefore);
        break;
      case 'green':
        base = base.where('status', 'in', running).where('due_at', '>', band.yellowBefore);
        break;
      case 'none':
        base = base.where((eb) => eb.or([eb('due_at', 'is', null), eb('status', 'not in', running)]));
        break;
    }
  }
  switch (filter.view) {
    case 'todo': {
      const roles = scope.roles.length > 0 ? scope.roles : ['-'];
      // Each later branch leaves out the rows of the earlier ones, so every case is listed and counted once.
      const isMine = sql<boolean>`(handling_department_id = ${scope.departmentId} and step_role in (${sql.join(roles)}))`;
      const branches = roles.map((role) => base.where('handling_department_id', '=', scope.departmentId).where('step_role', '=', role).where('status', 'in', active));
      // 一窗受理: a comprehensive window serves the counter steps (受理, 办结) of every case of its region whose step
      // role it holds, whichever department handles it (the same rule as access.staffMayTouch).
      const atCounter = sql<boolean>`(status = 'submitted' or (status = 'decided' and current_step = 'complete'))`;
      if (scope.windowDepartmentId) {
        branches.push(base.where(atCounter).where('step_role', 'in', roles).where(sql<boolean>`${isMine} is not true`));
      }
      if (scope.countersignDepartmentId) {
        let asked = base
          .where('current_step', '=', 'countersign')
          .where('status', 'in', active)
          .where(sql<boolean>`countersign_pending @> ${JSON.stringify([scope.countersignDepartmentId])}::jsonb`)
          .where(sql<boolean>`${isMine} is not true`);
        if (scope.windowDepartmentId) asked = asked.where(sql<boolean>`(${atCounter} and step_role in (${sql.join(roles)})) is not true`);
        branches.push(asked);
      }
      return branches;
    }
    case 'suspended':
      return [base.where('handling_department_id', '=', scope.departmentId).where('status', '=', 'suspended')];
    case 'all':
      return [base.where('handling_department_id', '=', scope.departmentId).where('status', '<>', 'draft')];
    case 'closed':
      return [base.where('handling_department_id', '=', scope.departmentId).where('status', 'in', closedStatuses)];
  }
}

/** A department's queue for a role, most urgent first: overdue and nearest deadlines, then the oldest submissions. */
export async function listQueue(db: Queryable, scope: QueueScope, filter: QueueFilter, page: { limit: number; offset: number }): Promise<{ rows: CaseListRow[]; total: number }> {
  const order = filter.view === 'todo' || filter.view === 'suspended' ? sql`due_at asc nulls last, submitted_at asc nulls last, id` : sql`updated_at desc, id`;
  const branches = queueQuery(db, scope, filter);
  // PostgreSQL does not carry an outer ORDER BY … LIMIT into UNION ALL branches that have WHERE clauses: each branch
  // gives its own first rows (in index order), and the page is taken from those. The total rides along as a
  // sub-select evaluated once: one statement per page (each statement costs a round trip and a plan).
  const firstRows = branches.map((branch) => db.selectFrom(branch.select(listColumns).orderBy(order).limit(page.offset + page.limit).as('branch')).selectAll());
  const counted = () => db.selectFrom(branches.map((branch) => branch.select((eb) => eb.fn.countAll<string>().as('n'))).reduce((all, part) => all.unionAll(part)).as('counts'));
  const rows = await db
    .selectFrom(firstRows.reduce((all, part) => all.unionAll(part)).as('queue'))
    .selectAll()
    .select(() => counted().select(sql<string>`coalesce(sum(n), 0)`.as('n')).as('total'))
    .orderBy(order)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // Past the last page (or an empty queue) no row carries the total: count on its own.
  const total = rows[0]?.total ?? (await counted().select(sql<string>`coalesce(sum(n), 0)`.as('n')).executeTakeFirst())?.n;
  return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(total ?? 0) };
}

/** Counts of the to-do queue by deadline band (overdue, due by `yellowBefore`, later, no running clock) and the paused. */
export async function countQueue(db: Queryable, scope: QueueScope, now: Date, yellowBefore: Date): Promise<{ todo: number; red: number; yellow: number; green: number; none: number; suspended: number }> {
  const clockRuns = sql<boolean>`status in ('accepted', 'in_review', 'decided') and due_at is not null`;
  // Counted branch by branch (an aggregate straight over each index-only scan), then added up; the paused count
  // rides along as a sub-select, so the counts are one statement.
  const byBranch = queueQuery(db, scope, { view: 'todo' }).map((branch) =>
    branch.select((eb) => [
      eb.fn.countAll<string>().as('todo'),
      sql<string>`count(*) filter (where ${clockRuns} and due_at < ${now})`.as('red'),
      sql<string>`count(*) filter (where ${clockRuns} and due_at >= ${now} and due_at <= ${yellowBefore})`.as('yellow'),
      sql<string>`count(*) filter (where ${clockRuns} and due_at > ${yellowBefore})`.as('green'),
    ]),
  );
  const paused = queueQuery(db, scope, { view: 'suspended' })
    .map((branch) => branch.select((eb) => eb.fn.countAll<string>().as('n')))
    .reduce((all, part) => all.unionAll(part));
  const counts = await db
    .selectFrom(byBranch.reduce((all, part) => all.unionAll(part)).as('queue'))
    .select([
      sql<string>`coalesce(sum(todo), 0)`.as('todo'),
      sql<string>`coalesce(sum(red), 0)`.as('red'),
      sql<string>`coalesce(sum(yellow), 0)`.as('yellow'),
      sql<string>`coalesce(sum(green), 0)`.as('green'),
      () => db.selectFrom(paused.as('paused')).select(sql<string>`coalesce(sum(n), 0)`.as('n')).as('suspended'),
    ])
    .executeTakeFirst();
  const total = Number(counts?.todo ?? 0);
  const red = Number(counts?.red ?? 0);
  const yellow = Number(counts?.yellow ?? 0);
  const green = Number(counts?.green ?? 0);
  return { todo: total, red, yellow, green, none: total - red - yellow - green, suspended: Number(counts?.suspended ?? 0) };
}

// ---------------------------------------------------------------- notifications

export async function listNotifications(db: Queryable, accountId: string, filter: { isUnread?: boolean; limit: number; offset: number }) {
  let query = db.selectFrom('notifications').where('account_id', '=', accountId);
  if (filter.isUnread !== undefined) query = query.where('read_at', filter.isUnread ? 'is' : 'is not', null);
  const [rows, count, unread] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0), unread: Number(unread?.n ?? 0) };
}

export async function markNotificationsRead(db: Queryable, accountId: string, id?: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: new Date() }).where('account_id', '=', accountId).where('read_at', 'is', null);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findNotification(db: Queryable, accountId: string, id: string) {
  return db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------- dishonesty list

export async function isBlacklisted(db: Queryable, subject: { idNumberIdx?: string | null; creditCode?: string | null }, today: string): Promise<boolean> {
  const keys: { column: 'id_number_idx' | 'credit_code'; value: string }[] = [];
  if (subject.idNumberIdx) keys.push({ column: 'id_number_idx', value: subject.idNumberIdx });
  if (subject.creditCode) keys.push({ column: 'credit_code', value: subject.creditCode });
  if (keys.length === 0) return false;
  const hit = await db
    .selectFrom('credit_blacklist')
    .select('id')
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .where((eb) => eb.or(keys.map((k) => eb(k.column, '=', k.value))))
    .executeTakeFirst();
  return hit !== undefined;
}

export async function listBlacklist(db: Queryable, page: { limit: number; offset: number }) {
  const query = db.selectFrom('credit_blacklist').where('removed_at', 'is', null);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export function findBlacklistEntry(db: Queryable, id: string): Promise<Row<'credit_blacklist'> | undefined> {
  return db.selectFrom('credit_blacklist').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBlacklistEntry(db: Queryable, row: NewRow<'credit_blacklist'>): Promise<void> {
  await db.insertInto('credit_blacklist').values(row).execute();
}

export function removeBlacklistEntry(db: Queryable, id: string, by: string | null): Promise<Row<'credit_blacklist'> | undefined> {
  return db.updateTable('credit_blacklist').set({ removed_at: new Date(), removed_by: by }).where('id', '=', id).where('removed_at', 'is', null).returningAll().executeTakeFirst();
}
