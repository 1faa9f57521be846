import type { ItemVersionView } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { toLocalDate } from '../../kernel/calendar';
import { sm3Hex } from '../../kernel/crypto';
import type { Queryable } from '../../kernel/db';
import { invalid } from '../../kernel/errors';
import { emit } from '../../kernel/outbox';
import { findSsoProfile, lookupIndex, readPerson } from '../../platform/identity';
import type { CasesContext } from './context';
import { workflowOf, stateOf } from './load';
import { checkValues, choiceIssues, effectiveChoices, missingMaterials, pledgeText, type Choices } from './materials';
import { notifyApplicant } from './notify';
import { recordAction } from './record';
import { insertPledges, isBlacklisted, listMaterials, nextCaseSequence, updateCase, type CaseRow } from './repo';
import { applyAction } from './workflow';
import { notNow, staleVersion } from './conflicts';

// Submitting an application (提交申请): everything checked, a case number given, pledges recorded, in one transaction.

/** 办件编号: region 6 + Beijing date + W/O + 6-digit sequence of that region and day. */
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

/** Field errors that stop a submission: the form, the choices, the materials still missing. */
export async function submissionIssues(db: Queryable, caseId: string | null, version: ItemVersionView, application: Application) {
  const checked = checkValues(version, application.values, { isDraft: false });
  const uploaded = new Set(caseId ? (await listMaterials(db, caseId)).map((m) => m.material_key) : []);
  const choices = effectiveChoices(version, checked.values, application.choices, uploaded);
  const issues = [...checked.issues, ...choiceIssues(version, choices), ...missingMaterials(version, checked.values, choices, uploaded)];
  return { values: checked.values, choices, issues };
}

/** Submits a locked draft: checks, numbers, records pledges, moves it to 受理, tells the applicant. */
export async function submitLocked(tx: Queryable, ctx: CasesContext, actor: Actor, row: CaseRow, version: ItemVersionView, application: Application, now: Date): Promise<CaseRow> {
  const outcome = applyAction(stateOf(row), 'submit', workflowOf(version));
  if (!outcome.ok) throw notNow(row);
  const { values, choices, issues } = await submissionIssues(tx, row.id, version, application);
  if (issues.length > 0) throw invalid(issues);
  const caseNumber = await nextCaseNumber(tx, row, now);
  const signer = row.agent_name ?? row.applicant_name;
  const signedBy = actor.kind === 'account' ? actor.accountId : row.filed_by;
  await insertPledges(
    tx,
    Object.entries(choices)
      .filter(([, choice]) => choice === 'pledge')
      .flatMap(([key]) => {
        const material = version.materials.find((m) => m.key === key);
        if (!material) return [];
        const text = pledgeText(version, material, signer);
        return [{ case_id: row.id, material_key: key, pledge_text: text, text_sm3: sm3Hex(text), signer_name: signer, signed_by: signedBy, signed_at: now }];
      }),
  );
  const accept = version.workflow.steps.find((s) => s.key === 'accept');
  const updated = await updateCase(tx, row.id, row.version, {
    status: outcome.next.status,
    current_step: outcome.next.step,
    step_role: accept?.role ?? 'clerk',
    case_number: caseNumber,
    submitted_at: now,
    form_values: JSON.stringify(values),
    material_choices: JSON.stringify(choices),
  });
  if (!updated) throw staleVersion(row);
  const pledged = Object.keys(choices).filter((k) => choices[k] === 'pledge');
  await recordAction(tx, actor, { row: updated, action: 'submit', from: row.status, to: updated.status, step: 'accept', detail: { caseNumber, pledged, gaps: Object.keys(choices).filter((k) => choices[k] === 'gap') }, at: now });
  await emit(tx, 'case.submitted', { caseId: row.id, caseNumber, itemVersionId: row.item_version_id, channel: row.channel, departmentId: row.handling_department_id });
  await notifyApplicant(tx, ctx, updated, {
    kind: 'case.submitted',
    title: '申请已提交',
    body: `您申请的“${row.item_name}”已提交,办件编号 ${caseNumber}。${row.handling_department_name}受理后将通知您。`,
  });
  return updated;
}
