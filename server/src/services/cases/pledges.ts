import type { PledgeCheckInput } from '@zhengtong/contracts';
import { hasPermission, type Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { emit } from '../../kernel/outbox';
import { isHandlingStaff, isStaffActor } from './access';
import type { CasesContext } from './context';
import { getCaseRow, stateOf, versionOf, workflowOf } from './load';
import { notifyApplicant } from './notify';
import { recordAction } from './record';
import { lockCase, lockPledge, recordPledgeCheck, updateCase } from './repo';
import { applyAction } from './workflow';
import { staleVersion } from './conflicts';
import { inTransaction } from '../../kernel/audit';

// 告知承诺 事后核查 (国办发〔2020〕42号): the department checks each promise after acceptance. A false promise revokes an
// approval already given, tells the applicant why, and is reported to the credit system (case.pledge-false).

/** Records what the check found; the handling department's reviewers do it (case.review). */
export async function checkPledge(ctx: CasesContext, { actor, caseId, materialKey, input }: { actor: Actor; caseId: string; materialKey: string; input: PledgeCheckInput }): Promise<void> {
  if (!isStaffActor(actor)) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const row = await getCaseRow(ctx.kernel.db, caseId);
  if (!isHandlingStaff(actor, row)) throw new AppError('OUT_OF_SCOPE', { detail: 'cases.notYourDepartment' });
  if (!hasPermission(actor, 'case.review')) throw new AppError('FORBIDDEN');
  const version = await versionOf(ctx.kernel.db, row);
  const materialName = version.materials.find((m) => m.key === materialKey)?.name ?? materialKey;
  await inTransaction(ctx.kernel.db, async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
    if (locked.version !== input.version) throw staleVersion(locked);
    if (!applyAction(stateOf(locked), 'checkPledge', workflowOf(version)).ok) throw new AppError('CONFLICT', { detail: 'cases.pledgeCheckTooEarly' });
    const pledge = await lockPledge(tx, caseId, materialKey);
    if (!pledge) throw new AppError('NOT_FOUND', { detail: 'cases.pledgeNotFound' });
    if (pledge.check_outcome) throw new AppError('CONFLICT', { detail: 'cases.pledgeChecked' });
    const now = new Date();
    await recordPledgeCheck(tx, { caseId, materialKey, outcome: input.outcome, note: input.note, checkedBy: actor.accountId, at: now });
    const isFalse = input.outcome === 'false';
    const revokes = isFalse && locked.result_kind === 'approved' && !locked.result_revoked_at;
    const updated = await updateCase(tx, caseId, locked.version, revokes ? { result_revoked_at: now, result_revoked_reason: input.note } : {});
    if (!updated) throw staleVersion(locked);
    await recordAction(tx, actor, { row: updated, action: 'checkPledge', from: locked.status, to: updated.status, step: locked.current_step, note: input.note, detail: { materialKey, outcome: input.outcome, revoked: revokes }, at: now });
    if (!isFalse) return;
    await emit(tx, 'case.pledge-false', {
      caseId,
      caseNumber: locked.case_number,
      serviceItemId: locked.service_item_id,
      departmentId: locked.handling_department_id,
      materialKey,
      applicant: { type: locked.applicant_type, accountId: locked.applicant_account_id, enterpriseId: locked.applicant_enterprise_id, name: locked.applicant_name },
      revoked: revokes,
    });
    const consequence = revokes ? '已作出的准予决定依法撤销,' : '';
    await notifyApplicant(tx, ctx, updated, {
      kind: 'case.pledge-false',
      title: '承诺核查不实',
      body: `您办理“${locked.item_name}”时以承诺代替的“${materialName}”经核查与事实不符:${input.note}。${consequence}该情况将记入信用记录。如有异议,可自收到之日起六十日内依法申请行政复议。`,
    });
  });
}
