import QRCode from 'qrcode';
import type { Kernel } from '../../kernel/context';
import type { AccountActor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid } from '../../kernel/errors';
import { sm4Decrypt, sm4Encrypt } from '../../kernel/crypto';
import type { SessionStage } from '../../kernel/db';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import { matchTotp, newTotpSecret, totpUri } from './totp';
import { findAccount } from './repo';
import { requiresTotp } from './policy';

async function nextStage(kernel: Kernel, accountId: string): Promise<SessionStage> {
  const account = await findAccount(kernel.db, accountId);
  if (!account) throw new AppError('NOT_FOUND');
  if (account.must_change_password) return 'password-change';
  if (account.type === 'staff' && !account.totp_enabled && (await requiresTotp(kernel, account))) return 'totp-enrol';
  return 'full';
}

export async function changePassword(
  kernel: Kernel,
  { actor, input }: { actor: AccountActor; input: { currentPassword: string; newPassword: string } },
): Promise<{ stage: SessionStage }> {
  const account = await findAccount(kernel.db, actor.accountId);
  if (!account) throw new AppError('NOT_FOUND');
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) throw invalid([{ field: 'currentPassword', code: 'password.wrongCurrent' }]);
  if (input.newPassword === input.currentPassword) throw invalid([{ field: 'newPassword', code: 'password.reused' }]);
  const problems = passwordProblems(input.newPassword, [account.username ?? '', account.display_name]);
  if (problems.length > 0) throw invalid(problems.map((code) => ({ field: 'newPassword', code })));
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(kernel.db, async (tx) => {
    const now = new Date();
    await tx
      .updateTable('accounts')
      .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: now, updated_at: now })
      .where('id', '=', actor.accountId)
      .execute();
    // Other sessions were opened with the old password: end them.
    await tx.updateTable('sessions').set({ ended_at: now }).where('account_id', '=', actor.accountId).where('id', '!=', actor.sessionId).where('ended_at', 'is', null).execute();
    await audit(tx, actor, { action: 'account.password-change', objectType: 'account', objectId: actor.accountId });
  });
  const stage = await nextStage(kernel, actor.accountId);
  await kernel.db.updateTable('sessions').set({ stage }).where('id', '=', actor.sessionId).execute();
  return { stage };
}

/** Starts (or restarts) TOTP enrolment; the factor is on only once a first code is confirmed. */
export async function startTotpSetup(kernel: Kernel, { actor }: { actor: AccountActor }): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  const account = await findAccount(kernel.db, actor.accountId);
  if (!account) throw new AppError('NOT_FOUND');
  if (account.totp_enabled) throw new AppError('CONFLICT', { detail: 'totp.alreadyEnabled' });
  const secret = newTotpSecret();
  await inTransaction(kernel.db, async (tx) => {
    await tx.updateTable('accounts').set({ totp_secret: sm4Encrypt(kernel.keys.secrets, secret, 'totp') }).where('id', '=', actor.accountId).execute();
    await audit(tx, actor, { action: 'account.totp-setup-start', objectType: 'account', objectId: actor.accountId });
  });
  const uri = totpUri(secret, account.username ?? account.display_name);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export async function confirmTotp(kernel: Kernel, { actor, input }: { actor: AccountActor; input: { code: string } }): Promise<{ stage: SessionStage }> {
  const account = await findAccount(kernel.db, actor.accountId);
  if (!account?.totp_secret) throw new AppError('CONFLICT', { detail: 'totp.notStarted' });
  const step = matchTotp(sm4Decrypt(kernel.keys.secrets, account.totp_secret, 'totp'), input.code);
  if (step === undefined) throw invalid([{ field: 'code', code: 'totp.wrong' }]);
  await inTransaction(kernel.db, async (tx) => {
    await tx.updateTable('accounts').set({ totp_enabled: true, totp_last_step: step }).where('id', '=', actor.accountId).execute();
    await audit(tx, actor, { action: 'account.totp-enable', objectType: 'account', objectId: actor.accountId });
  });
  const stage = await nextStage(kernel, actor.accountId);
  await kernel.db.updateTable('sessions').set({ stage }).where('id', '=', actor.sessionId).execute();
  return { stage };
}
