import { z } from 'zod';
import type { Locale } from './errors';
import { creditCodeSchema, idNumberSchema } from './identifiers';
import { pageQuery, phoneSchema, realNameSchema } from './identity';
import { versionSchema } from './org';
import { staffRoles } from './permissions';
import { itemVersionView, materialFormats, workflowStepKeys } from './catalogue';

// 办件: an application under one item version, from draft to completion (docs/design/services-model.md).
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

// ---------------------------------------------------------------- enumerations

export const caseStatuses = ['draft', 'submitted', 'accepted', 'in_review', 'suspended', 'decided', 'completed', 'refused', 'withdrawn', 'denied'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
/** What the applicant reads: plain words, not office jargon. */
export const caseStatusNames: Labels<CaseStatus> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  submitted: { 'zh-CN': '已提交,等待受理', 'en-US': 'Submitted, waiting to be accepted' },
  accepted: { 'zh-CN': '已受理', 'en-US': 'Accepted' },
  in_review: { 'zh-CN': '审查中', 'en-US': 'Being reviewed' },
  suspended: { 'zh-CN': '暂停办理', 'en-US': 'Paused' },
  decided: { 'zh-CN': '已作出决定,等待办结', 'en-US': 'Decided, being finalised' },
  completed: { 'zh-CN': '已办结', 'en-US': 'Completed' },
  refused: { 'zh-CN': '不予受理', 'en-US': 'Not accepted' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
  denied: { 'zh-CN': '不予许可(已办结)', 'en-US': 'Refused (completed)' },
};
export const closedCaseStatuses: readonly CaseStatus[] = ['completed', 'refused', 'withdrawn', 'denied'];

/** 办件编号 channel letter: W 窗口, O 网上. */
export const caseChannels = ['online', 'window'] as const;
export type CaseChannel = (typeof caseChannels)[number];
export const caseChannelNames: Labels<CaseChannel> = {
  online: { 'zh-CN': '网上申请', 'en-US': 'Online' },
  window: { 'zh-CN': '窗口申请', 'en-US': 'At a service window' },
};

/** Everything that can happen to a case; each is one row in its history. */
export const caseActionKinds = [
  'create',
  'edit',
  'submit',
  'accept',
  'refuse',
  'requestSupplement',
  'resubmit',
  'approve',
  'deny',
  'transfer',
  'startInspection',
  'countersign',
  'startSpecial',
  'endSpecial',
  'complete',
  'withdraw',
  'fulfilGap',
  'checkPledge',
] as const;
export type CaseActionKind = (typeof caseActionKinds)[number];
export const caseActionNames: Labels<CaseActionKind> = {
  create: { 'zh-CN': '创建申请', 'en-US': 'Application started' },
  edit: { 'zh-CN': '修改申请', 'en-US': 'Application edited' },
  submit: { 'zh-CN': '提交申请', 'en-US': 'Application submitted' },
  accept: { 'zh-CN': '受理', 'en-US': 'Accepted' },
  refuse: { 'zh-CN': '不予受理', 'en-US': 'Not accepted' },
  requestSupplement: { 'zh-CN': '一次性告知补正', 'en-US': 'Corrections requested' },
  resubmit: { 'zh-CN': '补正后重新提交', 'en-US': 'Corrections handed in' },
  approve: { 'zh-CN': '审核通过', 'en-US': 'Approved' },
  deny: { 'zh-CN': '不予许可', 'en-US': 'Refused' },
  transfer: { 'zh-CN': '转办', 'en-US': 'Transferred' },
  startInspection: { 'zh-CN': '现场勘验', 'en-US': 'On-site inspection' },
  countersign: { 'zh-CN': '会签', 'en-US': 'Countersigned' },
  startSpecial: { 'zh-CN': '进入特别程序', 'en-US': 'Special procedure started' },
  endSpecial: { 'zh-CN': '特别程序结束', 'en-US': 'Special procedure ended' },
  complete: { 'zh-CN': '办结', 'en-US': 'Completed' },
  withdraw: { 'zh-CN': '撤回申请', 'en-US': 'Withdrawn' },
  fulfilGap: { 'zh-CN': '补交容缺材料', 'en-US': 'Missing material handed in' },
  checkPledge: { 'zh-CN': '承诺事后核查', 'en-US': 'Promise checked' },
};

/** The staff actions of the processing routes (/api/cases/:id/actions/<route>). */
export const staffActionRoutes = {
  accept: 'accept',
  refuse: 'refuse',
  'request-supplement': 'requestSupplement',
  approve: 'approve',
  deny: 'deny',
  transfer: 'transfer',
  complete: 'complete',
  'start-inspection': 'startInspection',
  countersign: 'countersign',
  'start-special': 'startSpecial',
  'end-special': 'endSpecial',
} as const satisfies Record<string, CaseActionKind>;
export type StaffActionRoute = keyof typeof staffActionRoutes;
export type StaffAction = (typeof staffActionRoutes)[StaffActionRoute];
export const staffActions = Object.values(staffActionRoutes) as StaffAction[];

/** What an action does to the time limit: start it, stop it (补正, 特别程序), run it again, end it. */
export const clockEffects = ['none', 'start', 'stop', 'resume', 'end'] as const;
export type ClockEffect = (typeof clockEffects)[number];

export const suspendKinds = ['supplement', 'special'] as const;
export type SuspendKind = (typeof suspendKinds)[number];

/** 特别程序 (行政许可法 Art. 45): time spent in them is not counted in the limit. */
export const specialProcedureKinds = ['hearing', 'tender', 'auction', 'testing', 'quarantine', 'appraisal', 'expertReview'] as const;
export type SpecialProcedureKind = (typeof specialProcedureKinds)[number];
export const specialProcedureNames: Labels<SpecialProcedureKind> = {
  hearing: { 'zh-CN': '听证', 'en-US': 'Hearing' },
  tender: { 'zh-CN': '招标', 'en-US': 'Tender' },
  auction: { 'zh-CN': '拍卖', 'en-US': 'Auction' },
  testing: { 'zh-CN': '检验检测', 'en-US': 'Testing' },
  quarantine: { 'zh-CN': '检疫', 'en-US': 'Quarantine' },
  appraisal: { 'zh-CN': '鉴定', 'en-US': 'Appraisal' },
  expertReview: { 'zh-CN': '专家评审', 'en-US': 'Expert review' },
};

/** green: on time; yellow: at most the configured working days left (default 1); red: overdue; paused: clock stopped. */
export const trafficLights = ['green', 'yellow', 'red', 'paused', 'none'] as const;
export type TrafficLight = (typeof trafficLights)[number];

/** How a required material is satisfied: a file, a signed promise (告知承诺), or later (容缺受理). */
/** How a material is satisfied: uploaded, promised (告知承诺), handed in later (容缺), or fetched from the applicant's electronic licence (免证办). */
export const materialModes = ['upload', 'pledge', 'gap', 'license'] as const;
export type MaterialMode = (typeof materialModes)[number];

/** Electronic-material trust levels: A issued by the authority, B checked by staff, C uploaded by the user, D self-made. */
export const trustLevels = ['A', 'B', 'C', 'D'] as const;
export type TrustLevel = (typeof trustLevels)[number];

export const resultKinds = ['approved', 'denied', 'refused'] as const;
export type ResultKind = (typeof resultKinds)[number];

export const applicantTypes = ['person', 'enterprise'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

// ---------------------------------------------------------------- inputs

// Line breaks and tabs are text; other control characters are not.
const hasControlChars = (v: string) =>
  Array.from(v).some((c) => {
    const n = c.codePointAt(0) ?? 0;
    return (n < 0x20 && n !== 0x09 && n !== 0x0a && n !== 0x0d) || n === 0x7f;
  });
const note = (max: number) =>
  z
    .string()
    .trim()
    .refine((v) => Array.from(v).length <= max, 'too_big')
    .refine((v) => !hasControlChars(v), 'invalid_format');
const requiredNote = (max: number) => note(max).refine((v) => v.length > 0, 'required');

const materialKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'invalid_format');
/** Form answers are checked against the item's own form on the server (catalogue-form checkFormValues). */
export const formValuesInput = z.record(z.string().max(40, 'too_big'), z.unknown()).refine((v) => Object.keys(v).length <= 200, 'too_big');
/**
 * How the applicant will satisfy a material instead of uploading now: promise it (告知承诺), hand it in after
 * acceptance (容缺), or — for a material the system could fetch from their electronic licence (免证办) — `upload`:
 * decline the fetch and upload it themselves (e.g. the licence is not the one this application is about).
 */
export const materialChoiceValues = ['pledge', 'gap', 'upload'] as const;
export type MaterialChoiceValue = (typeof materialChoiceValues)[number];
export const materialChoicesInput = z.record(materialKey, z.enum(materialChoiceValues)).refine((v) => Object.keys(v).length <= 60, 'too_big');
const emailSchema = z.string().trim().max(100, 'too_big').regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email.invalid');

export const createCaseInput = z.object({
  itemVersionId: z.uuid('invalid_format'),
  values: formValuesInput.default({}),
  /** Materials the applicant will promise (告知承诺) or hand in after acceptance (容缺), where the item allows it; `upload` declines 免证办. */
  materialChoices: materialChoicesInput.default({}),
  /** Where the SMS / e-mail notices go; none → portal inbox only. */
  contactPhone: phoneSchema.nullable().default(null),
  contactEmail: emailSchema.nullable().default(null),
  /** true: submit at once (only when nothing is left to upload); false: keep as a draft. */
  submit: z.boolean().default(false),
});
export type CreateCaseInput = z.infer<typeof createCaseInput>;

export const updateCaseDraftInput = z.object({
  values: formValuesInput.optional(),
  materialChoices: materialChoicesInput.optional(),
  contactPhone: phoneSchema.nullable().optional(),
  contactEmail: emailSchema.nullable().optional(),
  version: versionSchema,
});
export type UpdateCaseDraftInput = z.infer<typeof updateCaseDraftInput>;

export const caseVersionInput = z.object({ version: versionSchema });
export type CaseVersionInput = z.infer<typeof caseVersionInput>;

export const supplementInput = z.object({
  version: versionSchema,
  /** Corrected answers, when the request named form fields. */
  values: formValuesInput.optional(),
  note: note(1000).default(''),
});
export type SupplementInput = z.infer<typeof supplementInput>;

export const withdrawInput = z.object({ version: versionSchema, reason: requiredNote(500) });
export type WithdrawInput = z.infer<typeof withdrawInput>;

/** 告知承诺 事后核查: what the department found when it checked a promise. */
export const pledgeCheckOutcomes = ['confirmed', 'false'] as const;
export type PledgeCheckOutcome = (typeof pledgeCheckOutcomes)[number];
export const pledgeCheckInput = z.object({
  version: versionSchema,
  outcome: z.enum(pledgeCheckOutcomes),
  /** How it was checked and what was found; told to the applicant when the promise was false. */
  note: requiredNote(1000),
});
export type PledgeCheckInput = z.infer<typeof pledgeCheckInput>;

export const materialUploadQuery = z.object({ materialKey });

/** The window clerk's applicant: a walk-in person, or an enterprise through its agent (经办人). */
export const walkInApplicant = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), idNumber: idNumberSchema, name: realNameSchema, phone: phoneSchema.nullable().default(null) }),
  z.object({
    type: z.literal('enterprise'),
    creditCode: creditCodeSchema,
    name: requiredNote(100),
    agentName: realNameSchema,
    agentIdNumber: idNumberSchema,
    phone: phoneSchema.nullable().default(null),
  }),
]);
export type WalkInApplicant = z.infer<typeof walkInApplicant>;

export const windowCaseInput = z.object({
  itemVersionId: z.uuid('invalid_format'),
  applicant: walkInApplicant,
  values: formValuesInput.default({}),
  materialChoices: materialChoicesInput.default({}),
  /** true: submit at once (the scanned materials are attached first, then the case is submitted). */
  submit: z.boolean().default(false),
});
export type WindowCaseInput = z.infer<typeof windowCaseInput>;

const actionBase = z.object({ version: versionSchema, note: note(2000).default('') });

export const acceptInput = actionBase.extend({
  /** 容缺: when the missing materials are due (default and latest: the promised completion date). */
  gapDueDate: z.iso.date('invalid_format').optional(),
  /** 即办件: the result is recorded at acceptance. */
  result: formValuesInput.optional(),
});
export const refuseInput = actionBase.extend({ reason: requiredNote(1000) });
export const supplementItem = z.object({
  target: z.enum(['material', 'field', 'other']),
  /** The material or form field to fix; empty for `other`. */
  key: z.string().max(40, 'too_big').default(''),
  /** Exactly what is wrong and how to fix it, in words the applicant understands. */
  reason: requiredNote(500),
});
export type SupplementItem = z.infer<typeof supplementItem>;
export const requestSupplementInput = actionBase.extend({ items: z.array(supplementItem).min(1, 'too_small').max(30, 'too_big') });
export const approveInput = actionBase.extend({ result: formValuesInput.optional() });
export const denyInput = actionBase.extend({ reason: requiredNote(2000) });
export const transferInput = actionBase.extend({ departmentId: z.uuid('invalid_format'), reason: requiredNote(500) });
export const completeInput = actionBase;
export const startInspectionInput = actionBase.extend({ scheduledAt: z.iso.datetime({ offset: true, message: 'invalid_format' }).optional() });
export const countersignInput = actionBase.extend({ opinion: z.enum(['agree', 'disagree']), note: requiredNote(2000) });
export const startSpecialInput = actionBase.extend({ kind: z.enum(specialProcedureKinds) });
export const endSpecialInput = actionBase;

export const staffActionInputs = {
  accept: acceptInput,
  refuse: refuseInput,
  requestSupplement: requestSupplementInput,
  approve: approveInput,
  deny: denyInput,
  transfer: transferInput,
  complete: completeInput,
  startInspection: startInspectionInput,
  countersign: countersignInput,
  startSpecial: startSpecialInput,
  endSpecial: endSpecialInput,
} as const satisfies Record<StaffAction, z.ZodType>;
export type StaffActionInput<A extends StaffAction> = z.infer<(typeof staffActionInputs)[A]>;

export const myCasesQuery = pageQuery.extend({ status: z.enum(caseStatuses).optional() });
export type MyCasesQuery = z.infer<typeof myCasesQuery>;

/** todo: what the reader may act on now; suspended: waiting for the applicant or a special procedure; all / closed. */
export const workbenchViews = ['todo', 'suspended', 'all', 'closed'] as const;
export const workbenchQuery = pageQuery.extend({
  view: z.enum(workbenchViews).default('todo'),
  light: z.enum(trafficLights).optional(),
  step: z.enum(workflowStepKeys).optional(),
  /** Case number or its tail. */
  q: z.string().trim().max(30, 'too_big').optional(),
});
export type WorkbenchQuery = z.infer<typeof workbenchQuery>;

export const notificationsQuery = pageQuery.extend({ isUnread: z.stringbool().optional() });
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const creditBlacklistInput = z
  .object({
    subjectType: z.enum(applicantTypes),
    idNumber: idNumberSchema.optional(),
    creditCode: creditCodeSchema.optional(),
    name: requiredNote(100),
    /** The list and the decision that put the subject on it (严重失信主体名单 …). */
    reason: requiredNote(500),
    source: requiredNote(200),
    expiresOn: z.iso.date('invalid_format').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.subjectType === 'person' && !v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'required' });
    if (v.subjectType === 'enterprise' && !v.creditCode) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'required' });
  });
export type CreditBlacklistInput = z.infer<typeof creditBlacklistInput>;

// ---------------------------------------------------------------- views

export const caseSummary = z.object({
  id: z.string(),
  /** Null while a draft. */
  caseNumber: z.string().nullable(),
  itemVersionId: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: z.enum(caseStatuses),
  step: z.enum(workflowStepKeys).nullable(),
  channel: z.enum(caseChannels),
  applicantName: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  light: z.enum(trafficLights),
  /** Working days left until dueAt (negative when overdue); null when no clock runs. */
  workingDaysLeft: z.number().int().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

/** An electronic licence that satisfies (or, before submission, will satisfy) a material: its source and data. */
export const caseLicenseView = z.object({
  identifier: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  issuerName: z.string(),
  holderName: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** The licence's fields as fetched (never a full ID number); empty before submission. */
  fields: z.array(z.object({ key: z.string(), name: z.string(), value: z.string() })),
  /** When the system fetched it; null before submission (a preview of what will be fetched). */
  fetchedAt: z.string().nullable(),
});
export type CaseLicenseView = z.infer<typeof caseLicenseView>;

/** Before submitting: which materials of a version the applicant's valid licences will satisfy. */
export const licenseMaterialsQuery = z.object({ itemVersionId: z.uuid('invalid_format') });
export const windowLicenseMaterialsInput = z.strictObject({
  itemVersionId: z.uuid('invalid_format'),
  applicant: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('person'), idNumber: idNumberSchema }),
    z.strictObject({ type: z.literal('enterprise'), creditCode: creditCodeSchema }),
  ]),
});
export type WindowLicenseMaterialsInput = z.infer<typeof windowLicenseMaterialsInput>;
export const licenseMaterialsView = z.object({ items: z.array(z.object({ materialKey: z.string(), materialName: z.string(), license: caseLicenseView })) });
export type LicenseMaterialsView = z.infer<typeof licenseMaterialsView>;

export const caseMaterialView = z.object({
  key: z.string(),
  name: z.string(),
  isRequired: z.boolean(),
  formats: z.array(z.enum(materialFormats)),
  maxSizeMb: z.number().int(),
  canBePledged: z.boolean(),
  canBeGap: z.boolean(),
  /** How it is satisfied now; null when still missing. */
  mode: z.enum(materialModes).nullable(),
  files: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      format: z.enum(materialFormats),
      sizeBytes: z.number().int(),
      trustLevel: z.enum(trustLevels),
      uploadedAt: z.string(),
    }),
  ),
  /** 容缺: the date it must be handed in by, and whether it has been. */
  gapDueAt: z.string().nullable(),
  gapFulfilledAt: z.string().nullable(),
  pledgedAt: z.string().nullable(),
  /** 告知承诺: the exact words signed, or that the applicant would sign, where a promise may replace the material. */
  pledgeWords: z.string().nullable(),
  /** 事后核查 of the promise, once recorded. */
  pledgeCheck: z.object({ outcome: z.enum(pledgeCheckOutcomes), note: z.string(), checkedAt: z.string() }).nullable(),
  /** 免证办: the electronic licence the system fetched instead of an upload (免提交 — 已由系统调取). */
  license: caseLicenseView.nullable(),
});
export type CaseMaterialView = z.infer<typeof caseMaterialView>;

export const timelineEntry = z.object({
  at: z.string(),
  action: z.enum(caseActionKinds),
  /** One sentence in plain words (what happened, who is next). */
  text: z.string(),
  note: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const nextStepView = z.object({
  /** Who is to act: the applicant or the government. */
  who: z.enum(['applicant', 'government', 'nobody']),
  text: z.string(),
  dueAt: z.string().nullable(),
});
export type NextStepView = z.infer<typeof nextStepView>;

export const applicantActions = ['edit', 'upload', 'submit', 'supplement', 'withdraw', 'downloadDecision', 'downloadReceipt'] as const;
export type ApplicantAction = (typeof applicantActions)[number];

const supplementRequestView = z.object({ requestedAt: z.string(), items: z.array(supplementItem), note: z.string() }).nullable();

const resultView = z
  .object({
    kind: z.enum(resultKinds),
    values: z.record(z.string(), z.unknown()),
    reason: z.string().nullable(),
    decidedAt: z.string(),
    hasLetter: z.boolean(),
    /** An approval revoked afterwards (撤销), e.g. because a 告知承诺 was false. */
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
  })
  .nullable();

export const caseApplicantView = caseSummary.extend({
  trackingCode: z.string(),
  values: z.record(z.string(), z.unknown()),
  materialChoices: z.record(z.string(), z.enum(materialChoiceValues)),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  materials: z.array(caseMaterialView),
  supplementRequest: supplementRequestView,
  timeline: z.array(timelineEntry),
  nextStep: nextStepView,
  result: resultView,
  completedAt: z.string().nullable(),
  allowedActions: z.array(z.enum(applicantActions)),
});
export type CaseApplicantView = z.infer<typeof caseApplicantView>;

export const caseActionView = z.object({
  seq: z.number().int(),
  action: z.enum(caseActionKinds),
  fromStatus: z.enum(caseStatuses).nullable(),
  toStatus: z.enum(caseStatuses),
  step: z.enum(workflowStepKeys).nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  departmentName: z.string().nullable(),
  note: z.string(),
  detail: z.record(z.string(), z.unknown()),
  clock: z.enum(clockEffects),
  at: z.string(),
});
export type CaseActionView = z.infer<typeof caseActionView>;

export const caseStaffView = caseSummary.extend({
  applicant: z.object({
    type: z.enum(applicantTypes),
    name: z.string(),
    /** Masked: first 1 and last 2 (REFERENCES.md). */
    idNumber: z.string().nullable(),
    creditCode: z.string().nullable(),
    agentName: z.string().nullable(),
    phone: z.string().nullable(),
    isRegistered: z.boolean(),
  }),
  caseKind: z.enum(['immediate', 'promised']),
  currentRole: z.enum(staffRoles).nullable(),
  /** Answers to 身份证号 and phone fields are masked; `POST /api/cases/:id/unmask` shows them (audited). */
  values: z.record(z.string(), z.unknown()),
  materials: z.array(caseMaterialView),
  supplementRequest: supplementRequestView,
  countersignPending: z.array(z.object({ id: z.string() })),
  suspendKind: z.enum(suspendKinds).nullable(),
  legalDueAt: z.string().nullable(),
  /** Days (in the promised limit's unit) spent paused so far: not counted in the limit. */
  suspendedDays: z.number().int(),
  result: resultView,
  history: z.array(caseActionView),
  /** Staff actions the reader may take now (the server checks again on each request). */
  allowedActions: z.array(z.enum(staffActions as [StaffAction, ...StaffAction[]])),
});
export type CaseStaffView = z.infer<typeof caseStaffView>;

/** Why a staff member needs the full personal data of a case: kept in the audit trail and the citizen's data-use record. */
export const caseUnmaskInput = z.object({ purpose: z.string().trim().min(2, 'too_small').max(200, 'too_big') });
export type CaseUnmaskInput = z.infer<typeof caseUnmaskInput>;

/** The personal data the staff view masks, in full. */
export const casePersonalData = z.object({
  applicant: z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() }),
  values: z.record(z.string(), z.unknown()),
  resultValues: z.record(z.string(), z.unknown()).nullable(),
});
export type CasePersonalData = z.infer<typeof casePersonalData>;

/** POST /api/case-documents/verify: is this file a decision letter the platform issued, unchanged? No personal data. */
export const caseDocumentVerdicts = ['authentic', 'unknownDocument', 'unsigned', 'badSignature', 'sealRevoked'] as const;
export const caseDocumentVerdict = z.object({
  verdict: z.enum(caseDocumentVerdicts),
  isAuthentic: z.boolean(),
  caseNumber: z.string().nullable(),
  itemName: z.string().nullable(),
  departmentName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  resultKind: z.enum(resultKinds).nullable(),
  /** The approval was revoked afterwards (e.g. an untrue 告知承诺): the letter is genuine but no longer in force. */
  revokedAt: z.string().nullable(),
  seal: z.object({ name: z.string(), keyId: z.string(), status: z.string() }).nullable(),
});
export type CaseDocumentVerdict = z.infer<typeof caseDocumentVerdict>;

/** GET /api/cases/:id answers the applicant or the staff view, by who asks. */
export const caseView = z.discriminatedUnion('perspective', [caseApplicantView.extend({ perspective: z.literal('applicant') }), caseStaffView.extend({ perspective: z.literal('staff') })]);
export type CaseView = z.infer<typeof caseView>;

export const workbenchResult = z.object({
  items: z.array(caseSummary),
  total: z.number().int(),
  /** Counts of the reader's to-do queue by light, whatever the filters. */
  counts: z.object({ todo: z.number().int(), green: z.number().int(), yellow: z.number().int(), red: z.number().int(), none: z.number().int(), suspended: z.number().int() }),
});
export type WorkbenchResult = z.infer<typeof workbenchResult>;

/** The public tracking page behind the QR code on the receipt: nothing about the person. */
export const caseTrackingView = z.object({
  caseNumber: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  status: z.enum(caseStatuses),
  statusText: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CaseTrackingView = z.infer<typeof caseTrackingView>;

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;
export const notificationList = z.object({ items: z.array(notificationView), total: z.number().int(), unread: z.number().int() });

export const uploadedMaterialView = z.object({
  id: z.string(),
  materialKey: z.string(),
  fileName: z.string(),
  format: z.enum(materialFormats),
  sizeBytes: z.number().int(),
  /** SM3 of the content: the file's address in the store and proof of what was handed in. */
  sm3: z.string(),
  trustLevel: z.enum(trustLevels),
});
export type UploadedMaterialView = z.infer<typeof uploadedMaterialView>;

export const creditBlacklistView = z.object({
  id: z.string(),
  subjectType: z.enum(applicantTypes),
  name: z.string(),
  /** Masked. */
  subjectCode: z.string(),
  reason: z.string(),
  source: z.string(),
  expiresOn: z.string().nullable(),
  createdAt: z.string(),
});
export type CreditBlacklistView = z.infer<typeof creditBlacklistView>;

// ---------------------------------------------------------------- messages

const statusMessages = (locale: Locale) => Object.fromEntries(caseStatuses.map((s) => [`cases.status.${s}`, caseStatusNames[s][locale]]));

export const casesMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...statusMessages('zh-CN'),
    'email.invalid': '请输入正确的电子邮箱',
    'cases.notFound': '未找到该办件',
    'cases.versionNotInForce': '该事项版本当前未发布或已停止受理,请重新选择事项',
    'cases.channelNotOffered': '该事项不提供此办理渠道',
    'cases.audienceMismatch': '该事项的服务对象不包括当前申请人',
    'cases.transitionNotAllowed': '办件当前状态为“{status}”,不能执行此操作',
    'cases.staleVersion': '该办件刚刚已被他人处理(当前状态:“{status}”),请刷新后查看最新情况',
    'cases.notYourStep': '当前环节“{step}”由{role}办理,您没有该岗位',
    'cases.notYourDepartment': '该办件不属于您所在部门',
    'cases.pledgeNotFound': '该办件没有这项材料的承诺',
    'cases.pledgeChecked': '这项承诺已经核查过了',
    'cases.pledgeCheckTooEarly': '办件受理后才能核查承诺',
    'cases.materialUnknown': '该事项没有这项材料',
    'cases.materialNotApplicable': '根据您填写的内容,此项材料无需提交',
    'cases.materialMissing': '请上传此项材料',
    'cases.materialFormat': '文件类型不符:此项材料只接受 {formats}',
    'cases.materialTooLarge': '文件超过 {maxMb} MB 的大小限制',
    'cases.fileUnreadable': '无法识别文件内容:只接受真实的 PDF、JPG、PNG 或 OFD 文件',
    'cases.fileEmpty': '文件是空的',
    'cases.noFile': '请选择要上传的文件',
    'cases.uploadClosed': '办件当前状态下不能再上传此项材料',
    'cases.tooManyFiles': '此项材料最多上传 {max} 个文件',
    'cases.pledgeNotAllowed': '此项材料不适用告知承诺',
    'cases.gapNotAllowed': '此项材料不适用容缺受理',
    'cases.pledgeIneligible': '申请人在严重失信主体名单内,不能适用告知承诺,请提交材料原件',
    'cases.gapsOutstanding': '尚有容缺材料未补齐,不能作出准予决定',
    'cases.gapDueTooLate': '容缺材料的补交期限不能晚于承诺办结时间({due})',
    'cases.gapDueInPast': '补交期限不能早于今天',
    'cases.resultRequired': '请填写办理结果',
    'cases.supplementKeyUnknown': '补正项目指向的材料或字段不存在',
    'cases.countersignNotPending': '您所在部门不在待会签部门之列,或已会签',
    'cases.noInspectionStep': '该事项的办理流程没有现场勘验环节',
    'cases.noSpecialProcedure': '该事项不适用特别程序',
    'cases.transferSameDepartment': '请选择另一个部门',
    'cases.transferDepartment': '目标部门不存在、已停用或不在本办件所属区域内',
    'cases.windowScope': '该事项不在您的窗口可受理范围内',
    'cases.rangeReversed': '开始日期不能晚于结束日期',
    'cases.uploadChoiceNotLicensed': '该材料不由电子证照调取,无需选择“自行上传”',
    'cases.nothingToSupplement': '没有需要补正的内容',
    'cases.notFilledByYou': '只有申请人可以执行此操作',
    'cases.decisionNotReady': '决定文书尚未生成',
    'cases.receiptNotReady': '办件尚未提交,不能打印回执',
    'cases.trackingNotFound': '查询码不正确或办件不存在',
    'cases.blacklistDuplicate': '该主体已在名单中',
    'cases.guideNotPublic': '该版本尚未发布',
  },
  'en-US': {
    ...statusMessages('en-US'),
    'email.invalid': 'Enter a valid e-mail address',
    'cases.notFound': 'No such case',
    'cases.versionNotInForce': 'This version of the service is not open for applications; choose the service again',
    'cases.channelNotOffered': 'The service is not offered through this channel',
    'cases.audienceMismatch': 'The service is not offered to this kind of applicant',
    'cases.transitionNotAllowed': 'The case is “{status}”; this action is not possible now',
    'cases.staleVersion': 'Someone else just acted on this case (now “{status}”); reload to see the latest',
    'cases.notYourStep': 'The current step “{step}” is for the {role} role, which you do not hold',
    'cases.notYourDepartment': 'This case belongs to another department',
    'cases.pledgeNotFound': 'The applicant made no promise for this material',
    'cases.pledgeChecked': 'This promise has already been checked',
    'cases.pledgeCheckTooEarly': 'Promises are checked once the case has been accepted',
    'cases.materialUnknown': 'The service has no such material',
    'cases.materialNotApplicable': 'Given your answers, this material is not needed',
    'cases.materialMissing': 'Upload this material',
    'cases.materialFormat': 'Wrong file type: this material accepts {formats} only',
    'cases.materialTooLarge': 'The file is larger than {maxMb} MB',
    'cases.fileUnreadable': 'The file is not a real PDF, JPG, PNG or OFD file',
    'cases.fileEmpty': 'The file is empty',
    'cases.noFile': 'Choose a file to upload',
    'cases.uploadClosed': 'This material cannot be uploaded in the case’s current status',
    'cases.tooManyFiles': 'At most {max} files for this material',
    'cases.pledgeNotAllowed': 'A signed promise cannot replace this material',
    'cases.gapNotAllowed': 'This material cannot be handed in later',
    'cases.pledgeIneligible': 'The applicant is on a serious-dishonesty list and cannot use a signed promise; hand in the material',
    'cases.gapsOutstanding': 'Materials accepted as missing have not all been handed in; the case cannot be approved yet',
    'cases.gapDueTooLate': 'Missing materials cannot be due after the promised completion date ({due})',
    'cases.gapDueInPast': 'The due date cannot be in the past',
    'cases.resultRequired': 'Fill in the result',
    'cases.supplementKeyUnknown': 'The correction names a material or field the service does not have',
    'cases.countersignNotPending': 'Your department is not asked to countersign, or already has',
    'cases.noInspectionStep': 'The service’s workflow has no on-site inspection step',
    'cases.noSpecialProcedure': 'The service does not allow a special procedure',
    'cases.transferSameDepartment': 'Choose another department',
    'cases.transferDepartment': 'The department does not exist, is inactive, or is outside the case’s region',
    'cases.windowScope': 'This service is outside what your window may accept',
    'cases.rangeReversed': 'The start date cannot be after the end date',
    'cases.uploadChoiceNotLicensed': 'This material is not fetched from an electronic licence, so there is nothing to decline',
    'cases.nothingToSupplement': 'Nothing was asked to be corrected',
    'cases.notFilledByYou': 'Only the applicant may do this',
    'cases.decisionNotReady': 'The decision letter has not been issued yet',
    'cases.receiptNotReady': 'The case has not been submitted; there is no receipt yet',
    'cases.trackingNotFound': 'Wrong tracking code or no such case',
    'cases.blacklistDuplicate': 'The subject is already on the list',
    'cases.guideNotPublic': 'This version has not been published',
  },
};

// ---------------------------------------------------------------- the version a case was filed under

/** What a case screen needs of its version (kept for life): the form that labels the answers, the materials, the result fields. */
export const caseVersionForm = itemVersionView.pick({ form: true, materials: true, resultFields: true, allowsPledge: true, allowsGaps: true }).extend({
  serviceItemId: z.string(),
});
export type CaseVersionForm = z.infer<typeof caseVersionForm>;

// ---------------------------------------------------------------- 免证办率

/** 免证办率 over cases submitted in [from, to] (Beijing dates, both inclusive; default: the last 30 days). */
export const licenseFreeRateQuery = z.object({
  from: z.iso.date('invalid_format').optional(),
  to: z.iso.date('invalid_format').optional(),
});
export type LicenseFreeRateQuery = z.infer<typeof licenseFreeRateQuery>;
const licenseFreeCounts = z.object({
  cases: z.number().int(),
  /** Required materials that applied to the answers, summed over the cases. */
  required: z.number().int(),
  /** Of those, materials the system fetched from the applicants' electronic licences. */
  fetched: z.number().int(),
  /** fetched ÷ required (0 when nothing was required). */
  rate: z.number(),
});
export const licenseFreeRateView = z.object({
  from: z.string(),
  to: z.string(),
  overall: licenseFreeCounts,
  items: z.array(licenseFreeCounts.extend({ serviceItemId: z.string(), itemName: z.string() })),
});
export type LicenseFreeRateView = z.infer<typeof licenseFreeRateView>;
