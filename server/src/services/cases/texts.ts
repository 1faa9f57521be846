import { specialProcedureNames, workflowStepNames, type CaseActionKind, type CaseStatus, type Locale, type SpecialProcedureKind, type SupplementItem, type WorkflowStepKey } from '@zhengtong/contracts';
import { toLocalDate } from '../../kernel/calendar';
import { messageRef } from '../../kernel/i18n';

// What the applicant reads about their case: the timeline, the next step and the notices, in plain words
// (GB/T 39735 rates 指南精确度 and 便捷度: people should understand without calling the hotline).

/** A case status named in the reader's language inside an error message. */
export function statusRef(status: CaseStatus): string {
  return messageRef(`cases.status.${status}`);
}

export function dateText(at: Date | null | undefined, locale: Locale): string {
  if (!at) return '';
  const date = toLocalDate(at);
  if (locale === 'en-US') return date;
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function supplementItemsText(items: readonly SupplementItem[], names: ReadonlyMap<string, string>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  return items
    .map((item, i) => {
      const what = item.key ? (names.get(item.key) ?? item.key) : '';
      return `${i + 1}. ${what ? `${what}${zh ? ':' : ': '}` : ''}${item.reason}`;
    })
    .join(zh ? ';' : '; ');
}

export type TimelineFacts = {
  action: CaseActionKind;
  step: WorkflowStepKey | null;
  toStatus: string;
  note: string;
  detail: Record<string, unknown>;
  departmentName: string | null;
  channel: 'online' | 'window';
};

function detailText(detail: Record<string, unknown>, key: string): string {
  const value = detail[key];
  return typeof value === 'string' ? value : '';
}

function stepName(key: string, locale: Locale): string {
  return key in workflowStepNames ? workflowStepNames[key as WorkflowStepKey][locale] : '';
}

/** One sentence per action for the applicant; staff-internal opinions are not shown (only the reasons owed to them). */
export function timelineText(f: TimelineFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const dept = f.departmentName ?? (zh ? '办理部门' : 'the department');
  switch (f.action) {
    case 'create':
      if (f.channel === 'window') return zh ? '窗口工作人员为您填写了申请' : 'A window clerk filled in the application for you';
      return zh ? '您开始填写申请' : 'You started the application';
    case 'edit':
      return zh ? '申请内容已修改' : 'The application was edited';
    case 'submit':
      return zh ? `申请已提交,办件编号 ${detailText(f.detail, 'caseNumber')},等待受理` : `Application submitted as case ${detailText(f.detail, 'caseNumber')}; waiting to be accepted`;
    case 'accept': {
      if (f.toStatus === 'completed') return zh ? `${dept}已受理并当场办结` : `${dept} accepted and completed it on the spot`;
      const due = detailText(f.detail, 'dueDate');
      return zh ? `${dept}已受理您的申请${due ? `,承诺在 ${due} 前办结` : ''}` : `${dept} accepted your application${due ? `; promised by ${due}` : ''}`;
    }
    case 'refuse':
      return zh ? `${dept}决定不予受理,原因:${f.note}` : `${dept} did not accept the application: ${f.note}`;
    case 'requestSupplement':
      return zh ? `需要您补正:${detailText(f.detail, 'itemsText')}。补正期间办理时限暂停计算` : `Corrections needed: ${detailText(f.detail, 'itemsText')}. The time limit is paused until you hand them in`;
    case 'resubmit':
      return zh ? '补正材料已提交,继续办理' : 'Corrections handed in; processing continues';
    case 'approve': {
      if (f.step === 'decide') return zh ? '已作出准予决定' : 'The application was approved';
      const next = stepName(detailText(f.detail, 'nextStep'), locale);
      const done = f.step === 'inspect' ? (zh ? '现场勘验' : 'Inspection') : zh ? '审查' : 'Review';
      return zh ? `${done}已完成${next ? `,进入${next}环节` : ''}` : `${done} done${next ? `; now at ${next.toLowerCase()}` : ''}`;
    }
    case 'deny':
      return zh ? `决定不予许可,原因:${f.note}` : `The application was refused: ${f.note}`;
    case 'transfer':
      return zh ? `转由${detailText(f.detail, 'toDepartmentName')}办理` : `Transferred to ${detailText(f.detail, 'toDepartmentName')}`;
    case 'startInspection':
      return zh ? '安排现场勘验,工作人员将与您联系' : 'An on-site inspection is arranged; staff will contact you';
    case 'countersign':
      return zh ? `${dept}已会签` : `${dept} countersigned`;
    case 'startSpecial': {
      const kind = detailText(f.detail, 'kind');
      const name = kind in specialProcedureNames ? specialProcedureNames[kind as SpecialProcedureKind][locale] : kind;
      return zh ? `进入特别程序(${name}),所需时间不计入办理时限` : `Special procedure (${name}); its time is not counted in the limit`;
    }
    case 'endSpecial':
      return zh ? '特别程序结束,办理时限恢复计算' : 'Special procedure finished; the time limit runs again';
    case 'complete':
      return zh ? '已办结,可下载决定文书' : 'Completed; the decision letter can be downloaded';
    case 'withdraw':
      return zh ? '申请已撤回' : 'Application withdrawn';
    case 'fulfilGap':
      return zh ? `已补交容缺材料:${detailText(f.detail, 'materialName')}` : `Missing material handed in: ${detailText(f.detail, 'materialName')}`;
    case 'checkPledge':
      if (detailText(f.detail, 'outcome') === 'confirmed') return zh ? '您的承诺经核查属实' : 'Your promise was checked and found true';
      return zh ? `您的承诺经核查与事实不符:${f.note}` : `Your promise was checked and found untrue: ${f.note}`;
  }
}

/** Whether the applicant sees the note written with this action (reasons are owed to them; review opinions are internal). */
export function isNoteForApplicant(action: CaseActionKind): boolean {
  return action === 'refuse' || action === 'deny' || action === 'requestSupplement' || action === 'withdraw' || action === 'resubmit' || action === 'checkPledge';
}
