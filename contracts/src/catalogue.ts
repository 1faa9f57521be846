import { z } from 'zod';
import type { Locale } from './errors';
import { staffRoles } from './permissions';
import { pageQuery } from './identity';
import { regionCodeSchema, regionLevels, versionSchema } from './org';
import { bilingualText, formCondition, formDefinitionIssues, formField, formFieldKeySchema, formSchema, type FormIssue } from './catalogue-form';

// The service item catalogue (政务服务事项目录, GB/T 39554): items defined once, implemented by departments of
// several regions and levels (四级四同), each implementation published in versions. See
// docs/design/services-model.md. Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

// ---------------------------------------------------------------- enumerations and their labels

export const serviceItemTypes = ['license', 'benefit', 'confirmation', 'levy', 'adjudication', 'reward', 'otherPower', 'publicService'] as const;
export type ServiceItemType = (typeof serviceItemTypes)[number];
export const serviceItemTypeNames: Labels<ServiceItemType> = {
  license: { 'zh-CN': '行政许可', 'en-US': 'Administrative licence' },
  benefit: { 'zh-CN': '行政给付', 'en-US': 'Administrative benefit' },
  confirmation: { 'zh-CN': '行政确认', 'en-US': 'Administrative confirmation' },
  levy: { 'zh-CN': '行政征收', 'en-US': 'Administrative levy' },
  adjudication: { 'zh-CN': '行政裁决', 'en-US': 'Administrative adjudication' },
  reward: { 'zh-CN': '行政奖励', 'en-US': 'Administrative reward' },
  otherPower: { 'zh-CN': '其他行政权力', 'en-US': 'Other administrative power' },
  publicService: { 'zh-CN': '公共服务', 'en-US': 'Public service' },
};

/** 权力来源 (GB/T 39554): how the implementing body holds the power. */
export const powerSources = ['statutory', 'delegated', 'authorized', 'entrusted', 'peerAuthorized', 'peerEntrusted'] as const;
export type PowerSource = (typeof powerSources)[number];
export const powerSourceNames: Labels<PowerSource> = {
  statutory: { 'zh-CN': '法定本级行使', 'en-US': 'Statutory, exercised at this level' },
  delegated: { 'zh-CN': '上级下放', 'en-US': 'Delegated from above' },
  authorized: { 'zh-CN': '上级授权', 'en-US': 'Authorised from above' },
  entrusted: { 'zh-CN': '上级委托', 'en-US': 'Entrusted from above' },
  peerAuthorized: { 'zh-CN': '同级授权', 'en-US': 'Authorised by a peer' },
  peerEntrusted: { 'zh-CN': '同级委托', 'en-US': 'Entrusted by a peer' },
};

/** 服务对象: natural persons (自然人), legal persons (法人), or both. */
export const serviceAudiences = ['person', 'enterprise', 'both'] as const;
export type ServiceAudience = (typeof serviceAudiences)[number];
export const serviceAudienceNames: Labels<ServiceAudience> = {
  person: { 'zh-CN': '自然人', 'en-US': 'Individuals' },
  enterprise: { 'zh-CN': '法人', 'en-US': 'Enterprises and organisations' },
  both: { 'zh-CN': '自然人、法人', 'en-US': 'Individuals and enterprises' },
};

/** 办理形式. */
export const serviceChannels = ['window', 'online', 'post'] as const;
export type ServiceChannel = (typeof serviceChannels)[number];
export const serviceChannelNames: Labels<ServiceChannel> = {
  window: { 'zh-CN': '窗口办理', 'en-US': 'At a service window' },
  online: { 'zh-CN': '网上办理', 'en-US': 'Online' },
  post: { 'zh-CN': '快递申请', 'en-US': 'By post' },
};

/** 办件类型: 即办件 is decided on the spot; 承诺件 within the promised limit. */
export const caseKinds = ['immediate', 'promised'] as const;
export type CaseKind = (typeof caseKinds)[number];
export const caseKindNames: Labels<CaseKind> = {
  immediate: { 'zh-CN': '即办件', 'en-US': 'Decided on the spot' },
  promised: { 'zh-CN': '承诺件', 'en-US': 'Decided within the promised time' },
};

export const limitUnits = ['workingDay', 'naturalDay'] as const;
export type LimitUnit = (typeof limitUnits)[number];
export const limitUnitNames: Labels<LimitUnit> = {
  workingDay: { 'zh-CN': '个工作日', 'en-US': 'working days' },
  naturalDay: { 'zh-CN': '个自然日', 'en-US': 'calendar days' },
};

export const materialSources = ['applicant', 'government'] as const;
export type MaterialSource = (typeof materialSources)[number];
export const materialSourceNames: Labels<MaterialSource> = {
  applicant: { 'zh-CN': '申请人自备', 'en-US': 'Provided by the applicant' },
  government: { 'zh-CN': '政府部门核发', 'en-US': 'Issued by a government body' },
};

/** Upload formats; OFD is China's fixed-layout document format (GB/T 33190). */
export const materialFormats = ['pdf', 'jpg', 'png', 'ofd'] as const;
export type MaterialFormat = (typeof materialFormats)[number];

export const workflowStepKeys = ['accept', 'review', 'inspect', 'decide', 'countersign', 'complete'] as const;
export type WorkflowStepKey = (typeof workflowStepKeys)[number];
export const workflowStepNames: Labels<WorkflowStepKey> = {
  accept: { 'zh-CN': '受理', 'en-US': 'Acceptance' },
  review: { 'zh-CN': '审查', 'en-US': 'Review' },
  inspect: { 'zh-CN': '现场勘验', 'en-US': 'On-site inspection' },
  decide: { 'zh-CN': '决定', 'en-US': 'Decision' },
  countersign: { 'zh-CN': '会签', 'en-US': 'Countersignature' },
  complete: { 'zh-CN': '办结', 'en-US': 'Completion' },
};

export const itemVersionStatuses = ['draft', 'review', 'published', 'retired'] as const;
export type ItemVersionStatus = (typeof itemVersionStatuses)[number];
export const itemVersionStatusNames: Labels<ItemVersionStatus> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  review: { 'zh-CN': '待审核', 'en-US': 'In review' },
  published: { 'zh-CN': '已发布', 'en-US': 'Published' },
  retired: { 'zh-CN': '已废止', 'en-US': 'Retired' },
};

/** What may happen to a version; `supersede` is the platform retiring a version when its successor takes effect. */
export const itemVersionActions = ['create', 'edit', 'submit', 'withdraw', 'approve', 'reject', 'retire', 'discard', 'supersede'] as const;
export type ItemVersionAction = (typeof itemVersionActions)[number];
export const itemVersionActionNames: Labels<ItemVersionAction> = {
  create: { 'zh-CN': '新建草稿', 'en-US': 'Draft created' },
  edit: { 'zh-CN': '修改草稿', 'en-US': 'Draft edited' },
  submit: { 'zh-CN': '提交审核', 'en-US': 'Submitted for review' },
  withdraw: { 'zh-CN': '撤回审核', 'en-US': 'Withdrawn from review' },
  approve: { 'zh-CN': '审核通过并发布', 'en-US': 'Approved and published' },
  reject: { 'zh-CN': '退回修改', 'en-US': 'Sent back' },
  retire: { 'zh-CN': '废止', 'en-US': 'Retired' },
  discard: { 'zh-CN': '删除草稿', 'en-US': 'Draft deleted' },
  supersede: { 'zh-CN': '被新版本替代', 'en-US': 'Superseded by a newer version' },
};

// ---------------------------------------------------------------- element schemas (GB/T 39554)

// Line breaks and tabs are text in a guide; other control characters are not.
function hasControlChars(v: string): boolean {
  return Array.from(v).some((c) => {
    const n = c.codePointAt(0) ?? 0;
    return (n < 32 && n !== 9 && n !== 10 && n !== 13) || n === 127;
  });
}

// Names are counted in code points so a 生僻字 outside the BMP (𠮷) counts as one character.
function text(max: number) {
  return z
    .string()
    .trim()
    .refine((v) => Array.from(v).length <= max, 'too_big')
    .refine((v) => !hasControlChars(v), 'catalogue.controlChars');
}
function requiredText(max: number) {
  return text(max).refine((v) => v.length > 0, 'required');
}

/** 基本编码: shared by every implementer of the item; digits and capital letters (national catalogue codes). */
export const basicCodeSchema = z.string().trim().transform((v) => v.normalize('NFKC').toUpperCase()).pipe(z.string().regex(/^[0-9A-Z]{8,20}$/, 'catalogue.basicCode'));
export const serviceItemNameSchema = requiredText(100);
export const lifeEventCodeSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'catalogue.lifeEventCode');
/** Keywords and aliases are at least two characters: a single character would match nearly everything. */
const searchWord = z
  .string()
  .trim()
  .refine((v) => Array.from(v).length >= 2, 'catalogue.wordTooShort')
  .refine((v) => Array.from(v).length <= 30, 'too_big');
const wordList = z
  .array(searchWord)
  .max(30, 'too_big')
  .refine((list) => new Set(list).size === list.length, 'catalogue.wordRepeated');

export const legalBasis = z.object({
  /** The law, regulation or rule, with its title marks: 《中华人民共和国户口登记条例》. */
  name: requiredText(200),
  /** The article: 第七条. */
  article: text(100).default(''),
  /** The article's words, as the guide quotes them. */
  excerpt: text(4000).default(''),
});
export type LegalBasis = z.infer<typeof legalBasis>;

export const timeLimit = z.object({
  days: z.number().int().min(0, 'too_small').max(3650, 'too_big'),
  unit: z.enum(limitUnits),
  note: text(200).default(''),
});
export type TimeLimit = z.infer<typeof timeLimit>;

export const feeInfo = z
  .object({
    isCharged: z.boolean(),
    /** 收费依据 (the pricing document), required when the item is charged. */
    basis: text(500).nullable().default(null),
    /** In fen (分): 2000 = ¥20.00. */
    amountFen: z.number().int().min(0, 'too_small').max(100_000_000, 'too_big').nullable().default(null),
    note: text(500).default(''),
  })
  .superRefine((fee, ctx) => {
    if (!fee.isCharged) return;
    if (!fee.basis) ctx.addIssue({ code: 'custom', path: ['basis'], message: 'catalogue.feeBasisRequired' });
    if (fee.amountFen === null) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'catalogue.feeAmountRequired' });
  });
export type FeeInfo = z.infer<typeof feeInfo>;

const urlOrNull = z
  .string()
  .trim()
  .max(500, 'too_big')
  .regex(/^(https?:\/\/|\/)\S+$/, 'url.invalid')
  .nullable()
  .default(null);

export const material = z.object({
  key: formFieldKeySchema,
  name: requiredText(200),
  source: z.enum(materialSources),
  /** Who issues a government-source material (出生医学证明: 助产机构), so staff can fetch it instead of asking. */
  issuer: text(100).default(''),
  originals: z.number().int().min(0, 'too_small').max(20, 'too_big').default(0),
  copies: z.number().int().min(0, 'too_small').max(20, 'too_big').default(0),
  formats: z.array(z.enum(materialFormats)).min(1, 'too_small').default(['pdf', 'jpg', 'png']),
  maxSizeMb: z.number().int().min(1, 'too_small').max(50, 'too_big').default(10),
  isRequired: z.boolean().default(true),
  /** 容缺: may be handed in after acceptance (needs allowsGaps on the version). */
  canBeGap: z.boolean().default(false),
  /** 告知承诺: a signed promise may replace it (needs allowsPledge on the version). */
  canBePledged: z.boolean().default(false),
  blankFormUrl: urlOrNull,
  sampleUrl: urlOrNull,
  /** 电子证照 type code when the material is a licence the platform may hold (免证办). */
  licenseTypeCode: z.string().trim().max(40, 'too_big').nullable().default(null),
  note: text(500).default(''),
  /** Asked only when the form has this answer (委托代理人办理的 → 授权委托书). */
  appliesWhen: formCondition.optional(),
});
export type Material = z.infer<typeof material>;

export const workflowStep = z.object({
  key: z.enum(workflowStepKeys),
  name: requiredText(30),
  role: z.enum(staffRoles),
  /** countersign: the departments that must each sign. Other steps: their own department (empty). */
  departmentIds: z.array(z.uuid('invalid_format')).max(10, 'too_big').default([]),
  isOptional: z.boolean().default(false),
  /** The step's share of the promised limit, in working days; informative for the workbench. */
  limitDays: z.number().int().min(0, 'too_small').max(365, 'too_big').nullable().default(null),
});
export type WorkflowStep = z.infer<typeof workflowStep>;

export const workflowDefinition = z.object({
  steps: z.array(workflowStep).min(2, 'too_small').max(12, 'too_big'),
  /** 特别程序 (听证、招标、检验检测、专家评审 …): time spent in it is not counted in the limit. */
  allowsSpecialProcedure: z.boolean().default(false),
  specialProcedureNote: text(500).default(''),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinition>;

/** Placeholders a decision letter may use besides {{form.<key>}} and {{result.<key>}}; the cases domain fills them. */
export const resultTemplatePlaceholders = ['caseNumber', 'applicantName', 'itemName', 'departmentName', 'regionName', 'decidedAt', 'acceptedAt'] as const;

/** The {{placeholders}} a template uses, in order of first appearance. */
export function templatePlaceholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g), (m) => m[1] ?? ''))];
}

/** The elements of one version that an editor writes (everything of GB/T 39554 that may differ locally). */
export const itemVersionElementsShape = z.object({
  acceptanceConditions: requiredText(4000),
  /** Null when no law sets a limit (most 公共服务). */
  legalLimit: timeLimit.nullable(),
  promisedLimit: timeLimit,
  caseKind: z.enum(caseKinds),
  channels: z
    .array(z.enum(serviceChannels))
    .min(1, 'too_small')
    .refine((list) => new Set(list).size === list.length, 'catalogue.wordRepeated'),
  /** 到办事现场次数. */
  visitsRequired: z.number().int().min(0, 'too_small').max(10, 'too_big'),
  fees: feeInfo,
  location: requiredText(300),
  hours: requiredText(300),
  consultPhone: requiredText(50),
  complaintPhone: requiredText(50),
  allowsPledge: z.boolean(),
  allowsGaps: z.boolean(),
  materials: z.array(material).max(60, 'too_big'),
  form: formSchema,
  workflow: workflowDefinition,
  resultFields: z.array(formField).max(50, 'too_big'),
  resultTemplate: text(20_000),
  /** 变更说明: what this version changes, shown in the review queue. */
  changeNote: text(1000).default(''),
});
export type ItemVersionElements = z.infer<typeof itemVersionElementsShape>;

function daysAsWorking(limit: TimeLimit): number {
  // A calendar week holds five working days; good enough to catch a promise longer than the law allows.
  return limit.unit === 'workingDay' ? limit.days : Math.floor((limit.days * 5) / 7);
}

/** The rules between elements (the database checks each element alone): one list, used by the API and the import. */
export function itemVersionElementIssues(v: ItemVersionElements): FormIssue[] {
  const issues: FormIssue[] = [];
  if (v.legalLimit && daysAsWorking(v.promisedLimit) > daysAsWorking(v.legalLimit)) issues.push({ field: 'promisedLimit.days', code: 'catalogue.promisedOverLegal' });
  if (v.caseKind === 'immediate' && v.promisedLimit.days !== 0) issues.push({ field: 'promisedLimit.days', code: 'catalogue.immediateLimit' });
  if (v.caseKind === 'promised' && v.promisedLimit.days === 0) issues.push({ field: 'promisedLimit.days', code: 'catalogue.promisedLimitZero' });
  if (v.visitsRequired === 0 && !v.channels.some((c) => c !== 'window')) issues.push({ field: 'visitsRequired', code: 'catalogue.zeroVisitsNeedsRemote' });

  const formKeys = new Set(v.form.fields.map((f) => f.key));
  issues.push(...formDefinitionIssues(v.form));
  const materialKeys = new Set<string>();
  v.materials.forEach((m, i) => {
    const at = `materials.${i}`;
    if (materialKeys.has(m.key)) issues.push({ field: `${at}.key`, code: 'catalogue.materialKeyTaken' });
    materialKeys.add(m.key);
    if (m.canBeGap && !v.allowsGaps) issues.push({ field: `${at}.canBeGap`, code: 'catalogue.gapNotAllowed' });
    if (m.canBeGap && !m.isRequired) issues.push({ field: `${at}.canBeGap`, code: 'catalogue.gapOnlyRequired' });
    if (m.canBePledged && !v.allowsPledge) issues.push({ field: `${at}.canBePledged`, code: 'catalogue.pledgeNotAllowed' });
    if (m.originals + m.copies === 0 && !v.channels.includes('online')) issues.push({ field: `${at}.copies`, code: 'catalogue.materialNoCopies' });
    if (m.appliesWhen && !formKeys.has(m.appliesWhen.field)) issues.push({ field: `${at}.appliesWhen.field`, code: 'catalogue.conditionField' });
  });
  if (v.allowsGaps && !v.materials.some((m) => m.canBeGap)) issues.push({ field: 'allowsGaps', code: 'catalogue.gapsWithoutMaterial' });
  if (v.allowsGaps && v.caseKind === 'immediate') issues.push({ field: 'allowsGaps', code: 'catalogue.gapsNotImmediate' });
  if (v.allowsPledge && !v.materials.some((m) => m.canBePledged)) issues.push({ field: 'allowsPledge', code: 'catalogue.pledgeWithoutMaterial' });

  const steps = v.workflow.steps;
  if (steps[0]?.key !== 'accept') issues.push({ field: 'workflow.steps.0.key', code: 'catalogue.workflowStart' });
  if (steps.at(-1)?.key !== 'complete') issues.push({ field: `workflow.steps.${steps.length - 1}.key`, code: 'catalogue.workflowEnd' });
  const stepKeys = new Set<string>();
  steps.forEach((s, i) => {
    if (stepKeys.has(s.key)) issues.push({ field: `workflow.steps.${i}.key`, code: 'catalogue.stepRepeated' });
    stepKeys.add(s.key);
    if (s.key === 'countersign' && s.departmentIds.length === 0) issues.push({ field: `workflow.steps.${i}.departmentIds`, code: 'catalogue.countersignDepartments' });
    if (s.isOptional && (s.key === 'accept' || s.key === 'complete')) issues.push({ field: `workflow.steps.${i}.isOptional`, code: 'catalogue.stepNotOptional' });
  });
  if (v.caseKind === 'promised' && !stepKeys.has('decide')) issues.push({ field: 'workflow.steps', code: 'catalogue.workflowNeedsDecision' });

  issues.push(...formDefinitionIssues({ fields: v.resultFields }, 'resultFields'));
  const resultKeys = new Set(v.resultFields.map((f) => f.key));
  const system = new Set<string>(resultTemplatePlaceholders);
  for (const name of templatePlaceholders(v.resultTemplate)) {
    const [scope, key] = name.split('.', 2);
    const isKnown = key === undefined ? system.has(name) : (scope === 'form' && formKeys.has(key)) || (scope === 'result' && resultKeys.has(key));
    if (!isKnown) {
      issues.push({ field: 'resultTemplate', code: 'catalogue.placeholderUnknown' });
      break;
    }
  }
  return issues;
}

export const itemVersionElements = itemVersionElementsShape.superRefine((v, ctx) => {
  for (const issue of itemVersionElementIssues(v)) ctx.addIssue({ code: 'custom', path: issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: issue.code });
});

// ---------------------------------------------------------------- service items (基本目录)

export const serviceItemInput = z.object({
  basicCode: basicCodeSchema,
  name: serviceItemNameSchema,
  type: z.enum(serviceItemTypes),
  powerSource: z.enum(powerSources),
  basis: z.array(legalBasis).min(1, 'too_small').max(20, 'too_big'),
  audience: z.enum(serviceAudiences),
  lifeEvents: z.array(lifeEventCodeSchema).max(10, 'too_big').default([]),
  keywords: wordList.default([]),
  /** Everyday names people search for (营业执照 → 个体工商户设立登记). */
  aliases: wordList.default([]),
  /** 行业主管部门类别: 公安, 市场监管, 人力资源社会保障 … */
  departmentCategory: requiredText(30),
  description: text(2000).default(''),
  sort: z.number().int().min(0, 'too_small').max(999_999, 'too_big').default(0),
});
export type ServiceItemInput = z.infer<typeof serviceItemInput>;

export const createServiceItemInput = serviceItemInput.extend({
  /** The catalogue the item belongs to (default: the editor's own region). */
  regionCode: regionCodeSchema.optional(),
});
export type CreateServiceItemInput = z.infer<typeof createServiceItemInput>;

export const updateServiceItemInput = serviceItemInput.partial().extend({ version: versionSchema });
export type UpdateServiceItemInput = z.infer<typeof updateServiceItemInput>;

const departmentRef = z.object({ id: z.string(), name: z.string(), creditCode: z.string() });
export type CatalogueDepartmentRef = z.infer<typeof departmentRef>;
const regionRefFull = z.object({ code: z.string(), name: z.string(), fullName: z.string(), level: z.enum(regionLevels) });
export type CatalogueRegionRef = z.infer<typeof regionRefFull>;

export const serviceItemView = z.object({
  id: z.string(),
  basicCode: z.string(),
  name: z.string(),
  type: z.enum(serviceItemTypes),
  powerSource: z.enum(powerSources),
  basis: z.array(legalBasis),
  audience: z.enum(serviceAudiences),
  lifeEvents: z.array(z.string()),
  keywords: z.array(z.string()),
  aliases: z.array(z.string()),
  departmentCategory: z.string(),
  description: z.string(),
  sort: z.number().int(),
  /** The catalogue (region) that defines the item; editors of that region maintain it. */
  regionCode: z.string(),
  implementationCount: z.number().int(),
  /** Implementations with a version in force now. */
  publishedCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceItemView = z.infer<typeof serviceItemView>;

export const serviceItemListQuery = pageQuery.extend({
  q: z.string().trim().max(50, 'too_big').optional(),
  type: z.enum(serviceItemTypes).optional(),
  audience: z.enum(serviceAudiences).optional(),
  lifeEvent: lifeEventCodeSchema.optional(),
  /** Items this department implements. */
  departmentId: z.uuid('invalid_format').optional(),
});
export type ServiceItemListQuery = z.infer<typeof serviceItemListQuery>;

// ---------------------------------------------------------------- implementations (实施清单)

export const createImplementationInput = z.object({
  departmentId: z.uuid('invalid_format'),
  /** Default: the department's own region. */
  regionCode: regionCodeSchema.optional(),
});
export type CreateImplementationInput = z.infer<typeof createImplementationInput>;

export const updateImplementationInput = z.object({
  isActive: z.boolean().optional(),
  version: versionSchema,
});
export type UpdateImplementationInput = z.infer<typeof updateImplementationInput>;

const versionSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(itemVersionStatuses),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
});
export type ItemVersionSummary = z.infer<typeof versionSummary>;

export const implementationView = z.object({
  id: z.string(),
  serviceItemId: z.string(),
  serviceItemName: z.string(),
  /** 实施编码: the implementer's 统一社会信用代码 + 基本编码 + a 2-digit serial. */
  implementationCode: z.string(),
  serial: z.number().int(),
  department: departmentRef,
  region: regionRefFull,
  isActive: z.boolean(),
  /** The version in force now, if any. */
  current: versionSummary.nullable(),
  /** The newest version that is not yet published (draft or in review), if any. */
  pending: versionSummary.nullable(),
  /** A published version waiting for its effective date, if any. */
  scheduled: versionSummary.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImplementationView = z.infer<typeof implementationView>;

// ---------------------------------------------------------------- versions (what a case is filed under)

/** The item as it was defined when the version was published (a case keeps the basis it was decided on). */
export const itemSnapshot = z.object({
  id: z.string(),
  basicCode: z.string(),
  name: z.string(),
  type: z.enum(serviceItemTypes),
  powerSource: z.enum(powerSources),
  basis: z.array(legalBasis),
  audience: z.enum(serviceAudiences),
  departmentCategory: z.string(),
});
export type ItemSnapshot = z.infer<typeof itemSnapshot>;

export const itemVersionView = itemVersionElementsShape.extend({
  id: z.string(),
  implementationId: z.string(),
  /** 1, 2, … per implementation. */
  version: z.number().int(),
  status: z.enum(itemVersionStatuses),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  /** Published and effectiveFrom ≤ now < effectiveTo. */
  isInForce: z.boolean(),
  serviceItem: itemSnapshot,
  implementation: z.object({
    id: z.string(),
    implementationCode: z.string(),
    department: departmentRef,
    region: regionRefFull,
  }),
  /** Optimistic concurrency token for draft edits (`version` is the version number). */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemVersionView = z.infer<typeof itemVersionView>;

export const itemVersionHistoryEntry = z.object({
  action: z.enum(itemVersionActions),
  fromStatus: z.enum(itemVersionStatuses).nullable(),
  toStatus: z.enum(itemVersionStatuses).nullable(),
  actorName: z.string(),
  note: z.string(),
  at: z.string(),
});
export type ItemVersionHistoryEntry = z.infer<typeof itemVersionHistoryEntry>;

/** The staff view: the version with its review history and what the reader may do next. */
export const itemVersionDetail = itemVersionView.extend({
  submittedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  history: z.array(itemVersionHistoryEntry),
  allowedActions: z.array(z.enum(itemVersionActions)),
});
export type ItemVersionDetail = z.infer<typeof itemVersionDetail>;

export const itemVersionListItem = versionSummary.extend({
  implementationId: z.string(),
  implementationCode: z.string(),
  serviceItemId: z.string(),
  serviceItemName: z.string(),
  department: departmentRef,
  region: regionRefFull,
  changeNote: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ItemVersionListItem = z.infer<typeof itemVersionListItem>;

export const itemVersionListQuery = pageQuery.extend({
  status: z.enum(itemVersionStatuses).optional(),
  implementationId: z.uuid('invalid_format').optional(),
  departmentId: z.uuid('invalid_format').optional(),
});
export type ItemVersionListQuery = z.infer<typeof itemVersionListQuery>;

export const createDraftInput = z.object({
  /** Copy the elements from this version (default: the newest version of the implementation). */
  fromVersionId: z.uuid('invalid_format').optional(),
});
export type CreateDraftInput = z.infer<typeof createDraftInput>;

export const updateDraftInput = z.object({ elements: itemVersionElements, revision: versionSchema });
export type UpdateDraftInput = z.infer<typeof updateDraftInput>;

export const revisionInput = z.object({ revision: versionSchema, note: text(1000).default('') });
export type RevisionInput = z.infer<typeof revisionInput>;

export const approveVersionInput = z.object({
  revision: versionSchema,
  /** When the version takes effect (default: now); the version in force until then retires at that moment. */
  effectiveFrom: z.iso.datetime({ offset: true, message: 'invalid_format' }).optional(),
  note: text(1000).default(''),
});
export type ApproveVersionInput = z.infer<typeof approveVersionInput>;

export const rejectVersionInput = z.object({ revision: versionSchema, reason: requiredText(1000) });
export type RejectVersionInput = z.infer<typeof rejectVersionInput>;

// ---------------------------------------------------------------- 四级四同 report

export const differenceKinds = ['mustMatch', 'local'] as const;
export const implementationDifferences = z.object({
  serviceItem: z.object({ id: z.string(), basicCode: z.string(), name: z.string() }),
  implementations: z.array(
    z.object({
      id: z.string(),
      implementationCode: z.string(),
      department: departmentRef,
      region: regionRefFull,
      versionId: z.string().nullable(),
      version: z.number().int().nullable(),
    }),
  ),
  elements: z.array(
    z.object({
      element: z.string(),
      label: bilingualText,
      /** mustMatch: 四级四同 (name, code, basis, type); local: may differ by implementer. */
      kind: z.enum(differenceKinds),
      isUniform: z.boolean(),
      /** mustMatch and not uniform (or not as the item defines it). */
      isViolation: z.boolean(),
      groups: z.array(z.object({ value: z.string(), implementationIds: z.array(z.string()), isAsDefined: z.boolean().nullable() })),
    }),
  ),
  violationCount: z.number().int(),
  /** Implementations without a version in force are listed but not compared. */
  notComparedIds: z.array(z.string()),
});
export type ImplementationDifferences = z.infer<typeof implementationDifferences>;

// ---------------------------------------------------------------- portal: life events, search, guide

export const lifeEventAudiences = ['person', 'enterprise'] as const;
export const lifeEventView = z.object({
  code: z.string(),
  name: bilingualText,
  audience: z.enum(lifeEventAudiences),
  sort: z.number().int(),
  /** Items offered now under this event. */
  itemCount: z.number().int(),
});
export type LifeEventView = z.infer<typeof lifeEventView>;

export const serviceSearchQuery = pageQuery.extend({
  q: z.string().trim().max(50, 'too_big').optional(),
  audience: z.enum(lifeEventAudiences).optional(),
  lifeEvent: lifeEventCodeSchema.optional(),
  departmentId: z.uuid('invalid_format').optional(),
  /** Items offered to people of this region: implemented here, above (the city serves its counties) or below. */
  regionCode: regionCodeSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type ServiceSearchQuery = z.infer<typeof serviceSearchQuery>;

export const searchMatchKinds = ['name', 'alias', 'keyword', 'department', 'partial'] as const;
export type SearchMatchKind = (typeof searchMatchKinds)[number];

export const offeredImplementation = z.object({
  id: z.string(),
  versionId: z.string(),
  department: z.object({ id: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  caseKind: z.enum(caseKinds),
  promisedLimit: timeLimit,
  channels: z.array(z.enum(serviceChannels)),
  visitsRequired: z.number().int(),
  isCharged: z.boolean(),
  allowsPledge: z.boolean(),
  allowsGaps: z.boolean(),
});
export type OfferedImplementation = z.infer<typeof offeredImplementation>;

export const serviceSearchHit = z.object({
  id: z.string(),
  basicCode: z.string(),
  name: z.string(),
  type: z.enum(serviceItemTypes),
  audience: z.enum(serviceAudiences),
  lifeEvents: z.array(z.string()),
  description: z.string(),
  /** How the query found the item (null when browsing without a query). */
  matchedBy: z.enum(searchMatchKinds).nullable(),
  /** The alias, keyword or department name that matched, to show "营业执照 → 个体工商户设立登记". */
  matchedTerm: z.string().nullable(),
  implementations: z.array(offeredImplementation),
});
export type ServiceSearchHit = z.infer<typeof serviceSearchHit>;

const facetCount = z.object({ count: z.number().int() });
export const serviceSearchResult = z.object({
  items: z.array(serviceSearchHit),
  total: z.number().int(),
  /** Counts under the other filters (each facet ignores its own filter, so choices stay visible). */
  facets: z.object({
    lifeEvents: z.array(facetCount.extend({ code: z.string(), name: bilingualText })),
    departments: z.array(facetCount.extend({ id: z.string(), name: z.string() })),
    audiences: z.array(facetCount.extend({ audience: z.enum(lifeEventAudiences) })),
  }),
  /** The words searched after dropping filler such as 怎么办理 (empty when browsing). */
  searchedFor: z.string(),
});
export type ServiceSearchResult = z.infer<typeof serviceSearchResult>;

export const serviceGuideQuery = z.object({
  /** The applicant's region: the implementation nearest to it (county before city) is chosen. */
  regionCode: regionCodeSchema.optional(),
  implementationId: z.uuid('invalid_format').optional(),
});

/** 办事指南: the published version in force, for the public. */
export const serviceGuide = itemVersionView.omit({ revision: true }).extend({
  serviceItem: itemSnapshot.extend({ lifeEvents: z.array(z.string()), description: z.string() }),
  /** Other implementers of the same item the applicant may choose instead. */
  otherImplementations: z.array(z.object({ id: z.string(), department: z.object({ id: z.string(), name: z.string() }), region: z.object({ code: z.string(), name: z.string() }) })),
});
export type ServiceGuide = z.infer<typeof serviceGuide>;

// ---------------------------------------------------------------- Excel (one row per implementation)

/** Column headers of the catalogue sheet 事项; rows are matched by 基本编码 + 实施部门统一社会信用代码. */
export const catalogueSheetColumns = {
  basicCode: '基本编码',
  name: '事项名称',
  type: '事项类型',
  powerSource: '权力来源',
  audience: '服务对象',
  basis: '设定依据',
  lifeEvents: '主题分类',
  keywords: '关键词',
  aliases: '别名',
  departmentCategory: '行业类别',
  departmentCreditCode: '实施主体统一社会信用代码',
  /** Export only; ignored on import. */
  departmentName: '实施主体',
  regionCode: '实施区划代码',
  /** Export only; ignored on import. */
  implementationCode: '实施编码',
  /** Export only: the version the row shows. */
  versionLabel: '版本',
  acceptanceConditions: '受理条件',
  legalLimit: '法定办结时限',
  promisedLimit: '承诺办结时限',
  caseKind: '办件类型',
  channels: '办理形式',
  visitsRequired: '到办事现场次数',
  isCharged: '是否收费',
  feeBasis: '收费依据',
  feeAmount: '收费标准(元)',
  location: '办理地点',
  hours: '办理时间',
  consultPhone: '咨询电话',
  complaintPhone: '监督投诉电话',
  allowsPledge: '告知承诺',
  allowsGaps: '容缺受理',
} as const;

/** Column headers of the optional sheet 申请材料; a present sheet replaces the materials of the implementations it names. */
export const materialSheetColumns = {
  basicCode: '基本编码',
  departmentCreditCode: '实施主体统一社会信用代码',
  name: '材料名称',
  source: '材料来源',
  originals: '原件份数',
  copies: '复印件份数',
  formats: '文件格式',
  isRequired: '是否必要',
  canBeGap: '可容缺',
  canBePledged: '可告知承诺',
  note: '填报须知',
} as const;

export const catalogueSheetNames = { items: '事项', materials: '申请材料' } as const;

// ---------------------------------------------------------------- messages

const catalogueMessagesZh = {
  'catalogue.controlChars': '不能包含控制字符',
  'catalogue.basicCode': '基本编码应为 8–20 位数字或大写字母',
  'catalogue.lifeEventCode': '主题代码为小写字母、数字和连字符',
  'catalogue.lifeEventUnknown': '没有这个主题分类',
  'catalogue.wordTooShort': '关键词和别名至少 2 个字',
  'catalogue.wordRepeated': '有重复的项',
  'catalogue.fieldKey': '字段标识以小写字母开头,只含字母和数字,最长 40 位',
  'catalogue.fieldKeyTaken': '字段标识重复',
  'catalogue.optionsRequired': '下拉和单选字段需要至少一个选项',
  'catalogue.optionTaken': '选项值重复',
  'catalogue.minAboveMax': '最小值不能大于最大值',
  'catalogue.patternInvalid': '校验规则不是有效的正则表达式',
  'catalogue.conditionShape': '显示条件应给出“等于”或“属于”之一',
  'catalogue.conditionField': '显示条件只能引用排在前面的字段',
  'catalogue.feeBasisRequired': '收费事项应填写收费依据',
  'catalogue.feeAmountRequired': '收费事项应填写收费标准',
  'catalogue.promisedOverLegal': '承诺办结时限不能超过法定办结时限',
  'catalogue.immediateLimit': '即办件的承诺办结时限应为 0(当场办结)',
  'catalogue.promisedLimitZero': '承诺件的承诺办结时限至少 1 天;当场办结的请选择即办件',
  'catalogue.zeroVisitsNeedsRemote': '“零跑动”事项应支持网上办理或快递申请',
  'catalogue.materialKeyTaken': '材料标识重复',
  'catalogue.gapNotAllowed': '本事项未开启容缺受理,材料不能设为可容缺',
  'catalogue.gapOnlyRequired': '只有必要材料才能设为可容缺',
  'catalogue.pledgeNotAllowed': '本事项未开启告知承诺,材料不能设为可承诺',
  'catalogue.materialNoCopies': '只能窗口或快递提交的材料应至少要求 1 份原件或复印件',
  'catalogue.gapsWithoutMaterial': '开启容缺受理时,应至少有一项材料可容缺',
  'catalogue.gapsNotImmediate': '即办件当场办结,不能容缺后补;需要容缺受理的事项请设为承诺件',
  'catalogue.pledgeWithoutMaterial': '开启告知承诺时,应至少有一项材料可以承诺代替',
  'catalogue.workflowStart': '办理流程应从“受理”开始',
  'catalogue.workflowEnd': '办理流程应以“办结”结束',
  'catalogue.stepRepeated': '办理环节重复',
  'catalogue.countersignDepartments': '会签环节应指定会签部门',
  'catalogue.stepNotOptional': '受理和办结环节不能设为可选',
  'catalogue.workflowNeedsDecision': '承诺件的办理流程应包含“决定”环节',
  'catalogue.placeholderUnknown': '文书模板中有未知的占位符',
  'catalogue.itemNotFound': '事项不存在',
  'catalogue.basicCodeTaken': '该基本编码已被其他事项使用',
  'catalogue.nameTaken': '同一目录中已有同名事项',
  'catalogue.itemInUse': '该事项已有实施清单,不能删除',
  'catalogue.implementationNotFound': '实施清单不存在',
  'catalogue.implementationTaken': '该部门已实施本事项',
  'catalogue.implementationInUse': '该实施清单已有发布过的版本,不能删除,请改为停用',
  'catalogue.departmentNotFound': '部门不存在或已停用',
  'catalogue.departmentRegion': '实施区划应是部门所属区划或其下级',
  'catalogue.versionNotFound': '事项版本不存在',
  'catalogue.draftExists': '该实施清单已有未发布的版本(第 {version} 版),请在该版本上修改',
  'catalogue.transitionNotAllowed': '当前状态下不能执行此操作',
  'catalogue.ownSubmission': '不能审核自己提交的版本,请由另一位审核人员办理',
  'catalogue.effectiveTooEarly': '生效时间不能早于当前时间,也不能早于在先版本的生效时间',
  'catalogue.implementationInactive': '该实施清单已停用',
  'catalogue.notPublished': '该事项暂未发布办事指南',
  'catalogue.implementationBasicCode': '实施编码应包含本事项的基本编码',
  'catalogue.sheetItemMismatch': '同一基本编码的各行,事项名称、类型、依据等应一致(四级四同)',
  'catalogue.typeUnknown': '事项类型应为 行政许可、行政给付、行政确认、行政征收、行政裁决、行政奖励、其他行政权力 或 公共服务',
  'catalogue.powerSourceUnknown': '权力来源应为 法定本级行使、上级下放、上级授权、上级委托、同级授权 或 同级委托',
  'catalogue.audienceUnknown': '服务对象应为 自然人、法人 或 自然人、法人',
  'catalogue.limitFormat': '时限应写作“20个工作日”或“30个自然日”,无法定时限的留空',
  'catalogue.caseKindUnknown': '办件类型应为 即办件 或 承诺件',
  'catalogue.channelUnknown': '办理形式应为 窗口办理、网上办理、快递申请,多个用“、”分隔',
  'catalogue.yesNo': '应填写 是 或 否',
  'catalogue.amountFormat': '收费标准应为金额(元),最多两位小数',
  'catalogue.numberFormat': '应为 0–20 的整数',
  'catalogue.sourceUnknown': '材料来源应为 申请人自备 或 政府部门核发',
  'catalogue.formatUnknown': '文件格式应为 pdf、jpg、png、ofd,多个用“、”分隔',
  'catalogue.materialRowWithoutItem': '事项表中没有这一基本编码和实施主体的行',
  'catalogue.basisFormat': '设定依据每行一条,写作“《法律名称》第X条”',
  'catalogue.unfilled': '提交审核前请填写此项',
  'catalogue.notYours': '您无权修改该事项或该部门的实施清单',
  'catalogue.pendingReview': '该实施清单有待审核的版本,审核完成前不能导入修改',
  'catalogue.materialsColumn': '申请材料有误',
  'catalogue.invalidStored': '该版本的内容不完整,请先修改草稿',
} as const;

export type CatalogueMessageKey = keyof typeof catalogueMessagesZh;

/** Field and detail messages of the catalogue (registered by the server at start-up). */
export const catalogueMessages: Readonly<Record<Locale, Readonly<Record<CatalogueMessageKey, string>>>> = {
  'zh-CN': catalogueMessagesZh,
  'en-US': {
    'catalogue.controlChars': 'Must not contain control characters',
    'catalogue.basicCode': 'Basic codes have 8–20 digits or capital letters',
    'catalogue.lifeEventCode': 'Life-event codes use lower-case letters, digits and hyphens',
    'catalogue.lifeEventUnknown': 'No such life event',
    'catalogue.wordTooShort': 'Keywords and aliases have at least two characters',
    'catalogue.wordRepeated': 'Contains a repeated entry',
    'catalogue.fieldKey': 'Field keys start with a lower-case letter and hold up to 40 letters and digits',
    'catalogue.fieldKeyTaken': 'Repeated field key',
    'catalogue.optionsRequired': 'Select and radio fields need at least one option',
    'catalogue.optionTaken': 'Repeated option value',
    'catalogue.minAboveMax': 'The minimum must not exceed the maximum',
    'catalogue.patternInvalid': 'Not a valid regular expression',
    'catalogue.conditionShape': 'A condition gives either "equals" or "in"',
    'catalogue.conditionField': 'A condition may only refer to an earlier field',
    'catalogue.feeBasisRequired': 'A charged item needs its pricing basis',
    'catalogue.feeAmountRequired': 'A charged item needs its amount',
    'catalogue.promisedOverLegal': 'The promised time limit must not exceed the statutory one',
    'catalogue.immediateLimit': 'Items decided on the spot have a promised limit of 0',
    'catalogue.promisedLimitZero': 'A promised limit of at least 1 day is needed; choose "decided on the spot" otherwise',
    'catalogue.zeroVisitsNeedsRemote': 'An item needing no visit must be available online or by post',
    'catalogue.materialKeyTaken': 'Repeated material key',
    'catalogue.gapNotAllowed': 'Enable acceptance with gaps on the item first',
    'catalogue.gapOnlyRequired': 'Only required materials can be handed in later',
    'catalogue.pledgeNotAllowed': 'Enable pledges on the item first',
    'catalogue.materialNoCopies': 'A material handed in on paper needs at least one original or copy',
    'catalogue.gapsWithoutMaterial': 'Acceptance with gaps needs at least one material that may be handed in later',
    'catalogue.gapsNotImmediate': 'An on-the-spot service is completed at once and cannot take materials later; make it a promised-time service to allow gaps',
    'catalogue.pledgeWithoutMaterial': 'Pledges need at least one material a pledge may replace',
    'catalogue.workflowStart': 'The workflow starts with acceptance',
    'catalogue.workflowEnd': 'The workflow ends with completion',
    'catalogue.stepRepeated': 'Repeated step',
    'catalogue.countersignDepartments': 'A countersign step names its departments',
    'catalogue.stepNotOptional': 'Acceptance and completion cannot be optional',
    'catalogue.workflowNeedsDecision': 'An item with a promised limit needs a decision step',
    'catalogue.placeholderUnknown': 'The letter template uses an unknown placeholder',
    'catalogue.itemNotFound': 'No such service item',
    'catalogue.basicCodeTaken': 'Another item already has this basic code',
    'catalogue.nameTaken': 'The catalogue already has an item with this name',
    'catalogue.itemInUse': 'The item has implementations and cannot be deleted',
    'catalogue.implementationNotFound': 'No such implementation',
    'catalogue.implementationTaken': 'This department already implements the item',
    'catalogue.implementationInUse': 'The implementation has published versions; deactivate it instead',
    'catalogue.departmentNotFound': 'No such active department',
    'catalogue.departmentRegion': 'The region must be the department’s own region or below it',
    'catalogue.versionNotFound': 'No such item version',
    'catalogue.draftExists': 'Version {version} is not yet published; edit that one',
    'catalogue.transitionNotAllowed': 'Not possible in the current status',
    'catalogue.ownSubmission': 'You cannot review your own submission; another reviewer must',
    'catalogue.effectiveTooEarly': 'The effective time cannot be in the past or before the previous version’s',
    'catalogue.implementationInactive': 'The implementation is deactivated',
    'catalogue.notPublished': 'No guide has been published for this item yet',
    'catalogue.implementationBasicCode': 'The implementation code must contain the item’s basic code',
    'catalogue.sheetItemMismatch': 'Rows with the same basic code must agree on name, type and basis (四级四同)',
    'catalogue.typeUnknown': 'Unknown item type',
    'catalogue.powerSourceUnknown': 'Unknown power source',
    'catalogue.audienceUnknown': 'Unknown audience',
    'catalogue.limitFormat': 'Write limits as “20个工作日” or “30个自然日”; leave blank when no law sets one',
    'catalogue.caseKindUnknown': 'Case kind is 即办件 or 承诺件',
    'catalogue.channelUnknown': 'Channels are 窗口办理, 网上办理, 快递申请, separated by 、',
    'catalogue.yesNo': 'Write 是 or 否',
    'catalogue.amountFormat': 'Amounts are in yuan with at most two decimals',
    'catalogue.numberFormat': 'A whole number from 0 to 20',
    'catalogue.sourceUnknown': 'Source is 申请人自备 or 政府部门核发',
    'catalogue.formatUnknown': 'Formats are pdf, jpg, png, ofd, separated by 、',
    'catalogue.materialRowWithoutItem': 'The item sheet has no row for this basic code and implementer',
    'catalogue.basisFormat': 'One basis per line, written “《Law》第X条”',
    'catalogue.unfilled': 'Fill this in before submitting for review',
    'catalogue.notYours': 'You may not change this item or this department’s implementation',
    'catalogue.pendingReview': 'A version of this implementation is in review; import changes after the review',
    'catalogue.materialsColumn': 'The materials are not valid',
    'catalogue.invalidStored': 'This version is incomplete; edit the draft first',
  },
};
