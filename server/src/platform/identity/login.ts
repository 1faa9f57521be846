import { sql } from 'kysely';
import type { LoginInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor, AnonymousActor, AccountActor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { sm4Decrypt } from '../../kernel/crypto';
import type { Row, SessionStage } from '../../kernel/db';
import { loginCandidates } from './login-keys';
import { verifyDecoy, verifyPassword } from './passwords';
import { matchTotp } from './totp';
import { findAccountByLoginKeys } from './repo';
import { openSession } from './sessions';
import { requiresTotp } from './policy';

export type LoginOutcome = { token: string; accountId: string; stage: SessionStage };

/**
 * Password sign-in with lockout (等保2.0: lock after repeated failures) and, for staff who have or must have
 * it, a TOTP second factor. A wrong second factor counts as a failure too, or TOTP could be brute-forced.
 */
export async function login(kernel: Kernel, { actor, input, userAgent }: { actor: AnonymousActor; input: LoginInput; userAgent: string | null }): Promise<LoginOutcome> {
  const account = await findAccountByLoginKeys(kernel.db, loginCandidates(kernel.keys, input.username));
  if (!account) {
    await verifyDecoy(input.password);
    await inTransaction(kernel.db, (tx) =>
      audit(tx, actor, { action: 'account.login', result: 'failure', detail: { reason: 'unknown-account' } }),
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  const subject = { kind: 'anonymous' as const, context: actor.context };
  const auditLogin = (result: 'success' | 'failure' | 'denied', detail: Record<string, unknown>) =>
    inTransaction(kernel.db, (tx) => audit(tx, subject, { action: 'account.login', objectType: 'account', objectId: account.id, result, detail }));

  if (account.status !== 'active') {
    await auditLogin('denied', { reason: 'disabled' });
    throw new AppError('ACCOUNT_DISABLED');
  }
  if (account.locked_until && account.locked_until.getTime() > Date.now()) {
    await auditLogin('denied', { reason: 'locked' });
    throw lockedError(account.locked_until);
  }

  const isPasswordOk = await verifyPassword(account.password_hash, input.password);
  if (!isPasswordOk) return failAttempt(kernel, account, auditLogin, 'wrong-password');

  const needsTotp = account.type === 'staff' && account.totp_enabled;
  if (needsTotp) {
    if (!input.totp) {
      // The password was right; ask for the second factor without counting a failure.
      throw new AppError('TOTP_REQUIRED');
    }
    const secret = account.totp_secret ? sm4Decrypt(kernel.keys.secrets, account.totp_secret, 'totp') : undefined;
    const step = secret ? matchTotp(secret, input.totp) : undefined;
    const lastStep = account.totp_last_step === null ? -1 : Number(account.totp_last_step);
    if (step === undefined || step <= lastStep) return failAttempt(kernel, account, auditLogin, 'wrong-totp', 'TOTP_INVALID');
    await kernel.db.updateTable('accounts').set({ totp_last_step: step }).where('id', '=', account.id).execute();
  }

  const stage: SessionStage = account.must_change_password
    ? 'password-change'
    : account.type === 'staff' && !account.totp_enabled && (await requiresTotp(kernel, account))
      ? 'totp-enrol'
      : 'full';

  return inTransaction(kernel.db, async (tx) => {
    await tx.updateTable('accounts').set({ failed_attempts: 0, locked_until: null }).where('id', '=', account.id).execute();
    const session = await openSession(kernel, tx, { accountId: account.id, stage, actingFor: null, ip: actor.context.ip, userAgent });
    await audit(tx, subject, { action: 'account.login', objectType: 'account', objectId: account.id, detail: { stage, secondFactor: needsTotp } });
    return { token: session.token, accountId: account.id, stage };
  });
}

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', { detail: 'account.lockedFor', params: { minutes } });
}

async function failAttempt(
  kernel: Kernel,
  account: Row<'accounts'>,
  auditLogin: (result: 'failure' | 'denied', detail: Record<string, unknown>) => Promise<void>,
  reason: string,
  code: 'INVALID_CREDENTIALS' | 'TOTP_INVALID' = 'INVALID_CREDENTIALS',
): Promise<never> {
  const { lockAfterFailures, lockMinutes } = kernel.config;
  // One atomic update, so concurrent wrong guesses cannot slip past the limit.
  const updated = await kernel.db
    .updateTable('accounts')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', account.id)
    .returning(['failed_attempts'])
    .executeTakeFirstOrThrow();
  if (updated.failed_attempts >= lockAfterFailures) {
    const until = new Date(Date.now() + lockMinutes * 60_000);
    await kernel.db.updateTable('accounts').set({ locked_until: until, failed_attempts: 0 }).where('id', '=', account.id).execute();
    await auditLogin('failure', { reason, lockedUntil: until.toISOString() });
    throw lockedError(until);
  }
  await auditLogin('failure', { reason, failedAttempts: updated.failed_attempts });
  throw new AppError(code);
}

export async function logout(kernel: Kernel, { actor }: { actor: AccountActor }): Promise<void> {
  await inTransaction(kernel.db, async (tx) => {
    await tx.updateTable('sessions').set({ ended_at: new Date() }).where('id', '=', actor.sessionId).execute();
    await audit(tx, actor, { action: 'account.logout', objectType: 'account', objectId: actor.accountId });
  });
}

/** Ends every session of the account, on every device (and every SSO client on their next check). */
export async function logoutEverywhere(kernel: Kernel, { actor, accountId }: { actor: Actor; accountId: string }): Promise<void> {
  await inTransaction(kernel.db, async (tx) => {
    const now = new Date();
    await tx.updateTable('accounts').set({ sessions_valid_after: now }).where('id', '=', accountId).execute();
    await tx.updateTable('sessions').set({ ended_at: now }).where('account_id', '=', accountId).where('ended_at', 'is', null).execute();
    await tx.deleteFrom('oidc_payloads').where('type', 'in', ['Session', 'AccessToken', 'RefreshToken']).where(sql<string>`payload->>'accountId'`, '=', accountId).execute();
    await audit(tx, actor, { action: 'account.logout-everywhere', objectType: 'account', objectId: accountId });
  });
}
