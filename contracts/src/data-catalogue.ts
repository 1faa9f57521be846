import { z } from 'zod';
import type { Locale } from './errors';

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
