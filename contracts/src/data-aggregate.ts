import { z } from 'zod';
import type { Locale } from './errors';
import { pageQuery } from './identity';
import { versionSchema } from './org';
import { dataFieldTypes } from './data-catalogue';

// 可用不可见: aggregate-only queries with k-anonymity thresholds, discrete-Laplace noise and privacy budgets. The
// platform registers a published resource (dimensions, numeric measures, k, noise); a consuming department asks for
// counts, sums and averages by group; groups smaller than k are withheld and raw records never leave.
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

/** The smallest minimum group size the platform may set, and the default (REFERENCES.md: k ≥ 10 unless argued). */
export const AGGREGATE_MIN_K = 5;
export const AGGREGATE_DEFAULT_K = 10;
export const AGGREGATE_MAX_K = 1000;
/** Limits of one query: more dimensions make ever smaller groups, more filters ever finer differencing. */
export const AGGREGATE_MAX_GROUP_BY = 3;
export const AGGREGATE_MAX_MEASURES = 5;
export const AGGREGATE_MAX_FILTERS = 3;
export const AGGREGATE_MAX_FILTER_VALUES = 20;
/** ε per query and per budget period: three decimals, so the noise sampler works on exact fractions. */
export const AGGREGATE_MIN_EPSILON = 0.01;
export const AGGREGATE_MAX_EPSILON = 10;
export const AGGREGATE_MAX_BUDGET = 1000;
/** Clamp bounds of a measure (whole units): large enough for amounts in fen, small enough for exact sampling. */
export const AGGREGATE_MAX_CLAMP = 1_000_000_000;

/** count (members of the group), sum and avg of a registered numeric measure. */
export const aggregateFunctions = ['count', 'sum', 'avg'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];
export const aggregateFunctionNames: Labels<AggregateFunction> = {
  count: { 'zh-CN': '计数', 'en-US': 'Count' },
  sum: { 'zh-CN': '求和', 'en-US': 'Sum' },
  avg: { 'zh-CN': '平均值', 'en-US': 'Average' },
};

export const aggregateFilterOps = ['eq', 'in'] as const;
export type AggregateFilterOp = (typeof aggregateFilterOps)[number];
export const aggregateFilterOpNames: Labels<AggregateFilterOp> = {
  eq: { 'zh-CN': '等于', 'en-US': 'equals' },
  in: { 'zh-CN': '属于', 'en-US': 'is one of' },
};

/** A privacy budget's period (Beijing calendar): spending starts afresh on its first day. */
export const aggregateBudgetPeriods = ['month', 'quarter', 'year'] as const;
export type AggregateBudgetPeriod = (typeof aggregateBudgetPeriods)[number];
export const aggregateBudgetPeriodNames: Labels<AggregateBudgetPeriod> = {
  month: { 'zh-CN': '每月', 'en-US': 'Monthly' },
  quarter: { 'zh-CN': '每季度', 'en-US': 'Quarterly' },
  year: { 'zh-CN': '每年', 'en-US': 'Yearly' },
};

/** What became of a query: answered, or refused because the department's budget could not pay. */
export const aggregateQueryOutcomes = ['answered', 'noBudget', 'budgetExhausted'] as const;
export type AggregateQueryOutcome = (typeof aggregateQueryOutcomes)[number];
export const aggregateQueryOutcomeNames: Labels<AggregateQueryOutcome> = {
  answered: { 'zh-CN': '已返回结果', 'en-US': 'Answered' },
  noBudget: { 'zh-CN': '拒绝:未分配隐私预算', 'en-US': 'Refused: no privacy budget' },
  budgetExhausted: { 'zh-CN': '拒绝:隐私预算不足', 'en-US': 'Refused: budget exhausted' },
};

/** The field types that may be grouped by (values that form groups) and summed (numbers). */
export const aggregateDimensionTypes = ['string', 'integer', 'date', 'boolean'] as const satisfies readonly (typeof dataFieldTypes)[number][];
export const aggregateMeasureTypes = ['integer', 'number'] as const satisfies readonly (typeof dataFieldTypes)[number][];

const fieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'data.fieldKey');
const resourceRef = z.string().trim().min(1, 'required').max(60, 'too_big');
const epsilon = z.number().min(AGGREGATE_MIN_EPSILON, 'too_small').max(AGGREGATE_MAX_EPSILON, 'too_big').multipleOf(0.001, 'aggregate.epsilonDecimals');
const clampBound = z.number().int('aggregate.clampInteger').min(-AGGREGATE_MAX_CLAMP, 'too_small').max(AGGREGATE_MAX_CLAMP, 'too_big');
const uniqueKeys = (keys: readonly string[]) => new Set(keys).size === keys.length;

// ---------------------------------------------------------------- registration (the platform)

/** A numeric field that may be summed or averaged, with the range each value is clamped to. */
export const aggregateMeasureSpecSchema = z
  .object({ field: fieldKey, clampMin: clampBound, clampMax: clampBound })
  .refine((m) => m.clampMin <= m.clampMax, { message: 'aggregate.clampReversed', path: ['clampMax'] })
  .refine((m) => m.clampMin !== 0 || m.clampMax !== 0, { message: 'aggregate.clampZero', path: ['clampMax'] });
export type AggregateMeasureSpec = z.infer<typeof aggregateMeasureSpecSchema>;

const registrationSettings = {
  dimensions: z.array(fieldKey).min(1, 'aggregate.dimensionsRequired').max(10, 'too_big').refine(uniqueKeys, 'aggregate.duplicateField'),
  measures: z
    .array(aggregateMeasureSpecSchema)
    .max(10, 'too_big')
    .refine((ms) => uniqueKeys(ms.map((m) => m.field)), 'aggregate.duplicateField')
    .default([]),
  k: z.number().int('invalid_type').min(AGGREGATE_MIN_K, 'aggregate.kTooSmall').max(AGGREGATE_MAX_K, 'too_big').default(AGGREGATE_DEFAULT_K),
  isNoisy: z.boolean().default(false),
  epsilon: epsilon.default(1),
  note: z.string().trim().max(500, 'too_big').default(''),
};

export const registerAggregateResourceInput = z.object({
  /** The resource's id or 资源代码. */
  resource: resourceRef,
  ...registrationSettings,
});
export type RegisterAggregateResourceInput = z.infer<typeof registerAggregateResourceInput>;

/** Replaces the settings (the form sends them all); `isActive: false` withdraws the registration. */
export const updateAggregateResourceInput = z.object({ version: versionSchema, ...registrationSettings, isActive: z.boolean().default(true) });
export type UpdateAggregateResourceInput = z.infer<typeof updateAggregateResourceInput>;

export const aggregateFieldView = z.object({ key: z.string(), name: z.string(), type: z.enum(dataFieldTypes) });
export type AggregateFieldView = z.infer<typeof aggregateFieldView>;

export const aggregateResourceView = z.object({
  resourceId: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  providerName: z.string(),
  recordCount: z.number().int(),
  dimensions: z.array(aggregateFieldView),
  measures: z.array(aggregateFieldView.extend({ clampMin: z.number().int(), clampMax: z.number().int() })),
  k: z.number().int(),
  isNoisy: z.boolean(),
  epsilon: z.number(),
  isActive: z.boolean(),
  /**
   * True when the resource's published version no longer has a registered field as a usable dimension or measure
   * (dropped, made personal, retyped) or the resource was retired: queries are refused until the platform re-registers.
   */
  isStale: z.boolean(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type AggregateResourceView = z.infer<typeof aggregateResourceView>;

export const aggregateResourceListQuery = pageQuery.extend({
  q: z.string().trim().max(50, 'too_big').optional(),
  /** Consumers see only active registrations; the platform may ask for withdrawn ones too. */
  includeInactive: z.stringbool().default(false),
});
export type AggregateResourceListQuery = z.infer<typeof aggregateResourceListQuery>;

/** A published resource the platform may register: its fields, each marked with what it may serve as. */
export const aggregateCandidateField = aggregateFieldView.extend({ canBeDimension: z.boolean(), canBeMeasure: z.boolean(), reason: z.string().nullable() });
export const aggregateCandidateView = z.object({
  resourceId: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  providerName: z.string(),
  recordCount: z.number().int(),
  isRegistered: z.boolean(),
  fields: z.array(aggregateCandidateField),
});
export type AggregateCandidateView = z.infer<typeof aggregateCandidateView>;

// ---------------------------------------------------------------- queries (the consumer)

export const aggregateMeasureSchema = z.discriminatedUnion(
  'fn',
  [z.object({ fn: z.literal('count') }), z.object({ fn: z.literal('sum'), field: fieldKey }), z.object({ fn: z.literal('avg'), field: fieldKey })],
  { error: 'aggregate.measureFn' },
);
export type AggregateMeasure = z.infer<typeof aggregateMeasureSchema>;

const filterValue = z.string().trim().min(1, 'required').max(100, 'too_big');
export const aggregateFilterSchema = z.discriminatedUnion(
  'op',
  [
    z.object({ field: fieldKey, op: z.literal('eq'), value: filterValue }),
    z.object({
      field: fieldKey,
      op: z.literal('in'),
      values: z.array(filterValue).min(1, 'required').max(AGGREGATE_MAX_FILTER_VALUES, 'too_big').refine(uniqueKeys, 'aggregate.duplicateValue'),
    }),
  ],
  { error: 'aggregate.filterOp' },
);
export type AggregateFilter = z.infer<typeof aggregateFilterSchema>;

export const aggregateQueryInput = z.object({
  /** The resource's id or 资源代码. */
  resource: resourceRef,
  groupBy: z.array(fieldKey).max(AGGREGATE_MAX_GROUP_BY, 'aggregate.tooManyGroupBy').refine(uniqueKeys, 'aggregate.duplicateField').default([]),
  measures: z.array(aggregateMeasureSchema).min(1, 'aggregate.measuresRequired').max(AGGREGATE_MAX_MEASURES, 'too_big'),
  filters: z
    .array(aggregateFilterSchema)
    .max(AGGREGATE_MAX_FILTERS, 'aggregate.tooManyFilters')
    .refine((fs) => uniqueKeys(fs.map((f) => f.field)), 'aggregate.duplicateFilter')
    .default([]),
  /** 用途: why the statistics are needed (logged with the query). */
  purpose: z.string().trim().min(4, 'aggregate.purposeShort').max(500, 'too_big'),
});
export type AggregateQueryInput = z.infer<typeof aggregateQueryInput>;

/** A department's privacy budget in the current period. */
export const aggregateBudgetStatus = z.object({
  period: z.enum(aggregateBudgetPeriods),
  epsilonPerPeriod: z.number(),
  periodStart: z.string(),
  /** The first day of the next period (spending starts afresh). */
  periodEnd: z.string(),
  spent: z.number(),
  remaining: z.number(),
  queryCount: z.number().int(),
});
export type AggregateBudgetStatus = z.infer<typeof aggregateBudgetStatus>;

export const aggregateResultMeasure = z.object({
  fn: z.enum(aggregateFunctions),
  field: z.string().nullable(),
  fieldName: z.string().nullable(),
  /** The ε share and sensitivity of the noise on this measure's statistics; null when noise-free. */
  noise: z.object({ epsilon: z.number(), sensitivity: z.number() }).nullable(),
});
export type AggregateResultMeasure = z.infer<typeof aggregateResultMeasure>;

export const aggregateResultGroup = z.object({
  /** The group's values of the group-by fields, in order (null: the field is empty for these records). */
  key: z.array(z.string().nullable()),
  /**
   * One value per measure, in order: counts and sums are whole numbers, averages have two decimals. Null for a
   * sum or average when fewer than k members of the group have a value in that field.
   */
  values: z.array(z.number().nullable()),
});
export type AggregateResultGroup = z.infer<typeof aggregateResultGroup>;

export const aggregateQueryResult = z.object({
  id: z.string(),
  at: z.string(),
  resource: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  groupBy: z.array(z.object({ key: z.string(), name: z.string() })),
  measures: z.array(aggregateResultMeasure),
  filters: z.array(aggregateFilterSchema),
  k: z.number().int(),
  isNoisy: z.boolean(),
  epsilonSpent: z.number(),
  groups: z.array(aggregateResultGroup),
  /** How many groups were withheld; never their members, their values or their total. */
  suppressedGroups: z.number().int(),
  budget: aggregateBudgetStatus.nullable(),
});
export type AggregateQueryResult = z.infer<typeof aggregateQueryResult>;

// ---------------------------------------------------------------- query log

export const aggregateQueryLogView = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  resourceId: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  groupBy: z.array(z.string()),
  measures: z.array(aggregateMeasureSchema),
  filters: z.array(aggregateFilterSchema),
  purpose: z.string(),
  k: z.number().int(),
  isNoisy: z.boolean(),
  epsilonSpent: z.number(),
  groupsReturned: z.number().int(),
  groupsSuppressed: z.number().int(),
  outcome: z.enum(aggregateQueryOutcomes),
});
export type AggregateQueryLogView = z.infer<typeof aggregateQueryLogView>;

export const aggregateQueryListQuery = pageQuery.extend({
  resourceId: z.uuid('invalid_format').optional(),
  departmentId: z.uuid('invalid_format').optional(),
  outcome: z.enum(aggregateQueryOutcomes).optional(),
});
export type AggregateQueryListQuery = z.infer<typeof aggregateQueryListQuery>;

// ---------------------------------------------------------------- budgets (the platform)

export const setAggregateBudgetInput = z.object({
  period: z.enum(aggregateBudgetPeriods).default('month'),
  epsilonPerPeriod: z.number().min(AGGREGATE_MIN_EPSILON, 'too_small').max(AGGREGATE_MAX_BUDGET, 'too_big').multipleOf(0.001, 'aggregate.epsilonDecimals'),
  /** The budget's current version when changing it; null when the department has none yet. */
  version: versionSchema.nullable(),
});
export type SetAggregateBudgetInput = z.infer<typeof setAggregateBudgetInput>;

export const aggregateBudgetView = aggregateBudgetStatus.extend({
  departmentId: z.string(),
  departmentName: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type AggregateBudgetView = z.infer<typeof aggregateBudgetView>;

export const myAggregateBudgetView = z.object({ departmentName: z.string().nullable(), budget: aggregateBudgetView.nullable() });
export type MyAggregateBudgetView = z.infer<typeof myAggregateBudgetView>;

// ---------------------------------------------------------------- noise (shared with the result page's explanations)

/**
 * The spread of the two-sided geometric (discrete Laplace) noise for ε and a sensitivity Δ: with α = e^(−ε/Δ),
 * P(X = x) = (1 − α)/(1 + α) · α^|x| and Var X = 2α/(1 − α)².
 */
export function discreteLaplaceVariance(eps: number, sensitivity: number): number {
  const alpha = Math.exp(-eps / sensitivity);
  return (2 * alpha) / (1 - alpha) ** 2;
}

// ---------------------------------------------------------------- messages

const names = <K extends string>(prefix: string, labels: Labels<K>, locale: Locale) =>
  Object.fromEntries(Object.entries<Readonly<Record<Locale, string>>>(labels).map(([k, v]) => [`${prefix}.${k}`, v[locale]]));

const enumMessages = (locale: Locale) => ({
  ...names('aggregate.fn', aggregateFunctionNames, locale),
  ...names('aggregate.period', aggregateBudgetPeriodNames, locale),
  ...names('aggregate.outcome', aggregateQueryOutcomeNames, locale),
});

export const dataAggregateMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...enumMessages('zh-CN'),
    'aggregate.epsilonDecimals': 'ε 最多保留三位小数',
    'aggregate.clampInteger': '截断上下限须为整数',
    'aggregate.clampReversed': '截断下限不能大于上限',
    'aggregate.clampZero': '截断范围不能上下限均为 0',
    'aggregate.dimensionsRequired': '请至少选择一个统计维度',
    'aggregate.duplicateField': '信息项重复',
    'aggregate.duplicateValue': '筛选值重复',
    'aggregate.duplicateFilter': '同一信息项只能有一个筛选条件',
    'aggregate.kTooSmall': '最小分组人数不能小于 5',
    'aggregate.measureFn': '统计方式应为计数、求和或平均值',
    'aggregate.filterOp': '筛选方式应为等于或属于',
    'aggregate.tooManyGroupBy': '最多按 3 个维度分组',
    'aggregate.tooManyFilters': '最多 3 个筛选条件',
    'aggregate.measuresRequired': '请至少选择一项统计指标',
    'aggregate.purposeShort': '请说明用途(至少 4 个字)',
    'aggregate.resourceNotFound': '未找到该已发布的数据资源',
    'aggregate.resourceRetired': '该数据资源已停用',
    'aggregate.outOfScope': '该数据资源不在您的管辖范围内',
    'aggregate.alreadyRegistered': '该数据资源已登记为可统计查询,请修改原登记',
    'aggregate.notRegistered': '该数据资源未登记为可统计查询(可用不可见),不能查询',
    'aggregate.inactive': '该数据资源的统计查询已停用',
    'aggregate.registrationStale': '该数据资源的目录已更新,原登记的统计维度或度量已不适用,请联系平台重新登记',
    'aggregate.fieldUnknown': '该数据资源没有此信息项',
    'aggregate.fieldPersonal': '个人信息项不能作为统计维度或度量',
    'aggregate.fieldKey': '资源的主键信息项不能作为统计维度或度量',
    'aggregate.fieldNotShared': '不予共享的信息项不能作为统计维度或度量',
    'aggregate.dimensionType': '统计维度须为字符型、整数、日期型或布尔型信息项',
    'aggregate.measureType': '度量须为整数或数值型信息项',
    'aggregate.notDimension': '该信息项不是登记的统计维度,不能分组或筛选',
    'aggregate.notMeasure': '该信息项不是登记的数值度量,不能求和或求平均',
    'aggregate.tooManyGroups': '分组过多(超过 {max} 组),请减少分组维度或增加筛选条件',
    'aggregate.noDepartment': '您的账号没有所属部门,不能使用统计查询',
    'aggregate.noBudget': '本部门尚未分配隐私预算,不能查询加噪声的数据资源,请联系平台(首席数据官)分配',
    'aggregate.budgetExhausted': '本部门本期隐私预算不足:已用 ε {spent},共 ε {limit},本次查询需要 ε {need};{resetOn} 起恢复',
    'aggregate.departmentNotFound': '未找到该部门,或该部门已停用',
    'aggregate.departmentOutOfScope': '该部门不在您的管辖范围内',
    'aggregate.budgetExists': '该部门已有隐私预算,请刷新后修改',
  },
  'en-US': {
    ...enumMessages('en-US'),
    'aggregate.epsilonDecimals': 'ε has at most three decimals',
    'aggregate.clampInteger': 'Clamp bounds are whole numbers',
    'aggregate.clampReversed': 'The lower clamp bound cannot exceed the upper one',
    'aggregate.clampZero': 'The clamp range cannot be 0 to 0',
    'aggregate.dimensionsRequired': 'Choose at least one dimension',
    'aggregate.duplicateField': 'Duplicate field',
    'aggregate.duplicateValue': 'Duplicate filter value',
    'aggregate.duplicateFilter': 'One filter per field',
    'aggregate.kTooSmall': 'The minimum group size is at least 5',
    'aggregate.measureFn': 'The statistic is count, sum or average',
    'aggregate.filterOp': 'The filter is “equals” or “is one of”',
    'aggregate.tooManyGroupBy': 'Group by at most 3 fields',
    'aggregate.tooManyFilters': 'At most 3 filters',
    'aggregate.measuresRequired': 'Choose at least one statistic',
    'aggregate.purposeShort': 'Say what the statistics are for (at least 4 characters)',
    'aggregate.resourceNotFound': 'No such published data resource',
    'aggregate.resourceRetired': 'This data resource is retired',
    'aggregate.outOfScope': 'This data resource is outside your region',
    'aggregate.alreadyRegistered': 'This resource is already registered for aggregate queries; change that registration',
    'aggregate.notRegistered': 'This resource is not registered for aggregate queries',
    'aggregate.inactive': 'Aggregate queries on this resource are withdrawn',
    'aggregate.registrationStale': 'The resource’s catalogue entry changed and its registered dimensions or measures no longer apply; ask the platform to register it again',
    'aggregate.fieldUnknown': 'The resource has no such field',
    'aggregate.fieldPersonal': 'Personal fields cannot be dimensions or measures',
    'aggregate.fieldKey': 'The key field cannot be a dimension or measure',
    'aggregate.fieldNotShared': 'Fields that are never shared cannot be dimensions or measures',
    'aggregate.dimensionType': 'A dimension is a text, integer, date or yes/no field',
    'aggregate.measureType': 'A measure is an integer or number field',
    'aggregate.notDimension': 'This field is not a registered dimension and cannot be grouped or filtered by',
    'aggregate.notMeasure': 'This field is not a registered measure and cannot be summed or averaged',
    'aggregate.tooManyGroups': 'Too many groups (over {max}); group by fewer fields or filter more',
    'aggregate.noDepartment': 'Your account belongs to no department and cannot run aggregate queries',
    'aggregate.noBudget': 'Your department has no privacy budget and cannot query noisy resources; ask the platform (chief data officer)',
    'aggregate.budgetExhausted': 'Your department’s privacy budget is exhausted: ε {spent} of ε {limit} spent, this query needs ε {need}; it renews on {resetOn}',
    'aggregate.departmentNotFound': 'No such department, or it is inactive',
    'aggregate.departmentOutOfScope': 'This department is outside your region',
    'aggregate.budgetExists': 'This department already has a budget; reload and change it',
  },
};
