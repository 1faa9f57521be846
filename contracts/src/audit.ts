import { z } from 'zod';
import type { Locale } from './errors';

/** Audit trail (审计日志): the auditor's search, export and chain check; the citizens' data-use tracker. */

export const auditResults = ['success', 'denied', 'failure'] as const;
export type AuditResult = (typeof auditResults)[number];

/** Exports stop here: a bigger trail is exported in several time slices (a spreadsheet is not an archive). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
/** Counting stops here, so a page of a huge trail costs the same as a page of a small one. */
export const AUDIT_COUNT_CAP = 10_000;

/** A zod error param: 'required' when the value is missing, the given message key otherwise. */
export function requiredOr(key: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : key) };
}

/** A whole number from a query string; missing is 'required' (z.coerce would turn it into NaN first). */
export function queryInt(min: number, max: number) {
  return z
    .string(requiredOr('invalid_type'))
    .regex(/^\d{1,10}$/, 'invalid_type')
    .transform(Number)
    .pipe(z.number().int().min(min, 'too_small').max(max, 'too_big'));
}

// PostgreSQL has no year 0 and JavaScript dates end in 275760: keep instants to years a trail can hold.
const instant = z.iso
  .datetime({ offset: true, message: 'invalid_format' })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }, 'invalid_format');
const text = (max: number) => z.string().trim().min(1, 'too_small').max(max, 'too_big');

const auditFilterShape = {
  /** Inclusive lower bound on the record time (ISO 8601 with offset, e.g. 2026-01-01T00:00:00+08:00). */
  from: instant.optional(),
  /** Exclusive upper bound. */
  to: instant.optional(),
  actorId: z.uuid('invalid_format').optional(),
  /** Matches names that start with this text (张 → 张三, 张伟 …). */
  actorName: text(50).optional(),
  /** `person` matches person and person.* ; a trailing dot (`person.`) only person.* . */
  action: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/i, 'audit.actionFormat').optional(),
  objectType: text(40).optional(),
  objectId: text(100).optional(),
  result: z.enum(auditResults, 'invalid_value').optional(),
  ip: z.union([z.ipv4(), z.ipv6()], 'invalid_format').optional(),
  requestId: text(100).optional(),
};

function rangeInOrder(value: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && Date.parse(value.to) <= Date.parse(value.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'audit.rangeReversed' });
  }
}

/** Keyset paging: `cursor` is the `nextCursor` of the previous page (records older than it). */
export const cursorQueryShape = {
  // 18 digits: every id a bigint column can hold for centuries, and nothing PostgreSQL would refuse as out of range.
  cursor: z.string().regex(/^\d{1,18}$/, 'invalid_format').optional(),
  pageSize: z.coerce.number().int('invalid_type').min(1, 'too_small').max(200, 'too_big').default(50),
};

export const auditRecordQuery = z.object({ ...auditFilterShape, ...cursorQueryShape }).superRefine(rangeInOrder);
export type AuditRecordQuery = z.infer<typeof auditRecordQuery>;

export const auditExportQuery = z.object(auditFilterShape).superRefine(rangeInOrder);
export type AuditFilter = z.infer<typeof auditExportQuery>;

export const auditRecordView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The actor's roles at the time, comma-separated (or system / anonymous / the account type). */
  actorRole: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(auditResults),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditRecordView = z.infer<typeof auditRecordView>;

/** A newest-first page: `total` is exact unless `isTotalCapped` (then "more than total"). */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int(), isTotalCapped: z.boolean() });
}

export const auditRecordPage = cursorPageOf(auditRecordView);

export const auditChainReasons = ['hash-mismatch', 'link-broken'] as const;

export const auditVerifyView = z.object({
  isIntact: z.boolean(),
  /** Records verified before the first broken one (all of them when intact). */
  checked: z.number().int(),
  lastId: z.string().nullable(),
  brokenId: z.string().nullable(),
  /** hash-mismatch: the record was altered; link-broken: the record before it was removed or altered. */
  reason: z.enum(auditChainReasons).nullable(),
  verifiedAt: z.string(),
  durationMs: z.number().int(),
  /** Signed checkpoints kept outside the database (they catch a rewritten tail or removed newest records). */
  checkpoints: z.object({
    isIntact: z.boolean(),
    checked: z.number().int(),
    auditId: z.string().nullable(),
    reason: z.enum(['bad-signature', 'record-missing', 'record-changed', 'unreadable']).nullable(),
  }),
});
export type AuditVerifyView = z.infer<typeof auditVerifyView>;

export const dataAccessKinds = ['read', 'unmask', 'lookup', 'other'] as const;
export type DataAccessKind = (typeof dataAccessKinds)[number];

/** One use of a citizen's personal data by someone else, as the citizen sees it (数据使用记录). */
export const dataAccessView = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  kind: z.enum(dataAccessKinds),
  /** The purpose the official gave (办理事由), when one was given. */
  purpose: z.string().nullable(),
  departmentName: z.string().nullable(),
  staffName: z.string().nullable(),
  /** Role names in the reader's language. */
  roles: z.array(z.string()),
  /** The platform itself (a scheduled check, a data exchange), not a person. */
  isSystem: z.boolean(),
  result: z.enum(auditResults),
});
export type DataAccessView = z.infer<typeof dataAccessView>;

export const dataAccessQuery = z.object({
  page: z.coerce.number().int('invalid_type').min(1, 'too_small').default(1),
  pageSize: z.coerce.number().int('invalid_type').min(1, 'too_small').max(100, 'too_big').default(20),
});

export const dataAccessPage = z.object({ items: z.array(dataAccessView), total: z.number().int() });

export const auditMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'audit.rangeReversed': '结束时间必须晚于开始时间',
    'audit.actionFormat': '操作名称只能包含字母、数字、点、下划线和连字符',
    'audit.exportTooLarge': '符合条件的记录超过 {max} 条,请缩小时间范围或增加筛选条件后分批导出',
    'audit.exportNarrowRange': '请缩小时间范围',
  },
  'en-US': {
    'audit.rangeReversed': 'The end must be later than the start',
    'audit.actionFormat': 'Actions contain only letters, digits, dots, underscores and hyphens',
    'audit.exportTooLarge': 'More than {max} records match; narrow the time range or add filters and export in parts',
    'audit.exportNarrowRange': 'Narrow the time range',
  },
};
