import type { Queryable } from '../../kernel/db';
import { emit } from '../../kernel/outbox';
import { newId } from '../../kernel/ids';
import { reveal } from '../../platform/identity';
import type { CasesContext } from './context';
import type { CaseRow } from './repo';

// Notices to the applicant: the portal inbox (站内消息) for registered applicants, and SMS / e-mail as outbox events
// 'notification.sms' / 'notification.email' written in the same transaction as the change. No gateway is wired in:
// a gateway integration subscribes to those topics (kernel.outbox.subscribe) and sends; a failed send leaves the event
// pending with back-off, visible to operators at /api/outbox-events (payloads there are masked).

export type CaseNotice = { kind: string; title: string; body: string };

const SMS_SIGNATURE = '【政务服务】';

export async function notifyApplicant(tx: Queryable, ctx: CasesContext, row: CaseRow, notice: CaseNotice): Promise<void> {
  const subject = row.case_number ? `${notice.title}(办件编号 ${row.case_number})` : notice.title;
  if (row.applicant_account_id) {
    await tx.insertInto('notifications').values({ id: newId(), account_id: row.applicant_account_id, case_id: row.id, kind: notice.kind, title: notice.title, body: notice.body }).execute();
  }
  const refs = { caseId: row.id, caseNumber: row.case_number, kind: notice.kind };
  if (row.contact_phone_enc) {
    const phone = reveal(ctx.kernel.keys, 'phone', row.contact_phone_enc);
    // The text names no person and no ID number: a phone number can change hands (个人信息保护法 Art. 6).
    await emit(tx, 'notification.sms', { ...refs, phone, text: `${SMS_SIGNATURE}${subject}:${notice.body}` });
  }
  if (row.contact_email_enc) {
    const email = reveal(ctx.kernel.keys, 'email', row.contact_email_enc);
    await emit(tx, 'notification.email', { ...refs, email, subject, body: notice.body });
  }
}
