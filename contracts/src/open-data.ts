import { z } from 'zod';
import type { Locale } from './errors';
import { pageQuery } from './identity';
import { versionSchema } from './org';
import { catalogueTypes, classificationSchema, dataFieldTypes, maskingKinds, resourceFormats, updateCycles } from './data-catalogue';

// 数据开放: open datasets, downloads, open APIs, conditional applications, the CKAN Action API and DCAT-AP.
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

// ---------------------------------------------------------------- enums

/** The open types that make a catalogue resource an open dataset (禁止开放 resources never appear). */
export const openDatasetTypes = ['open', 'restricted'] as const;
export type OpenDatasetType = (typeof openDatasetTypes)[number];

/** Download formats of every open dataset. */
export const openDownloadFormats = ['csv', 'json', 'xlsx'] as const;
export type OpenDownloadFormat = (typeof openDownloadFormats)[number];
export const openDownloadMediaTypes: Readonly<Record<OpenDownloadFormat, string>> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const openDownloadFormatNames: Labels<OpenDownloadFormat> = {
  csv: { 'zh-CN': 'CSV(可用 Excel 打开)', 'en-US': 'CSV (opens in Excel)' },
  json: { 'zh-CN': 'JSON', 'en-US': 'JSON' },
  xlsx: { 'zh-CN': 'Excel 工作簿(XLSX)', 'en-US': 'Excel workbook (XLSX)' },
};

/** An application for a 受限开放 dataset. `expired` is derived: approved, but the approved period has passed. */
export const openApplicationStatuses = ['pending', 'approved', 'expired', 'refused', 'withdrawn'] as const;
export type OpenApplicationStatus = (typeof openApplicationStatuses)[number];
export const openApplicationStatusNames: Labels<OpenApplicationStatus> = {
  pending: { 'zh-CN': '待审核', 'en-US': 'Pending' },
  approved: { 'zh-CN': '已批准', 'en-US': 'Approved' },
  expired: { 'zh-CN': '已到期', 'en-US': 'Expired' },
  refused: { 'zh-CN': '未批准', 'en-US': 'Refused' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
};

/** The longest period an application may ask for (and an approval may grant), in months. */
export const MAX_APPLICATION_MONTHS = 24;
/** Rows per open-API page at most, and how deep page/pageSize may reach (use the cursor beyond). */
export const MAX_OPEN_PAGE_SIZE = 1000;
export const MAX_OPEN_OFFSET = 100_000;
/** Active API keys a developer (a person, or an enterprise) may hold at once. */
export const MAX_ACTIVE_API_KEYS = 5;
/** The licence shown when the chief data officer has set none for a dataset. */
export const defaultOpenLicence: Readonly<Record<Locale, string>> = { 'zh-CN': '公共数据开放许可协议', 'en-US': 'Public Data Open Licence' };

const text = (max: number) => z.string().trim().max(max, 'too_big');
const datasetCode = z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z/._-]{2,39}$/, 'openData.datasetCode');

// ---------------------------------------------------------------- datasets (public)

export const openDatasetSorts = ['featured', 'name', 'updated', 'downloads'] as const;
export type OpenDatasetSort = (typeof openDatasetSorts)[number];

const booleanFlag = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean());

export const openDatasetListQuery = pageQuery.extend({
  q: text(100).optional(),
  provider: z.uuid('invalid_format').optional(),
  theme: text(20).optional(),
  format: z.enum(resourceFormats).optional(),
  updateCycle: z.enum(updateCycles).optional(),
  openType: z.enum(openDatasetTypes).optional(),
  featured: booleanFlag.optional(),
  sort: z.enum(openDatasetSorts).default('featured'),
});
export type OpenDatasetListQuery = z.infer<typeof openDatasetListQuery>;

export const openDatasetSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  providerDepartmentId: z.string(),
  providerName: z.string(),
  themes: z.array(z.string()),
  keywords: z.array(z.string()),
  format: z.enum(resourceFormats),
  updateCycle: z.enum(updateCycles),
  openType: z.enum(openDatasetTypes),
  recordCount: z.number().int(),
  recordsUpdatedAt: z.string().nullable(),
  releasedOn: z.string().nullable(),
  isFeatured: z.boolean(),
  downloads: z.number().int(),
  apiCalls: z.number().int(),
});
export type OpenDatasetSummary = z.infer<typeof openDatasetSummary>;

const counted = <T extends z.ZodType>(value: T) => z.array(z.object({ value, count: z.number().int() }));
export const openDatasetFacets = z.object({
  providers: z.array(z.object({ value: z.string(), name: z.string(), count: z.number().int() })),
  themes: counted(z.string()),
  formats: counted(z.enum(resourceFormats)),
  updateCycles: counted(z.enum(updateCycles)),
  openTypes: counted(z.enum(openDatasetTypes)),
});
export type OpenDatasetFacets = z.infer<typeof openDatasetFacets>;

export const openDatasetList = z.object({ items: z.array(openDatasetSummary), total: z.number().int(), facets: openDatasetFacets });
export type OpenDatasetList = z.infer<typeof openDatasetList>;

/** An information item as the public sees it: its metadata; values only for open items (restricted ones on approval). */
export const openDatasetField = z.object({
  key: z.string(),
  name: z.string(),
  type: z.enum(dataFieldTypes),
  description: z.string(),
  openType: z.enum(openDatasetTypes),
  masking: z.enum(maskingKinds),
});
export type OpenDatasetField = z.infer<typeof openDatasetField>;

export const openRecordValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const openRecord = z.record(z.string(), openRecordValue);
export type OpenRecord = z.infer<typeof openRecord>;

export const openDownloadLink = z.object({ format: z.enum(openDownloadFormats), url: z.string(), mediaType: z.string() });

export const openDatasetContact = z.object({ name: z.string(), email: z.string(), phone: z.string() });

export const openDatasetView = openDatasetSummary.extend({
  catalogueType: z.enum(catalogueTypes),
  classification: classificationSchema,
  openCondition: z.string(),
  /** Items whose values anyone may download. */
  fields: z.array(openDatasetField),
  /** Items opened only to approved applicants (metadata only here). */
  restrictedFields: z.array(openDatasetField),
  preview: z.array(openRecord),
  /** Where to download the open items (CSV, JSON, XLSX). */
  files: z.array(openDownloadLink),
  licence: z.object({ name: z.string(), terms: z.string() }),
  contact: openDatasetContact,
  /** The open API's address for this dataset (call it with an X-Api-Key header). */
  recordsUrl: z.string(),
  createdAt: z.string(),
  metadataModified: z.string(),
});
export type OpenDatasetView = z.infer<typeof openDatasetView>;

export const openDatasetParams = z.object({ code: datasetCode });
export const openDownloadParams = openDatasetParams.extend({ format: z.enum(openDownloadFormats) });

// ---------------------------------------------------------------- open API (records by key)

export const openRecordsQuery = z.object({
  page: z.coerce.number().int().min(1, 'too_small').default(1),
  pageSize: z.coerce.number().int().min(1, 'too_small').max(MAX_OPEN_PAGE_SIZE, 'too_big').default(100),
  /** Keyset position from the previous page's `next` (faster than deep pages; takes precedence over page). */
  cursor: z.string().trim().max(400, 'too_big').optional(),
});
export type OpenRecordsQuery = z.infer<typeof openRecordsQuery>;

export const openRecordsPage = z.object({
  dataset: z.string(),
  fields: z.array(openDatasetField),
  items: z.array(openRecord),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Pass as `cursor` for the following page; null on the last one. */
  next: z.string().nullable(),
  /** True when the caller's approved application opened the restricted items too. */
  includesRestricted: z.boolean(),
});
export type OpenRecordsPage = z.infer<typeof openRecordsPage>;

// ---------------------------------------------------------------- API keys (developers)

export const createApiKeyInput = z.object({ name: text(40).min(1, 'required') });
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to tell keys apart; the key itself is shown once, at creation. */
  prefix: z.string(),
  status: z.enum(['active', 'revoked']),
  ratePerMinute: z.number().int(),
  dailyQuota: z.number().int(),
  usedToday: z.number().int(),
  callCount: z.number().int(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

export const createdApiKey = apiKeyView.extend({ secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKey>;

// ---------------------------------------------------------------- applications (受限开放)

export const openApplicationInput = z.object({
  dataset: datasetCode,
  purpose: text(500).min(5, 'too_small'),
  scenario: text(1000).min(5, 'too_small'),
  months: z.number().int().min(1, 'too_small').max(MAX_APPLICATION_MONTHS, 'too_big'),
});
export type OpenApplicationInput = z.infer<typeof openApplicationInput>;

export const approveOpenApplicationInput = z.object({
  version: versionSchema,
  /** A shorter period than asked for; the asked period when absent. */
  months: z.number().int().min(1, 'too_small').max(MAX_APPLICATION_MONTHS, 'too_big').optional(),
  note: text(500).default(''),
});
export type ApproveOpenApplicationInput = z.infer<typeof approveOpenApplicationInput>;
export const refuseOpenApplicationInput = z.object({ version: versionSchema, reason: text(500).min(1, 'required') });
export type RefuseOpenApplicationInput = z.infer<typeof refuseOpenApplicationInput>;
export const withdrawOpenApplicationInput = z.object({ version: versionSchema });

export const openApplicationView = z.object({
  id: z.string(),
  datasetCode: z.string(),
  datasetName: z.string(),
  providerName: z.string(),
  applicantName: z.string(),
  applicantKind: z.enum(['person', 'enterprise']),
  purpose: z.string(),
  scenario: z.string(),
  months: z.number().int(),
  status: z.enum(openApplicationStatuses),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string(),
  validUntil: z.string().nullable(),
  /** The restricted items an approval opens. */
  restrictedFields: z.array(z.string()),
  version: z.number().int(),
});
export type OpenApplicationView = z.infer<typeof openApplicationView>;

export const openApplicationListQuery = pageQuery.extend({
  status: z.enum(openApplicationStatuses).optional(),
  dataset: datasetCode.optional(),
});
export type OpenApplicationListQuery = z.infer<typeof openApplicationListQuery>;

// ---------------------------------------------------------------- administration (open-data.manage)

export const openDatasetSettingsInput = z.object({
  /** The settings' version as read (0 when none were saved yet): optimistic concurrency. */
  version: z.number().int().min(0, 'too_small'),
  isFeatured: z.boolean(),
  featuredRank: z.number().int().min(0, 'too_small').max(999, 'too_big').default(0),
  licenceName: text(60).default(''),
  licenceTerms: text(2000).default(''),
  contactName: text(60).default(''),
  contactEmail: z.union([z.literal(''), z.email('invalid_format').max(120, 'too_big')]).default(''),
  contactPhone: text(30).regex(/^[0-9+() -]*$/, 'invalid_format').default(''),
});
export type OpenDatasetSettingsInput = z.infer<typeof openDatasetSettingsInput>;

export const openDatasetSettingsView = z.object({
  version: z.number().int(),
  isFeatured: z.boolean(),
  featuredRank: z.number().int(),
  licenceName: z.string(),
  licenceTerms: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type OpenDatasetSettingsView = z.infer<typeof openDatasetSettingsView>;

export const openDataAdminRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  providerName: z.string(),
  openType: z.enum(openDatasetTypes),
  updateCycle: z.enum(updateCycles),
  recordCount: z.number().int(),
  downloads: z.number().int(),
  apiCalls: z.number().int(),
  downloadsLast30Days: z.number().int(),
  apiCallsLast30Days: z.number().int(),
  pendingApplications: z.number().int(),
  settings: openDatasetSettingsView,
});
export type OpenDataAdminRow = z.infer<typeof openDataAdminRow>;

export const openDataOverview = z.object({
  items: z.array(openDataAdminRow),
  totals: z.object({
    datasets: z.number().int(),
    downloads: z.number().int(),
    apiCalls: z.number().int(),
    activeKeys: z.number().int(),
    pendingApplications: z.number().int(),
  }),
});
export type OpenDataOverview = z.infer<typeof openDataOverview>;

// ---------------------------------------------------------------- messages

function statusMessages(locale: Locale): Record<string, string> {
  return Object.fromEntries(openApplicationStatuses.map((s) => [`openData.status.${s}`, openApplicationStatusNames[s][locale]]));
}

export const openDataMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'openData.datasetCode': '数据集编码格式不正确',
    'openData.datasetNotFound': '未找到该开放数据集(可能未开放或已停用)',
    'openData.apiKey.missing': '请在请求头 X-Api-Key 中提供 API 密钥',
    'openData.apiKey.invalid': 'API 密钥无效或已停用',
    'openData.apiKey.notFound': '未找到该 API 密钥',
    'openData.apiKey.revoked': '该 API 密钥已停用',
    'openData.apiKey.tooMany': '最多同时持有 {max} 个有效的 API 密钥,请先停用不用的密钥',
    'openData.apiKey.developersOnly': 'API 密钥供个人或企业开发者使用,工作人员请使用共享交换服务',
    'openData.rateLimited': '调用过于频繁:每个密钥每分钟至多 {limit} 次,请稍后再试',
    'openData.quotaExceeded': '今日调用次数已达上限({limit} 次),请明日再试',
    'openData.cursor': '翻页游标无效,请从第一页重新开始',
    'openData.noOpenItems': '该数据集没有无条件开放的信息项,可申请后通过开放接口获取',
    'openData.applicationRequired': '该数据集的信息项均需申请:请先提交受限开放申请,获批后再调用',
    'openData.tooDeep': '页码过大:请改用上一页返回的 next 游标继续翻页',
    'openData.application.notRestricted': '该数据集无需申请,可直接下载或调用',
    'openData.application.applicantsOnly': '受限开放数据由个人或企业申请,工作人员请使用共享交换服务',
    'openData.application.duplicate': '您已提交过该数据集的申请,请等待审核结果',
    'openData.application.notFound': '未找到该申请',
    'openData.application.notPending': '该申请已处理(当前为“{status}”),不能再{action}',
    'openData.application.approve': '批准',
    'openData.application.refuse': '不予批准',
    'openData.application.withdraw': '撤回',
    'openData.application.monthsTooLong': '批准期限不能长于申请的期限',
    ...statusMessages('zh-CN'),
  },
  'en-US': {
    'openData.datasetCode': 'Not a valid dataset code',
    'openData.datasetNotFound': 'No such open dataset (it may not be open or may have been retired)',
    'openData.apiKey.missing': 'Send your API key in the X-Api-Key header',
    'openData.apiKey.invalid': 'The API key is not valid or has been revoked',
    'openData.apiKey.notFound': 'No such API key',
    'openData.apiKey.revoked': 'This API key has been revoked',
    'openData.apiKey.tooMany': 'At most {max} active API keys at a time; revoke one you no longer use',
    'openData.apiKey.developersOnly': 'API keys are for personal and enterprise developers; staff use the data exchange',
    'openData.rateLimited': 'Too many calls: at most {limit} per minute per key; try again shortly',
    'openData.quotaExceeded': 'Today’s call quota ({limit}) is used up; try again tomorrow',
    'openData.cursor': 'The page cursor is not valid; start again from the first page',
    'openData.noOpenItems': 'This dataset has no items opened without conditions; apply, then read it through the open API',
    'openData.applicationRequired': 'Every item of this dataset is opened on application: apply first, then call the API',
    'openData.tooDeep': 'Page too deep: continue with the `next` cursor of the previous page',
    'openData.application.notRestricted': 'This dataset needs no application: download or call it directly',
    'openData.application.applicantsOnly': 'Persons and enterprises apply for restricted data; staff use the data exchange',
    'openData.application.duplicate': 'You already applied for this dataset; wait for the decision',
    'openData.application.notFound': 'No such application',
    'openData.application.notPending': 'This application has been handled (now “{status}”) and cannot be {action}',
    'openData.application.approve': 'approved',
    'openData.application.refuse': 'refused',
    'openData.application.withdraw': 'withdrawn',
    'openData.application.monthsTooLong': 'The approved period cannot be longer than the one asked for',
    ...statusMessages('en-US'),
  },
};
