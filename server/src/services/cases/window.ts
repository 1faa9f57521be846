import type { NewRow } from '../../kernel/db';
import type { WindowCaseInput } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { regionContains, requirePermission } from '../../kernel/authz';
import { AppError, invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { findPersonByIdNumber, protect } from '../../platform/identity';
import { draftRow, versionForFiling } from './applications';
import type { CasesContext } from './context';
import { fetchableMaterials, holderOf } from './license-materials';
import { checkValues, choiceIssues } from './materials';
import { assertPledgeEligible, fileCase, nextCaseNumber, submissionIssues, toFetch } from './submission';
import { inTransaction } from '../../kernel/audit';

// 综合窗口 (一窗受理, 无差别受理): a clerk files a case for a walk-in applicant, for any department's item in the
// clerk's region. A person is identified by ID number: a registered citizen gets the case in "my cases"; anyone
// else is recorded as an unregistered applicant and follows the case with the receipt's QR code.

export async function fileWindowCase(ctx: CasesContext, { actor, input }: { actor: Actor; input: WindowCaseInput }): Promise<{ id: string }> {
  requirePermission(actor, 'case.window');
  if (actor.kind !== 'account' || !actor.regionCode || !actor.departmentId) throw new AppError('FORBIDDEN');
  const version = await versionForFiling(ctx.kernel.db, input.itemVersionId, 'window', input.applicant.type);
  const itemRegion = version.implementation.region.code;
  if (!regionContains(actor.regionCode, itemRegion) && !regionContains(itemRegion, actor.regionCode)) throw new AppError('OUT_OF_SCOPE', { detail: 'cases.windowScope' });
  const checked = checkValues(version, input.values, { isDraft: true });
  const issues = [...checked.issues, ...choiceIssues(version, input.materialChoices)];
  if (issues.length > 0) throw invalid(issues);

  const applicant = input.applicant;
  let columns: Partial<NewRow<'cases'>> & Pick<NewRow<'cases'>, 'applicant_type' | 'applicant_name'>;
  switch (applicant.type) {
    case 'person': {
      const found = await findPersonByIdNumber(ctx.kernel, { actor, idNumber: applicant.idNumber, purpose: '综合窗口受理' });
      const id = protect(ctx.kernel.keys, 'idNumber', applicant.idNumber);
      columns = { applicant_type: 'person', applicant_name: applicant.name, applicant_account_id: found?.accountId ?? null, applicant_id_number_enc: id.enc, applicant_id_number_idx: id.idx };
      break;
    }
    case 'enterprise': {
      const agent = protect(ctx.kernel.keys, 'idNumber', applicant.agentIdNumber);
      columns = { applicant_type: 'enterprise', applicant_name: applicant.name, applicant_credit_code: applicant.creditCode, agent_name: applicant.agentName, agent_id_number_enc: agent.enc, agent_id_number_idx: agent.idx };
      break;
    }
  }
  const id = newId();
  const row = draftRow(version, {
    id,
    channel: 'window',
    filed_by: actor.accountId,
    filed_department_id: actor.departmentId,
    form_values: JSON.stringify(checked.values),
    material_choices: JSON.stringify(input.materialChoices),
    contact_phone_enc: applicant.phone ? protect(ctx.kernel.keys, 'phone', applicant.phone).enc : null,
    ...columns,
  });
  const now = new Date();
  let submission = null;
  if (input.submit) {
    const application = { values: input.values, choices: input.materialChoices };
    const fetch = toFetch(await fetchableMaterials(ctx.kernel.db, version, input.values, holderOf(row)), application, version);
    const { issues, ...checked } = await submissionIssues(ctx.kernel.db, null, version, application, new Set(fetch));
    if (issues.length > 0) throw invalid(issues);
    const subject = {
      applicant_type: columns.applicant_type,
      applicant_account_id: columns.applicant_account_id ?? null,
      applicant_id_number_idx: columns.applicant_id_number_idx ?? null,
      applicant_credit_code: columns.applicant_credit_code ?? null,
      agent_id_number_idx: columns.agent_id_number_idx ?? null,
    };
    if (Object.values(input.materialChoices).includes('pledge')) await assertPledgeEligible(ctx, actor, subject);
    submission = { ...checked, fetch, caseNumber: await nextCaseNumber(ctx.kernel.db, row, now) };
  }
  const createDetail = { channel: 'window', isRegistered: row.applicant_account_id != null };
  await inTransaction(ctx.kernel.db, (tx) => fileCase(tx, ctx, actor, { draft: row, version, submission, createDetail, now }));
  return { id };
}
