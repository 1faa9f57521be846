import type { ItemVersionView } from '@zhengtong/contracts';
import { toLocalDate, type Calendar } from '../kernel/calendar';
import { audit, inTransaction } from '../kernel/audit';
import { systemActor } from '../kernel/authz';
import type { Kernel } from '../kernel/context';
import { sql, type DB, type Row, type Transaction } from '../kernel/db';
import { fileStoreFor } from '../kernel/files';
import { sealFor, signWithSeal, type SealSignature } from '../platform/seals';
import { getItemVersion } from '../services/catalogue';
import { decisionLetterPdf } from '../services/cases/documents';
import { deadline, pausedDays, type ItemFacts, type PlannedOp } from './case-history-timeline';

// Dating the demo history back. The cases were made a moment ago through the API; here their times move to the
// moments the plan gave them (case-history-timeline.ts), their 办件编号 take the submission day, and what was written
// with the real time (deadline texts in the history and the inbox, the decision letters) is written again for the
// planned time. The audit trail keeps the real seed time: this is demo data dated back, and the hash chain of
// audit_log is never rewritten (`zt audit-verify` stays intact).

/** A case made by the API: each call with its planned time and how far history and inbox had grown after it. */
export type CaseRun = {
  caseId: string;
  facts: ItemFacts;
  steps: { op: PlannedOp; seq: number; notices: number; materialId: string | null }[];
};

const READ_AFTER_DAYS = 5;
const DAY_MS = 86_400_000;

/** The date as the cases domain writes it in notices and history (2026年7月3日). */
function dateText(at: Date): string {
  const [y, m, d] = toLocalDate(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const json = (rows: unknown) => JSON.stringify(rows);

/** The planned moment of the call that wrote the n-th row (1-based) when `count` tells how many existed after each call. */
function timeOfRow(run: CaseRun, n: number, count: (step: CaseRun['steps'][number]) => number): Date {
  const step = run.steps.find((s) => count(s) >= n);
  if (!step) throw new Error(`demo case history: row ${n} of case ${run.caseId} was written by no call`);
  return step.op.at;
}

type Dated = {
  row: Row<'cases'>;
  caseNumber: string;
  created: Date;
  submitted: Date | null;
  accepted: Date | null;
  decided: Date | null;
  closed: Date | null;
  updated: Date;
  suspendedSince: Date | null;
  suspendedDays: number;
  due: Date | null;
  legalDue: Date | null;
  /** The promised deadline as set at acceptance (before any pause): the 容缺 due date and the accepted notice's date. */
  dueAtAcceptance: Date | null;
};

/** The case row's times from its calls: acceptance starts the clock, a 补正 after acceptance stops it until answered. */
function datesOf(run: CaseRun, row: Row<'cases'>, calendar: Calendar): Omit<Dated, 'caseNumber'> {
  const ops = run.steps.map((s) => s.op);
  const find = (test: (op: PlannedOp) => boolean) => ops.find(test)?.at ?? null;
  const created = find((op) => op.kind === 'create') ?? row.created_at;
  const accepted = find((op) => op.kind === 'act' && op.action === 'accept');
  const decision = find((op) => op.kind === 'act' && (op.action === 'refuse' || op.action === 'deny' || (op.action === 'approve' && op.step === 'decide') || (op.action === 'accept' && run.facts.isImmediate)));
  const closing = find((op) => op.kind === 'withdraw' || (op.kind === 'act' && (op.action === 'complete' || op.action === 'refuse' || op.action === 'deny' || (op.action === 'accept' && run.facts.isImmediate))));
  const pauses: [Date, Date | null][] = [];
  ops.forEach((op, i) => {
    if (op.kind !== 'act' || op.action !== 'request-supplement' || op.step === 'accept') return;
    pauses.push([op.at, ops.slice(i + 1).find((o) => o.kind === 'resubmit')?.at ?? null]);
  });
  const paused = (unit: ItemFacts['promised']['unit']) => pauses.reduce((sum, [from, to]) => sum + (to ? pausedDays(calendar, from, to, unit) : 0), 0);
  const open = pauses.find(([, to]) => to === null)?.[0] ?? null;
  const legal = run.facts.legal;
  const last = [...ops].reverse().find((op) => op.kind !== 'upload')?.at ?? created;
  return {
    row,
    created,
    submitted: row.submitted_at ? find((op) => op.kind === 'submit') : null,
    accepted: row.accepted_at ? accepted : null,
    decided: row.decided_at ? decision : null,
    closed: row.completed_at ? closing : null,
    updated: last,
    suspendedSince: row.suspended_since ? open : null,
    suspendedDays: paused(run.facts.promised.unit),
    due: row.due_at && accepted ? deadline(calendar, accepted, run.facts.promised, paused(run.facts.promised.unit)) : null,
    legalDue: row.legal_due_at && accepted && legal ? deadline(calendar, accepted, legal, paused(legal.unit)) : null,
    dueAtAcceptance: row.due_at && accepted ? deadline(calendar, accepted, run.facts.promised, 0) : null,
  };
}

/** New 办件编号 for cases submitted before today, numbered per region and day in order of submission. */
async function renumber(kernel: Kernel, cases: Omit<Dated, 'caseNumber'>[], today: string): Promise<{ numbers: Map<string, string>; counters: { region6: string; day: string; last: number }[] }> {
  const existing = await sql<{ region6: string; day: string; last: number }>`
    select region6, to_char(day, 'YYYY-MM-DD') as day, last from case_number_counters where day < ${today}::date`.execute(kernel.db);
  const last = new Map(existing.rows.map((c) => [`${c.region6}|${c.day}`, c.last]));
  const numbers = new Map<string, string>();
  const moved = cases.filter((c) => c.submitted && toLocalDate(c.submitted) < today).sort((a, b) => (a.submitted?.getTime() ?? 0) - (b.submitted?.getTime() ?? 0));
  for (const c of moved) {
    const region6 = c.row.region_code.slice(0, 6);
    const day = toLocalDate(c.submitted ?? c.created);
    const key = `${region6}|${day}`;
    const sequence = (last.get(key) ?? 0) + 1;
    last.set(key, sequence);
    numbers.set(c.row.id, `${region6}${day.replace(/-/g, '')}${c.row.channel === 'window' ? 'W' : 'O'}${String(sequence).padStart(6, '0')}`);
  }
  const counters = [...last.entries()].map(([key, n]) => {
    const [region6 = '', day = ''] = key.split('|');
    return { region6, day, last: n };
  });
  return { numbers, counters };
}

/** A letter issued again: its stored file and, when the department has a seal, the SM2 signature over its bytes. */
type Letter = { sm3: string; signed: SealSignature | null };
type SealUse = { sealId: string; detail: Record<string, unknown> };

/**
 * The decision letter issued again with the case's dated-back number and dates (the product issues it once, at the
 * decision, with the real date). Like the product, it carries the department's 行政审批专用章 and is signed over its
 * exact bytes when the first one was, so the letter verifies; the seal's use is audited when written (see write).
 */
async function reissueLetter(kernel: Kernel, c: Dated, versions: Map<string, ItemVersionView>): Promise<Letter | null> {
  const { row } = c;
  if (!row.decision_file_sm3 || !row.result_kind || !c.decided) return null;
  let version = versions.get(row.item_version_id);
  if (!version) {
    version = await getItemVersion(kernel.db, row.item_version_id);
    versions.set(row.item_version_id, version);
  }
  const seal = row.decision_seal_key_id ? await sealFor(kernel.db, row.handling_department_id, 'approval') : null;
  const dated = { ...row, case_number: c.caseNumber, submitted_at: c.submitted, accepted_at: c.accepted, decided_at: c.decided };
  const pdf = await decisionLetterPdf({
    row: dated,
    version,
    kind: row.result_kind,
    result: row.result_values ?? {},
    reason: row.result_reason,
    decidedAt: c.decided,
    regionName: version.implementation.region.fullName,
    publicUrl: kernel.config.publicUrl,
    seal,
  });
  const stored = await fileStoreFor(kernel.config).put(pdf);
  return { sm3: stored.sm3, signed: seal ? await signWithSeal(kernel.db, kernel.keys, seal.id, pdf) : null };
}

type ActionRow = Pick<Row<'case_actions'>, 'case_id' | 'seq' | 'action' | 'detail'>;
type NoticeRow = Pick<Row<'notifications'>, 'id' | 'case_id' | 'body'>;

/**
 * Each history entry's planned time; the submit entry names the new number, the accept entry the deadline set then.
 * Returns the rows to write and, per case, the deadline text the accept entry had (the inbox says it too).
 */
function historyRows(runs: CaseRun[], byId: Map<string, Dated>, actions: ActionRow[]): { rows: Record<string, unknown>[]; oldDueText: Map<string, string> } {
  const oldDueText = new Map<string, string>();
  const detailOf = new Map(actions.map((a) => [`${a.case_id}/${a.seq}`, a]));
  const rows = runs.flatMap((run) => {
    const c = byId.get(run.caseId);
    return Array.from({ length: run.steps.at(-1)?.seq ?? 0 }, (_, i) => {
      const seq = i + 1;
      const action = detailOf.get(`${run.caseId}/${seq}`);
      let detail: Record<string, unknown> | null = null;
      if (action?.action === 'submit' && c) detail = { ...action.detail, caseNumber: c.caseNumber };
      if (action?.action === 'accept' && c?.dueAtAcceptance && typeof action.detail.dueDate === 'string') {
        oldDueText.set(run.caseId, action.detail.dueDate);
        detail = { ...action.detail, dueDate: dateText(c.dueAtAcceptance) };
      }
      return { case_id: run.caseId, seq, at: timeOfRow(run, seq, (s) => s.seq), detail };
    });
  });
  return { rows, oldDueText };
}

/** Each notice at its call's planned time, with the new number and deadline in its words; older ones read. */
function inboxRows(runs: CaseRun[], byId: Map<string, Dated>, notices: NoticeRow[], oldDueText: Map<string, string>, now: Date): Record<string, unknown>[] {
  const rank = new Map<string, number>();
  const runOf = new Map(runs.map((r) => [r.caseId, r]));
  return notices.map((n) => {
    const caseId = n.case_id ?? '';
    const run = runOf.get(caseId);
    const c = byId.get(caseId);
    if (!run || !c) throw new Error(`demo case history: notice ${n.id} of an unknown case`);
    rank.set(caseId, (rank.get(caseId) ?? 0) + 1);
    const at = timeOfRow(run, rank.get(caseId) ?? 0, (s) => s.notices);
    let body = n.body;
    if (c.row.case_number) body = body.split(c.row.case_number).join(c.caseNumber);
    const oldDue = oldDueText.get(caseId);
    if (oldDue && c.dueAtAcceptance) body = body.split(oldDue).join(dateText(c.dueAtAcceptance));
    // An applicant has long read what came more than a few days ago.
    const readAt = now.getTime() - at.getTime() > READ_AFTER_DAYS * DAY_MS ? new Date(at.getTime() + 3 * 3_600_000) : null;
    return { id: n.id, at, read_at: readAt, body };
  });
}

/** The case rows' new times and numbers, and the letters issued again for them. */
async function caseRows(kernel: Kernel, dated: Dated[]): Promise<{ rows: Record<string, unknown>[]; sealUses: SealUse[] }> {
  const versions = new Map<string, ItemVersionView>();
  const rows: Record<string, unknown>[] = [];
  const sealUses: SealUse[] = [];
  for (const c of dated) {
    const letter = await reissueLetter(kernel, c, versions);
    if (letter?.signed) sealUses.push({ sealId: letter.signed.sealId, detail: { keyId: letter.signed.keyId, caseId: c.row.id, caseNumber: c.caseNumber, document: 'decision-letter', sm3: letter.sm3 } });
    rows.push({
      id: c.row.id,
      case_number: c.row.case_number ? c.caseNumber : null,
      created_at: c.created,
      submitted_at: c.submitted,
      accepted_at: c.accepted,
      due_at: c.due,
      legal_due_at: c.legalDue,
      decided_at: c.decided,
      completed_at: c.closed,
      updated_at: c.updated,
      suspended_since: c.suspendedSince,
      suspended_days: c.suspendedDays,
      decision_file_sm3: letter?.sm3 ?? null,
      decision_seal_key_id: letter?.signed?.keyId ?? null,
      decision_signature: letter?.signed?.signature ?? null,
    });
  }
  return { rows, sealUses };
}

type Rewrite = {
  ids: string[];
  cases: Record<string, unknown>[];
  sealUses: SealUse[];
  history: Record<string, unknown>[];
  inbox: Record<string, unknown>[];
  materials: Record<string, unknown>[];
  gaps: Record<string, unknown>[];
  renumbered: Record<string, unknown>[];
  counters: { region6: string; day: string; last: number }[];
  seedDays: string[];
};

/** One statement per table, in one transaction. */
async function write(tx: Transaction<DB>, r: Rewrite): Promise<void> {
  await sql`
    update cases c set case_number = v.case_number, created_at = v.created_at, submitted_at = v.submitted_at, accepted_at = v.accepted_at,
           due_at = v.due_at, legal_due_at = v.legal_due_at, decided_at = v.decided_at, completed_at = v.completed_at, updated_at = v.updated_at,
           suspended_since = v.suspended_since, suspended_days = v.suspended_days,
           decision_file_sm3 = coalesce(v.decision_file_sm3, c.decision_file_sm3),
           decision_seal_key_id = case when v.decision_file_sm3 is null then c.decision_seal_key_id else v.decision_seal_key_id end,
           decision_signature = case when v.decision_file_sm3 is null then c.decision_signature else v.decision_signature end
      from jsonb_to_recordset(${json(r.cases)}::jsonb) as v(id uuid, case_number text, created_at timestamptz, submitted_at timestamptz,
           accepted_at timestamptz, due_at timestamptz, legal_due_at timestamptz, decided_at timestamptz, completed_at timestamptz,
           updated_at timestamptz, suspended_since timestamptz, suspended_days int, decision_file_sm3 text, decision_seal_key_id text,
           decision_signature text)
     where c.id = v.id`.execute(tx);
  // Each use of a seal is kept in the audit trail (用印), as the product does at a decision.
  for (const use of r.sealUses) {
    await audit(tx, systemActor('demo-seed'), { action: 'seal.use', objectType: 'seal', objectId: use.sealId, detail: { ...use.detail, note: '演示办件历史回溯日期后重新出具' } });
  }
  // case_actions is append-only (a trigger refuses updates). The trigger is lifted for this one statement inside this
  // transaction, so no other session ever sees the table without it.
  await sql`alter table case_actions disable trigger case_actions_no_update`.execute(tx);
  await sql`
    update case_actions a set at = v.at, detail = coalesce(v.detail, a.detail)
      from jsonb_to_recordset(${json(r.history)}::jsonb) as v(case_id uuid, seq int, at timestamptz, detail jsonb)
     where a.case_id = v.case_id and a.seq = v.seq`.execute(tx);
  await sql`alter table case_actions enable trigger case_actions_no_update`.execute(tx);
  await sql`
    update notifications n set created_at = v.at, read_at = v.read_at, body = v.body
      from jsonb_to_recordset(${json(r.inbox)}::jsonb) as v(id uuid, at timestamptz, read_at timestamptz, body text)
     where n.id = v.id`.execute(tx);
  await sql`
    update case_materials m set uploaded_at = v.at
      from jsonb_to_recordset(${json(r.materials)}::jsonb) as v(id uuid, at timestamptz)
     where m.id = v.id`.execute(tx);
  await sql`
    update case_pledges p set signed_at = c.submitted_at
      from cases c
     where c.id = p.case_id and c.id in (select jsonb_array_elements_text(${json(r.ids)}::jsonb)::uuid)`.execute(tx);
  await sql`
    update case_gaps g set due_at = v.due_at,
           fulfilled_at = case when g.fulfilled_at is null then null else (
             select a.at from case_actions a where a.case_id = g.case_id and a.action = 'fulfilGap' and a.detail->>'materialKey' = g.material_key order by a.seq desc limit 1) end
      from jsonb_to_recordset(${json(r.gaps)}::jsonb) as v(case_id uuid, due_at timestamptz)
     where g.case_id = v.case_id`.execute(tx);
  await sql`
    update outbox_events o set payload = replace(o.payload::text, v.old, v.new)::jsonb
      from jsonb_to_recordset(${json(r.renumbered)}::jsonb) as v(case_id text, old text, new text)
     where o.payload->>'caseId' = v.case_id`.execute(tx);
  // The counters continue after the numbers given to past days; the seed day's restart after the cases still dated then.
  await sql`
    insert into case_number_counters (region6, day, last)
    select region6, day, last from jsonb_to_recordset(${json(r.counters)}::jsonb) as v(region6 varchar, day date, last int)
    on conflict (region6, day) do update set last = greatest(case_number_counters.last, excluded.last)`.execute(tx);
  const days = sql`select jsonb_array_elements_text(${json(r.seedDays)}::jsonb)::date`;
  const sameDay = sql`k.case_number like c.region6 || to_char(c.day, 'YYYYMMDD') || '%'`;
  await sql`delete from case_number_counters c where c.day in (${days}) and not exists (select 1 from cases k where ${sameDay})`.execute(tx);
  await sql`update case_number_counters c set last = (select max(substr(k.case_number, 16)::int) from cases k where ${sameDay}) where c.day in (${days})`.execute(tx);
}

export async function dateBack(kernel: Kernel, { runs, calendar, now }: { runs: CaseRun[]; calendar: Calendar; now: Date }): Promise<void> {
  if (runs.length === 0) return;
  const ids = runs.map((r) => r.caseId);
  const [rows, actions, notices] = await Promise.all([
    kernel.db.selectFrom('cases').selectAll().where('id', 'in', ids).execute(),
    kernel.db.selectFrom('case_actions').select(['case_id', 'seq', 'action', 'detail']).where('case_id', 'in', ids).where('action', 'in', ['submit', 'accept']).execute(),
    kernel.db.selectFrom('notifications').select(['id', 'case_id', 'body']).where('case_id', 'in', ids).orderBy('created_at').orderBy('id').execute(),
  ]);
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const times = runs.map((run) => {
    const row = rowOf.get(run.caseId);
    if (!row) throw new Error(`demo case history: case ${run.caseId} vanished`);
    return datesOf(run, row, calendar);
  });
  const { numbers, counters } = await renumber(kernel, times, toLocalDate(now));
  const dated: Dated[] = times.map((c) => ({ ...c, caseNumber: numbers.get(c.row.id) ?? c.row.case_number ?? '' }));
  const byId = new Map(dated.map((c) => [c.row.id, c]));
  const history = historyRows(runs, byId, actions);
  const issued = await caseRows(kernel, dated);
  const rewrite: Rewrite = {
    ids,
    cases: issued.rows,
    sealUses: issued.sealUses,
    history: history.rows,
    inbox: inboxRows(runs, byId, notices, history.oldDueText, now),
    materials: runs.flatMap((run) => run.steps.flatMap((s) => (s.materialId ? [{ id: s.materialId, at: s.op.at }] : []))),
    gaps: dated.flatMap((c) => (c.dueAtAcceptance ? [{ case_id: c.row.id, due_at: c.dueAtAcceptance }] : [])),
    renumbered: dated.flatMap((c) => (c.row.case_number && c.caseNumber !== c.row.case_number ? [{ case_id: c.row.id, old: c.row.case_number, new: c.caseNumber }] : [])),
    counters,
    // The days the API numbered the cases on (the seed's today): their counters are set back to what is left there.
    seedDays: [...new Set(rows.flatMap((r) => (r.case_number ? [`${r.case_number.slice(6, 10)}-${r.case_number.slice(10, 12)}-${r.case_number.slice(12, 14)}`] : [])))],
  };
  await inTransaction(kernel.db, (tx) => write(tx, rewrite));
}
