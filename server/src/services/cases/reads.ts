import {
  staffActions,
  type CaseApplicantView,
  type CaseStaffView,
  type CaseSummary,
  type CaseTrackingView,
  type CaseVersionForm,
  type CaseView,
  type MyCasesQuery,
  type StaffAction,
  type WorkbenchQuery,
  type WorkbenchResult,
} from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { hasPermission, regionPrefix } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { toLocalDate } from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import { maskIdNumber, maskPhone } from '../../kernel/masking';
import { reveal } from '../../platform/identity';
import { getItemVersion } from '../catalogue';
import { isStaffActor, staffMayTouch } from './access';
import { maskAnswers } from './personal-data';
import type { CasesContext } from './context';
import { yellowThreshold } from './deadlines';
import { guidePdf, receiptPdf } from './documents';
import { getCaseRow, loadParts, perspectiveOf, stateOf, versionOf, workflowOf } from './load';
import { countQueue, findCaseByTrackingCode, listApplicantCases, listQueue, type QueueScope } from './repo';
import {
  actionViews,
  applicantActionsFor,
  asStaffRole,
  isClosed,
  materialViews,
  nextStep,
  resultOf,
  statusText,
  timeline,
  toSummary,
  type CaseParts,
  type Clock,
} from './views';
import { applyAction, staffMayAct } from './workflow';

async function clockOf(ctx: CasesContext): Promise<Clock> {
  return { calendar: await ctx.calendar(), now: new Date(), yellowDays: ctx.yellowDays };
}

function summaryOf(parts: CaseParts, clock: Clock): CaseSummary {
  return toSummary(parts.row, clock);
}

function applicantView(ctx: CasesContext, parts: CaseParts, clock: Clock, actor: Actor): CaseApplicantView {
  const locale = actor.context.locale;
  const { row } = parts;
  return {
    ...summaryOf(parts, clock),
    trackingCode: row.tracking_code,
    values: row.form_values,
    materialChoices: row.material_choices,
    contactPhone: row.contact_phone_enc ? reveal(ctx.kernel.keys, 'phone', row.contact_phone_enc) : null,
    contactEmail: row.contact_email_enc ? reveal(ctx.kernel.keys, 'email', row.contact_email_enc) : null,
    materials: materialViews(parts),
    supplementRequest: row.supplement_request,
    timeline: timeline(parts, locale),
    nextStep: nextStep(parts, locale),
    result: resultOf(row),
    completedAt: row.completed_at?.toISOString() ?? null,
    allowedActions: applicantActionsFor(parts),
  };
}

function allowedStaffActions(actor: Actor, parts: CaseParts): StaffAction[] {
  if (!isStaffActor(actor)) return [];
  const workflow = workflowOf(parts.version);
  const state = stateOf(parts.row);
  return staffActions.filter(
    (action) =>
      staffMayTouch(actor, parts.row, action) &&
      staffMayAct(action, state, workflow, { permissions: actor.permissions, roles: actor.roles }) === true &&
      applyAction(state, action, workflow, { departmentId: actor.departmentId }).ok,
  );
}

function maskedResult(parts: CaseParts) {
  const result = resultOf(parts.row);
  return result ? { ...result, values: maskAnswers(parts.version.resultFields, result.values) } : null;
}

function staffView(ctx: CasesContext, parts: CaseParts, clock: Clock, actor: Actor): CaseStaffView {
  const { row } = parts;
  const idNumber = row.applicant_id_number_enc ? maskIdNumber(reveal(ctx.kernel.keys, 'idNumber', row.applicant_id_number_enc)) : null;
  const phone = row.contact_phone_enc ? maskPhone(reveal(ctx.kernel.keys, 'phone', row.contact_phone_enc)) : null;
  return {
    ...summaryOf(parts, clock),
    applicant: { type: row.applicant_type, name: row.applicant_name, idNumber, creditCode: row.applicant_credit_code, agentName: row.agent_name, phone, isRegistered: row.applicant_account_id !== null },
    caseKind: row.case_kind,
    currentRole: asStaffRole(row.step_role),
    values: maskAnswers(parts.version.form.fields, row.form_values),
    materials: materialViews(parts),
    supplementRequest: row.supplement_request,
    countersignPending: row.countersign_pending.map((id) => ({ id })),
    suspendKind: row.suspend_kind,
    legalDueAt: row.legal_due_at?.toISOString() ?? null,
    suspendedDays: row.suspended_days,
    result: maskedResult(parts),
    history: actionViews(parts.actions),
    allowedActions: allowedStaffActions(actor, parts),
  };
}


/** The case as the reader may see it: the applicant's plain-words view, or the staff view with the full history. */
export async function readCase(ctx: CasesContext, { actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseView> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  const perspective = await perspectiveOf(ctx.kernel.db, actor, row);
  const [parts, clock] = await Promise.all([loadParts(ctx.kernel.db, row), clockOf(ctx)]);
  if (perspective === 'applicant') return { perspective, ...applicantView(ctx, parts, clock, actor) };
  // The staff view shows personal data (masked) of the applicant: who looked is kept.
  await inTransaction(ctx.kernel.db, (tx) => audit(tx, actor, { action: 'case.read', objectType: 'case', objectId: caseId, detail: { caseNumber: row.case_number } }));
  return { perspective, ...staffView(ctx, parts, clock, actor) };
}

/** The applicant's view of a case they have just filed, built from the rows the filing wrote instead of read back. */
export async function filedCaseView(ctx: CasesContext, actor: Actor, parts: CaseParts): Promise<CaseView> {
  return { perspective: 'applicant', ...applicantView(ctx, parts, await clockOf(ctx), actor) };
}

/** The form, materials and result fields of the version the case was filed under, for anyone who may read the case. */
export async function readCaseVersionForm(ctx: CasesContext, { actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseVersionForm> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  await perspectiveOf(ctx.kernel.db, actor, row);
  const v = await versionOf(ctx.kernel.db, row);
  return { form: v.form, materials: v.materials, resultFields: v.resultFields, allowsPledge: v.allowsPledge, allowsGaps: v.allowsGaps, serviceItemId: v.serviceItem.id };
}

export async function listMyCases(ctx: CasesContext, { actor, query }: { actor: Actor; query: MyCasesQuery }): Promise<{ items: CaseSummary[]; total: number }> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (actor.accountType === 'staff') throw new AppError('FORBIDDEN');
  const { rows, total } = await listApplicantCases(ctx.kernel.db, { accountId: actor.accountId, enterpriseId: actor.enterpriseId }, { status: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const clock = await clockOf(ctx);
  return { items: rows.map((r) => toSummary(r, clock)), total };
}

/** The reader's queue: their department's cases waiting for one of their roles, most urgent first, with counts. */
export async function workbenchQueue(ctx: CasesContext, { actor, query }: { actor: Actor; query: WorkbenchQuery }): Promise<WorkbenchResult> {
  if (!isStaffActor(actor) || !actor.departmentId || !actor.regionCode) throw new AppError('FORBIDDEN');
  const scope: QueueScope = {
    departmentId: actor.departmentId,
    regionPrefix: regionPrefix(actor.regionCode),
    roles: actor.roles,
    windowDepartmentId: hasPermission(actor, 'case.window') ? actor.departmentId : null,
    countersignDepartmentId: hasPermission(actor, 'case.review') ? actor.departmentId : null,
  };
  const clock = await clockOf(ctx);
  const yellowBefore = yellowThreshold(clock.calendar, clock.now, clock.yellowDays);
  const band = query.light === 'red' || query.light === 'yellow' || query.light === 'green' || query.light === 'none' ? { kind: query.light, now: clock.now, yellowBefore } : undefined;
  const view = query.light === 'paused' ? 'suspended' : query.view;
  const [page, counts] = await Promise.all([
    listQueue(ctx.kernel.db, scope, { view, step: query.step, q: query.q, band }, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    countQueue(ctx.kernel.db, scope, clock.now, yellowBefore),
  ]);
  return { items: page.rows.map((r) => toSummary(r, clock)), total: page.total, counts };
}

/** Behind the QR code on the receipt: status and dates only, nothing about the person. */
export async function trackCase(ctx: CasesContext, { code, locale }: { code: string; locale: 'zh-CN' | 'en-US' }): Promise<CaseTrackingView> {
  const row = await findCaseByTrackingCode(ctx.kernel.db, code);
  if (!row || row.status === 'draft' || !row.case_number) throw new AppError('NOT_FOUND', { detail: 'cases.trackingNotFound' });
  return {
    caseNumber: row.case_number,
    itemName: row.item_name,
    departmentName: row.handling_department_name,
    status: row.status,
    statusText: statusText(row, locale),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    dueDate: row.due_at && !isClosed(row) ? toLocalDate(row.due_at) : null,
    completedAt: row.completed_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Documents name the applicant: staff downloads are kept like any read of the case. */
async function auditDocumentRead(ctx: CasesContext, actor: Actor, row: { id: string; case_number: string | null }, document: 'receipt' | 'decision'): Promise<void> {
  await inTransaction(ctx.kernel.db, (tx) => audit(tx, actor, { action: 'case.document.read', objectType: 'case', objectId: row.id, detail: { caseNumber: row.case_number, document } }));
}

export async function receiptFile(ctx: CasesContext, { actor, caseId }: { actor: Actor; caseId: string }): Promise<{ bytes: Buffer; fileName: string }> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  const perspective = await perspectiveOf(ctx.kernel.db, actor, row);
  if (row.status === 'draft' || !row.case_number) throw new AppError('CONFLICT', { detail: 'cases.receiptNotReady' });
  const parts = await loadParts(ctx.kernel.db, row);
  if (perspective === 'staff') await auditDocumentRead(ctx, actor, row, 'receipt');
  const bytes = await receiptPdf({ row, version: parts.version, materials: parts.materials, pledges: parts.pledges, gaps: parts.gaps, publicUrl: ctx.kernel.config.publicUrl });
  return { bytes, fileName: `受理回执-${row.case_number}.pdf` };
}

/** The decision letter as issued (the stored file, so what is downloaded is what was decided). */
export async function decisionFile(ctx: CasesContext, { actor, caseId }: { actor: Actor; caseId: string }): Promise<{ bytes: Buffer; fileName: string }> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  const perspective = await perspectiveOf(ctx.kernel.db, actor, row);
  // The applicant receives the letter once the case is closed (送达); staff may preview it once it exists.
  const isReady = row.decision_file_sm3 !== null && (perspective === 'staff' || isClosed(row));
  if (!row.decision_file_sm3 || !isReady) throw new AppError('NOT_FOUND', { detail: 'cases.decisionNotReady' });
  const bytes = await ctx.files.get(row.decision_file_sm3);
  if (!bytes) throw new AppError('NOT_FOUND', { detail: 'cases.decisionNotReady' });
  if (perspective === 'staff') await auditDocumentRead(ctx, actor, row, 'decision');
  return { bytes, fileName: `决定书-${row.case_number ?? row.id}.pdf` };
}

/** 办事指南 of a published version, for anyone; drafts only for catalogue staff. */
export async function guideFile(ctx: CasesContext, { actor, versionId }: { actor: Actor; versionId: string }): Promise<{ bytes: Buffer; fileName: string }> {
  const version = await getItemVersion(ctx.kernel.db, versionId);
  const isPublic = version.status === 'published' || version.status === 'retired';
  if (!isPublic && !hasPermission(actor, 'service-item.manage')) throw new AppError('NOT_FOUND', { detail: 'cases.guideNotPublic' });
  return { bytes: await guidePdf(version), fileName: `办事指南-${version.serviceItem.name}.pdf` };
}
