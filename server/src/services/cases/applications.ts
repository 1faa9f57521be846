import crypto from 'node:crypto';
import type { CaseVersionInput, CreateCaseInput, ItemVersionView, SupplementInput, UpdateCaseDraftInput, WithdrawInput } from '@zhengtong/contracts';
import type { AccountActor, Actor } from '../../kernel/authz';
import type { NewRow, Queryable } from '../../kernel/db';
import { AppError, invalid, type FieldIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { emit } from '../../kernel/outbox';
import { protect, sealedIdNumber } from '../../platform/identity';
import { getItemVersion } from '../catalogue';
import { assertApplicantSide } from './access';
import { clockChanges } from './clock';
import type { CasesContext } from './context';
import { fetchableMaterials, holderOf } from './license-materials';
import { getCaseRow, stateOf, versionOf, workflowOf } from './load';
import { checkValues, choiceIssues, type Choices } from './materials';
import { notifyApplicant } from './notify';
import type { CaseParts } from './views';
import { recordAction } from './record';
import { lockCase, updateCase } from './repo';
import { assertPledgeEligible, fileCase, nextCaseNumber, submissionIssues, toFetch, submitLocked } from './submission';
import { applyAction } from './workflow';
import { notNow, staleVersion } from './conflicts';
import { inTransaction } from '../../kernel/audit';

// The applicant's side of a case: drafts, submission, 补正 resubmission and withdrawal. The window clerk uses the
// same functions for a walk-in applicant's case (window.ts creates it).

export function trackingCode(): string {
  // 128 random bits: the QR code on the receipt is the only way to find a case without signing in.
  return crypto.randomBytes(16).toString('base64url');
}

/** The version an application may be filed under now, through this channel and for this kind of applicant. */
export async function versionForFiling(db: Queryable, versionId: string, channel: 'online' | 'window', applicantType: 'person' | 'enterprise'): Promise<ItemVersionView> {
  let version: ItemVersionView;
  try {
    version = await getItemVersion(db, versionId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw invalid([{ field: 'itemVersionId', code: 'cases.versionNotInForce' }]);
    throw error;
  }
  if (!version.isInForce) throw invalid([{ field: 'itemVersionId', code: 'cases.versionNotInForce' }]);
  if (!version.channels.includes(channel)) throw invalid([{ field: 'itemVersionId', code: 'cases.channelNotOffered' }]);
  const audience = version.serviceItem.audience;
  if (audience !== 'both' && audience !== applicantType) throw invalid([{ field: 'itemVersionId', code: 'cases.audienceMismatch' }]);
  return version;
}

/** The case row of a new draft; applicant columns are the caller's. */
export function draftRow(version: ItemVersionView, fields: Pick<NewRow<'cases'>, 'id' | 'channel' | 'applicant_type' | 'applicant_name' | 'filed_by'> & Partial<NewRow<'cases'>>): NewRow<'cases'> {
  return {
    tracking_code: trackingCode(),
    item_version_id: version.id,
    implementation_id: version.implementationId,
    service_item_id: version.serviceItem.id,
    item_name: version.serviceItem.name,
    department_id: version.implementation.department.id,
    handling_department_id: version.implementation.department.id,
    handling_department_name: version.implementation.department.name,
    region_code: version.implementation.region.code,
    case_kind: version.caseKind,
    status: 'draft',
    promised_days: version.promisedLimit.days,
    promised_unit: version.promisedLimit.unit,
    legal_days: version.legalLimit?.days ?? null,
    legal_unit: version.legalLimit?.unit ?? null,
    ...fields,
  };
}

function applicantOf(actor: AccountActor, enterpriseName: string | null): Pick<NewRow<'cases'>, 'applicant_type' | 'applicant_account_id' | 'applicant_enterprise_id' | 'applicant_name' | 'agent_name'> {
  switch (actor.accountType) {
    case 'citizen':
      // A citizen acting as an enterprise's authorised agent (经办人) applies for the enterprise.
      return actor.enterpriseId
        ? { applicant_type: 'enterprise', applicant_account_id: actor.accountId, applicant_enterprise_id: actor.enterpriseId, applicant_name: enterpriseName ?? actor.displayName, agent_name: actor.displayName }
        : { applicant_type: 'person', applicant_account_id: actor.accountId, applicant_enterprise_id: null, applicant_name: actor.displayName, agent_name: null };
    case 'enterprise':
      return { applicant_type: 'enterprise', applicant_account_id: actor.accountId, applicant_enterprise_id: actor.enterpriseId, applicant_name: enterpriseName ?? actor.displayName, agent_name: null };
    case 'staff':
      throw new AppError('FORBIDDEN', { detail: 'cases.notFilledByYou' });
  }
}

function contactColumns(ctx: CasesContext, input: { contactPhone?: string | null; contactEmail?: string | null }): Partial<NewRow<'cases'>> {
  const columns: Partial<NewRow<'cases'>> = {};
  if (input.contactPhone !== undefined) columns.contact_phone_enc = input.contactPhone ? protect(ctx.kernel.keys, 'phone', input.contactPhone).enc : null;
  if (input.contactEmail !== undefined) columns.contact_email_enc = input.contactEmail ? protect(ctx.kernel.keys, 'email', input.contactEmail.toLowerCase()).enc : null;
  return columns;
}

function draftIssues(version: ItemVersionView, values: Record<string, unknown>, choices: Choices): { values: Record<string, unknown>; issues: FieldIssue[] } {
  const checked = checkValues(version, values, { isDraft: true });
  return { values: checked.values, issues: [...checked.issues, ...choiceIssues(version, choices)] };
}


/** The signed-in citizen's sealed 身份证号, as the applicant (a person) or as the agent (acting for an enterprise). */
async function applicantIdColumns(ctx: CasesContext, actor: AccountActor, applicantType: 'person' | 'enterprise'): Promise<Partial<NewRow<'cases'>>> {
  const sealed = actor.accountType === 'citizen' ? await sealedIdNumber(ctx.kernel.db, actor.accountId) : undefined;
  if (!sealed) return {};
  return applicantType === 'person' ? { applicant_id_number_enc: sealed.enc, applicant_id_number_idx: sealed.idx } : { agent_id_number_enc: sealed.enc, agent_id_number_idx: sealed.idx };
}

/** A new online application: a draft, or submitted at once when nothing is left to upload. Returns what it wrote. */
export async function createCase(ctx: CasesContext, { actor, input, enterpriseName }: { actor: Actor; input: CreateCaseInput; enterpriseName: string | null }): Promise<CaseParts> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const applicant = applicantOf(actor, enterpriseName);
  const version = await versionForFiling(ctx.kernel.db, input.itemVersionId, 'online', applicant.applicant_type);
  const draft = draftIssues(version, input.values, input.materialChoices);
  if (draft.issues.length > 0) throw invalid(draft.issues);
  const row = draftRow(version, {
    id: newId(),
    channel: 'online',
    filed_by: actor.accountId,
    form_values: JSON.stringify(draft.values),
    material_choices: JSON.stringify(input.materialChoices),
    ...applicant,
    ...(await applicantIdColumns(ctx, actor, applicant.applicant_type)),
    ...contactColumns(ctx, input),
  });
  const now = new Date();
  let submission = null;
  if (input.submit) {
    // Everything is checked before anything is written, so a refused submission leaves no stray draft behind.
    const application = { values: input.values, choices: input.materialChoices };
    const fetch = toFetch(await fetchableMaterials(ctx.kernel.db, version, input.values, holderOf(row)), application, version);
    const { issues, ...checked } = await submissionIssues(ctx.kernel.db, null, version, application, new Set(fetch));
    if (issues.length > 0) throw invalid(issues);
    const subject = { applicant_type: applicant.applicant_type, applicant_account_id: actor.accountId, applicant_id_number_idx: null, applicant_credit_code: null, agent_id_number_idx: null };
    if (Object.values(input.materialChoices).includes('pledge')) await assertPledgeEligible(ctx, actor, subject);
    submission = { ...checked, fetch, caseNumber: await nextCaseNumber(ctx.kernel.db, row, now) };
  }
  const filed = await inTransaction(ctx.kernel.db, (tx) => fileCase(tx, ctx, actor, { draft: row, version, submission, now }));
  return { ...filed, version, materials: [], gaps: [] };
}

export async function updateDraft(ctx: CasesContext, { actor, caseId, input }: { actor: Actor; caseId: string; input: UpdateCaseDraftInput }): Promise<void> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  assertApplicantSide(actor, row);
  const version = await versionOf(ctx.kernel.db, row);
  const values = input.values ?? row.form_values;
  const choices = input.materialChoices ?? row.material_choices;
  const draft = draftIssues(version, values, choices);
  if (draft.issues.length > 0) throw invalid(draft.issues);
  await inTransaction(ctx.kernel.db, async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
    if (locked.version !== input.version) throw staleVersion(locked);
    if (!applyAction(stateOf(locked), 'edit', workflowOf(version)).ok) throw notNow(locked);
    const updated = await updateCase(tx, caseId, locked.version, { form_values: JSON.stringify(draft.values), material_choices: JSON.stringify(choices), ...contactColumns(ctx, input) });
    if (!updated) throw staleVersion(locked);
    await recordAction(tx, actor, { row: updated, action: 'edit', from: 'draft', to: 'draft', step: null, detail: { fields: Object.keys(input).filter((k) => k !== 'version') }, at: new Date() });
  });
}

export async function submitCase(ctx: CasesContext, { actor, caseId, input }: { actor: Actor; caseId: string; input: CaseVersionInput }): Promise<void> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  assertApplicantSide(actor, row);
  if (row.version !== input.version) throw staleVersion(row);
  const version = await versionOf(ctx.kernel.db, row);
  if (row.status === 'draft' && Object.values(row.material_choices).includes('pledge')) await assertPledgeEligible(ctx, actor, row);
  await inTransaction(ctx.kernel.db, async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
    if (locked.version !== input.version) throw staleVersion(locked);
    await submitLocked(tx, ctx, actor, locked, version, { values: locked.form_values, choices: locked.material_choices }, new Date());
  });
}

/** 补正: the applicant hands in what was asked for; the case goes back to the step it was in and the clock runs again. */
export async function resubmitCase(ctx: CasesContext, { actor, caseId, input }: { actor: Actor; caseId: string; input: SupplementInput }): Promise<void> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  assertApplicantSide(actor, row);
  const version = await versionOf(ctx.kernel.db, row);
  const calendar = await ctx.calendar();
  await inTransaction(ctx.kernel.db, async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
    if (locked.version !== input.version) throw staleVersion(locked);
    const outcome = applyAction(stateOf(locked), 'resubmit', workflowOf(version));
    if (!outcome.ok) throw notNow(locked);
    const values = input.values ? { ...locked.form_values, ...input.values } : locked.form_values;
    const { values: clean, choices, issues } = await submissionIssues(tx, locked.id, version, { values, choices: locked.material_choices });
    if (issues.length > 0) throw invalid(issues);
    const now = new Date();
    const clock = await clockChanges(tx, calendar, locked, outcome.next.clock, now);
    const updated = await updateCase(tx, caseId, locked.version, {
      status: outcome.next.status,
      suspend_kind: null,
      resume_status: null,
      supplement_request: null,
      form_values: JSON.stringify(clean),
      material_choices: JSON.stringify(choices),
      ...clock,
    });
    if (!updated) throw staleVersion(locked);
    await recordAction(tx, actor, { row: updated, action: 'resubmit', from: 'suspended', to: updated.status, step: updated.current_step, note: input.note, clock: outcome.next.clock, at: now });
    await emit(tx, 'case.resubmitted', { caseId, caseNumber: updated.case_number, departmentId: updated.handling_department_id });
    await notifyApplicant(tx, ctx, updated, { kind: 'case.resubmitted', title: '补正材料已收到', body: `您提交的“${updated.item_name}”补正材料已收到,办件继续办理。` });
  });
}

export async function withdrawCase(ctx: CasesContext, { actor, caseId, input }: { actor: Actor; caseId: string; input: WithdrawInput }): Promise<void> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  assertApplicantSide(actor, row);
  const version = await versionOf(ctx.kernel.db, row);
  await inTransaction(ctx.kernel.db, async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('NOT_FOUND', { detail: 'cases.notFound' });
    if (locked.version !== input.version) throw staleVersion(locked);
    const outcome = applyAction(stateOf(locked), 'withdraw', workflowOf(version));
    if (!outcome.ok) throw notNow(locked);
    const now = new Date();
    const updated = await updateCase(tx, caseId, locked.version, {
      status: 'withdrawn',
      current_step: null,
      step_role: null,
      suspend_kind: null,
      resume_status: null,
      supplement_request: null,
      countersign_pending: JSON.stringify([]),
      suspended_since: null,
      completed_at: now,
    });
    if (!updated) throw staleVersion(locked);
    await recordAction(tx, actor, { row: updated, action: 'withdraw', from: locked.status, to: 'withdrawn', step: locked.current_step, note: input.reason, clock: outcome.next.clock, at: now });
    await emit(tx, 'case.withdrawn', { caseId, caseNumber: updated.case_number, itemVersionId: updated.item_version_id });
    await notifyApplicant(tx, ctx, updated, { kind: 'case.withdrawn', title: '申请已撤回', body: `您申请的“${updated.item_name}”已撤回。` });
  });
}
