import type { Queryable } from '../../kernel/db';
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
