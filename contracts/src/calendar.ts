import { z } from 'zod';
import type { Locale } from './errors';
import { queryInt, requiredOr } from './audit';

/** 工作日历: the official holiday and adjusted-workday schedule per year, editable by the system admin. */

export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

const yearParamSchema = z.coerce
  .number()
  .int('invalid_type')
  .min(CALENDAR_MIN_YEAR, 'calendar.yearRange')
  .max(CALENDAR_MAX_YEAR, 'calendar.yearRange');
const yearSchema = z
  .number(requiredOr('invalid_type'))
  .int('invalid_type')
  .min(CALENDAR_MIN_YEAR, 'calendar.yearRange')
  .max(CALENDAR_MAX_YEAR, 'calendar.yearRange');
const versionSchema = z.number(requiredOr('invalid_type')).int('invalid_type').min(1, 'too_small');
const sourceSchema = z.string().trim().min(4, 'too_small').max(300, 'too_big');

export const calendarYearParam = z.object({ year: yearParamSchema });
export const calendarDateParam = z.object({ date: z.iso.date('invalid_format') });

export const calendarYearView = z.object({
  year: z.number().int(),
  /** Citation of the State Council notice, or why the year is provisional. */
  source: z.string(),
  isProvisional: z.boolean(),
  /** Days off, weekend days inside holiday blocks included. */
  holidayCount: z.number().int(),
  /** Saturdays and Sundays worked (调休上班). */
  workdayCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CalendarYearView = z.infer<typeof calendarYearView>;

export const calendarYearsView = z.object({
  items: z.array(calendarYearView),
  /** Years the server has a built-in schedule for that are not in the database (load them with load-official). */
  missingBuiltInYears: z.array(z.number().int()),
});

export const calendarDayView = z.object({
  date: z.string(),
  kind: z.enum(calendarDayKinds),
  name: z.string(),
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type CalendarDayView = z.infer<typeof calendarDayView>;

export const calendarYearDetail = calendarYearView.extend({ days: z.array(calendarDayView) });
export type CalendarYearDetail = z.infer<typeof calendarYearDetail>;

export const createCalendarYearInput = z.object({
  year: yearSchema,
  source: sourceSchema,
  /** True when entered before the notice is out. */
  isProvisional: z.boolean().default(false),
});
export type CreateCalendarYearInput = z.infer<typeof createCalendarYearInput>;

export const putCalendarDayInput = z.object({
  kind: z.enum(calendarDayKinds, requiredOr('invalid_value')),
  /** Holiday name, or the holiday a worked weekend day makes up for. */
  name: z.string().trim().min(1, 'required').max(30, 'too_big'),
  /** The year's version as read; a concurrent edit of the same year makes this save fail. */
  version: versionSchema,
});
export type PutCalendarDayInput = z.infer<typeof putCalendarDayInput>;

export const calendarVersionQuery = z.object({ version: queryInt(1, 2_147_483_647) });

export const confirmCalendarYearInput = z.object({
  /** The notice's title and document number, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）. */
  source: sourceSchema,
  version: versionSchema,
});
export type ConfirmCalendarYearInput = z.infer<typeof confirmCalendarYearInput>;

export const loadOfficialResult = z.object({ loadedYears: z.array(z.number().int()) });

export const workingDaysQuery = z.object({
  /** A date (YYYY-MM-DD, Beijing) or an instant with offset; the starting day itself is not counted. */
  from: z.union([z.iso.date(), z.iso.datetime({ offset: true })], requiredOr('invalid_format')),
  days: queryInt(1, 3650),
});
export type WorkingDaysQuery = z.infer<typeof workingDaysQuery>;

export const workingDaysView = z.object({
  /** The starting date in Beijing time. */
  fromDate: z.string(),
  days: z.number().int(),
  /** 23:59:59.999 Beijing time of the last working day, as an ISO instant. */
  deadline: z.string(),
  deadlineDate: z.string(),
  /** Years in the span without a schedule: only weekends were skipped there. */
  uncoveredYears: z.array(z.number().int()),
  /** Years in the span whose schedule is not yet confirmed against its notice. */
  provisionalYears: z.array(z.number().int()),
});
export type WorkingDaysView = z.infer<typeof workingDaysView>;

export const calendarMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'calendar.yearRange': '年份应在 2000 至 2100 之间',
    'calendar.workdayNotWeekend': '调休上班日只能是周六或周日(工作日本来就上班)',
    'calendar.yearNotLoaded': '该年度的放假安排尚未录入,请先添加年度',
    'calendar.yearExists': '该年度已存在',
    'calendar.alreadyConfirmed': '该年度已按正式通知确认',
    'calendar.dayNotSet': '这一天没有特别安排(按正常周末/工作日计算)',
  },
  'en-US': {
    'calendar.yearRange': 'The year must be between 2000 and 2100',
    'calendar.workdayNotWeekend': 'Only a Saturday or Sunday can be an adjusted workday (weekdays are worked anyway)',
    'calendar.yearNotLoaded': 'This year has no schedule yet; add the year first',
    'calendar.yearExists': 'This year already exists',
    'calendar.alreadyConfirmed': 'This year is already confirmed against its notice',
    'calendar.dayNotSet': 'This day has no exception (the normal week applies)',
  },
};
