import { sql } from 'kysely';
import type { CalendarDayKind } from '@zhengtong/contracts';
import type { Queryable, Row } from '../../kernel/db';
import { buildCalendar, type Calendar, type IsoDate, type YearSchedule } from '../../kernel/calendar';

/** The working calendar as stored (admins may have edited it), in the shape the pure functions take. */
export async function readCalendar(db: Queryable): Promise<Calendar> {
  const years = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  const days = await db.selectFrom('calendar_days').selectAll().orderBy('day').execute();
  const schedules: YearSchedule[] = years.map((y) => {
    const own = days.filter((d) => d.day.startsWith(`${y.year}-`));
    return {
      year: y.year,
      source: y.source,
      provisional: y.is_provisional,
      holidays: own.filter((d) => d.kind === 'holiday').map((d) => ({ name: d.name, from: d.day as IsoDate, to: d.day as IsoDate })),
      adjustedWorkdays: own.filter((d) => d.kind === 'workday').map((d) => ({ date: d.day as IsoDate, for: d.name })),
    };
  });
  return buildCalendar(schedules);
}

export type YearWithCounts = Row<'calendar_years'> & { holiday_count: number; workday_count: number };

function daysOfYear(kind: CalendarDayKind) {
  return sql<number>`(select count(*)::int from calendar_days d where d.kind = ${kind} and d.day >= make_date(y.year, 1, 1) and d.day < make_date(y.year + 1, 1, 1))`;
}

export function listYears(db: Queryable): Promise<YearWithCounts[]> {
  return db
    .selectFrom('calendar_years as y')
    .selectAll('y')
    .select([daysOfYear('holiday').as('holiday_count'), daysOfYear('workday').as('workday_count')])
    .orderBy('y.year')
    .execute();
}

export function findYearWithCounts(db: Queryable, year: number): Promise<YearWithCounts | undefined> {
  return db
    .selectFrom('calendar_years as y')
    .selectAll('y')
    .select([daysOfYear('holiday').as('holiday_count'), daysOfYear('workday').as('workday_count')])
    .where('y.year', '=', year)
    .executeTakeFirst();
}

/** The year row locked for the rest of the transaction: every edit of a year or its days goes through it. */
export function lockYear(db: Queryable, year: number): Promise<Row<'calendar_years'> | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).forUpdate().executeTakeFirst();
}

export function listDays(db: Queryable, year: number): Promise<Row<'calendar_days'>[]> {
  return db
    .selectFrom('calendar_days')
    .selectAll()
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
}

export function findDay(db: Queryable, date: string): Promise<Row<'calendar_days'> | undefined> {
  return db.selectFrom('calendar_days').selectAll().where('day', '=', date).executeTakeFirst();
}

export async function upsertDay(db: Queryable, day: { date: string; kind: CalendarDayKind; name: string; by: string | null }): Promise<void> {
  const now = new Date();
  await db
    .insertInto('calendar_days')
    .values({ day: day.date, kind: day.kind, name: day.name, updated_at: now, updated_by: day.by })
    .onConflict((oc) => oc.column('day').doUpdateSet({ kind: day.kind, name: day.name, updated_at: now, updated_by: day.by }))
    .execute();
}

export async function deleteDay(db: Queryable, date: string): Promise<void> {
  await db.deleteFrom('calendar_days').where('day', '=', date).execute();
}

export async function insertYear(db: Queryable, year: { year: number; source: string; isProvisional: boolean; by: string | null }): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year: year.year, source: year.source, is_provisional: year.isProvisional, updated_by: year.by })
    .execute();
}

/** Records a change to the year (or one of its days): next version, who and when. */
export async function touchYear(
  db: Queryable,
  year: number,
  change: { by: string | null; source?: string; isProvisional?: boolean },
): Promise<void> {
  await db
    .updateTable('calendar_years')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: change.by,
      ...(change.source !== undefined ? { source: change.source } : {}),
      ...(change.isProvisional !== undefined ? { is_provisional: change.isProvisional } : {}),
    }))
    .where('year', '=', year)
    .execute();
}
