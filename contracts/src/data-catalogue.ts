import { z } from 'zod';
import type { Locale } from './errors';
import { pageQuery } from './identity';
import { orgImportReport, versionSchema } from './org';

// 数据资源目录 (GB/T 21063 and the catalogue compilation guide; REFERENCES.md "Data catalogue"): the enums and the
// definition of a data resource that every data domain (catalogue, registries, exchange, open data, aggregate
// queries) shares. Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

/** 目录类型: 基础 (base registries), 主题 (cross-department themes), 部门 (one department's own data). */
export const catalogueTypes = ['base', 'theme', 'department'] as const;
export type CatalogueType = (typeof catalogueTypes)[number];
export const catalogueTypeNames: Labels<CatalogueType> = {
  base: { 'zh-CN': '基础信息资源', 'en-US': 'Base resource' },
  theme: { 'zh-CN': '主题信息资源', 'en-US': 'Thematic resource' },
  department: { 'zh-CN': '部门信息资源', 'en-US': 'Department resource' },
};

/** 共享类型 (国发〔2016〕51号): share by default; conditional and none need a legal basis. */
export const shareTypes = ['unconditional', 'conditional', 'none'] as const;
export type ShareType = (typeof shareTypes)[number];
export const shareTypeNames: Labels<ShareType> = {
  unconditional: { 'zh-CN': '无条件共享', 'en-US': 'Shared unconditionally' },
  conditional: { 'zh-CN': '有条件共享', 'en-US': 'Shared on conditions' },
  none: { 'zh-CN': '不予共享', 'en-US': 'Not shared' },
};

/** 开放类型. */
export const openTypes = ['open', 'restricted', 'closed'] as const;
export type OpenType = (typeof openTypes)[number];
export const openTypeNames: Labels<OpenType> = {
  open: { 'zh-CN': '无条件开放', 'en-US': 'Open' },
  restricted: { 'zh-CN': '受限开放', 'en-US': 'Open on application' },
  closed: { 'zh-CN': '禁止开放', 'en-US': 'Not open' },
};

/** 分类分级 (GB/T 43697-2024), highest first; when in doubt grade higher (就高从严). */
export const dataLevels = ['core', 'important', 'general'] as const;
export type DataLevel = (typeof dataLevels)[number];
export const dataLevelNames: Labels<DataLevel> = {
  core: { 'zh-CN': '核心数据', 'en-US': 'Core data' },
  important: { 'zh-CN': '重要数据', 'en-US': 'Important data' },
  general: { 'zh-CN': '一般数据', 'en-US': 'General data' },
};
/** The stricter of two levels (a resource is graded by its strictest field). */
export function higherLevel(a: DataLevel, b: DataLevel): DataLevel {
  return dataLevels.indexOf(a) <= dataLevels.indexOf(b) ? a : b;
}

/** 共享方式. */
export const shareMethods = ['interface', 'file', 'database'] as const;
export type ShareMethod = (typeof shareMethods)[number];
export const shareMethodNames: Labels<ShareMethod> = {
  interface: { 'zh-CN': '接口', 'en-US': 'API' },
  file: { 'zh-CN': '文件下载', 'en-US': 'File' },
  database: { 'zh-CN': '库表交换', 'en-US': 'Table exchange' },
};

/** 更新周期. */
export const updateCycles = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const;
export type UpdateCycle = (typeof updateCycles)[number];
export const updateCycleNames: Labels<UpdateCycle> = {
  realtime: { 'zh-CN': '实时', 'en-US': 'Real time' },
  daily: { 'zh-CN': '每日', 'en-US': 'Daily' },
  weekly: { 'zh-CN': '每周', 'en-US': 'Weekly' },
  monthly: { 'zh-CN': '每月', 'en-US': 'Monthly' },
  quarterly: { 'zh-CN': '每季度', 'en-US': 'Quarterly' },
  yearly: { 'zh-CN': '每年', 'en-US': 'Yearly' },
  irregular: { 'zh-CN': '不定期', 'en-US': 'Irregular' },
};

/** 资源格式. */
export const resourceFormats = ['database', 'spreadsheet', 'api', 'file'] as const;
export type ResourceFormat = (typeof resourceFormats)[number];
export const resourceFormatNames: Labels<ResourceFormat> = {
  database: { 'zh-CN': '数据库表', 'en-US': 'Database table' },
  spreadsheet: { 'zh-CN': '电子表格', 'en-US': 'Spreadsheet' },
  api: { 'zh-CN': '接口', 'en-US': 'API' },
  file: { 'zh-CN': '文件', 'en-US': 'File' },
};

/** 信息项数据类型. */
export const dataFieldTypes = ['string', 'integer', 'number', 'date', 'datetime', 'boolean'] as const;
export type DataFieldType = (typeof dataFieldTypes)[number];
export const dataFieldTypeNames: Labels<DataFieldType> = {
  string: { 'zh-CN': '字符型', 'en-US': 'Text' },
  integer: { 'zh-CN': '整数', 'en-US': 'Integer' },
  number: { 'zh-CN': '数值型', 'en-US': 'Number' },
  date: { 'zh-CN': '日期型', 'en-US': 'Date' },
  datetime: { 'zh-CN': '日期时间型', 'en-US': 'Date and time' },
  boolean: { 'zh-CN': '布尔型', 'en-US': 'Yes/no' },
};

/**
 * How a field's values are masked when shown or shared (REFERENCES.md display masking defaults). Every kind other
 * than `none` is personal data: stored encrypted (SM4) in data_records and masked unless the consumer's grant says
 * otherwise. `hidden` never leaves unmasked.
 */
export const maskingKinds = ['none', 'name', 'idNumber', 'mobile', 'address', 'bankCard', 'email', 'hidden'] as const;
export type MaskingKind = (typeof maskingKinds)[number];
export const maskingKindNames: Labels<MaskingKind> = {
  none: { 'zh-CN': '不脱敏', 'en-US': 'None' },
  name: { 'zh-CN': '姓名', 'en-US': 'Name' },
  idNumber: { 'zh-CN': '证件号码', 'en-US': 'ID number' },
  mobile: { 'zh-CN': '手机号码', 'en-US': 'Mobile number' },
  address: { 'zh-CN': '地址', 'en-US': 'Address' },
  bankCard: { 'zh-CN': '银行卡号', 'en-US': 'Bank card' },
  email: { 'zh-CN': '电子邮箱', 'en-US': 'E-mail' },
  hidden: { 'zh-CN': '完全隐藏', 'en-US': 'Hidden' },
};
export function isPersonalMasking(kind: MaskingKind): boolean {
  return kind !== 'none';
}

/**
 * Where a resource's records come from: rows its provider uploads or pushes (`table`), or the base registries
 * (人口库 / 法人库), whose authoritative values the registries domain writes into the same records.
 */
export const resourceSourceKinds = ['table', 'personRegistry', 'entityRegistry'] as const;
export type ResourceSourceKind = (typeof resourceSourceKinds)[number];

/** A catalogue entry's life: drafted by the provider, reviewed by the platform, published, retired. */
export const dataResourceStatuses = ['draft', 'review', 'published', 'retired'] as const;
export type DataResourceStatus = (typeof dataResourceStatuses)[number];
export const dataResourceStatusNames: Labels<DataResourceStatus> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  review: { 'zh-CN': '待审核', 'en-US': 'In review' },
  published: { 'zh-CN': '已发布', 'en-US': 'Published' },
  retired: { 'zh-CN': '已停用', 'en-US': 'Retired' },
};

/**
 * 标识校验: a field whose values are identifiers with a check character, checked on upload and by the quality score
 * (GB 11643 居民身份证号码, GB 32100 统一社会信用代码). A field masked as an ID number is checked as one anyway.
 */
export const dataValueChecks = ['idNumber', 'creditCode'] as const;
export type DataValueCheck = (typeof dataValueChecks)[number];
export const dataValueCheckNames: Labels<DataValueCheck> = {
  idNumber: { 'zh-CN': '居民身份证号码(GB 11643)', 'en-US': 'Resident ID number (GB 11643)' },
  creditCode: { 'zh-CN': '统一社会信用代码(GB 32100)', 'en-US': 'Unified social credit code (GB 32100)' },
};

const fieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'data.fieldKey');
const text = (max: number) => z.string().trim().max(max, 'too_big');

/** 信息项: one column of a resource, with its own share type, open type, level and authoritative source. */
export const dataFieldSchema = z.object({
  key: fieldKey,
  name: text(60).min(1, 'required'),
  type: z.enum(dataFieldTypes),
  description: text(500).default(''),
  shareType: z.enum(shareTypes),
  openType: z.enum(openTypes),
  level: z.enum(dataLevels),
  /** A configurable sub-level of the level (e.g. 一般数据 → L2), null when none applies. */
  subLevel: text(20).nullable().default(null),
  masking: z.enum(maskingKinds).default('none'),
  /** 一数一源: the department whose value is authoritative; null means the resource's provider. */
  sourceDepartmentId: z.uuid('invalid_format').nullable().default(null),
  /** Why this item is shared on conditions or not at all when the resource's own legal basis does not cover it. */
  legalBasis: text(500).optional(),
  /** Values are checked as this identifier (absent: none, or an ID number when masked as one). */
  identifier: z.enum(dataValueChecks).nullable().optional(),
});
export type DataField = z.infer<typeof dataFieldSchema>;

/** 资源分类 类/项/目/细目 (e.g. 社会保障 / 养老保险 / 参保登记 / 城乡居民). */
export const classificationSchema = z.object({
  category: text(40).min(1, 'required'),
  item: text(40).default(''),
  directory: text(40).default(''),
  detail: text(40).default(''),
});
export type Classification = z.infer<typeof classificationSchema>;

/**
 * The metadata of one version of a resource (the catalogue's core metadata). The resource's code, provider and
 * source kind belong to the resource, not the version.
 */
export const dataResourceDefinitionSchema = z.object({
  name: text(80).min(2, 'too_small'),
  catalogueType: z.enum(catalogueTypes),
  classification: classificationSchema,
  summary: text(2000).min(1, 'required'),
  format: z.enum(resourceFormats),
  themes: z.array(text(20).min(1, 'required')).max(10, 'too_big').default([]),
  keywords: z.array(text(20).min(1, 'required')).max(20, 'too_big').default([]),
  shareType: z.enum(shareTypes),
  shareCondition: text(500).default(''),
  /** Required for conditional and not-shared resources (REFERENCES.md). */
  legalBasis: text(500).default(''),
  shareMethods: z.array(z.enum(shareMethods)).min(1, 'required').default(['interface']),
  openType: z.enum(openTypes),
  openCondition: text(500).default(''),
  updateCycle: z.enum(updateCycles),
  releasedOn: z.iso.date('invalid_format').nullable().default(null),
  relatedCodes: z.array(text(40)).max(20, 'too_big').default([]),
  /** The field whose value finds a record (身份证号, 统一社会信用代码, 许可证编号 …). */
  keyField: fieldKey,
  fields: z.array(dataFieldSchema).min(1, 'required').max(200, 'too_big'),
});
export type DataResourceDefinition = z.infer<typeof dataResourceDefinitionSchema>;

/** A published resource as other domains read it (exchange, open data, aggregate queries). */
export type PublishedDataResource = DataResourceDefinition & {
  id: string;
  code: string;
  providerDepartmentId: string;
  providerName: string;
  regionCode: string;
  sourceKind: ResourceSourceKind;
  /** The strictest level among the fields. */
  level: DataLevel;
  version: number;
  status: 'published' | 'retired';
  recordCount: number;
  recordsUpdatedAt: string | null;
};

/** A record's values by field key, as stored (full values; callers mask). */
export type DataRecordValues = Record<string, string | number | boolean | null>;

// ---------------------------------------------------------------- grading rules (就高从严)

const shareOrder: readonly ShareType[] = shareTypes;
const openOrder: readonly OpenType[] = openTypes;

/** True when `a` shares more freely than `b` (无条件 < 有条件 < 不予). */
export function isLooserShare(a: ShareType, b: ShareType): boolean {
  return shareOrder.indexOf(a) < shareOrder.indexOf(b);
}
/** True when `a` opens more freely than `b` (无条件 < 受限 < 禁止). */
export function isLooserOpen(a: OpenType, b: OpenType): boolean {
  return openOrder.indexOf(a) < openOrder.indexOf(b);
}

/** 子级: a configurable grade inside a level (e.g. 一般数据 → L1 公开级, L2 内部级), kept by the chief data officer. */
export const dataSubLevelSchema = z.object({
  level: z.enum(dataLevels),
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/, 'data.subLevelCode'),
  name: text(40).min(1, 'required'),
  description: text(200).default(''),
});
export type DataSubLevel = z.infer<typeof dataSubLevelSchema>;
export const dataSubLevelsInput = z.object({ items: z.array(dataSubLevelSchema).max(60, 'too_big') });
export type DataSubLevelsInput = z.infer<typeof dataSubLevelsInput>;
export const dataSubLevelsView = z.object({ items: z.array(dataSubLevelSchema) });
export type DataSubLevelsView = z.infer<typeof dataSubLevelsView>;

/** A problem the rules find in a definition: the path inside the definition and a message key (with its values). */
export type DefinitionIssue = { path: (string | number)[]; code: string };

/**
 * The catalogue's rules across fields, beyond what the schema says of each value (REFERENCES.md, GB/T 43697, 国发
 * 〔2016〕51号): conditional and not-shared resources and items name their legal basis; an item is never shared or
 * opened more freely than its resource; personal items, core and important data are not opened unconditionally;
 * field keys are unique and the key field is one of them; a sub-level is one configured for its level.
 * Shared by the form (as the officer types) and the server (the last word).
 */
export function dataDefinitionIssues(definition: DataResourceDefinition, subLevels: readonly DataSubLevel[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const hasBasis = definition.legalBasis.trim() !== '';
  if (definition.shareType !== 'unconditional' && !hasBasis) issues.push({ path: ['legalBasis'], code: 'data.legalBasisRequired' });
  if (definition.shareType === 'none' && definition.openType !== 'closed') issues.push({ path: ['openType'], code: 'data.notSharedOpen' });
  const seen = new Map<string, number>();
  definition.fields.forEach((f, i) => {
    const at = (name: string) => ['fields', i, name];
    if (seen.has(f.key)) issues.push({ path: at('key'), code: 'data.fieldKeyTaken' });
    else seen.set(f.key, i);
    if (isLooserShare(f.shareType, definition.shareType)) issues.push({ path: at('shareType'), code: 'data.fieldShareLooser' });
    if (isLooserOpen(f.openType, definition.openType)) issues.push({ path: at('openType'), code: 'data.fieldOpenLooser' });
    // A conditional resource's basis covers its items; an item stricter than an unconditional resource needs one of its own.
    const needsOwnBasis = definition.shareType === 'unconditional' && f.shareType !== 'unconditional';
    if (needsOwnBasis && !hasBasis && (f.legalBasis ?? '').trim() === '') issues.push({ path: at('legalBasis'), code: 'data.fieldLegalBasisRequired' });
    if (f.openType === 'open' && isPersonalMasking(f.masking)) issues.push({ path: at('openType'), code: 'data.personalOpen' });
    else if (f.openType !== 'closed' && f.level === 'core') issues.push({ path: at('openType'), code: 'data.coreOpen' });
    else if (f.openType === 'open' && f.level === 'important') issues.push({ path: at('openType'), code: 'data.importantOpen' });
    if (f.level === 'core' && f.shareType === 'unconditional') issues.push({ path: at('shareType'), code: 'data.coreShared' });
    if (f.shareType === 'none' && f.openType !== 'closed') issues.push({ path: at('openType'), code: 'data.notSharedOpen' });
    if (f.subLevel !== null) {
      const ofLevel = subLevels.filter((s) => s.level === f.level);
      if (ofLevel.length === 0) issues.push({ path: at('subLevel'), code: 'data.subLevelNone' });
      else if (!ofLevel.some((s) => s.code === f.subLevel)) issues.push({ path: at('subLevel'), code: 'data.subLevelUnknown' });
    }
  });
  const key = definition.fields.find((f) => f.key === definition.keyField);
  if (!key) issues.push({ path: ['keyField'], code: 'data.keyFieldUnknown' });
  else if (key.type !== 'string' && key.type !== 'integer') issues.push({ path: ['keyField'], code: 'data.keyFieldType' });
  return issues;
}

/** The check a field's values get: its declared identifier, else an ID number when masked as one. */
export function valueCheckOf(field: Pick<DataField, 'identifier' | 'masking'>): DataValueCheck | null {
  return field.identifier ?? (field.masking === 'idNumber' ? 'idNumber' : null);
}

// ---------------------------------------------------------------- versions, actions, views

export const dataResourceCodeSchema = z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z/._-]{2,39}$/, 'data.resourceCode');

/** A version of a resource: drafted, in review, published (the current one), superseded by a later one, or returned. */
export const dataResourceVersionStatuses = ['draft', 'review', 'published', 'superseded', 'returned'] as const;
export type DataResourceVersionStatus = (typeof dataResourceVersionStatuses)[number];
export const dataResourceVersionStatusNames: Labels<DataResourceVersionStatus> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  review: { 'zh-CN': '待审核', 'en-US': 'In review' },
  published: { 'zh-CN': '现行版本', 'en-US': 'Current' },
  superseded: { 'zh-CN': '已被替代', 'en-US': 'Superseded' },
  returned: { 'zh-CN': '已退回', 'en-US': 'Returned' },
};

/** What happened to a resource (its history, append-only). */
export const dataResourceActions = ['create', 'edit', 'newVersion', 'submit', 'publish', 'return', 'retire', 'loadRecords', 'deleteRecords'] as const;
export type DataResourceAction = (typeof dataResourceActions)[number];
export const dataResourceActionNames: Labels<DataResourceAction> = {
  create: { 'zh-CN': '新建编目', 'en-US': 'Created' },
  edit: { 'zh-CN': '修改草稿', 'en-US': 'Draft edited' },
  newVersion: { 'zh-CN': '新建版本', 'en-US': 'New version started' },
  submit: { 'zh-CN': '提交审核', 'en-US': 'Submitted for review' },
  publish: { 'zh-CN': '审核发布', 'en-US': 'Published' },
  return: { 'zh-CN': '退回修改', 'en-US': 'Returned' },
  retire: { 'zh-CN': '停用', 'en-US': 'Retired' },
  loadRecords: { 'zh-CN': '载入数据', 'en-US': 'Records loaded' },
  deleteRecords: { 'zh-CN': '删除数据', 'en-US': 'Records deleted' },
};

export const resourceSourceKindNames: Labels<ResourceSourceKind> = {
  table: { 'zh-CN': '部门数据表', 'en-US': 'Department table' },
  personRegistry: { 'zh-CN': '人口库', 'en-US': 'Person registry' },
  entityRegistry: { 'zh-CN': '法人库', 'en-US': 'Entity registry' },
};

const note = text(500).default('');
const reason = text(500).min(1, 'required');

export const createDataResourceInput = z.object({
  code: dataResourceCodeSchema,
  providerDepartmentId: z.uuid('invalid_format'),
  sourceKind: z.enum(resourceSourceKinds).default('table'),
  definition: dataResourceDefinitionSchema,
  note,
});
export type CreateDataResourceInput = z.infer<typeof createDataResourceInput>;

/** Saves the open draft, or starts a new draft version from a published or returned one. */
export const saveDataResourceDraftInput = z.object({ version: versionSchema, definition: dataResourceDefinitionSchema, note });
export type SaveDataResourceDraftInput = z.infer<typeof saveDataResourceDraftInput>;
export const submitDataResourceInput = z.object({ version: versionSchema });
export const publishDataResourceInput = z.object({ version: versionSchema, note });
export const returnDataResourceInput = z.object({ version: versionSchema, reason });
export const retireDataResourceInput = z.object({ version: versionSchema, reason });
export type PublishDataResourceInput = z.infer<typeof publishDataResourceInput>;
export type ReturnDataResourceInput = z.infer<typeof returnDataResourceInput>;

export const dataResourceVersionView = z.object({
  number: z.number().int(),
  status: z.enum(dataResourceVersionStatuses),
  note: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string(),
});
export type DataResourceVersionView = z.infer<typeof dataResourceVersionView>;

export const dataResourceActionView = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(dataResourceActions),
  versionNumber: z.number().int().nullable(),
  actorName: z.string(),
  note: z.string(),
});
export type DataResourceActionView = z.infer<typeof dataResourceActionView>;

export const dataResourceSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  providerDepartmentId: z.string(),
  providerName: z.string(),
  sourceKind: z.enum(resourceSourceKinds),
  status: z.enum(dataResourceStatuses),
  catalogueType: z.enum(catalogueTypes),
  level: z.enum(dataLevels),
  shareType: z.enum(shareTypes),
  openType: z.enum(openTypes),
  format: z.enum(resourceFormats),
  themes: z.array(z.string()),
  updateCycle: z.enum(updateCycles),
  publishedVersion: z.number().int().nullable(),
  /** The version being drafted or reviewed, for the provider and the reviewers; null for everyone else. */
  pending: z.object({ number: z.number().int(), status: z.enum(['draft', 'review']) }).nullable(),
  recordCount: z.number().int(),
  recordsUpdatedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type DataResourceSummary = z.infer<typeof dataResourceSummary>;

const facetCount = <T extends z.ZodType>(value: T) => z.array(z.object({ value, count: z.number().int() }));
export const dataResourceFacets = z.object({
  providers: z.array(z.object({ value: z.string(), name: z.string(), count: z.number().int() })),
  themes: facetCount(z.string()),
  shareTypes: facetCount(z.enum(shareTypes)),
  openTypes: facetCount(z.enum(openTypes)),
  formats: facetCount(z.enum(resourceFormats)),
  levels: facetCount(z.enum(dataLevels)),
  catalogueTypes: facetCount(z.enum(catalogueTypes)),
  statuses: facetCount(z.enum(dataResourceStatuses)),
});
export type DataResourceFacets = z.infer<typeof dataResourceFacets>;

export const dataResourceListQuery = pageQuery.extend({
  q: text(100).optional(),
  provider: z.uuid('invalid_format').optional(),
  theme: text(20).optional(),
  shareType: z.enum(shareTypes).optional(),
  openType: z.enum(openTypes).optional(),
  format: z.enum(resourceFormats).optional(),
  level: z.enum(dataLevels).optional(),
  catalogueType: z.enum(catalogueTypes).optional(),
  /** draft / review match a resource with a version in that state (a published one may have a new version in review). */
  status: z.enum(dataResourceStatuses).optional(),
});
export type DataResourceListQuery = z.infer<typeof dataResourceListQuery>;

export const dataResourceList = z.object({ items: z.array(dataResourceSummary), total: z.number().int(), facets: dataResourceFacets });
export type DataResourceList = z.infer<typeof dataResourceList>;

export const dataResourceVersionDetail = dataResourceVersionView.extend({ definition: dataResourceDefinitionSchema });
export type DataResourceVersionDetail = z.infer<typeof dataResourceVersionDetail>;

export const dataResourceView = dataResourceSummary.extend({
  /** Optimistic concurrency: send it back with every change. */
  version: z.number().int(),
  createdAt: z.string(),
  /** The published definition (what consumers see); null before the first publication. */
  published: dataResourceDefinitionSchema.nullable(),
  /** The newest version with its definition (the draft being edited, the one in review, or the last returned one), for the provider and the reviewers. */
  latest: dataResourceVersionDetail.nullable(),
  versions: z.array(dataResourceVersionView),
  history: z.array(dataResourceActionView),
  departmentNames: z.record(z.string(), z.string()),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), publish: z.boolean(), return: z.boolean(), retire: z.boolean(), loadRecords: z.boolean() }),
});
export type DataResourceView = z.infer<typeof dataResourceView>;

// ---------------------------------------------------------------- records

export const dataRecordValue = z.union([z.string().max(4000, 'too_big'), z.number(), z.boolean(), z.null()]);
export const dataRecordsInput = z.object({ rows: z.array(z.record(z.string(), dataRecordValue)).min(1, 'required').max(1000, 'too_big') });
export type DataRecordsInput = z.infer<typeof dataRecordsInput>;
export const dataRecordsQuery = z.object({ dryRun: z.stringbool().default(false) });
export const deleteDataRecordsInput = z.object({ keys: z.array(z.string().trim().min(1, 'required').max(200, 'too_big')).min(1, 'required').max(1000, 'too_big') });
export const deleteDataRecordsResult = z.object({ deleted: z.number().int(), recordCount: z.number().int() });
/** Per-row report of a record load (the import report every sheet import uses: dry run, all or nothing). */
export const dataRecordsReport = orgImportReport;
export type DataRecordsReport = z.infer<typeof dataRecordsReport>;

// ---------------------------------------------------------------- quality

export const dataQualityScore = z.object({
  resourceId: z.string(),
  code: z.string(),
  name: z.string(),
  providerDepartmentId: z.string(),
  providerName: z.string(),
  updateCycle: z.enum(updateCycles),
  recordCount: z.number().int(),
  recordsUpdatedAt: z.string().nullable(),
  /** Percentages with one decimal; null when there is nothing to measure (no records). */
  completeness: z.number().nullable(),
  validity: z.number().nullable(),
  timeliness: z.number().nullable(),
  score: z.number().nullable(),
  /** How many values failed their type or check, per field key (no values or keys: they may be personal). */
  invalidByField: z.record(z.string(), z.number().int()),
});
export type DataQualityScore = z.infer<typeof dataQualityScore>;
export const dataQualityReport = z.object({
  items: z.array(dataQualityScore),
  overall: z.object({ completeness: z.number().nullable(), validity: z.number().nullable(), timeliness: z.number().nullable(), score: z.number().nullable() }),
  computedAt: z.string(),
});
export type DataQualityReport = z.infer<typeof dataQualityReport>;
export const dataQualityQuery = z.object({ provider: z.uuid('invalid_format').optional() });

// ---------------------------------------------------------------- Excel

/** Sheet 资源 of the catalogue workbook: one row per resource (enum cells in Chinese; codes accepted too). */
export const dataResourceSheetColumns = {
  code: '资源代码',
  name: '资源名称',
  providerName: '提供方',
  providerCreditCode: '提供方统一社会信用代码',
  sourceKind: '数据来源',
  catalogueType: '目录类型',
  category: '类',
  item: '项',
  directory: '目',
  detail: '细目',
  summary: '资源摘要',
  format: '资源格式',
  themes: '主题',
  keywords: '关键词',
  shareType: '共享类型',
  shareCondition: '共享条件',
  legalBasis: '共享依据',
  shareMethods: '共享方式',
  openType: '开放类型',
  openCondition: '开放条件',
  updateCycle: '更新周期',
  releasedOn: '发布日期',
  relatedCodes: '关联资源代码',
  keyField: '主键信息项',
  status: '状态',
  version: '版本',
} as const;

/** Sheet 信息项: one row per field, in order, joined to its resource by 资源代码. */
export const dataFieldSheetColumns = {
  code: '资源代码',
  key: '信息项标识',
  name: '信息项名称',
  type: '数据类型',
  description: '说明',
  shareType: '共享类型',
  openType: '开放类型',
  legalBasis: '共享依据',
  level: '分级',
  subLevel: '子级',
  masking: '脱敏方式',
  identifier: '标识校验',
  sourceName: '权威来源部门',
  sourceCreditCode: '权威来源部门统一社会信用代码',
} as const;

// ---------------------------------------------------------------- messages

const labelMessages = <K extends string>(prefix: string, labels: Labels<K>, locale: Locale) =>
  Object.fromEntries(Object.entries<Readonly<Record<Locale, string>>>(labels).map(([k, v]) => [`${prefix}.${k}`, v[locale]]));

const dataEnumMessages = (locale: Locale) => ({
  ...labelMessages('data.shareType', shareTypeNames, locale),
  ...labelMessages('data.openType', openTypeNames, locale),
  ...labelMessages('data.level', dataLevelNames, locale),
  ...labelMessages('data.status', dataResourceStatusNames, locale),
  ...labelMessages('data.versionStatus', dataResourceVersionStatusNames, locale),
  ...labelMessages('data.action', dataResourceActionNames, locale),
});

export const dataCatalogueMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...dataEnumMessages('zh-CN'),
    'data.fieldKey': '信息项标识以小写字母开头,由字母、数字、下划线组成(至多 40 位)',
    'data.resourceCode': '资源代码为 3–40 位字母、数字或 - _ . /,以字母或数字开头',
    'data.subLevelCode': '子级代码为 1–20 位字母、数字或 - _ .',
    'data.codeTaken': '该资源代码已存在',
    'data.legalBasisRequired': '有条件共享或不予共享的资源须写明共享依据(法律法规或政策文件)',
    'data.fieldLegalBasisRequired': '该信息项为有条件共享或不予共享,须写明共享依据(可写在信息项或资源上)',
    'data.fieldShareLooser': '信息项的共享类型不能比所属资源更宽松',
    'data.fieldOpenLooser': '信息项的开放类型不能比所属资源更宽松',
    'data.personalOpen': '需脱敏的个人信息不能无条件开放',
    'data.coreOpen': '核心数据不得开放',
    'data.importantOpen': '重要数据不能无条件开放',
    'data.coreShared': '核心数据不能无条件共享',
    'data.notSharedOpen': '不予共享的数据不能开放',
    'data.keyFieldUnknown': '主键须是本资源的信息项之一',
    'data.keyFieldType': '主键信息项应为字符型或整数',
    'data.fieldKeyTaken': '信息项标识重复',
    'data.subLevelUnknown': '该子级不是所选分级已配置的子级',
    'data.subLevelNone': '所选分级没有配置子级,请留空',
    'data.subLevelDuplicate': '同一分级下子级代码重复',
    'data.sourceDepartmentUnknown': '权威来源部门不存在或已停用',
    'data.providerUnknown': '提供部门不存在、已停用或不在您的管辖范围内',
    'data.providerNotOwn': '部门数据管理员只能为本部门编目',
    'data.resourceNotFound': '未找到该数据资源',
    'data.transition': '该资源{state},不能{action}',
    'data.state.noDraft': '没有待提交的草稿',
    'data.state.noReview': '没有待审核的版本',
    'data.state.inReview': '有版本正在审核中',
    'data.state.retired': '已停用',
    'data.state.notPublished': '尚未发布',
    'data.registryUpload': '人口库、法人库资源的数据由基础库维护,不能在此载入',
    'data.value.integer': '应为整数',
    'data.value.number': '应为数值',
    'data.value.date': '应为日期(YYYY-MM-DD)',
    'data.value.datetime': '应为日期时间(如 2026-11-01T08:00:00+08:00)',
    'data.value.boolean': '应为 是/否(true/false、1/0)',
    'data.value.tooLong': '内容太长(至多 {max} 字)',
    'data.record.keyRequired': '主键“{field}”不能为空',
    'data.record.duplicateKey': '主键与第 {row} 行重复',
    'data.record.unknownField': '该资源没有信息项“{field}”',
    'data.import.noFile': '请选择要导入的文件(.xlsx 或 .csv)',
    'data.import.format': '只能导入 .xlsx 或 .csv(UTF-8)文件',
    'data.import.empty': '文件中没有数据行',
    'data.import.tooManyRows': '一次最多导入 {max} 行,请拆分文件',
    'data.import.missingColumns': '缺少必需的列:{columns}',
    'data.import.unreadable': '无法读取该文件,请确认是 UTF-8 编码的 CSV 或 Excel 2007 及以上版本的 .xlsx',
    'data.import.unknownValue': '“{value}”不是有效的取值',
    'data.import.duplicateCode': '资源代码在表中重复(与第 {row} 行相同)',
    'data.import.noFields': '该资源在“信息项”表中没有信息项',
    'data.import.orphanField': '资源代码不在“资源”表中',
    'data.import.providerChanged': '资源创建后提供方不能更改',
    'data.import.sourceKindChanged': '资源创建后数据来源不能更改',
    'data.import.inReview': '该资源有版本正在审核,审核完成前不能修改',
    'data.import.retired': '该资源已停用,不能修改',
    'data.import.noFieldsSheet': '缺少“信息项”工作表',
    'data.import.outOfScope': '该资源不属于您管理的部门',
    'data.import.note': 'Excel 导入',
  },
  'en-US': {
    ...dataEnumMessages('en-US'),
    'data.fieldKey': 'A field key starts with a lower-case letter and has letters, digits or underscores (at most 40)',
    'data.resourceCode': 'A resource code has 3–40 letters, digits or - _ . /, starting with a letter or digit',
    'data.subLevelCode': 'A sub-level code has 1–20 letters, digits or - _ .',
    'data.codeTaken': 'This resource code already exists',
    'data.legalBasisRequired': 'Resources shared on conditions or not shared need a legal basis (law, regulation or policy)',
    'data.fieldLegalBasisRequired': 'This item is shared on conditions or not shared: give a legal basis (on the item or the resource)',
    'data.fieldShareLooser': 'An item cannot be shared more freely than its resource',
    'data.fieldOpenLooser': 'An item cannot be opened more freely than its resource',
    'data.personalOpen': 'Personal data that needs masking cannot be open without conditions',
    'data.coreOpen': 'Core data is never opened',
    'data.importantOpen': 'Important data cannot be open without conditions',
    'data.coreShared': 'Core data cannot be shared without conditions',
    'data.notSharedOpen': 'Data that is not shared cannot be opened',
    'data.keyFieldUnknown': 'The key must be one of this resource’s items',
    'data.keyFieldType': 'The key item must be text or an integer',
    'data.fieldKeyTaken': 'Duplicate field key',
    'data.subLevelUnknown': 'Not a configured sub-level of the chosen level',
    'data.subLevelNone': 'The chosen level has no sub-levels; leave it empty',
    'data.subLevelDuplicate': 'Duplicate sub-level code within a level',
    'data.sourceDepartmentUnknown': 'The authoritative department does not exist or is inactive',
    'data.providerUnknown': 'The provider does not exist, is inactive or is outside your region',
    'data.providerNotOwn': 'A department’s data administrator catalogues only their own department’s data',
    'data.resourceNotFound': 'No such data resource',
    'data.transition': 'This resource {state} and cannot be {action} now',
    'data.state.noDraft': 'has no draft to submit',
    'data.state.noReview': 'has no version in review',
    'data.state.inReview': 'has a version in review',
    'data.state.retired': 'is retired',
    'data.state.notPublished': 'is not published',
    'data.registryUpload': 'Records of the person and entity registries are kept by the registries, not loaded here',
    'data.value.integer': 'Must be an integer',
    'data.value.number': 'Must be a number',
    'data.value.date': 'Must be a date (YYYY-MM-DD)',
    'data.value.datetime': 'Must be a date and time (e.g. 2026-11-01T08:00:00+08:00)',
    'data.value.boolean': 'Must be yes/no (true/false, 1/0)',
    'data.value.tooLong': 'Too long (at most {max} characters)',
    'data.record.keyRequired': 'The key “{field}” must not be empty',
    'data.record.duplicateKey': 'The key repeats row {row}',
    'data.record.unknownField': 'This resource has no item “{field}”',
    'data.import.noFile': 'Choose a file to import (.xlsx or .csv)',
    'data.import.format': 'Only .xlsx or UTF-8 .csv files can be imported',
    'data.import.empty': 'The file has no data rows',
    'data.import.tooManyRows': 'At most {max} rows per import; split the file',
    'data.import.missingColumns': 'Required columns are missing: {columns}',
    'data.import.unreadable': 'The file cannot be read; use a UTF-8 CSV or an Excel 2007+ .xlsx',
    'data.import.unknownValue': '“{value}” is not an allowed value',
    'data.import.duplicateCode': 'The resource code appears twice (same as row {row})',
    'data.import.noFields': 'This resource has no items in the “信息项” sheet',
    'data.import.orphanField': 'The resource code is not in the “资源” sheet',
    'data.import.providerChanged': 'The provider cannot change once a resource is created',
    'data.import.sourceKindChanged': 'The source cannot change once a resource is created',
    'data.import.inReview': 'A version of this resource is in review; it cannot change until reviewed',
    'data.import.retired': 'This resource is retired and cannot change',
    'data.import.noFieldsSheet': 'The “信息项” sheet is missing',
    'data.import.outOfScope': 'This resource belongs to a department you do not manage',
    'data.import.note': 'Imported from Excel',
  },
};
