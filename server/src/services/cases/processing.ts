import { checkFormValues, workflowStepNames, roleNames, type ItemVersionView, type ResultKind, type StaffAction, type StaffActionInput } from '@zhengtong/contracts';
import type { AccountActor, Actor } from '../../kernel/authz';
import { regionContains } from '../../kernel/authz';
import { endOfLocalDay, toLocalDate } from '../../kernel/calendar';
import type { Queryable, RowUpdate } from '../../kernel/db';
import { AppError, invalid } from '../../kernel/errors';
import { emit } from '../../kernel/outbox';
import { audit, inTransaction } from '../../kernel/audit';
import { findDepartment } from '../../platform/departments';
import { sealFor, signWithSeal } from '../../platform/seals';
import { canStaffRead, isStaffActor, staffMayTouch } from './access';
import { clockChanges } from './clock';
import type { CasesContext } from './context';
import { decisionLetterPdf } from './documents';
import { getCaseRow, stateOf, versionOf, workflowOf } from './load';
import { applicableMaterials, gapForm } from './materials';
import { notifyApplicant, type CaseNotice } from './notify';
import { recordAction } from './record';
import { insertGaps, listGaps, lockCase, updateCase, type CaseRow } from './repo';
import { dateText, supplementItemsText } from './texts';
import { itemNames } from './views';
import { applyAction, staffMayAct, stepOf, type Refusal, type Transition, type Workflow } from './workflow';
import { notNow, staleVersion } from './conflicts';

// Staff actions on a case (受理, 不予受理, 补正, 审查, 勘验, 会签, 特别程序, 决定, 转办, 办结). Each is one transaction:
// the locked case row, its history row, the audit record, the outbox events and the applicant's notices.

type Effects = { changes: RowUpdate<'cases'>; detail: Record<string, unknown>; note: string; events: [string, Record<string, unknown>][]; notice: CaseNotice | undefined };

function refusalError(reason: Refusal, row: CaseRow): AppError {
  switch (reason) {
    case 'transition':
      return notNow(row);
    case 'noInspectionStep':
      return new AppError('CONFLICT', { detail: 'cases.noInspectionStep' });
    case 'noSpecialProcedure':
      return new AppError('CONFLICT', { detail: 'cases.noSpecialProcedure' });
    case 'countersignNotPending':
      return new AppError('FORBIDDEN', { detail: 'cases.countersignNotPending' });
  }
}

function checkResult(version: ItemVersionView, values: Record<string, unknown> | undefined): Record<string, unknown> {
  const checked = checkFormValues({ fields: version.resultFields }, values ?? {});
  if (checked.issues.length > 0) throw invalid(checked.issues.map((i) => ({ field: i.field.replace(/^values\./, 'result.'), code: i.code })));
  return checked.values;
}

/**
 * The decision letter, stamped with the handling department's 行政审批专用章 and signed (SM2) over its exact bytes; each
 * use of the seal is audited with the letter it signed. Without a seal in force the letter is issued unsealed.
 */
async function letter(tx: Queryable, ctx: CasesContext, actor: Actor, row: CaseRow, version: ItemVersionView, decision: { kind: ResultKind; result: Record<string, unknown>; reason: string | null; at: Date }): Promise<RowUpdate<'cases'>> {
  const seal = await sealFor(tx, row.handling_department_id, 'approval').catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CONFLICT') return null;
    throw error;
  });
  const pdf = await decisionLetterPdf({ row, version, kind: decision.kind, result: decision.result, reason: decision.reason, decidedAt: decision.at, regionName: version.implementation.region.fullName, publicUrl: ctx.kernel.config.publicUrl, seal });
  const stored = await ctx.files.put(pdf);
  const signed = seal ? await signWithSeal(tx, ctx.kernel.keys, seal.id, pdf) : null;
  if (signed) await audit(tx, actor, { action: 'seal.use', objectType: 'seal', objectId: signed.sealId, detail: { keyId: signed.keyId, caseId: row.id, caseNumber: row.case_number, document: 'decision-letter', sm3: stored.sm3 } });
  return {
    result_kind: decision.kind,
    result_values: JSON.stringify(decision.result),
    result_reason: decision.reason,
    decided_at: decision.at,
    decision_file_sm3: stored.sm3,
    decision_seal_key_id: signed?.keyId ?? null,
    decision_signature: signed?.signature ?? null,
  };
}

function completedEvent(row: CaseRow, version: ItemVersionView, kind: ResultKind, result: Record<string, unknown>): [string, Record<string, unknown>] {
  // Ids rather than readable personal data: 好差评 and the cockpit read the case through the cases domain. The item's basic
  // code (GB/T 39554) lets the licences domain, which sits below services, find the licence type an item issues.
  return [
    'case.completed',
    {
      caseId: row.id,
      caseNumber: row.case_number,
      itemVersionId: row.item_version_id,
      serviceItemId: row.service_item_id,
      basicCode: version.serviceItem.basicCode,
      itemName: row.item_name,
      departmentId: row.handling_department_id,
      channel: row.channel,
      // A walk-in (no account) is named by the sealed 身份证号 (ciphertext + blind index, never plaintext) or credit code,
      // so a licence can still be issued to them.
      applicant: {
        type: row.applicant_type,
        accountId: row.applicant_account_id,
        enterpriseId: row.applicant_enterprise_id,
        name: row.applicant_name,
        idNumberEnc: row.applicant_id_number_enc,
        idNumberIdx: row.applicant_id_number_idx,
        creditCode: row.applicant_credit_code,
      },
      result: { kind, values: result },
    },
  ];
}

/** What an action changes beyond status and step, by action. */
async function effectsOf<A extends StaffAction>(
  tx: Queryable,
  ctx: CasesContext,
  { actor, row, version, action, input, next, now }: { actor: AccountActor; row: CaseRow; version: ItemVersionView; action: A; input: StaffActionInput<StaffAction>; next: Transition; now: Date },
): Promise<Effects> {
  const effects: Effects = { changes: {}, detail: {}, note: input.note, events: [], notice: undefined };
  const names = itemNames(version);
  switch (action) {
    case 'accept': {
      const accept = input as StaffActionInput<'accept'>;
      if (row.case_kind === 'immediate') {
        const result = checkResult(version, accept.result);
        effects.changes = { ...(await letter(tx, ctx, actor, { ...row, accepted_at: now }, version, { kind: 'approved', result, reason: null, at: now })), accepted_at: now, completed_at: now };
        effects.events.push(completedEvent(row, version, 'approved', result));
        effects.notice = { kind: 'case.completed', title: '申请已办结', body: `您申请的“${row.item_name}”已受理并当场办结,可在“我的办件”下载办理结果。` };
        break;
      }
      const calendar = await ctx.calendar();
      const clock = await clockChanges(tx, calendar, row, 'start', now);
      const due = clock.due_at instanceof Date ? clock.due_at : null;
      // 容缺受理: what is missing, in what form, by when — never later than the promised completion date.
      const gapKeys = Object.entries(row.material_choices).filter(([, c]) => c === 'gap').map(([k]) => k);
      let gapDue = due;
      if (accept.gapDueDate) {
        const wanted = endOfLocalDay(accept.gapDueDate);
        if (wanted.getTime() < now.getTime()) throw invalid([{ field: 'gapDueDate', code: 'cases.gapDueInPast' }]);
        if (due && wanted.getTime() > due.getTime()) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'gapDueDate', code: 'cases.gapDueTooLate' }], params: { due: toLocalDate(due) } });
        gapDue = wanted;
      }
      const materials = applicableMaterials(version, row.form_values).filter((m) => gapKeys.includes(m.key));
      await insertGaps(tx, materials.map((m) => ({ case_id: row.id, material_key: m.key, due_at: gapDue ?? now, form: gapForm(m) })));
      effects.changes = clock;
      effects.detail = { dueDate: due ? dateText(due, 'zh-CN') : '', gaps: materials.map((m) => m.key) };
      const gapText = materials.length > 0 ? `请于 ${dateText(gapDue, 'zh-CN')} 前补交:${materials.map((m) => `${m.name}(${gapForm(m)})`).join('、')}。` : '';
      effects.notice = { kind: 'case.accepted', title: '申请已受理', body: `您申请的“${row.item_name}”已受理${due ? `,承诺于 ${dateText(due, 'zh-CN')} 前办结` : ''}。${gapText}` };
      break;
    }
    case 'refuse': {
      const reason = (input as StaffActionInput<'refuse'>).reason;
      effects.note = reason;
      effects.changes = { ...(await letter(tx, ctx, actor, row, version, { kind: 'refused', result: {}, reason, at: now })), completed_at: now };
      effects.events.push(['case.refused', { caseId: row.id, caseNumber: row.case_number, itemVersionId: row.item_version_id, departmentId: row.handling_department_id }]);
      effects.notice = { kind: 'case.refused', title: '申请不予受理', body: `您申请的“${row.item_name}”不予受理,原因:${reason}。可在“我的办件”下载不予受理决定书。` };
      break;
    }
    case 'requestSupplement': {
      const items = (input as StaffActionInput<'requestSupplement'>).items;
      const unknown = items.findIndex((i) => i.target !== 'other' && !names.has(i.key));
      if (unknown >= 0) throw invalid([{ field: `items.${unknown}.key`, code: 'cases.supplementKeyUnknown' }]);
      const request = { requestedAt: now.toISOString(), items: items.map((i) => ({ target: i.target, key: i.target === 'other' ? '' : i.key, reason: i.reason })), note: input.note };
      const itemsText = supplementItemsText(request.items, names, 'zh-CN');
      effects.changes = { supplement_request: JSON.stringify(request) };
      effects.detail = { items: request.items, itemsText };
      effects.notice = { kind: 'case.supplement-requested', title: '请补正申请材料', body: `您申请的“${row.item_name}”需要补正:${itemsText}。请登录后按要求修改并重新提交;补正期间办理时限暂停计算。` };
      break;
    }
    case 'approve': {
      effects.detail = { nextStep: next.step };
      if (row.current_step !== 'decide') break;
      const outstanding = (await listGaps(tx, row.id)).filter((g) => g.fulfilled_at === null);
      if (outstanding.length > 0) throw new AppError('CONFLICT', { detail: 'cases.gapsOutstanding' });
      const result = checkResult(version, (input as StaffActionInput<'approve'>).result);
      effects.changes = await letter(tx, ctx, actor, row, version, { kind: 'approved', result, reason: null, at: now });
      effects.events.push(['case.decided', { caseId: row.id, caseNumber: row.case_number, result: 'approved' }]);
      effects.notice = { kind: 'case.decided', title: '已作出准予决定', body: `您申请的“${row.item_name}”已作出准予决定,正在办结。` };
      break;
    }
    case 'deny': {
      const reason = (input as StaffActionInput<'deny'>).reason;
      effects.note = reason;
      effects.changes = { ...(await letter(tx, ctx, actor, row, version, { kind: 'denied', result: {}, reason, at: now })), completed_at: now };
      effects.events.push(completedEvent(row, version, 'denied', {}));
      effects.notice = { kind: 'case.denied', title: '申请不予许可', body: `您申请的“${row.item_name}”经审查不予许可,原因:${reason}。可在“我的办件”下载决定书。` };
      break;
    }
    case 'transfer': {
      const transfer = input as StaffActionInput<'transfer'>;
      if (transfer.departmentId === row.handling_department_id) throw invalid([{ field: 'departmentId', code: 'cases.transferSameDepartment' }]);
      const target = await findDepartment(tx, transfer.departmentId);
      const isReachable = target !== undefined && target.is_active && actor.regionCode !== null && regionContains(actor.regionCode, target.region_code);
      if (!target || !isReachable) throw invalid([{ field: 'departmentId', code: 'cases.transferDepartment' }]);
      effects.note = transfer.reason;
      effects.changes = { handling_department_id: target.id, handling_department_name: target.name };
      effects.detail = { fromDepartmentId: row.handling_department_id, fromDepartmentName: row.handling_department_name, toDepartmentId: target.id, toDepartmentName: target.name };
      effects.events.push(['case.transferred', { caseId: row.id, caseNumber: row.case_number, fromDepartmentId: row.handling_department_id, toDepartmentId: target.id }]);
      effects.notice = { kind: 'case.transferred', title: '办件已转办', body: `您申请的“${row.item_name}”已转由${target.name}办理。` };
      break;
    }
    case 'complete': {
      effects.changes = { completed_at: now };
      effects.events.push(completedEvent(row, version, row.result_kind ?? 'approved', row.result_values ?? {}));
      effects.notice = { kind: 'case.completed', title: '申请已办结', body: `您申请的“${row.item_name}”已办结,可在“我的办件”下载办理结果。` };
      break;
    }
    case 'startInspection': {
      const scheduledAt = (input as StaffActionInput<'startInspection'>).scheduledAt ?? null;
      effects.detail = { scheduledAt };
      effects.notice = { kind: 'case.inspection', title: '将进行现场勘验', body: `您申请的“${row.item_name}”需要现场勘验${scheduledAt ? `,时间:${dateText(new Date(scheduledAt), 'zh-CN')}` : ''},工作人员将与您联系。` };
      break;
    }
    case 'countersign': {
      const countersign = input as StaffActionInput<'countersign'>;
      effects.detail = { opinion: countersign.opinion, remaining: next.countersignPending };
      break;
    }
    case 'startSpecial': {
      const kind = (input as StaffActionInput<'startSpecial'>).kind;
      effects.detail = { kind };
      effects.notice = { kind: 'case.special-procedure', title: '进入特别程序', body: `您申请的“${row.item_name}”依法进入特别程序,所需时间不计入办理时限,结束后将继续办理。` };
      break;
    }
    case 'endSpecial':
      break;
  }
  return effects;
}


/** The checks every staff action passes, in the order a person would want them explained. */
function authorise(actor: AccountActor, row: CaseRow, workflow: Workflow, action: StaffAction): void {
  if (!staffMayTouch(actor, row, action)) throw new AppError('OUT_OF_SCOPE', { detail: 'cases.notYourDepartment' });
  const authority = staffMayAct(action, stateOf(row), workflow, { permissions: actor.permissions, roles: actor.roles });
  if (authority === true) return;
  if (authority === 'role') {
    const step = stepOf(workflow, row.current_step);
    throw new AppError('FORBIDDEN', { detail: 'cases.notYourStep', params: { step: step ? workflowStepNames[step.key][actor.context.locale] : '', role: step ? roleNames[step.role][actor.context.locale] : '' } });
  }
  throw new AppError('FORBIDDEN');
}

/** Takes a staff action on a case; `input.version` must be the version the actor saw. */
export async function actOnCase<A extends StaffAction>(ctx: CasesContext, { actor, caseId, action, input }: { actor: Actor; caseId: string; action: A; input: StaffActionInput<A> }): Promise<void> {
  if (!isStaffActor(actor)) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const row = await getCaseRow(ctx.kernel.db, caseId);
  if (!canStaffRead(actor, row) && !staffMayTouch(actor, row, action)) throw new AppError('OUT_OF_SCOPE', { detail: 'cases.notYourDepartment' });
  const version = await versionOf(ctx.kernel.db, row);
  const workflow = workflowOf(version);
  const calendar = await ctx.calendar();
  await inTransaction(ctx.kernel.db, async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
    // Two clerks on the same step: whoever commits first wins; the other sees what happened instead of acting twice.
    if (locked.version !== input.version) throw staleVersion(locked);
    authorise(actor, locked, workflow, action);
    const outcome = applyAction(stateOf(locked), action, workflow, { departmentId: actor.departmentId });
    if (!outcome.ok) throw refusalError(outcome.reason, locked);
    const next = outcome.next;
    const now = new Date();
    const effects = await effectsOf(tx, ctx, { actor, row: locked, version, action, input, next, now });
    const clock = next.clock === 'start' ? {} : await clockChanges(tx, calendar, locked, next.clock, now);
    const isClosing = next.step === null;
    const updated = await updateCase(tx, caseId, locked.version, {
      status: next.status,
      current_step: next.step,
      step_role: next.step ? (stepOf(workflow, next.step)?.role ?? null) : null,
      suspend_kind: next.suspendKind,
      resume_status: next.resumeStatus,
      countersign_pending: JSON.stringify(next.countersignPending),
      ...(next.status !== 'suspended' && locked.status === 'suspended' ? { supplement_request: null } : {}),
      ...(isClosing ? { suspended_since: null } : {}),
      ...clock,
      ...effects.changes,
    });
    if (!updated) throw staleVersion(locked);
    await recordAction(tx, actor, { row: updated, action, from: locked.status, to: updated.status, step: locked.current_step, note: effects.note, detail: effects.detail, clock: next.clock, at: now });
    for (const [topic, payload] of effects.events) await emit(tx, topic, payload);
    if (effects.notice) await notifyApplicant(tx, ctx, updated, effects.notice);
  });
}
