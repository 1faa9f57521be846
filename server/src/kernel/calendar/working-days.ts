/**
 * 工作日历: working-day arithmetic over the State Council holiday schedules.
 *
 * Pure functions. Civil dates are 'YYYY-MM-DD' strings in Beijing time; instants are `Date`s. Beijing time is a
 * fixed UTC+8 (China has observed no DST since 1991), so conversion is plain offset arithmetic, with no Intl.
 * Years without a schedule fall back to "Saturday and Sunday off"; `hasCoverage` tells the caller so.
 */
import type { YearSchedule } from './official-holidays';

export type SupportedTimeZone = 'Asia/Shanghai';

const UTC_OFFSET_MS: Readonly<Record<SupportedTimeZone, number>> = { 'Asia/Shanghai': 8 * 3_600_000 };
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface YearCoverage {
  readonly source: string;
  readonly provisional: boolean;
}

export interface Calendar {
  readonly years: ReadonlyMap<number, YearCoverage>;
  /** date → holiday name */
  readonly holidays: ReadonlyMap<string, string>;
  /** date → name of the holiday the weekend day is worked for */
  readonly adjustedWorkdays: ReadonlyMap<string, string>;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string; throws RangeError on anything else (e.g. '2025-02-30'). */
function toDayNumber(date: string): number {
  if (ISO_DATE.test(date)) {
    const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    const day = ms / DAY_MS;
    if (fromDayNumber(day) === date) return day;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

function assertInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** The civil date ('YYYY-MM-DD') of an instant in the given zone. */
export function toLocalDate(instant: Date, timeZone: SupportedTimeZone = 'Asia/Shanghai'): string {
  return fromDayNumber(Math.floor((assertInstant(instant) + UTC_OFFSET_MS[timeZone]) / DAY_MS));
}

/** The last millisecond (23:59:59.999) of a civil date in the given zone. */
export function endOfLocalDay(date: string, timeZone: SupportedTimeZone = 'Asia/Shanghai'): Date {
  return new Date((toDayNumber(date) + 1) * DAY_MS - 1 - UTC_OFFSET_MS[timeZone]);
}

/**
 * Indexes the schedules. Rejects data a typo would produce: a year given twice, an invalid or reversed range,
 * overlapping holiday blocks, an adjusted workday that is not a weekend day or that is also a holiday.
 */
export function buildCalendar(schedules: readonly YearSchedule[]): Calendar {
  const years = new Map<number, YearCoverage>();
  const holidays = new Map<string, string>();
  const adjustedWorkdays = new Map<string, string>();

  for (const schedule of schedules) {
    if (!Number.isInteger(schedule.year)) throw new RangeError(`invalid year: ${schedule.year}`);
    if (years.has(schedule.year)) throw new RangeError(`year ${schedule.year} is scheduled twice`);
    years.set(schedule.year, { source: schedule.source, provisional: schedule.provisional === true });

    for (const block of schedule.holidays) {
      const from = toDayNumber(block.from);
      const to = toDayNumber(block.to);
      if (to < from) throw new RangeError(`${schedule.year} ${block.name}: ${block.from} is after ${block.to}`);
      for (let day = from; day <= to; day++) {
        const date = fromDayNumber(day);
        const taken = holidays.get(date);
        if (taken !== undefined) throw new RangeError(`${date} is in both ${taken} and ${block.name}`);
        holidays.set(date, block.name);
      }
    }

    for (const workday of schedule.adjustedWorkdays) {
      const day = toDayNumber(workday.date);
      if (!isWeekend(day)) throw new RangeError(`adjusted workday ${workday.date} is not a Saturday or Sunday`);
      if (adjustedWorkdays.has(workday.date)) throw new RangeError(`adjusted workday ${workday.date} is listed twice`);
      adjustedWorkdays.set(workday.date, workday.for);
    }
  }

  for (const date of adjustedWorkdays.keys()) {
    if (holidays.has(date)) throw new RangeError(`${date} is both a holiday and an adjusted workday`);
  }
  return { years, holidays, adjustedWorkdays };
}

/** Whether the calendar holds a schedule (official or provisional) for the year. */
export function hasCoverage(cal: Calendar, year: number): boolean {
  return cal.years.has(year);
}

/** The year's citation and whether it is provisional; undefined when only weekends are known. */
export function coverageOf(cal: Calendar, year: number): YearCoverage | undefined {
  return cal.years.get(year);
}

export function dayKind(cal: Calendar, date: string): DayKind {
  const day = toDayNumber(date);
  if (cal.holidays.has(date)) return 'holiday';
  if (cal.adjustedWorkdays.has(date)) return 'adjusted-workday';
  return isWeekend(day) ? 'weekend' : 'workday';
}

export function isWorkingDay(cal: Calendar, date: string): boolean {
  const kind = dayKind(cal, date);
  switch (kind) {
    case 'workday':
    case 'adjusted-workday':
      return true;
    case 'weekend':
    case 'holiday':
      return false;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: Calendar, date: string): string {
  let day = toDayNumber(date) + 1;
  while (!isWorkingDay(cal, fromDayNumber(day))) day++;
  return fromDayNumber(day);
}

/**
 * The deadline n working days after `start`: 23:59:59.999 Beijing time of the nth working day.
 *
 * 行政许可法 Art. 82 counts these time limits in working days excluding statutory holidays, and 民法典 Art. 201/203
 * leave the starting day out and end the last day at 24:00; so day 1 is the first working day strictly after the
 * start's Beijing date, which means a start on a weekend or holiday simply counts from the next working day.
 */
export function addWorkingDays(
  cal: Calendar,
  start: Date,
  n: number,
  timeZone: SupportedTimeZone = 'Asia/Shanghai',
): Date {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
  let date = toLocalDate(start, timeZone);
  for (let counted = 0; counted < n; counted++) date = nextWorkingDay(cal, date);
  return endOfLocalDay(date, timeZone);
}

/**
 * Working days in (from's date, to's date], by Beijing dates; negative when `to` is earlier. The inverse of
 * addWorkingDays: workingDaysBetween(cal, s, addWorkingDays(cal, s, n)) === n.
 */
export function workingDaysBetween(
  cal: Calendar,
  from: Date,
  to: Date,
  timeZone: SupportedTimeZone = 'Asia/Shanghai',
): number {
  const first = toDayNumber(toLocalDate(from, timeZone));
  const last = toDayNumber(toLocalDate(to, timeZone));
  const low = Math.min(first, last);
  const high = Math.max(first, last);
  let count = 0;
  for (let day = low + 1; day <= high; day++) {
    if (isWorkingDay(cal, fromDayNumber(day))) count++;
  }
  return first <= last || count === 0 ? count : -count;
}
