import {
  type CalendarDayView,
  type CalendarYearDetail,
  type CalendarYearView,
  type ConfirmCalendarYearInput,
  type CreateCalendarYearInput,
  type PutCalendarDayInput,
  type WorkingDaysQuery,
  type WorkingDaysView,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import type { Queryable, Row } from '../../kernel/db';
import { addWorkingDays, coverageOf, toLocalDate } from '../../kernel/calendar';
import { deleteDay, findDay, findYearWithCounts, insertYear, listDays, listYears, lockYear, readCalendar, touchYear, upsertDay, type YearWithCounts } from './repo';
import { loadOfficialCalendar, missingOfficialYears } from './load-official';

/** ISO weekday of a 'YYYY-MM-DD' date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function byOf(actor: Actor): string | null {
  return actor.kind === 'account' ? actor.accountId : null;
}

function yearView(row: YearWithCounts): CalendarYearView {
  return {
    year: row.year,
    source: row.source,
    isProvisional: row.is_provisional,
    holidayCount: row.holiday_count,
    workdayCount: row.workday_count,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function dayView(row: Row<'calendar_days'>): CalendarDayView {
  return { date: row.day, kind: row.kind, name: row.name, weekday: isoWeekday(row.day), updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by };
}

export async function listCalendarYears(kernel: Kernel): Promise<{ items: CalendarYearView[]; missingBuiltInYears: number[] }> {
  const [rows, missing] = await Promise.all([listYears(kernel.db), missingOfficialYears(kernel)]);
  return { items: rows.map(yearView), missingBuiltInYears: missing };
}

export async function getCalendarYear(db: Queryable, year: number): Promise<CalendarYearDetail> {
  const row = await findYearWithCounts(db, year);
  if (!row) throw new AppError('NOT_FOUND');
  return { ...yearView(row), days: (await listDays(db, year)).map(dayView) };
}

/** Locks the year and checks the version the editor read; every write below goes through here. */
async function lockYearAt(tx: Queryable, year: number, version: number, field: string): Promise<Row<'calendar_years'>> {
  const row = await lockYear(tx, year);
  if (!row) throw invalid([{ field, code: 'calendar.yearNotLoaded' }]);
  if (row.version !== version) throw new AppError('STALE_VERSION');
  return row;
}

/** Adds a year by hand, e.g. the next one once the State Council notice is out and before a release ships it. */
export async function createCalendarYear(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateCalendarYearInput }): Promise<CalendarYearDetail> {
  requirePermission(actor, 'calendar.manage');
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertYear(tx, { year: input.year, source: input.source, isProvisional: input.isProvisional, by: byOf(actor) });
      await audit(tx, actor, { action: 'calendar.year.create', objectType: 'calendar_year', objectId: String(input.year), detail: { source: input.source, isProvisional: input.isProvisional } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'year', code: 'calendar.yearExists' }] });
    throw error;
  }
  return getCalendarYear(kernel.db, input.year);
}

/**
 * Marks one day a holiday or an adjusted workday (调休上班). A holiday may fall on any day (weekend days inside a
 * holiday block carry its name); a workday exception only means something on a Saturday or Sunday.
 */
export async function setCalendarDay(kernel: Kernel, { actor, date, input }: { actor: Actor; date: string; input: PutCalendarDayInput }): Promise<CalendarYearDetail> {
  requirePermission(actor, 'calendar.manage');
  if (input.kind === 'workday' && isoWeekday(date) < 6) throw invalid([{ field: 'kind', code: 'calendar.workdayNotWeekend' }]);
  const year = Number(date.slice(0, 4));
  await inTransaction(kernel.db, async (tx) => {
    await lockYearAt(tx, year, input.version, 'date');
    const before = await findDay(tx, date);
    await upsertDay(tx, { date, kind: input.kind, name: input.name, by: byOf(actor) });
    await touchYear(tx, year, { by: byOf(actor) });
    await audit(tx, actor, {
      action: 'calendar.day.set',
      objectType: 'calendar_day',
      objectId: date,
      detail: { before: before ? { kind: before.kind, name: before.name } : null, after: { kind: input.kind, name: input.name } },
    });
  });
  return getCalendarYear(kernel.db, year);
}

/** Removes a day's exception: the day follows the normal week again. */
export async function clearCalendarDay(kernel: Kernel, { actor, date, version }: { actor: Actor; date: string; version: number }): Promise<CalendarYearDetail> {
  requirePermission(actor, 'calendar.manage');
  const year = Number(date.slice(0, 4));
  await inTransaction(kernel.db, async (tx) => {
    await lockYearAt(tx, year, version, 'date');
    const before = await findDay(tx, date);
    if (!before) throw new AppError('NOT_FOUND', { detail: 'calendar.dayNotSet' });
    await deleteDay(tx, date);
    await touchYear(tx, year, { by: byOf(actor) });
    await audit(tx, actor, { action: 'calendar.day.clear', objectType: 'calendar_day', objectId: date, detail: { before: { kind: before.kind, name: before.name } } });
  });
  return getCalendarYear(kernel.db, year);
}

/** Confirms a provisional year against the State Council notice that has since appeared, citing it. */
export async function confirmCalendarYear(kernel: Kernel, { actor, year, input }: { actor: Actor; year: number; input: ConfirmCalendarYearInput }): Promise<CalendarYearDetail> {
  requirePermission(actor, 'calendar.manage');
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockYear(tx, year);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (!row.is_provisional) throw new AppError('CONFLICT', { detail: 'calendar.alreadyConfirmed' });
    await touchYear(tx, year, { by: byOf(actor), source: input.source, isProvisional: false });
    await audit(tx, actor, { action: 'calendar.year.confirm', objectType: 'calendar_year', objectId: String(year), detail: { before: row.source, after: input.source } });
  });
  return getCalendarYear(kernel.db, year);
}

export async function loadOfficialYears(kernel: Kernel, { actor }: { actor: Actor }): Promise<{ loadedYears: number[] }> {
  requirePermission(actor, 'calendar.manage');
  return { loadedYears: await loadOfficialCalendar(kernel, actor) };
}

/**
 * For other domains: the deadline `days` working days after `start` on the calendar as stored (edits included),
 * e.g. a case's promised completion time (承诺办结时限).
 */
export async function deadlineAfter(db: Queryable, start: Date, days: number): Promise<Date> {
  return addWorkingDays(await readCalendar(db), start, days);
}

/** Beijing midnight for a date, or the instant itself. */
function startInstant(from: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(from) ? new Date(`${from}T00:00:00+08:00`) : new Date(from);
}

/** The deadline `days` working days after `from` (行政许可法 Art. 82), with a warning for years not (yet) official. */
export async function computeWorkingDays(kernel: Kernel, query: WorkingDaysQuery): Promise<WorkingDaysView> {
  const calendar = await readCalendar(kernel.db);
  const start = startInstant(query.from);
  const deadline = addWorkingDays(calendar, start, query.days);
  const fromDate = toLocalDate(start);
  const deadlineDate = toLocalDate(deadline);
  const uncoveredYears: number[] = [];
  const provisionalYears: number[] = [];
  for (let year = Number(fromDate.slice(0, 4)); year <= Number(deadlineDate.slice(0, 4)); year++) {
    const coverage = coverageOf(calendar, year);
    if (!coverage) uncoveredYears.push(year);
    else if (coverage.provisional) provisionalYears.push(year);
  }
  return { fromDate, days: query.days, deadline: deadline.toISOString(), deadlineDate, uncoveredYears, provisionalYears };
}
