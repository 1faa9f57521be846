import { z } from 'zod';
import type { Locale } from './errors';
import { pageQuery } from './identity';
import { versionSchema } from './org';
import { maskingKinds, type MaskingKind, type ResourceSourceKind } from './data-catalogue';

// 人口库/法人库: base registries, 一数一源 cross-checks and disputes (异议核实). Every source's observed value is kept per
// subject (a person by 身份证号, an entity by 统一社会信用代码) and field; the authoritative source's value is written into
// the catalogue's registry resource; the others are cross-checked against it; a citizen, an enterprise or a department
// may dispute a value, and the authoritative department verifies within 5 working days.
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

// ---------------------------------------------------------------- registries and sources

/** The two base registries, as they appear in URLs (`/api/registries/person/…`). */
export const registryKinds = ['person', 'entity'] as const;
export type RegistryKind = (typeof registryKinds)[number];
export const registryKindNames: Labels<RegistryKind> = {
  person: { 'zh-CN': '人口库', 'en-US': 'Person registry' },
  entity: { 'zh-CN': '法人库', 'en-US': 'Entity registry' },
};
/** The catalogue resource kind that holds each registry's authoritative records. */
export const registrySourceKinds: Readonly<Record<RegistryKind, Extract<ResourceSourceKind, 'personRegistry' | 'entityRegistry'>>> = {
  person: 'personRegistry',
  entity: 'entityRegistry',
};
/** What identifies a subject: a person's 身份证号 (GB 11643), an entity's 统一社会信用代码 (GB 32100). */
export const registryKeyFields: Readonly<Record<RegistryKind, string>> = { person: 'idNumber', entity: 'creditCode' };

/**
 * Sources that are systems rather than departments: the platform's own accounts (统一身份认证: names and mobile numbers
 * people registered with). A system is held by a department (set by the chief data officer), so a field whose
 * authoritative department holds it takes the system's value. Departments are sources by their id.
 */
export const registrySystems = ['identity'] as const;
export type RegistrySystem = (typeof registrySystems)[number];
export const registrySystemNames: Labels<RegistrySystem> = {
  identity: { 'zh-CN': '统一身份认证平台', 'en-US': 'Unified identity platform' },
};
export function isRegistrySystem(source: string): source is RegistrySystem {
  return (registrySystems as readonly string[]).includes(source);
}

/** A field as a registry shows it when its resource is not catalogued yet (the catalogue's definition wins once it is). */
export type RegistryDefaultField = { key: string; name: Readonly<Record<Locale, string>>; masking: MaskingKind };
const field = (key: string, zh: string, en: string, masking: MaskingKind = 'none'): RegistryDefaultField => ({ key, name: { 'zh-CN': zh, 'en-US': en }, masking });
export const registryDefaultFields: Readonly<Record<RegistryKind, readonly RegistryDefaultField[]>> = {
  person: [
    field('idNumber', '公民身份号码', 'ID number', 'idNumber'),
    field('name', '姓名', 'Name', 'name'),
    field('gender', '性别', 'Gender'),
    field('birthDate', '出生日期', 'Date of birth'),
    field('ethnicity', '民族', 'Ethnicity'),
    field('regionCode', '户籍地行政区划', 'Registered region'),
    field('address', '户籍地址', 'Registered address', 'address'),
    field('mobile', '手机号码', 'Mobile number', 'mobile'),
  ],
  entity: [
    field('creditCode', '统一社会信用代码', 'Unified social credit code'),
    field('name', '名称', 'Name'),
    field('legalRepName', '法定代表人', 'Legal representative', 'name'),
    field('legalRepIdNumber', '法定代表人身份证号', 'Legal representative ID number', 'idNumber'),
    field('regionCode', '登记地行政区划', 'Registered region'),
    field('address', '住所', 'Registered address'),
    field('status', '登记状态', 'Status'),
    field('establishedOn', '成立日期', 'Established on'),
  ],
};

// ---------------------------------------------------------------- values and observations

const fieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'registry.fieldKey');
const text = (max: number) => z.string().trim().max(max, 'too_big');
const instant = z.iso.datetime({ offset: true, message: 'invalid_format' });

/** One value as a source states it (null: the source says the field is empty). */
export const registryValueSchema = z.union([text(500), z.number(), z.boolean(), z.null()]);
export type RegistryValue = z.infer<typeof registryValueSchema>;

export const registryParam = z.object({ registry: z.enum(registryKinds, 'registry.unknown') });

/** At most this many rows in one JSON batch; files take up to MAX rows per upload. */
export const REGISTRY_BATCH_MAX_ROWS = 5000;
export const REGISTRY_FILE_MAX_ROWS = 50_000;

export const registryObservationRow = z.object({
  /** 身份证号 or 统一社会信用代码 of the subject. */
  key: z.string().trim().min(1, 'required').max(40, 'too_big'),
  values: z.record(fieldKey, registryValueSchema).refine((v) => Object.keys(v).length > 0, 'required').refine((v) => Object.keys(v).length <= 60, 'too_big'),
  /** When the source observed the values (defaults to the batch's time, else now). */
  observedAt: instant.optional(),
});
export type RegistryObservationRow = z.infer<typeof registryObservationRow>;

/** A provider's batch of values (POST /api/registries/:registry/observations): the caller's department is the source. */
export const registryObservationsInput = z.object({
  rows: z.array(registryObservationRow).min(1, 'required').max(REGISTRY_BATCH_MAX_ROWS, 'too_big'),
  observedAt: instant.optional(),
});
export type RegistryObservationsInput = z.infer<typeof registryObservationsInput>;

export const registryObservationsQuery = z.object({ dryRun: z.stringbool('invalid_value').default(false) });

export const registryObservationsReport = z.object({
  registry: z.enum(registryKinds),
  source: z.string(),
  sourceName: z.string(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** Values that differ from what this source said before (or are new). */
  recorded: z.number().int(),
  /** Values this source had already stated. */
  unchanged: z.number().int(),
  subjects: z.number().int(),
  /** Whether the authoritative records were rewritten (false until the registry is catalogued). */
  isRecordWritten: z.boolean(),
});
export type RegistryObservationsReport = z.infer<typeof registryObservationsReport>;

// ---------------------------------------------------------------- subjects (browse, search, one subject)

export const registrySubjectQuery = pageQuery.extend({
  /** Exact 身份证号 / 统一社会信用代码. */
  key: z.string().trim().max(40, 'too_big').optional(),
  hasConflicts: z.stringbool('invalid_value').optional(),
});
export type RegistrySubjectQuery = z.infer<typeof registrySubjectQuery>;

export const registrySubjectSummary = z.object({
  id: z.uuid(),
  registry: z.enum(registryKinds),
  /** Masked for persons. */
  key: z.string(),
  name: z.string().nullable(),
  sources: z.number().int(),
  openConflicts: z.number().int(),
  openDisputes: z.number().int(),
  changedAt: z.string(),
  recordWrittenAt: z.string().nullable(),
});
export type RegistrySubjectSummary = z.infer<typeof registrySubjectSummary>;

export const registrySourceValue = z.object({
  source: z.string(),
  sourceName: z.string(),
  /** For a system, the department that holds it (null when none is set). */
  heldByName: z.string().nullable(),
  value: registryValueSchema,
  observedAt: z.string(),
  isAuthoritative: z.boolean(),
  /** Whether it agrees with the authoritative value; null when there is none to compare with. */
  agrees: z.boolean().nullable(),
});
export type RegistrySourceValue = z.infer<typeof registrySourceValue>;

/** A dispute's life: open until the authoritative department corrects or rejects it, or the raiser withdraws it. */
export const registryDisputeStatuses = ['open', 'corrected', 'rejected', 'withdrawn'] as const;
export type RegistryDisputeStatus = (typeof registryDisputeStatuses)[number];
export const registryDisputeStatusNames: Labels<RegistryDisputeStatus> = {
  open: { 'zh-CN': '待核实', 'en-US': 'Awaiting verification' },
  corrected: { 'zh-CN': '已更正', 'en-US': 'Corrected' },
  rejected: { 'zh-CN': '核实无误(不予更正)', 'en-US': 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
};
export const registryDisputeBrief = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(registryDisputeStatuses),
  dueAt: z.string(),
  isOverdue: z.boolean(),
});

export const registryFieldView = z.object({
  key: z.string(),
  name: z.string(),
  masking: z.enum(maskingKinds),
  /** 一数一源: the department whose value counts; null when the registry is not catalogued. */
  authoritativeDepartmentId: z.string().nullable(),
  authoritativeDepartmentName: z.string().nullable(),
  /** The authoritative value (what the registry's record holds); null when the authoritative source has none. */
  value: registryValueSchema,
  hasAuthoritativeValue: z.boolean(),
  observedAt: z.string().nullable(),
  sources: z.array(registrySourceValue),
  openConflicts: z.number().int(),
  openDispute: registryDisputeBrief.nullable(),
});
export type RegistryFieldView = z.infer<typeof registryFieldView>;

export const registryResourceRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), providerName: z.string(), version: z.number().int() });
export type RegistryResourceRef = z.infer<typeof registryResourceRef>;

export const registrySubjectView = z.object({
  id: z.uuid(),
  registry: z.enum(registryKinds),
  key: z.string(),
  isMasked: z.boolean(),
  resource: registryResourceRef.nullable(),
  fields: z.array(registryFieldView),
  changedAt: z.string(),
  checkedAt: z.string().nullable(),
  recordWrittenAt: z.string().nullable(),
});
export type RegistrySubjectView = z.infer<typeof registrySubjectView>;

export const registrySubjectReadQuery = z.object({ unmask: z.stringbool('invalid_value').default(false) });

// ---------------------------------------------------------------- cross-check (多元校核)

export const registryConflictStatuses = ['open', 'resolved'] as const;
export type RegistryConflictStatus = (typeof registryConflictStatuses)[number];
export const registryConflictStatusNames: Labels<RegistryConflictStatus> = {
  open: { 'zh-CN': '待处理', 'en-US': 'Open' },
  resolved: { 'zh-CN': '已一致', 'en-US': 'Resolved' },
};
/** Why a conflict closed: the values agree again, the source no longer states one, or the field's authority changed. */
export const registryConflictResolutions = ['agreed', 'withdrawn', 'authorityChanged'] as const;
export type RegistryConflictResolution = (typeof registryConflictResolutions)[number];
export const registryConflictResolutionNames: Labels<RegistryConflictResolution> = {
  agreed: { 'zh-CN': '数值已一致', 'en-US': 'Values agree' },
  withdrawn: { 'zh-CN': '来源已撤回该值', 'en-US': 'Source withdrew the value' },
  authorityChanged: { 'zh-CN': '权威来源已变更', 'en-US': 'Authoritative source changed' },
};

export const registryConflictQuery = pageQuery.extend({
  status: z.enum(registryConflictStatuses, 'invalid_value').default('open'),
  fieldKey: fieldKey.optional(),
  source: z.string().trim().max(60, 'too_big').optional(),
});
export type RegistryConflictQuery = z.infer<typeof registryConflictQuery>;

export const registryConflictView = z.object({
  id: z.uuid(),
  registry: z.enum(registryKinds),
  subjectId: z.uuid(),
  subjectKey: z.string(),
  subjectName: z.string().nullable(),
  fieldKey: z.string(),
  fieldName: z.string(),
  source: z.string(),
  sourceName: z.string(),
  sourceValue: registryValueSchema,
  authoritativeSource: z.string(),
  authoritativeSourceName: z.string(),
  authoritativeValue: registryValueSchema,
  status: z.enum(registryConflictStatuses),
  resolution: z.enum(registryConflictResolutions).nullable(),
  detectedAt: z.string(),
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type RegistryConflictView = z.infer<typeof registryConflictView>;

export const registryCheckRunView = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  subjects: z.number().int(),
  opened: z.number().int(),
  resolved: z.number().int(),
  trigger: z.string(),
});
export type RegistryCheckRunView = z.infer<typeof registryCheckRunView>;

export const registryConflictSummary = z.object({
  registry: z.enum(registryKinds),
  isCatalogued: z.boolean(),
  open: z.number().int(),
  byField: z.array(z.object({ fieldKey: z.string(), fieldName: z.string(), open: z.number().int() })),
  bySource: z.array(z.object({ source: z.string(), sourceName: z.string(), open: z.number().int() })),
  lastRun: registryCheckRunView.nullable(),
  /** Subjects whose values changed since they were last checked. */
  pendingSubjects: z.number().int(),
});
export type RegistryConflictSummary = z.infer<typeof registryConflictSummary>;

export const registryCheckResult = z.object({
  subjects: z.number().int(),
  opened: z.number().int(),
  resolved: z.number().int(),
  /** Subjects still waiting (the run checks a bounded batch; the schedule takes the rest). */
  remaining: z.number().int(),
});
export type RegistryCheckResult = z.infer<typeof registryCheckResult>;

// ---------------------------------------------------------------- overview

export const registryOverview = z.object({
  items: z.array(
    z.object({
      registry: z.enum(registryKinds),
      resource: registryResourceRef.nullable(),
      subjects: z.number().int(),
      openConflicts: z.number().int(),
      openDisputes: z.number().int(),
      overdueDisputes: z.number().int(),
      lastCheckAt: z.string().nullable(),
    }),
  ),
});
export type RegistryOverview = z.infer<typeof registryOverview>;

// ---------------------------------------------------------------- disputes (异议核实)

export const registryDisputeActions = ['raise', 'correct', 'reject', 'withdraw', 'overdue'] as const;
export type RegistryDisputeAction = (typeof registryDisputeActions)[number];
export const registryDisputeActionNames: Labels<RegistryDisputeAction> = {
  raise: { 'zh-CN': '提出异议', 'en-US': 'Raised' },
  correct: { 'zh-CN': '核实并更正', 'en-US': 'Verified and corrected' },
  reject: { 'zh-CN': '核实无误,不予更正', 'en-US': 'Verified, not corrected' },
  withdraw: { 'zh-CN': '撤回异议', 'en-US': 'Withdrawn' },
  overdue: { 'zh-CN': '超过核实期限', 'en-US': 'Deadline passed' },
};
export const registryDisputeRaiserKinds = ['citizen', 'enterprise', 'department'] as const;
export type RegistryDisputeRaiserKind = (typeof registryDisputeRaiserKinds)[number];
export const registryDisputeRaiserKindNames: Labels<RegistryDisputeRaiserKind> = {
  citizen: { 'zh-CN': '群众', 'en-US': 'Citizen' },
  enterprise: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  department: { 'zh-CN': '部门', 'en-US': 'Department' },
};
/** 异议核实: the authoritative department answers within this many working days. */
export const REGISTRY_DISPUTE_WORKING_DAYS = 5;

export const raiseRegistryDisputeInput = z.object({
  fieldKey,
  /** The value the raiser believes is right. */
  claimedValue: text(500).min(1, 'required'),
  reason: text(500).min(2, 'too_small'),
});
export type RaiseRegistryDisputeInput = z.infer<typeof raiseRegistryDisputeInput>;
/** A department names the subject by the key it was shown (a data consumer has the ID number or credit code it queried). */
export const raiseRegistryDisputeByKeyInput = raiseRegistryDisputeInput.extend({ key: z.string().trim().min(1, 'required').max(40, 'too_big') });
export type RaiseRegistryDisputeByKeyInput = z.infer<typeof raiseRegistryDisputeByKeyInput>;

export const correctRegistryDisputeInput = z.object({
  version: versionSchema,
  /** The verified value; defaults to the value the raiser claimed. */
  value: text(500).min(1, 'required').optional(),
  note: text(500).default(''),
});
export type CorrectRegistryDisputeInput = z.infer<typeof correctRegistryDisputeInput>;

export const rejectRegistryDisputeInput = z.object({ version: versionSchema, reason: text(500).min(2, 'too_small') });
export type RejectRegistryDisputeInput = z.infer<typeof rejectRegistryDisputeInput>;

export const withdrawRegistryDisputeInput = z.object({ version: versionSchema });
export type WithdrawRegistryDisputeInput = z.infer<typeof withdrawRegistryDisputeInput>;

/** Which disputes a staff list shows: all the reader may see, those their department must verify, or raised. */
export const registryDisputeScopes = ['all', 'handling', 'raised'] as const;
export type RegistryDisputeScope = (typeof registryDisputeScopes)[number];

export const registryDisputeQuery = pageQuery.extend({
  status: z.enum(registryDisputeStatuses, 'invalid_value').optional(),
  registry: z.enum(registryKinds, 'registry.unknown').optional(),
  scope: z.enum(registryDisputeScopes, 'invalid_value').default('all'),
  isOverdue: z.stringbool('invalid_value').optional(),
});
export type RegistryDisputeQuery = z.infer<typeof registryDisputeQuery>;

export const registryDisputeHistoryEntry = z.object({
  id: z.uuid(),
  action: z.enum(registryDisputeActions),
  actorName: z.string(),
  note: z.string(),
  at: z.string(),
});
export type RegistryDisputeHistoryEntry = z.infer<typeof registryDisputeHistoryEntry>;

export const registryDisputeSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  registry: z.enum(registryKinds),
  subjectId: z.uuid(),
  subjectKey: z.string(),
  fieldKey: z.string(),
  fieldName: z.string(),
  raiserKind: z.enum(registryDisputeRaiserKinds),
  raiserName: z.string(),
  raiserDepartmentName: z.string().nullable(),
  status: z.enum(registryDisputeStatuses),
  handlingDepartmentId: z.uuid(),
  handlingDepartmentName: z.string(),
  raisedAt: z.string(),
  dueAt: z.string(),
  isOverdue: z.boolean(),
  decidedAt: z.string().nullable(),
});
export type RegistryDisputeSummary = z.infer<typeof registryDisputeSummary>;

export const registryDisputeView = registryDisputeSummary.extend({
  reason: z.string(),
  /** The authoritative value when the dispute was raised (masked unless the reader may see it whole). */
  disputedValue: registryValueSchema,
  claimedValue: z.string(),
  /** The value recorded on correction. */
  correctedValue: z.string().nullable(),
  isMasked: z.boolean(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string(),
  version: z.number().int(),
  history: z.array(registryDisputeHistoryEntry),
  canDecide: z.boolean(),
  canWithdraw: z.boolean(),
});
export type RegistryDisputeView = z.infer<typeof registryDisputeView>;

// ---------------------------------------------------------------- my registry record (portal)

export const myRegistryQuery = z.object({ reveal: z.stringbool('invalid_value').default(false) });

export const myRegistryField = z.object({
  key: z.string(),
  name: z.string(),
  value: registryValueSchema,
  isMasked: z.boolean(),
  /** Who stated the value on record (the authoritative department). */
  sourceName: z.string().nullable(),
  /** The department that verifies a dispute about the field (一数一源). */
  authorityName: z.string().nullable(),
  observedAt: z.string().nullable(),
  canDispute: z.boolean(),
  openDispute: registryDisputeBrief.nullable(),
});
export type MyRegistryField = z.infer<typeof myRegistryField>;

export const myRegistryView = z.object({
  registry: z.enum(registryKinds),
  isCatalogued: z.boolean(),
  /** False until some source has stated a value about the signed-in person or enterprise. */
  isFound: z.boolean(),
  key: z.string(),
  isRevealed: z.boolean(),
  fields: z.array(myRegistryField),
  disputes: z.array(registryDisputeView),
});
export type MyRegistryView = z.infer<typeof myRegistryView>;

// ---------------------------------------------------------------- configuration: systems and licence sources

export const registrySystemView = z.object({ key: z.enum(registrySystems), name: z.string(), departmentId: z.uuid().nullable(), departmentName: z.string().nullable() });
export type RegistrySystemView = z.infer<typeof registrySystemView>;
export const registrySystemParam = z.object({ key: z.enum(registrySystems, 'registry.systemUnknown') });
export const setRegistrySystemInput = z.object({ departmentId: z.uuid('invalid_format').nullable() });
export type SetRegistrySystemInput = z.infer<typeof setRegistrySystemInput>;

/**
 * What a licence type contributes to a registry: each registry field takes the holder's name as printed, the licence's
 * status (存续 while valid, 注销 once revoked), its first valid day, or one of its own fields.
 */
export const licenseRegistryMappingFrom = z.string().regex(/^(holderName|status|validFrom|fields\.[a-zA-Z][a-zA-Z0-9_]{0,39})$/, 'registry.mappingFrom');
export const registryLicenseSourceInput = z.object({
  registry: z.enum(registryKinds, 'registry.unknown'),
  mapping: z.array(z.object({ from: licenseRegistryMappingFrom, to: fieldKey })).min(1, 'required').max(30, 'too_big'),
});
export type RegistryLicenseSourceInput = z.infer<typeof registryLicenseSourceInput>;
export const registryLicenseSourceView = registryLicenseSourceInput.extend({ typeCode: z.string(), updatedAt: z.string() });
export type RegistryLicenseSourceView = z.infer<typeof registryLicenseSourceView>;
export const registryLicenseTypeParam = z.object({ typeCode: z.string().regex(/^[0-9A-Z]{2,32}$/, 'license.typeCode') });

/** What the licence status contributes as an entity's 登记状态. */
export const registryLicenseStatusValues = { valid: '存续', revoked: '注销' } as const;

// ---------------------------------------------------------------- messages

const names = <K extends string>(prefix: string, labels: Labels<K>, locale: Locale) =>
  Object.fromEntries(Object.entries<Readonly<Record<Locale, string>>>(labels).map(([k, v]) => [`${prefix}.${k}`, v[locale]]));

const enumMessages = (locale: Locale) => ({
  ...names('registry.kind', registryKindNames, locale),
  ...names('registry.system', registrySystemNames, locale),
  ...names('registry.conflictStatus', registryConflictStatusNames, locale),
  ...names('registry.conflictResolution', registryConflictResolutionNames, locale),
  ...names('registry.disputeStatus', registryDisputeStatusNames, locale),
  ...names('registry.disputeAction', registryDisputeActionNames, locale),
  ...names('registry.raiserKind', registryDisputeRaiserKindNames, locale),
});

export const dataRegistriesMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...enumMessages('zh-CN'),
    'registry.unknown': '基础库应为 person(人口库)或 entity(法人库)',
    'registry.fieldKey': '信息项标识以小写字母开头,由字母、数字、下划线组成(至多 40 位)',
    'registry.systemUnknown': '未知的来源系统',
    'registry.departmentUnknown': '该部门不存在',
    'registry.mappingFrom': '取值应为 holderName、status、validFrom 或 fields.<证照字段>',
    'registry.notCatalogued': '该基础库尚未在数据资源目录中发布,暂不能{action}',
    'registry.fieldUnknown': '该基础库没有此信息项',
    'registry.keyFieldValue': '主键信息项不能作为取值上报或提出异议',
    'registry.keyInvalid': '主体标识格式不正确',
    'registry.valueType.string': '应为文本(至多 500 字)',
    'registry.valueType.integer': '应为整数',
    'registry.valueType.number': '应为数值',
    'registry.valueType.date': '应为有效日期(YYYY-MM-DD)',
    'registry.valueType.datetime': '应为日期时间(ISO 8601)',
    'registry.valueType.boolean': '应为“是”或“否”',
    'registry.noDepartment': '只有所属部门明确的工作人员可以上报数据或提出部门异议',
    'registry.subjectNotFound': '基础库中没有该主体',
    'registry.notOwnRecord': '只能对本人(本企业)的基础信息提出异议',
    'registry.disputeOpen': '该信息项已有待核实的异议,请等待核实结果',
    'registry.noAuthority': '该信息项暂无权威来源部门,无法核实',
    'registry.sameValue': '您认为正确的值与当前记录一致,无需提出异议',
    'registry.disputeNotFound': '未找到该异议',
    'registry.notHandler': '只有该信息项权威来源部门的数据管理员可以核实此异议',
    'registry.notRaiser': '只有提出异议的本人可以撤回',
    'registry.disputeClosed': '该异议当前为“{status}”,不能再{action}',
    'registry.action.raise': '提出异议',
    'registry.action.correct': '更正',
    'registry.action.reject': '驳回',
    'registry.action.withdraw': '撤回',
    'registry.action.check': '校核',
    'registry.action.dispute': '受理异议',
    'registry.unmaskForbidden': '查看完整信息需要“查看完整个人信息”权限',
    'registry.file.unsupported': '请上传 .csv(UTF-8)或 .xlsx 文件',
    'registry.file.noFile': '请选择要上传的文件',
    'registry.file.empty': '文件中没有数据行',
    'registry.file.tooManyRows': '一次最多上传 {max} 行',
    'registry.file.noKeyColumn': '文件缺少主体标识列(身份证号 / 统一社会信用代码)',
    'registry.file.noValueColumn': '文件中没有可识别的信息项列(列名应为信息项名称或标识)',
    'registry.file.columnUnknown': '无法识别的列“{column}”',
  },
  'en-US': {
    ...enumMessages('en-US'),
    'registry.unknown': 'The registry is person or entity',
    'registry.fieldKey': 'A field key starts with a lower-case letter, then letters, digits or underscores (at most 40)',
    'registry.systemUnknown': 'Unknown source system',
    'registry.departmentUnknown': 'No such department',
    'registry.mappingFrom': 'Take holderName, status, validFrom or fields.<licence field>',
    'registry.notCatalogued': 'This registry is not published in the data catalogue yet, so you cannot {action}',
    'registry.fieldUnknown': 'The registry has no such field',
    'registry.keyFieldValue': 'The key field cannot be reported or disputed as a value',
    'registry.keyInvalid': 'The subject identifier is not valid',
    'registry.valueType.string': 'Enter text (at most 500 characters)',
    'registry.valueType.integer': 'Enter a whole number',
    'registry.valueType.number': 'Enter a number',
    'registry.valueType.date': 'Enter a valid date (YYYY-MM-DD)',
    'registry.valueType.datetime': 'Enter a date and time (ISO 8601)',
    'registry.valueType.boolean': 'Enter yes or no',
    'registry.noDepartment': 'Only staff of a department can report values or raise a department’s dispute',
    'registry.subjectNotFound': 'The registry has no such subject',
    'registry.notOwnRecord': 'You can dispute only your own (your enterprise’s) record',
    'registry.disputeOpen': 'This field already has a dispute awaiting verification',
    'registry.noAuthority': 'This field has no authoritative department to verify it',
    'registry.sameValue': 'The value you propose is the one on record already',
    'registry.disputeNotFound': 'Dispute not found',
    'registry.notHandler': 'Only the data administrators of the field’s authoritative department can verify this dispute',
    'registry.notRaiser': 'Only whoever raised the dispute can withdraw it',
    'registry.disputeClosed': 'This dispute is “{status}”; you cannot {action} it now',
    'registry.action.raise': 'raise a dispute',
    'registry.action.correct': 'correct',
    'registry.action.reject': 'reject',
    'registry.action.withdraw': 'withdraw',
    'registry.action.check': 'cross-check',
    'registry.action.dispute': 'take disputes',
    'registry.unmaskForbidden': 'Seeing full values needs the permission to unmask personal data',
    'registry.file.unsupported': 'Upload a .csv (UTF-8) or .xlsx file',
    'registry.file.noFile': 'Choose a file to upload',
    'registry.file.empty': 'The file has no data rows',
    'registry.file.tooManyRows': 'At most {max} rows per upload',
    'registry.file.noKeyColumn': 'The file has no subject column (ID number / credit code)',
    'registry.file.noValueColumn': 'The file has no column the registry knows (head columns with a field’s name or key)',
    'registry.file.columnUnknown': 'Unknown column “{column}”',
  },
};
