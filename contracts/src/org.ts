import { z } from 'zod';
import type { Locale } from './errors';
import { creditCodeSchema } from './identifiers';
import { pageQuery } from './identity';

// Regions (行政区划), departments (部门) and positions (岗位): schemas shared by the server and the admin screens.
// Shared by browser and server: keep this file free of node: imports.

// ---------------------------------------------------------------- region codes (GB/T 2260, 12-digit 统计用区划代码)

export const regionLevels = ['province', 'city', 'county', 'town', 'village'] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const regionLevelNames: Readonly<Record<RegionLevel, Readonly<Record<Locale, string>>>> = {
  province: { 'zh-CN': '省级', 'en-US': 'Province' },
  city: { 'zh-CN': '地级', 'en-US': 'City' },
  county: { 'zh-CN': '县级', 'en-US': 'County' },
  town: { 'zh-CN': '乡级', 'en-US': 'Town' },
  village: { 'zh-CN': '村级', 'en-US': 'Village' },
};

const ZEROS = '000000000000';

/**
 * The level a 12-digit code's shape implies, or undefined when no region can have it: province 2 + city 2 +
 * county 2 + town 3 + village 3 digits, the unused tail all zeros, no zero segment above a used one — except
 * that towns of a city without districts (不设区的地级市, e.g. 东莞 4419) have county digits 00.
 */
export function regionLevelOfCode(code: string): RegionLevel | undefined {
  if (!/^\d{12}$/.test(code)) return undefined;
  const province = code.slice(0, 2);
  const city = code.slice(2, 4);
  const county = code.slice(4, 6);
  const town = code.slice(6, 9);
  const village = code.slice(9, 12);
  if (province === '00') return undefined;
  if (village !== '000') return city !== '00' && town !== '000' ? 'village' : undefined;
  if (town !== '000') return city !== '00' ? 'town' : undefined;
  if (county !== '00') return city !== '00' ? 'county' : undefined;
  if (city !== '00') return 'city';
  return 'province';
}

/** The code of the region directly above: null for a province, undefined when the code has no valid shape. */
export function parentRegionCode(code: string): string | null | undefined {
  const level = regionLevelOfCode(code);
  const keep = (digits: number) => code.slice(0, digits) + ZEROS.slice(digits);
  switch (level) {
    case undefined:
      return undefined;
    case 'province':
      return null;
    case 'city':
      return keep(2);
    case 'county':
      return keep(4);
    case 'town':
      return code.slice(4, 6) === '00' ? keep(4) : keep(6);
    case 'village':
      return keep(9);
  }
}

/** Every region above `code`, province first (empty for a province or an invalid code). */
export function regionAncestorCodes(code: string): string[] {
  const chain: string[] = [];
  let parent = parentRegionCode(code);
  while (parent) {
    chain.unshift(parent);
    parent = parentRegionCode(parent);
  }
  return chain;
}

export type RegionCodeIssue = { field: 'code' | 'level' | 'parentCode'; code: 'region.codeShape' | 'region.levelMismatch' | 'region.parentMismatch' };

/** The rules a new region must meet: a code with a valid shape, the level that shape implies, its own parent. */
export function regionCodeIssues(input: { code: string; level: RegionLevel; parentCode: string | null }): RegionCodeIssue[] {
  const shape = regionLevelOfCode(input.code);
  if (!shape) return [{ field: 'code', code: 'region.codeShape' }];
  const issues: RegionCodeIssue[] = [];
  if (shape !== input.level) issues.push({ field: 'level', code: 'region.levelMismatch' });
  if (parentRegionCode(input.code) !== input.parentCode) issues.push({ field: 'parentCode', code: 'region.parentMismatch' });
  return issues;
}

// ---------------------------------------------------------------- field schemas

export const regionCodeSchema = z.string().trim().regex(/^\d{12}$/, 'regionCode.invalid');

// Names are counted in code points so a 生僻字 outside the BMP (𠮷) counts as one character.
function orgName(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'required')
    .refine((v) => Array.from(v).length <= max, 'too_big')
    .refine((v) => !/[\p{Cc}<>]/u.test(v), 'org.nameChars');
}

export const regionNameSchema = orgName(50);
export const departmentNameSchema = orgName(60);
export const departmentShortNameSchema = orgName(20);
export const positionNameSchema = orgName(40);
export const orgSortSchema = z.number().int().min(0, 'too_small').max(999_999, 'too_big');
export const versionSchema = z.number().int().min(1, 'too_small');

// ---------------------------------------------------------------- regions

export const regionRef = z.object({ code: z.string(), name: z.string(), level: z.enum(regionLevels) });
export type RegionRef = z.infer<typeof regionRef>;

export const regionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentCode: z.string().nullable(),
  /** Names from the province down, joined as on an address: 云岭省云溪市澜沧区. */
  fullName: z.string(),
  sort: z.number().int(),
  hasChildren: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type RegionView = z.infer<typeof regionView>;

export const regionDetail = regionView.extend({
  ancestors: z.array(regionRef),
  childCount: z.number().int(),
  createdAt: z.string(),
});
export type RegionDetail = z.infer<typeof regionDetail>;

/** At most one of parent / root / q; none lists the top level (provinces). */
export const regionListQuery = z
  .object({
    parent: regionCodeSchema.optional(),
    root: regionCodeSchema.optional(),
    /** With root: how many levels below it to include (0 = the root alone). */
    depth: z.coerce.number().int().min(0).max(4).default(1),
    q: z.string().trim().min(1, 'required').max(50, 'too_big').optional(),
    level: z.enum(regionLevels).optional(),
  })
  .refine((v) => [v.parent, v.root, v.q].filter((x) => x !== undefined).length <= 1, { message: 'region.queryExclusive', path: ['parent'] });
export type RegionListQuery = z.infer<typeof regionListQuery>;

export const regionListResult = z.object({
  items: z.array(regionView),
  /** True when there were more than the server returns at once; load children lazily instead. */
  isTruncated: z.boolean(),
});

export const createRegionInput = z
  .object({
    code: regionCodeSchema,
    name: regionNameSchema,
    level: z.enum(regionLevels),
    parentCode: regionCodeSchema.nullable(),
    sort: orgSortSchema.optional(),
  })
  .superRefine((v, ctx) => {
    // Malformed codes already carry their own issue; the structural rules speak only about well-formed ones.
    const isWellFormed = (code: string | null) => code === null || /^\d{12}$/.test(code);
    if (!isWellFormed(v.code) || !isWellFormed(v.parentCode)) return;
    for (const issue of regionCodeIssues(v)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.code });
  });
export type CreateRegionInput = z.infer<typeof createRegionInput>;

export const updateRegionInput = z.object({
  name: regionNameSchema.optional(),
  sort: orgSortSchema.optional(),
  version: versionSchema,
});
export type UpdateRegionInput = z.infer<typeof updateRegionInput>;

// ---------------------------------------------------------------- departments and positions

export const positionView = z.object({
  id: z.string(),
  departmentId: z.string(),
  name: z.string(),
  sort: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PositionView = z.infer<typeof positionView>;

export const departmentView = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  /** 统一社会信用代码 (GB 32100). */
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.enum(regionLevels),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  sort: z.number().int(),
  isActive: z.boolean(),
  childCount: z.number().int(),
  positionCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DepartmentView = z.infer<typeof departmentView>;

export const departmentDetail = departmentView.extend({ positions: z.array(positionView) });
export type DepartmentDetail = z.infer<typeof departmentDetail>;

/** A light row for pickers (TreeSelect by parentId), without paging. */
export const departmentOption = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: z.string().nullable(),
  regionCode: z.string(),
  isActive: z.boolean(),
});
export type DepartmentOption = z.infer<typeof departmentOption>;

export const departmentListQuery = pageQuery.extend({
  /** Departments of this region and, unless includeDescendants=false, of every region below it. */
  regionCode: regionCodeSchema.optional(),
  includeDescendants: z.stringbool().default(true),
  /** Part of the name or short name, or a whole credit code. */
  q: z.string().trim().max(50, 'too_big').optional(),
  isActive: z.stringbool().optional(),
  parentId: z.uuid('invalid_format').optional(),
});
export type DepartmentListQuery = z.infer<typeof departmentListQuery>;

export const departmentOptionsQuery = z.object({
  regionCode: regionCodeSchema.optional(),
  includeInactive: z.stringbool().default(false),
});

export const createDepartmentInput = z.object({
  name: departmentNameSchema,
  shortName: departmentShortNameSchema.nullable().optional(),
  creditCode: creditCodeSchema,
  regionCode: regionCodeSchema,
  parentId: z.uuid('invalid_format').nullable().optional(),
  sort: orgSortSchema.optional(),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentInput>;

export const updateDepartmentInput = z.object({
  name: departmentNameSchema.optional(),
  shortName: departmentShortNameSchema.nullable().optional(),
  creditCode: creditCodeSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  parentId: z.uuid('invalid_format').nullable().optional(),
  sort: orgSortSchema.optional(),
  version: versionSchema,
});
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentInput>;

export const versionInput = z.object({ version: versionSchema });

export const createPositionInput = z.object({ name: positionNameSchema, sort: orgSortSchema.optional() });
export type CreatePositionInput = z.infer<typeof createPositionInput>;

export const updatePositionInput = z.object({ name: positionNameSchema.optional(), sort: orgSortSchema.optional(), version: versionSchema });
export type UpdatePositionInput = z.infer<typeof updatePositionInput>;

// ---------------------------------------------------------------- Excel import and export

/** Column headers of the region sheet; import finds columns by these names, in any order. */
export const regionSheetColumns = {
  code: '区划代码',
  name: '区划名称',
  level: '层级',
  parentCode: '上级区划代码',
  sort: '排序',
  /** Export only; ignored on import. */
  fullName: '完整名称',
} as const;

/** Column headers of the department sheet; rows are matched to departments by credit code. */
export const departmentSheetColumns = {
  name: '部门名称',
  shortName: '简称',
  creditCode: '统一社会信用代码',
  regionCode: '所属区划代码',
  /** Export only; ignored on import. */
  regionName: '所属区划',
  parentCreditCode: '上级部门统一社会信用代码',
  sort: '排序',
  status: '状态',
  /** Position names separated by 、 or ;, added when missing (never removed by an import). */
  positions: '岗位',
} as const;

export const departmentStatusLabels = { active: '启用', inactive: '停用' } as const;

export const orgImportQuery = z.object({
  /** Check every row and report what would change, without changing anything. */
  dryRun: z.stringbool().default(false),
});

export const orgImportRowError = z.object({
  /** The row number as Excel shows it (the header is row 1). */
  row: z.number().int(),
  /** The input field (code, name, creditCode …) or 'file' for the sheet as a whole. */
  field: z.string(),
  /** The column header as it appears in the sheet. */
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export type OrgImportRowError = z.infer<typeof orgImportRowError>;

export const orgImportReport = z.object({
  dryRun: z.boolean(),
  /** True only when the rows were written; an import with any wrong row writes nothing. */
  isApplied: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** How many problems were found; `errors` lists at most the first 1000 of them. */
  errorCount: z.number().int(),
  errors: z.array(orgImportRowError),
});
export type OrgImportReport = z.infer<typeof orgImportReport>;

/** problem+json for an import refused because of wrong rows; `report.errors` lists every one. */
export const orgImportRejected = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  report: orgImportReport.optional(),
});

// ---------------------------------------------------------------- messages

const orgMessagesZh = {
  'org.nameChars': '名称不能包含控制字符或尖括号',
  'region.codeShape': '行政区划代码不符合 GB/T 2260 编码结构(省2位、市2位、县2位、乡3位、村3位,未用部分补0)',
  'region.notFound': '行政区划不存在',
  'region.parentNotFound': '上级行政区划不存在,请先添加上级区划',
  'region.codeTaken': '该行政区划代码已存在',
  'region.outOfScope': '该行政区划不在您的管辖范围内',
  'region.queryExclusive': 'parent、root、q 只能选其一',
  'region.inUse.children': '该行政区划下还有下级区划,不能删除',
  'region.inUse.departments': '该行政区划下还有部门,不能删除',
  'region.inUse.staff': '该行政区划下还有工作人员,不能删除',
  'region.inUse.persons': '还有群众登记在该行政区划,不能删除',
  'region.inUse.enterprises': '还有企业登记在该行政区划,不能删除',
  'region.inUse.other': '该行政区划仍被业务数据引用,不能删除',
  'department.notFound': '部门不存在或已停用',
  'department.nameTaken': '同一行政区划内已有同名部门',
  'department.creditCodeTaken': '该统一社会信用代码已被其他部门使用',
  'department.parentNotFound': '上级部门不存在',
  'department.parentCycle': '不能把部门设为自己或自己下级部门的下级',
  'department.parentRegion': '上级部门所属区划必须包含本部门所属区划',
  'department.parentInactive': '上级部门已停用',
  'department.childrenOutsideRegion': '本部门还有下级部门不在新的所属区划内',
  'department.hasActiveChildren': '该部门还有启用的下级部门,请先停用下级部门',
  'department.inUse.children': '该部门还有下级部门,不能删除',
  'department.inUse.staff': '该部门还有工作人员,不能删除,请改为停用',
  'department.inUse.other': '该部门仍被业务数据引用,不能删除,请改为停用',
  'position.notFound': '岗位不存在',
  'position.nameTaken': '本部门已有同名岗位',
  'position.inUse.staff': '还有工作人员在该岗位,不能删除',
  'import.notXlsx': '请上传 Excel 文件(.xlsx)',
  'import.noFile': '请选择要导入的文件',
  'import.unreadable': '无法读取该 Excel 文件,请确认文件未损坏、未加密',
  'import.tooLarge': '文件解压后过大,请拆分后分批导入',
  'import.missingColumns': '表格缺少必需的列:{columns}',
  'import.empty': '表格中没有数据行',
  'import.tooManyRows': '一次最多导入 {max} 行,请拆分后分批导入',
  'import.duplicateRow': '与第 {row} 行重复',
  'import.rowsInvalid': '有 {count} 行数据有误,未导入任何数据,请修改后重新导入',
  'import.levelUnknown': '层级应为 省级、地级、县级、乡级 或 村级',
  'import.statusUnknown': '状态应为 启用 或 停用',
  'import.sortInvalid': '排序应为 0–999999 的整数',
} as const;

export type OrgMessageKey = keyof typeof orgMessagesZh;

/** Field and detail messages of the region and department domains (registered by the server at start-up). */
export const orgMessages: Readonly<Record<Locale, Readonly<Record<OrgMessageKey, string>>>> = {
  'zh-CN': orgMessagesZh,
  'en-US': {
    'org.nameChars': 'Names must not contain control characters or angle brackets',
    'region.codeShape':
      'Not a GB/T 2260 region code (province 2, city 2, county 2, town 3, village 3 digits; unused digits are 0)',
    'region.notFound': 'No such region',
    'region.parentNotFound': 'The parent region does not exist; add it first',
    'region.codeTaken': 'A region with this code already exists',
    'region.outOfScope': 'This region is outside your jurisdiction',
    'region.queryExclusive': 'Use only one of parent, root and q',
    'region.inUse.children': 'This region still has regions below it and cannot be deleted',
    'region.inUse.departments': 'Departments still belong to this region; it cannot be deleted',
    'region.inUse.staff': 'Staff still belong to this region; it cannot be deleted',
    'region.inUse.persons': 'Citizens are still registered in this region; it cannot be deleted',
    'region.inUse.enterprises': 'Enterprises are still registered in this region; it cannot be deleted',
    'region.inUse.other': 'Other records still refer to this region; it cannot be deleted',
    'department.notFound': 'No such department, or it is deactivated',
    'department.nameTaken': 'A department with this name already exists in this region',
    'department.creditCodeTaken': 'Another department already uses this credit code',
    'department.parentNotFound': 'The parent department does not exist',
    'department.parentCycle': 'A department cannot be placed under itself or one of its own sub-departments',
    'department.parentRegion': "The parent department's region must contain this department's region",
    'department.parentInactive': 'The parent department is deactivated',
    'department.childrenOutsideRegion': 'Some sub-departments lie outside the new region',
    'department.hasActiveChildren': 'Deactivate the active sub-departments first',
    'department.inUse.children': 'This department still has sub-departments and cannot be deleted',
    'department.inUse.staff': 'Staff still belong to this department; deactivate it instead',
    'department.inUse.other': 'Other records still refer to this department; deactivate it instead',
    'position.notFound': 'No such position',
    'position.nameTaken': 'This department already has a position with this name',
    'position.inUse.staff': 'Staff still hold this position; it cannot be deleted',
    'import.notXlsx': 'Upload an Excel workbook (.xlsx)',
    'import.noFile': 'Choose a file to import',
    'import.unreadable': 'The workbook cannot be read; check that it is not damaged or encrypted',
    'import.tooLarge': 'The workbook is too large once unpacked; split it and import in parts',
    'import.missingColumns': 'The sheet lacks required columns: {columns}',
    'import.empty': 'The sheet has no data rows',
    'import.tooManyRows': 'At most {max} rows can be imported at once; split the file',
    'import.duplicateRow': 'Duplicates row {row}',
    'import.rowsInvalid': '{count} rows are wrong; nothing was imported. Fix them and import again',
    'import.levelUnknown': 'The level must be 省级, 地级, 县级, 乡级 or 村级',
    'import.statusUnknown': 'The status must be 启用 or 停用',
    'import.sortInvalid': 'The sort order must be a whole number from 0 to 999999',
  },
};
