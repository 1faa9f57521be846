import {
  isPersonalMasking,
  shareDeadlineDays,
  type AnswerShareRequestInput,
  type ReviewShareRequestInput,
  type ShareRequestAction,
  type ShareRequestView,
  type WithdrawShareRequestInput,
} from '@zhengtong/contracts';
import type { Transaction } from 'kysely';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import type { DB } from '../../kernel/db';
import { AppError, invalid, type FieldIssue } from '../../kernel/errors';
import { messageRef } from '../../kernel/i18n';
import { emit } from '../../kernel/outbox';
import { deadlineAfter } from '../../platform/calendar';
import { findPublishedResource } from '../catalogue';
import { actsAs, seesRecord } from './access';
import { insertGrant } from './grants';
import { requestNotFound, requestScope, requestView } from './request-reads';
import { appendAction, findRequest, lockRequest } from './requests-repo';
import { tables, type ExchangeRow } from './tables';
import { actionRoles, nextStatus } from './workflow';

// The decisions on a share request — the platform's review, the provider's answer, the requester's withdrawal — each
// one transaction: the row locked, its version compared (two reviewers at once: the second gets 409), the transition
// taken from workflow.ts, the history row, the audit record and the event; approval writes the grant with it.

/** A grant's limits when the platform sets none: 10 calls a second, the consumer's expected volume a day. */
export const DEFAULT_RATE_LIMIT = 10;

type Row = ExchangeRow<'share_requests'>;
type Decision = { note: string; changes: Partial<Omit<Row, 'id'>>; grant?: { unmaskedFields: string[] } };

function actorFacts(actor: Actor): { id: string | null; name: string | null; departmentId: string | null } {
  if (actor.kind === 'account') return { id: actor.accountId, name: actor.displayName, departmentId: actor.departmentId };
  return { id: null, name: actor.kind === 'system' ? actor.name : null, departmentId: null };
}

/** Loads and checks, lets `decide` say what changes, writes it all. */
async function act(
  kernel: Kernel,
  { actor, id, version, action }: { actor: Actor; id: string; version: number; action: ShareRequestAction },
  decide: (tx: Transaction<DB>, row: Row) => Promise<Decision>,
): Promise<ShareRequestView> {
  requirePermission(actor, actionRoles[action].permission);
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockRequest(tx, id);
    if (!row || !seesRecord(actor, requestScope(row))) throw requestNotFound();
    if (!actsAs(actor, actionRoles[action].party, requestScope(row))) throw new AppError('FORBIDDEN', { detail: 'exchange.notYourQueue' });
    if (row.version !== version) throw new AppError('STALE_VERSION');
    const to = nextStatus(action, row.status, { isConditional: row.is_conditional });
    if (!to) {
      throw new AppError('CONFLICT', { detail: 'exchange.transition', params: { status: messageRef(`exchange.status.${row.status}`), action: messageRef(`exchange.action.${action}`) } });
    }
    const decision = await decide(tx, row);
    const now = new Date();
    await tables(tx)
      .updateTable('share_requests')
      .set({ ...decision.changes, status: to, updated_at: now, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    const who = actorFacts(actor);
    await appendAction(tx, { request_id: id, action, from_status: row.status, to_status: to, actor_id: who.id, actor_name: who.name, department_id: who.departmentId, note: decision.note, at: now });
    let grantId: string | null = null;
    if (to === 'approved') {
      const rate = decision.changes.rate_limit_per_second ?? row.rate_limit_per_second ?? DEFAULT_RATE_LIMIT;
      const quota = decision.changes.daily_quota ?? row.daily_quota ?? row.expected_daily_volume;
      grantId = await insertGrant(tx, row, { unmaskedFields: decision.grant?.unmaskedFields ?? [], rateLimitPerSecond: rate, dailyQuota: quota });
    }
    const detail = { number: row.number, action, from: row.status, to, note: decision.note, resourceCode: row.resource_code, grantId };
    await audit(tx, actor, { action: `share-request.${action}`, objectType: 'share-request', objectId: id, detail });
    await emit(tx, `share-request.${to === 'providerReview' ? 'forwarded' : to}`, {
      id,
      ...detail,
      consumerDepartmentId: row.consumer_department_id,
      providerDepartmentId: row.provider_department_id,
    });
  });
  const row = await findRequest(kernel.db, id);
  if (!row) throw requestNotFound();
  return requestView(kernel.db, actor, row);
}

/** An approval needs the resource still published: a retired resource's requests can only be refused. */
async function requirePublished(tx: Transaction<DB>, row: Row) {
  const resource = await findPublishedResource(tx, row.resource_id);
  if (!resource || resource.status === 'retired') throw new AppError('CONFLICT', { detail: 'exchange.resourceRetired' });
  return resource;
}

/** 平台审核 (2 working days): approve with the grant's limits — final for unconditional requests — or refuse. */
export function reviewShareRequest(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: ReviewShareRequestInput }): Promise<ShareRequestView> {
  const action: ShareRequestAction = input.decision === 'approve' ? 'platformApprove' : 'platformRefuse';
  return act(kernel, { actor, id, version: input.version, action }, async (tx, row) => {
    if (action === 'platformRefuse') return { note: input.reason, changes: { refusal_reason: input.reason } };
    await requirePublished(tx, row);
    const changes: Decision['changes'] = {
      rate_limit_per_second: input.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT,
      daily_quota: input.dailyQuota ?? row.expected_daily_volume,
    };
    // 有条件共享: the provider has 5 working days from now.
    if (row.is_conditional) changes.provider_due_at = await deadlineAfter(tx, new Date(), shareDeadlineDays.provider);
    return { note: input.reason, changes };
  });
}

/** 提供方审核 (5 working days): approve — choosing which personal fields may leave unmasked — or refuse. */
export function answerShareRequest(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: AnswerShareRequestInput }): Promise<ShareRequestView> {
  const action: ShareRequestAction = input.decision === 'approve' ? 'providerApprove' : 'providerRefuse';
  return act(kernel, { actor, id, version: input.version, action }, async (tx, row) => {
    if (action === 'providerRefuse') return { note: input.reason, changes: { refusal_reason: input.reason } };
    const resource = await requirePublished(tx, row);
    const issues: FieldIssue[] = [];
    input.unmaskedFields.forEach((key, i) => {
      const field = resource.fields.find((f) => f.key === key);
      if (!row.fields.includes(key) || !field) issues.push({ field: `unmaskedFields.${i}`, code: 'exchange.unmaskedNotRequested' });
      else if (field.masking === 'hidden') issues.push({ field: `unmaskedFields.${i}`, code: 'exchange.unmaskedHidden' });
      else if (!isPersonalMasking(field.masking)) issues.push({ field: `unmaskedFields.${i}`, code: 'exchange.unmaskedNotPersonal' });
    });
    if (issues.length > 0) throw invalid(issues);
    const unmasked = [...new Set(input.unmaskedFields)];
    return { note: input.reason, changes: { unmasked_fields: unmasked }, grant: { unmaskedFields: unmasked } };
  });
}

/** 撤回: the consuming department takes back a request still under review. */
export function withdrawShareRequest(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: WithdrawShareRequestInput }): Promise<ShareRequestView> {
  return act(kernel, { actor, id, version: input.version, action: 'withdraw' }, async () => ({ note: input.reason, changes: {} }));
}
