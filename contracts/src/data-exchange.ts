import { z } from 'zod';
import type { Locale } from './errors';
import { pageQuery } from './identity';
import { versionSchema } from './org';
import { maskingKinds, shareTypes } from './data-catalogue';

// 共享交换: share requests and demands, approvals, client credentials, the query API and its call log.
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

// ---------------------------------------------------------------- share requests (共享申请)

/**
 * A share request's life. An unconditional request needs the platform only (2 working days); a conditional one (the
 * resource or any requested field is 有条件共享) goes on to the provider (5 working days). Approval makes a grant.
 */
export const shareRequestStatuses = ['platformReview', 'providerReview', 'approved', 'refused', 'withdrawn'] as const;
export type ShareRequestStatus = (typeof shareRequestStatuses)[number];
export const shareRequestStatusNames: Labels<ShareRequestStatus> = {
  platformReview: { 'zh-CN': '待平台审核', 'en-US': 'Awaiting the platform' },
  providerReview: { 'zh-CN': '待提供方审核', 'en-US': 'Awaiting the provider' },
  approved: { 'zh-CN': '已批准', 'en-US': 'Approved' },
  refused: { 'zh-CN': '未通过', 'en-US': 'Refused' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
};
export const openShareRequestStatuses: readonly ShareRequestStatus[] = ['platformReview', 'providerReview'];

export const shareRequestActions = ['submit', 'platformApprove', 'platformRefuse', 'providerApprove', 'providerRefuse', 'withdraw'] as const;
export type ShareRequestAction = (typeof shareRequestActions)[number];
export const shareRequestActionNames: Labels<ShareRequestAction> = {
  submit: { 'zh-CN': '提交申请', 'en-US': 'Submitted' },
  platformApprove: { 'zh-CN': '平台审核通过', 'en-US': 'Approved by the platform' },
  platformRefuse: { 'zh-CN': '平台审核不通过', 'en-US': 'Refused by the platform' },
  providerApprove: { 'zh-CN': '提供方同意', 'en-US': 'Approved by the provider' },
  providerRefuse: { 'zh-CN': '提供方不同意', 'en-US': 'Refused by the provider' },
  withdraw: { 'zh-CN': '申请方撤回', 'en-US': 'Withdrawn by the requester' },
};

/** Working days each party has (REFERENCES.md example deadlines). */
export const shareDeadlineDays = { platform: 2, provider: 5, demand: 10 } as const;
/** A grant lasts at most a year; the consumer asks again after that. */
export const MAX_SHARE_PERIOD_DAYS = 366;
export const MAX_QUERY_KEYS = 100;

const text = (max: number) => z.string().trim().max(max, 'too_big');
/** Empty is "required", too short "too_small": a person learns which of the two they got wrong. */
const requiredText = (min: number, max: number) =>
  text(max).superRefine((v, ctx) => {
    if (v.length === 0) ctx.addIssue({ code: 'custom', message: 'required' });
    else if (v.length < min) ctx.addIssue({ code: 'custom', message: 'too_small' });
  });
const fieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'data.fieldKey');
const isoDate = z.iso.date('invalid_format');
const uniqueKeys = (list: readonly string[]) => new Set(list).size === list.length;

export const rateLimitSchema = z.number().int('invalid_type').min(1, 'too_small').max(10_000, 'too_big');
export const dailyQuotaSchema = z.number().int('invalid_type').min(1, 'too_small').max(100_000_000, 'too_big');

/** Days from one ISO date to another (UTC arithmetic on civil dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const createShareRequestInput = z
  .object({
    /** The published resource, by id or code (资源代码). */
    resource: text(60).min(1, 'required'),
    fields: z.array(fieldKey).min(1, 'exchange.fieldsRequired').max(200, 'too_big').refine(uniqueKeys, 'exchange.fieldsDuplicate'),
    /** Personal fields the consumer asks to receive unmasked (only a conditional request's provider may allow it). */
    unmaskedFields: z.array(fieldKey).max(200, 'too_big').default([]),
    purpose: requiredText(5, 500),
    /** Required when the resource or any requested field is shared on conditions. */
    legalBasis: text(500).default(''),
    validFrom: isoDate,
    validTo: isoDate,
    /** 预计日调用量: records per day, the platform's starting point for the daily quota. */
    expectedDailyVolume: z.number().int('invalid_type').min(1, 'too_small').max(10_000_000, 'too_big'),
  })
  .superRefine((v, ctx) => {
    const days = daysBetween(v.validFrom, v.validTo);
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'exchange.periodReversed' });
    else if (days >= MAX_SHARE_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'exchange.periodTooLong' });
    for (const key of v.unmaskedFields) {
      if (!v.fields.includes(key)) ctx.addIssue({ code: 'custom', path: ['unmaskedFields'], message: 'exchange.unmaskedNotRequested' });
    }
  });
export type CreateShareRequestInput = z.infer<typeof createShareRequestInput>;

export const shareDecisions = ['approve', 'refuse'] as const;
export type ShareDecision = (typeof shareDecisions)[number];

const decisionBase = z.object({ version: versionSchema, decision: z.enum(shareDecisions), reason: text(1000).default('') });
const reasonWhenRefused = (v: { decision: ShareDecision; reason: string }, ctx: z.RefinementCtx) => {
  if (v.decision === 'refuse' && v.reason.length === 0) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'exchange.reasonRequired' });
};

/** The platform's review (share-request.review): approve with the grant's limits, or refuse with a reason. */
export const reviewShareRequestInput = decisionBase
  .extend({ rateLimitPerSecond: rateLimitSchema.optional(), dailyQuota: dailyQuotaSchema.optional() })
  .superRefine(reasonWhenRefused);
export type ReviewShareRequestInput = z.infer<typeof reviewShareRequestInput>;

/** The provider's answer (share-request.answer): approve, choosing which personal fields may leave unmasked, or refuse. */
export const answerShareRequestInput = decisionBase.extend({ unmaskedFields: z.array(fieldKey).max(200, 'too_big').default([]) }).superRefine(reasonWhenRefused);
export type AnswerShareRequestInput = z.infer<typeof answerShareRequestInput>;

export const withdrawShareRequestInput = z.object({ version: versionSchema, reason: text(500).default('') });
export type WithdrawShareRequestInput = z.infer<typeof withdrawShareRequestInput>;

/** Which list: the consumer's own, the platform's queue, the provider's queue, or everything the reader may see. */
export const shareRequestViews = ['mine', 'review', 'answer', 'all'] as const;
export type ShareRequestListView = (typeof shareRequestViews)[number];
export const shareRequestListQuery = pageQuery.extend({
  view: z.enum(shareRequestViews).default('mine'),
  status: z.enum(shareRequestStatuses).optional(),
  q: text(60).optional(),
});
export type ShareRequestListQuery = z.infer<typeof shareRequestListQuery>;

export const shareFieldView = z.object({
  key: z.string(),
  name: z.string(),
  shareType: z.enum(shareTypes),
  masking: z.enum(maskingKinds),
});
export type ShareFieldView = z.infer<typeof shareFieldView>;

export const shareRequestHistoryEntry = z.object({
  action: z.enum(shareRequestActions),
  fromStatus: z.enum(shareRequestStatuses).nullable(),
  toStatus: z.enum(shareRequestStatuses),
  actorName: z.string().nullable(),
  departmentName: z.string().nullable(),
  note: z.string(),
  at: z.string(),
});
export type ShareRequestHistoryEntry = z.infer<typeof shareRequestHistoryEntry>;

/** What the reader may do now (the server decides; the web shows the buttons). */
export const shareRequestAllowed = z.object({ review: z.boolean(), answer: z.boolean(), withdraw: z.boolean() });

export const shareRequestSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(shareRequestStatuses),
  resourceId: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  providerDepartmentId: z.string(),
  providerName: z.string(),
  consumerDepartmentId: z.string(),
  consumerName: z.string(),
  isConditional: z.boolean(),
  fieldCount: z.number().int(),
  validFrom: z.string(),
  validTo: z.string(),
  createdAt: z.string(),
  /** The running deadline of the party that must act now, null once decided. */
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type ShareRequestSummary = z.infer<typeof shareRequestSummary>;

export const shareRequestView = shareRequestSummary.extend({
  version: z.number().int(),
  requestedBy: z.string().nullable(),
  fields: z.array(shareFieldView),
  unmaskedRequested: z.array(z.string()),
  purpose: z.string(),
  legalBasis: z.string(),
  resourceLegalBasis: z.string(),
  expectedDailyVolume: z.number().int(),
  platformDueAt: z.string().nullable(),
  providerDueAt: z.string().nullable(),
  rateLimitPerSecond: z.number().int().nullable(),
  dailyQuota: z.number().int().nullable(),
  unmaskedFields: z.array(z.string()),
  refusalReason: z.string().nullable(),
  grantId: z.string().nullable(),
  history: z.array(shareRequestHistoryEntry),
  allowed: shareRequestAllowed,
});
export type ShareRequestView = z.infer<typeof shareRequestView>;

/** A published resource as a consumer sees it when requesting: which fields may be asked for, and on what terms. */
export const shareableResourceView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  providerDepartmentId: z.string(),
  providerName: z.string(),
  shareType: z.enum(shareTypes),
  shareCondition: z.string(),
  legalBasis: z.string(),
  keyField: z.string(),
  status: z.enum(['published', 'retired']),
  fields: z.array(shareFieldView.extend({ isRequestable: z.boolean(), isPersonal: z.boolean() })),
});
export type ShareableResourceView = z.infer<typeof shareableResourceView>;
export const shareableResourceQuery = z.object({ q: text(60).min(1, 'required') });

// ---------------------------------------------------------------- demands (需求清单)

/** A demand for data not yet catalogued, addressed to the department thought to hold it (10 working days). */
export const shareDemandStatuses = ['open', 'satisfied', 'refused', 'withdrawn'] as const;
export type ShareDemandStatus = (typeof shareDemandStatuses)[number];
export const shareDemandStatusNames: Labels<ShareDemandStatus> = {
  open: { 'zh-CN': '待答复', 'en-US': 'Awaiting answer' },
  satisfied: { 'zh-CN': '已满足', 'en-US': 'Satisfied' },
  refused: { 'zh-CN': '不予满足', 'en-US': 'Refused' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
};

export const createShareDemandInput = z.object({
  providerDepartmentId: z.uuid('invalid_format'),
  title: requiredText(2, 80),
  description: requiredText(5, 2000),
  /** The information items wanted, in the consumer's words. */
  fieldsWanted: text(1000).default(''),
  purpose: requiredText(2, 500),
});
export type CreateShareDemandInput = z.infer<typeof createShareDemandInput>;

export const answerShareDemandInput = z
  .object({
    version: versionSchema,
    decision: z.enum(shareDecisions),
    /** The published resource that satisfies the demand (资源代码), when approving. */
    resourceCode: text(60).default(''),
    reason: text(1000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'approve' && v.resourceCode.length === 0) ctx.addIssue({ code: 'custom', path: ['resourceCode'], message: 'exchange.demandResourceRequired' });
    if (v.decision === 'refuse' && v.reason.length === 0) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'exchange.reasonRequired' });
  });
export type AnswerShareDemandInput = z.infer<typeof answerShareDemandInput>;
export const withdrawShareDemandInput = z.object({ version: versionSchema });

export const shareDemandViews = ['mine', 'addressed', 'all'] as const;
export const shareDemandListQuery = pageQuery.extend({ view: z.enum(shareDemandViews).default('mine'), status: z.enum(shareDemandStatuses).optional() });
export type ShareDemandListQuery = z.infer<typeof shareDemandListQuery>;

export const shareDemandView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(shareDemandStatuses),
  consumerDepartmentId: z.string(),
  consumerName: z.string(),
  providerDepartmentId: z.string(),
  providerName: z.string(),
  title: z.string(),
  description: z.string(),
  fieldsWanted: z.string(),
  purpose: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  dueAt: z.string(),
  isOverdue: z.boolean(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  resourceCode: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number().int(),
  allowed: z.object({ answer: z.boolean(), withdraw: z.boolean() }),
});
export type ShareDemandView = z.infer<typeof shareDemandView>;

// ---------------------------------------------------------------- grants (共享授权)

export const exchangeGrantStatuses = ['upcoming', 'active', 'expired', 'revoked'] as const;
export type ExchangeGrantStatus = (typeof exchangeGrantStatuses)[number];
export const exchangeGrantStatusNames: Labels<ExchangeGrantStatus> = {
  upcoming: { 'zh-CN': '未生效', 'en-US': 'Not yet valid' },
  active: { 'zh-CN': '有效', 'en-US': 'Active' },
  expired: { 'zh-CN': '已到期', 'en-US': 'Expired' },
  revoked: { 'zh-CN': '已撤销', 'en-US': 'Revoked' },
};

export const grantFieldView = z.object({ key: z.string(), name: z.string(), masking: z.enum(maskingKinds), isMasked: z.boolean() });
export type GrantFieldView = z.infer<typeof grantFieldView>;

export const exchangeGrantView = z.object({
  id: z.string(),
  requestId: z.string(),
  requestNumber: z.string(),
  status: z.enum(exchangeGrantStatuses),
  resourceId: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  providerDepartmentId: z.string(),
  providerName: z.string(),
  consumerDepartmentId: z.string(),
  consumerName: z.string(),
  fields: z.array(grantFieldView),
  validFrom: z.string(),
  validTo: z.string(),
  rateLimitPerSecond: z.number().int(),
  dailyQuota: z.number().int(),
  purpose: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  version: z.number().int(),
  allowed: z.object({ revoke: z.boolean(), changeLimits: z.boolean() }),
});
export type ExchangeGrantView = z.infer<typeof exchangeGrantView>;

export const exchangeGrantViews = ['mine', 'provided', 'all'] as const;
export const exchangeGrantListQuery = pageQuery.extend({ view: z.enum(exchangeGrantViews).default('mine'), status: z.enum(exchangeGrantStatuses).optional() });
export type ExchangeGrantListQuery = z.infer<typeof exchangeGrantListQuery>;

export const revokeGrantInput = z.object({ version: versionSchema, reason: requiredText(1, 500) });
export const grantLimitsInput = z.object({ version: versionSchema, rateLimitPerSecond: rateLimitSchema, dailyQuota: dailyQuotaSchema });
export type GrantLimitsInput = z.infer<typeof grantLimitsInput>;

// ---------------------------------------------------------------- client credentials (接口凭证)

export const exchangeClientStatuses = ['active', 'revoked'] as const;
export type ExchangeClientStatus = (typeof exchangeClientStatuses)[number];

export const createExchangeClientInput = z.object({ name: requiredText(2, 60) });
export const exchangeClientVersionInput = z.object({ version: versionSchema });

export const exchangeClientView = z.object({
  id: z.string(),
  /** The client id other systems send (HTTP Basic user name, or X-Client-Id). */
  clientId: z.string(),
  name: z.string(),
  status: z.enum(exchangeClientStatuses),
  /** The secret's last four characters, to tell credentials apart; the secret itself is never shown again. */
  secretHint: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  rotatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ExchangeClientView = z.infer<typeof exchangeClientView>;
/** Creating or rotating answers with the secret, once. */
export const exchangeClientSecretView = z.object({ client: exchangeClientView, secret: z.string() });
export type ExchangeClientSecretView = z.infer<typeof exchangeClientSecretView>;

// ---------------------------------------------------------------- the query API (POST /api/exchange/query)

export const exchangeQueryInput = z.object({
  /** 资源代码 of the granted resource. */
  resource: text(60).min(1, 'required'),
  /** Values of the resource's key field (身份证号, 统一社会信用代码 …), at most 100 per call. */
  keys: z
    .array(z.string().trim().min(1, 'required').max(64, 'too_big'))
    .min(1, 'exchange.keysRequired')
    .max(MAX_QUERY_KEYS, 'exchange.tooManyKeys'),
  /** Why this call is made (办理事由); logged and shown to the people whose data it reads. */
  purpose: requiredText(2, 200),
  /** A subset of the granted fields; all granted fields when omitted. */
  fields: z.array(fieldKey).max(200, 'too_big').optional(),
});
export type ExchangeQueryInput = z.infer<typeof exchangeQueryInput>;

export const exchangeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const exchangeQueryResult = z.object({
  /** The call's number in the call log. */
  callId: z.string(),
  resource: z.string(),
  fields: z.array(z.object({ key: z.string(), name: z.string(), isMasked: z.boolean() })),
  items: z.array(z.object({ key: z.string(), isFound: z.boolean(), values: z.record(z.string(), exchangeValue).nullable() })),
});
export type ExchangeQueryResult = z.infer<typeof exchangeQueryResult>;

// ---------------------------------------------------------------- the call log (调用记录)

/** What a call came to; every call is logged with one of these, refusals included. */
export const exchangeCallResults = [
  'ok',
  'badRequest',
  'badCredentials',
  'noGrant',
  'grantExpired',
  'fieldNotGranted',
  'resourceRetired',
  'rateLimited',
  'quotaExceeded',
  'error',
] as const;
export type ExchangeCallResult = (typeof exchangeCallResults)[number];
export const exchangeCallResultNames: Labels<ExchangeCallResult> = {
  ok: { 'zh-CN': '成功', 'en-US': 'OK' },
  badRequest: { 'zh-CN': '请求有误', 'en-US': 'Bad request' },
  badCredentials: { 'zh-CN': '凭证无效', 'en-US': 'Bad credentials' },
  noGrant: { 'zh-CN': '无授权', 'en-US': 'No grant' },
  grantExpired: { 'zh-CN': '授权已过期', 'en-US': 'Grant expired' },
  fieldNotGranted: { 'zh-CN': '信息项未授权', 'en-US': 'Field not granted' },
  resourceRetired: { 'zh-CN': '资源已停用', 'en-US': 'Resource retired' },
  rateLimited: { 'zh-CN': '超过频率限制', 'en-US': 'Rate limited' },
  quotaExceeded: { 'zh-CN': '超过每日配额', 'en-US': 'Daily quota used up' },
  error: { 'zh-CN': '系统错误', 'en-US': 'Server error' },
};

export const exchangeCallView = z.object({
  id: z.string(),
  at: z.string(),
  clientId: z.string().nullable(),
  consumerDepartmentId: z.string().nullable(),
  consumerName: z.string().nullable(),
  providerDepartmentId: z.string().nullable(),
  providerName: z.string().nullable(),
  resourceCode: z.string().nullable(),
  purpose: z.string().nullable(),
  keyCount: z.number().int(),
  foundCount: z.number().int(),
  result: z.enum(exchangeCallResults),
  status: z.number().int(),
  latencyMs: z.number(),
  isSealed: z.boolean(),
});
export type ExchangeCallView = z.infer<typeof exchangeCallView>;

export const exchangeCallViews = ['consumer', 'provider', 'all'] as const;
export const exchangeCallListQuery = pageQuery.extend({
  view: z.enum(exchangeCallViews).default('consumer'),
  resourceCode: text(60).optional(),
  result: z.enum(exchangeCallResults).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ExchangeCallListQuery = z.infer<typeof exchangeCallListQuery>;

export const exchangeChainVerdict = z.object({
  isIntact: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.string().nullable(),
  /** The first row that does not fit the chain (its id in the call log), when broken. */
  brokenId: z.string().nullable(),
  reason: z.enum(['hash-mismatch', 'link-broken', 'gap']).nullable(),
  unsealed: z.number().int(),
  oldestUnsealedAt: z.string().nullable(),
});
export type ExchangeChainVerdict = z.infer<typeof exchangeChainVerdict>;

// ---------------------------------------------------------------- statistics

export const exchangeStatsRow = z.object({
  calls: z.number().int(),
  keys: z.number().int(),
  found: z.number().int(),
  errors: z.number().int(),
  /** found ÷ keys of successful calls, null without any. */
  foundRate: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
});
export type ExchangeStatsRow = z.infer<typeof exchangeStatsRow>;

export const exchangeStatistics = z.object({
  from: z.string(),
  to: z.string(),
  providerDepartmentId: z.string().nullable(),
  totals: exchangeStatsRow,
  byDay: z.array(exchangeStatsRow.extend({ day: z.string() })),
  byResource: z.array(exchangeStatsRow.extend({ resourceCode: z.string(), resourceName: z.string().nullable(), providerName: z.string().nullable() })),
  byConsumer: z.array(exchangeStatsRow.extend({ consumerDepartmentId: z.string().nullable(), consumerName: z.string().nullable() })),
});
export type ExchangeStatistics = z.infer<typeof exchangeStatistics>;

export const demandSatisfaction = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  satisfied: z.number().int(),
  refused: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  /** 共享需求满足率 = satisfied ÷ demands (withdrawn ones do not count), null when there were none. */
  rate: z.number().nullable(),
  byProvider: z.array(z.object({ providerDepartmentId: z.string(), providerName: z.string(), total: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable() })),
});
export type DemandSatisfaction = z.infer<typeof demandSatisfaction>;

export const exchangeStatisticsQuery = z
  .object({ from: isoDate, to: isoDate, providerDepartmentId: z.uuid('invalid_format').optional() })
  .superRefine((v, ctx) => {
    const days = daysBetween(v.from, v.to);
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'exchange.periodReversed' });
    else if (days >= MAX_SHARE_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'exchange.periodTooLong' });
  });
export type ExchangeStatisticsQuery = z.infer<typeof exchangeStatisticsQuery>;

// ---------------------------------------------------------------- the citizen's data tracker

/** One exchange call that read a citizen's record, as the citizen sees it (数据使用记录). */
export const myExchangeUseView = z.object({
  id: z.string(),
  at: z.string(),
  consumerName: z.string().nullable(),
  providerName: z.string().nullable(),
  resourceCode: z.string().nullable(),
  resourceName: z.string().nullable(),
  purpose: z.string().nullable(),
});
export type MyExchangeUseView = z.infer<typeof myExchangeUseView>;

// ---------------------------------------------------------------- messages

const enumMessages = (locale: Locale) => ({
  ...Object.fromEntries(shareRequestStatuses.map((s) => [`exchange.status.${s}`, shareRequestStatusNames[s][locale]])),
  ...Object.fromEntries(shareRequestActions.map((a) => [`exchange.action.${a}`, shareRequestActionNames[a][locale]])),
  ...Object.fromEntries(shareDemandStatuses.map((s) => [`exchange.demandStatus.${s}`, shareDemandStatusNames[s][locale]])),
});

export const dataExchangeMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...enumMessages('zh-CN'),
    'exchange.fieldsRequired': '请至少选择一个信息项',
    'exchange.fieldsDuplicate': '信息项重复',
    'exchange.periodReversed': '截止日期不能早于起始日期',
    'exchange.periodTooLong': '期限最长一年',
    'exchange.periodPast': '起始日期不能早于今天',
    'exchange.unmaskedNotRequested': '申请明文的信息项须在所申请的信息项之中',
    'exchange.reasonRequired': '请填写理由',
    'exchange.resourceNotFound': '未找到该已发布的数据资源',
    'exchange.resourceRetired': '该数据资源已停用,不能申请或调用',
    'exchange.resourceNotShared': '该数据资源不予共享',
    'exchange.fieldUnknown': '该数据资源没有此信息项',
    'exchange.fieldNotShared': '该信息项不予共享,不能申请',
    'exchange.unmaskedNotPersonal': '只有个人信息项需要申请明文',
    'exchange.unmaskedHidden': '完全隐藏的信息项不能以明文共享',
    'exchange.unmaskedUnconditional': '无条件共享申请的个人信息一律脱敏提供;明文须经有条件共享的提供方同意',
    'exchange.legalBasisRequired': '有条件共享须填写法律法规或政策依据',
    'exchange.ownResource': '不能申请本部门提供的数据资源',
    'exchange.noDepartment': '您的账号没有所属部门,不能办理共享交换',
    'exchange.duplicateRequest': '本部门已有该资源的在办申请,请勿重复提交',
    'exchange.transition': '该申请当前为“{status}”,不能{action}',
    'exchange.notYourQueue': '该申请不由您审核',
    'exchange.demandTransition': '该需求当前为“{status}”,不能再答复或撤回',
    'exchange.demandProvider': '被提需求的部门不存在或已停用',
    'exchange.demandOwnDepartment': '不能向本部门提出需求',
    'exchange.demandResourceRequired': '请填写满足需求的资源代码',
    'exchange.demandResourceProvider': '该资源代码不是本部门已发布的数据资源',
    'exchange.grantNotFound': '未找到该共享授权',
    'exchange.grantRevoked': '该授权已撤销',
    'exchange.clientNotFound': '未找到该接口凭证',
    'exchange.clientRevoked': '该接口凭证已注销',
    'exchange.tooManyClients': '本部门的有效接口凭证已达上限({max} 个),请先注销不用的凭证',
    'exchange.keysRequired': '请至少提供一个查询值',
    'exchange.tooManyKeys': '每次最多查询 100 个值',
    'exchange.badCredentials': '接口凭证无效、已注销或已轮换',
    'exchange.noGrant': '本部门没有该资源的有效共享授权',
    'exchange.grantExpired': '该资源的共享授权已到期或尚未生效',
    'exchange.fieldNotGranted': '所请求的信息项未获授权:{fields}',
    'exchange.rateLimited': '超过该授权的调用频率限制(每秒 {limit} 次)',
    'exchange.quotaExceeded': '该授权今日的调用配额({quota} 条)已用完',
    'exchange.statsScope': '只能查看本部门提供资源的统计',
  },
  'en-US': {
    ...enumMessages('en-US'),
    'exchange.fieldsRequired': 'Choose at least one field',
    'exchange.fieldsDuplicate': 'A field is listed twice',
    'exchange.periodReversed': 'The end date cannot be before the start date',
    'exchange.periodTooLong': 'At most one year',
    'exchange.periodPast': 'The start date cannot be in the past',
    'exchange.unmaskedNotRequested': 'Fields asked unmasked must be among the requested fields',
    'exchange.reasonRequired': 'Give a reason',
    'exchange.resourceNotFound': 'No published data resource with this code',
    'exchange.resourceRetired': 'This data resource is retired: it can no longer be requested or queried',
    'exchange.resourceNotShared': 'This data resource is not shared',
    'exchange.fieldUnknown': 'The resource has no such field',
    'exchange.fieldNotShared': 'This field is not shared and cannot be requested',
    'exchange.unmaskedNotPersonal': 'Only personal fields need to be asked unmasked',
    'exchange.unmaskedHidden': 'A hidden field is never shared unmasked',
    'exchange.unmaskedUnconditional': 'Personal data of an unconditional request is always masked; unmasked values need a conditional provider’s consent',
    'exchange.legalBasisRequired': 'A conditional share needs a legal or policy basis',
    'exchange.ownResource': 'Your department provides this resource itself',
    'exchange.noDepartment': 'Your account belongs to no department',
    'exchange.duplicateRequest': 'Your department already has an open request for this resource',
    'exchange.transition': 'The request is “{status}”: it cannot be {action}',
    'exchange.notYourQueue': 'This request is not yours to decide',
    'exchange.demandTransition': 'The demand is “{status}”: it can no longer be answered or withdrawn',
    'exchange.demandProvider': 'The addressed department does not exist or is inactive',
    'exchange.demandOwnDepartment': 'A demand cannot be addressed to your own department',
    'exchange.demandResourceRequired': 'Give the code of the resource that satisfies the demand',
    'exchange.demandResourceProvider': 'That code is not a published resource of your department',
    'exchange.grantNotFound': 'Grant not found',
    'exchange.grantRevoked': 'This grant has been revoked',
    'exchange.clientNotFound': 'Credentials not found',
    'exchange.clientRevoked': 'These credentials are revoked',
    'exchange.tooManyClients': 'Your department holds the maximum of {max} active credentials; revoke unused ones first',
    'exchange.keysRequired': 'Give at least one key value',
    'exchange.tooManyKeys': 'At most 100 key values per call',
    'exchange.badCredentials': 'The client credentials are wrong, revoked or rotated',
    'exchange.noGrant': 'Your department holds no grant for this resource',
    'exchange.grantExpired': 'Your department’s grant for this resource has expired or is not yet valid',
    'exchange.fieldNotGranted': 'Fields not granted: {fields}',
    'exchange.rateLimited': 'The grant’s rate limit ({limit} calls per second) is exceeded',
    'exchange.quotaExceeded': 'The grant’s daily quota ({quota} records) is used up',
    'exchange.statsScope': 'You may see statistics of your own department’s resources only',
  },
};
