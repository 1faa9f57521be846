import type { ItemVersionView } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { toLocalDate } from '../../kernel/calendar';
import { sm3Hex } from '../../kernel/crypto';
import type { NewRow, Queryable } from '../../kernel/db';
import { invalid } from '../../kernel/errors';
import { emit } from '../../kernel/outbox';
import { findSsoProfile, lookupIndex, readPerson } from '../../platform/identity';
import type { CasesContext } from './context';
import { workflowOf, stateOf } from './load';
import { applicableMaterials, checkValues, choiceIssues, effectiveChoices, missingMaterials, pledgeText, type Choices } from './materials';
import { fetchableMaterials, fetchLicenses, holderOf, listCaseLicenses, materialCounts, type CaseLicenseRow } from './license-materials';
import { notifyApplicant } from './notify';
import { recordAction, recordActions } from './record';
import { insertCase, insertPledges, isBlacklisted, listMaterials, nextCaseSequence, updateCase, type CaseActionRow, type CaseRow, type PledgeRow } from './repo';
import { applyAction, type Transition } from './workflow';
import { notNow, staleVersion } from './conflicts';

// Submitting an application (提交申请): everything checked, a case number given, pledges recorded, in one transaction.

/**
 * 办件编号: region 6 + Beijing date + W/O + 6-digit sequence of that region and day. A new case draws its number
 * before the transaction that files it (`db` is then the database, not a transaction), so the counter row is locked
 * for one statement rather than for the whole filing — every submission of a region and day shares that row. Like
 * a database sequence, a filing that fails afterwards leaves its number unused: numbers are unique and increasing,
 * with an occasional gap, never reused.
 */
export async function nextCaseNumber(tx: Queryable, row: Pick<CaseRow, 'region_code' | 'channel'>, now: Date): Promise<string> {
  const region6 = row.region_code.slice(0, 6);
  const day = toLocalDate(now);
  const sequence = await nextCaseSequence(tx, region6, day);
  return `${region6}${day.replace(/-/g, '')}${row.channel === 'window' ? 'W' : 'O'}${String(sequence).padStart(6, '0')}`;
}

/**
 * 告知承诺 is barred for applicants on a serious-dishonesty list. The person's ID number (or the enterprise's credit
 * code) is looked up against credit_blacklist; an online citizen's own number is read from identity (audited as a
 * read for this purpose). Runs before the submitting transaction.
 */
export type PledgeSubject = Pick<CaseRow, 'applicant_type' | 'applicant_account_id' | 'applicant_id_number_idx' | 'applicant_credit_code' | 'agent_id_number_idx'>;

export async function assertPledgeEligible(ctx: CasesContext, actor: Actor, row: PledgeSubject): Promise<void> {
  let idNumberIdx = row.applicant_id_number_idx;
  let creditCode = row.applicant_credit_code;
  const isOwnAccount = actor.kind === 'account' && row.applicant_account_id === actor.accountId;
  if (!idNumberIdx && row.applicant_type === 'person' && row.applicant_account_id && isOwnAccount) {
    const person = await readPerson(ctx.kernel, { actor, accountId: row.applicant_account_id, unmask: true, purpose: '告知承诺资格核验' });
    idNumberIdx = lookupIndex(ctx.kernel.keys, 'idNumber', person.idNumber);
  }
  if (!creditCode && row.applicant_type === 'enterprise' && row.applicant_account_id) {
    creditCode = (await findSsoProfile(ctx.kernel, row.applicant_account_id))?.creditCode ?? null;
  }
  const today = toLocalDate(new Date());
  const listed = await isBlacklisted(ctx.kernel.db, { idNumberIdx, creditCode }, today);
  const agentListed = row.agent_id_number_idx ? await isBlacklisted(ctx.kernel.db, { idNumberIdx: row.agent_id_number_idx }, today) : false;
  if (listed || agentListed) throw invalid([{ field: 'materialChoices', code: 'cases.pledgeIneligible' }]);
}

export type Application = { values: Record<string, unknown>; choices: Choices };

/**
 * Field errors that stop a submission: the form, the choices, the materials still missing. A material counts as
 * handed in when uploaded, fetched earlier from a licence, or in `fetchable` (licences about to be fetched: 免证办).
 */
export async function submissionIssues(db: Queryable, caseId: string | null, version: ItemVersionView, application: Application, fetchable: ReadonlySet<string> = new Set()) {
  const checked = checkValues(version, application.values, { isDraft: false });
  const [files, licenses] = caseId ? await Promise.all([listMaterials(db, caseId), listCaseLicenses(db, caseId)]) : [[], []];
  const uploaded = new Set([...files.map((m) => m.material_key), ...licenses.map((l) => l.material_key), ...fetchable]);
  const choices = effectiveChoices(version, checked.values, application.choices, uploaded);
  const issues = [...checked.issues, ...choiceIssues(version, choices), ...missingMaterials(version, checked.values, choices, uploaded)];
  return { values: checked.values, choices, issues };
}

type Checked = Pick<Awaited<ReturnType<typeof submissionIssues>>, 'values' | 'choices'>;

/** What a submission writes: the case's new columns, the pledges signed, and the detail of the history entry. */
function submissionWrites(row: { id: string; agent_name?: string | null; applicant_name: string; filed_by: string }, version: ItemVersionView, actor: Actor, next: Transition, checked: Checked & { fetch: readonly string[] }, caseNumber: string, now: Date) {
  const { values, choices } = checked;
  const signer = row.agent_name ?? row.applicant_name;
  const signedBy = actor.kind === 'account' ? actor.accountId : row.filed_by;
  const keysChosen = (choice: string) => Object.keys(choices).filter((k) => choices[k] === choice);
  const pledges = keysChosen('pledge').flatMap((key) => {
    const material = version.materials.find((m) => m.key === key);
    if (!material) return [];
    const text = pledgeText(version, material, signer);
    return [{ case_id: row.id, material_key: key, pledge_text: text, text_sm3: sm3Hex(text), signer_name: signer, signed_by: signedBy, signed_at: now }];
  });
  const accept = version.workflow.steps.find((s) => s.key === 'accept');
  const changes = {
    status: next.status,
    current_step: next.step,
    step_role: accept?.role ?? 'clerk',
    case_number: caseNumber,
    submitted_at: now,
    form_values: JSON.stringify(values),
    material_choices: JSON.stringify(choices),
    ...materialCounts(version, values, new Set(checked.fetch)),
  };
  return { changes, pledges, detail: { caseNumber, pledged: keysChosen('pledge'), gaps: keysChosen('gap'), fetched: [...checked.fetch] } };
}

/** Tells the platform and the applicant that a case was submitted. */
async function announceSubmission(tx: Queryable, ctx: CasesContext, row: CaseRow): Promise<void> {
  await emit(tx, 'case.submitted', { caseId: row.id, caseNumber: row.case_number, itemVersionId: row.item_version_id, channel: row.channel, departmentId: row.handling_department_id });
  await notifyApplicant(tx, ctx, row, {
    kind: 'case.submitted',
    title: '申请已提交',
    body: `您申请的“${row.item_name}”已提交,办件编号 ${row.case_number}。${row.handling_department_name}受理后将通知您。`,
  });
}

/** Submits a locked draft: checks, numbers, records pledges, moves it to 受理, tells the applicant. */
export async function submitLocked(tx: Queryable, ctx: CasesContext, actor: Actor, row: CaseRow, version: ItemVersionView, application: Application, now: Date): Promise<CaseRow> {
  const outcome = applyAction(stateOf(row), 'submit', workflowOf(version));
  if (!outcome.ok) throw notNow(row);
  const fetchable = await fetchableMaterials(tx, version, application.values, holderOf(row));
  const uploaded = new Set((await listMaterials(tx, row.id)).map((m) => m.material_key));
  const fetch = toFetch(fetchable, application, version, uploaded);
  const checked = await submissionIssues(tx, row.id, version, application, new Set(fetch));
  if (checked.issues.length > 0) throw invalid(checked.issues);
  const writes = submissionWrites(row, version, actor, outcome.next, { ...checked, fetch }, await nextCaseNumber(tx, row, now), now);
  await insertPledges(tx, writes.pledges);
  const updated = await updateCase(tx, row.id, row.version, writes.changes);
  if (!updated) throw staleVersion(row);
  await fetchLicenses(tx, actor, updated, fetch, version, now);
  await recordAction(tx, actor, { row: updated, action: 'submit', from: row.status, to: updated.status, step: 'accept', detail: writes.detail, at: now });
  await announceSubmission(tx, ctx, updated);
  return updated;
}

export type FiledCase = { row: CaseRow; pledges: PledgeRow[]; actions: CaseActionRow[]; licenses: CaseLicenseRow[] };

/**
 * Of the materials a licence could satisfy, the ones to fetch: asked for by the answers, not uploaded already, and not
 * declined by the applicant (choice `upload`: "not this licence, I upload it myself").
 */
export function toFetch(fetchable: ReadonlyMap<string, unknown>, application: Application, version: ItemVersionView, uploaded: ReadonlySet<string> = new Set()): string[] {
  return applicableMaterials(version, application.values)
    .filter((m) => fetchable.has(m.key) && !uploaded.has(m.key) && application.choices[m.key] !== 'upload')
    .map((m) => m.key);
}

/**
 * Files a new case: a draft, or — given the submission already checked — the submitted case, written once
 * (no draft row updated afterwards, no history read back). Returns what it wrote, so the caller can answer from it.
 */
export async function fileCase(tx: Queryable, ctx: CasesContext, actor: Actor, filing: { draft: NewRow<'cases'>; version: ItemVersionView; submission: (Checked & { caseNumber: string; fetch: readonly string[] }) | null; createDetail?: Record<string, unknown>; now: Date }): Promise<FiledCase> {
  const { draft, version, submission, now } = filing;
  const created = { action: 'create', from: null, to: 'draft', step: null, detail: filing.createDetail, at: now } as const;
  if (!submission) {
    const row = await insertCase(tx, draft);
    return { row, pledges: [], licenses: [], actions: await recordActions(tx, actor, [{ ...created, row }], 1) };
  }
  const outcome = applyAction({ status: 'draft', step: null, suspendKind: null, resumeStatus: null, countersignPending: [], caseKind: draft.case_kind }, 'submit', workflowOf(version));
  if (!outcome.ok) throw notNow({ status: 'draft' });
  const writes = submissionWrites(draft, version, actor, outcome.next, submission, submission.caseNumber, now);
  const row = await insertCase(tx, { ...draft, ...writes.changes });
  const pledges = await insertPledges(tx, writes.pledges);
  const licenses = await fetchLicenses(tx, actor, row, submission.fetch, version, now);
  const actions = await recordActions(tx, actor, [{ ...created, row }, { row, action: 'submit', from: 'draft', to: row.status, step: 'accept', detail: writes.detail, at: now }], 1);
  await announceSubmission(tx, ctx, row);
  return { row, pledges, actions, licenses };
}
