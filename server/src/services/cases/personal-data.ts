import type { CasePersonalData, CaseUnmaskInput, FormField } from '@zhengtong/contracts';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { maskIdNumber, maskPhone } from '../../kernel/masking';
import { reveal } from '../../platform/identity';
import type { CasesContext } from './context';
import { getCaseRow, perspectiveOf, versionOf } from './load';

// Personal data inside a case (the applicant's 身份证号 and phone, and answers to 身份证号 / phone fields, e.g. the
// parents of a newborn) is masked in the staff view; the full data is a separate read that names its purpose.

const maskers: Partial<Record<FormField['type'], (value: string) => string>> = { idNumber: maskIdNumber, phone: maskPhone };

/** The answers with 身份证号 and phone fields masked, by the field types of the case's form. */
export function maskAnswers(fields: readonly FormField[], values: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...values };
  for (const field of fields) {
    const mask = maskers[field.type];
    const value = masked[field.key];
    if (mask && typeof value === 'string' && value !== '') masked[field.key] = mask(value);
  }
  return masked;
}

/** 查看完整信息: staff who may unmask (person.unmask) and may read the case; audited with the purpose, also for the citizen's data-use record. */
export async function unmaskCase(ctx: CasesContext, { actor, caseId, input }: { actor: Actor; caseId: string; input: CaseUnmaskInput }): Promise<CasePersonalData> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  if ((await perspectiveOf(ctx.kernel.db, actor, row)) !== 'staff') throw new AppError('FORBIDDEN');
  requirePermission(actor, 'person.unmask');
  const version = await versionOf(ctx.kernel.db, row);
  const detail = { caseNumber: row.case_number, purpose: input.purpose };
  await inTransaction(ctx.kernel.db, async (tx) => {
    await audit(tx, actor, { action: 'case.unmask', objectType: 'case', objectId: row.id, detail });
    if (row.applicant_account_id && row.applicant_type === 'person') {
      await audit(tx, actor, { action: 'person.unmask', objectType: 'person', objectId: row.applicant_account_id, detail });
    }
  });
  const keys = ctx.kernel.keys;
  return {
    applicant: {
      idNumber: row.applicant_id_number_enc ? reveal(keys, 'idNumber', row.applicant_id_number_enc) : null,
      phone: row.contact_phone_enc ? reveal(keys, 'phone', row.contact_phone_enc) : null,
    },
    values: pick(version.form.fields, row.form_values),
    resultValues: row.result_values ? pick(version.resultFields, row.result_values) : null,
  };
}

/** Only the answers the staff view masks. */
function pick(fields: readonly FormField[], values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => maskers[f.type] && values[f.key] !== undefined).map((f) => [f.key, values[f.key]]));
}
