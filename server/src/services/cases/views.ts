import {
  caseStatusNames,
  closedCaseStatuses,
  staffRoles,
  workflowStepNames,
  type ApplicantAction,
  type CaseActionKind,
  type CaseActionView,
  type CaseMaterialView,
  type CaseSummary,
  type ItemVersionView,
  type Locale,
  type NextStepView,
  type StaffRole,
  type TimelineEntry,
  type TrafficLight,
} from '@zhengtong/contracts';
import type { Calendar } from '../../kernel/calendar';
import type { Row } from '../../kernel/db';
import { trafficLight, workingDaysLeft } from './deadlines';
import { applicableMaterials, pledgeText } from './materials';
import { caseLicenseView, type CaseLicenseRow } from './license-materials';
import type { CaseActionRow, CaseListRow, CaseRow, MaterialRow } from './repo';
import { dateText, isNoteForApplicant, supplementItemsText, timelineText } from './texts';

export type Clock = { calendar: Calendar; now: Date; yellowDays: number };

export function lightOf(row: Pick<CaseRow, 'status' | 'due_at'>, clock: Clock): { light: TrafficLight; workingDaysLeft: number | null } {
  const light = trafficLight(clock.calendar, { now: clock.now, status: row.status, dueAt: row.due_at, yellowDays: clock.yellowDays });
  const isRunning = light === 'green' || light === 'yellow' || light === 'red';
  return { light, workingDaysLeft: isRunning && row.due_at ? workingDaysLeft(clock.calendar, clock.now, row.due_at) : null };
}

export function toSummary(row: CaseListRow, clock: Clock): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    itemVersionId: row.item_version_id,
    itemName: row.item_name,
    departmentId: row.handling_department_id,
    departmentName: row.handling_department_name,
    status: row.status,
    step: row.current_step,
    channel: row.channel,
    applicantName: row.applicant_name,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    dueAt: row.due_at?.toISOString() ?? null,
    ...lightOf(row, clock),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A case with everything its views need. */
export type CaseParts = {
  row: CaseRow;
  version: ItemVersionView;
  materials: MaterialRow[];
  /** 免证办: licences fetched instead of uploads. */
  licenses: CaseLicenseRow[];
  pledges: Row<'case_pledges'>[];
  gaps: Row<'case_gaps'>[];
  actions: CaseActionRow[];
};

export function materialViews(parts: CaseParts): CaseMaterialView[] {
  const { row, version } = parts;
  const asked = new Set(applicableMaterials(version, row.form_values).map((m) => m.key));
  return version.materials
    .filter((m) => asked.has(m.key) || parts.materials.some((f) => f.material_key === m.key))
    .map((m) => {
      const files = parts.materials.filter((f) => f.material_key === m.key);
      const license = parts.licenses.find((l) => l.material_key === m.key);
      const pledge = parts.pledges.find((p) => p.material_key === m.key);
      const gap = parts.gaps.find((g) => g.material_key === m.key);
      const choice = row.material_choices[m.key];
      const mode = files.length > 0 ? 'upload' : license ? 'license' : pledge || choice === 'pledge' ? 'pledge' : gap || choice === 'gap' ? 'gap' : null;
      return {
        key: m.key,
        name: m.name,
        isRequired: m.isRequired,
        formats: m.formats,
        maxSizeMb: m.maxSizeMb,
        canBePledged: version.allowsPledge && m.canBePledged,
        canBeGap: version.allowsGaps && m.canBeGap,
        mode,
        files: files.map((f) => ({ id: f.id, fileName: f.file_name, format: f.format, sizeBytes: Number(f.size_bytes), trustLevel: f.trust_level, uploadedAt: f.uploaded_at.toISOString() })),
        gapDueAt: gap?.due_at.toISOString() ?? null,
        gapFulfilledAt: gap?.fulfilled_at?.toISOString() ?? null,
        pledgedAt: pledge?.signed_at.toISOString() ?? null,
        pledgeWords: pledge?.pledge_text ?? (version.allowsPledge && m.canBePledged ? pledgeText(version, m, row.agent_name ?? row.applicant_name) : null),
        pledgeCheck: pledge?.check_outcome && pledge.checked_at ? { outcome: pledge.check_outcome, note: pledge.check_note, checkedAt: pledge.checked_at.toISOString() } : null,
        license: license ? caseLicenseView(license) : null,
      };
    });
}

/** Names of materials and form fields by key, for supplement requests and notices. */
export function itemNames(version: ItemVersionView): Map<string, string> {
  const names = new Map<string, string>(version.materials.map((m) => [m.key, m.name]));
  for (const field of version.form.fields) names.set(field.key, field.label['zh-CN']);
  return names;
}

export function timeline(parts: CaseParts, locale: Locale): TimelineEntry[] {
  return parts.actions
    .filter((a) => a.action !== 'edit')
    .map((a) => {
      const action = a.action as CaseActionKind;
      return {
        at: a.at.toISOString(),
        action,
        text: timelineText({ action, step: a.step, toStatus: a.to_status, note: a.note, detail: a.detail, departmentName: a.department_name, channel: parts.row.channel }, locale),
        note: isNoteForApplicant(action) ? a.note : '',
      };
    });
}

export function outstandingGaps(parts: Pick<CaseParts, 'gaps'>): Row<'case_gaps'>[] {
  return parts.gaps.filter((g) => g.fulfilled_at === null);
}

/** What happens next and who has to do it, in one sentence. */
export function nextStep(parts: CaseParts, locale: Locale): NextStepView {
  const { row, version } = parts;
  const zh = locale === 'zh-CN';
  const dept = row.handling_department_name;
  const due = row.due_at ? dateText(row.due_at, locale) : '';
  switch (row.status) {
    case 'draft':
      return { who: 'applicant', text: zh ? '请填写申请表、上传所需材料,确认无误后提交' : 'Fill in the form, upload the materials, then submit', dueAt: null };
    case 'submitted':
      return { who: 'government', text: zh ? `等待${dept}受理,受理后开始计算办理时限` : `Waiting for ${dept} to accept it; the time limit starts then`, dueAt: null };
    case 'suspended': {
      if (row.suspend_kind === 'supplement') {
        const items = supplementItemsText(row.supplement_request?.items ?? [], itemNames(version), locale);
        return { who: 'applicant', text: zh ? `请按以下要求补正后重新提交:${items}` : `Make these corrections and hand them in: ${items}`, dueAt: null };
      }
      return { who: 'government', text: zh ? '正在进行特别程序,结束后继续办理(期间不计入办理时限)' : 'A special procedure is under way; processing continues afterwards', dueAt: null };
    }
    case 'accepted':
    case 'in_review': {
      const gaps = outstandingGaps(parts).sort((a, b) => a.due_at.getTime() - b.due_at.getTime());
      const firstGap = gaps[0];
      if (firstGap) {
        const names = itemNames(version);
        const list = gaps.map((g) => `${names.get(g.material_key) ?? g.material_key}(${g.form})`).join(zh ? '、' : ', ');
        return { who: 'applicant', text: zh ? `请在 ${dateText(firstGap.due_at, locale)} 前补交:${list}` : `Hand in by ${dateText(firstGap.due_at, locale)}: ${list}`, dueAt: firstGap.due_at.toISOString() };
      }
      const step = row.current_step ? workflowStepNames[row.current_step][locale] : '';
      return { who: 'government', text: zh ? `${dept}正在${step}${due ? `,承诺 ${due} 前办结` : ''}` : `${dept}: ${step.toLowerCase()} under way${due ? `; promised by ${due}` : ''}`, dueAt: row.due_at?.toISOString() ?? null };
    }
    case 'decided':
      return { who: 'government', text: zh ? '已作出决定,正在办结(出证、送达)' : 'Decided; the result is being issued', dueAt: row.due_at?.toISOString() ?? null };
    case 'completed':
      return { who: 'nobody', text: zh ? '已办结,可下载决定文书' : 'Completed; download the decision letter', dueAt: null };
    case 'denied':
      return { who: 'nobody', text: zh ? '已办结(不予许可),可下载决定书;如不服,可依法申请行政复议或提起行政诉讼' : 'Closed (refused); you may apply for administrative review or go to court', dueAt: null };
    case 'refused':
      return { who: 'nobody', text: zh ? '不予受理,可下载不予受理决定书;准备齐全后可重新申请' : 'Not accepted; you may apply again once ready', dueAt: null };
    case 'withdrawn':
      return { who: 'nobody', text: zh ? '申请已撤回' : 'Withdrawn', dueAt: null };
  }
}

export function resultOf(row: CaseRow) {
  if (!row.result_kind || !row.decided_at) return null;
  return {
    kind: row.result_kind,
    values: row.result_values ?? {},
    reason: row.result_reason,
    decidedAt: row.decided_at.toISOString(),
    hasLetter: row.decision_file_sm3 !== null,
    revokedAt: row.result_revoked_at?.toISOString() ?? null,
    revokedReason: row.result_revoked_reason,
  };
}

export function isClosed(row: Pick<CaseRow, 'status'>): boolean {
  return closedCaseStatuses.includes(row.status);
}

export function applicantActionsFor(parts: CaseParts): ApplicantAction[] {
  const { row } = parts;
  const actions: ApplicantAction[] = [];
  const isOpen = !isClosed(row) && row.status !== 'draft';
  if (row.status === 'draft') actions.push('edit', 'upload', 'submit');
  if (row.status === 'suspended' && row.suspend_kind === 'supplement') actions.push('upload', 'supplement');
  else if (isOpen && outstandingGaps(parts).length > 0) actions.push('upload');
  if (isOpen && row.status !== 'decided') actions.push('withdraw');
  if (row.status !== 'draft') actions.push('downloadReceipt');
  if (row.decision_file_sm3 && isClosed(row)) actions.push('downloadDecision');
  return actions;
}

export function actionViews(actions: CaseActionRow[]): CaseActionView[] {
  return actions.map((a) => ({
    seq: a.seq,
    action: a.action as CaseActionKind,
    fromStatus: a.from_status,
    toStatus: a.to_status,
    step: a.step,
    actorName: a.actor_name,
    actorRole: a.actor_role,
    departmentName: a.department_name,
    note: a.note,
    detail: a.detail,
    clock: a.clock,
    at: a.at.toISOString(),
  }));
}

export function statusText(row: Pick<CaseRow, 'status'>, locale: Locale): string {
  return caseStatusNames[row.status][locale];
}

export function asStaffRole(value: string | null): StaffRole | null {
  return staffRoles.find((r) => r === value) ?? null;
}
