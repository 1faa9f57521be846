import { officialSchedules } from './official-holidays';
import { buildCalendar } from './working-days';

export { officialSchedules } from './official-holidays';
export type { AdjustedWorkday, HolidayBlock, IsoDate, YearSchedule } from './official-holidays';
export {
  addWorkingDays,
  buildCalendar,
  coverageOf,
  dayKind,
  endOfLocalDay,
  hasCoverage,
  isWorkingDay,
  nextWorkingDay,
  toLocalDate,
  workingDaysBetween,
} from './working-days';
export type { Calendar, DayKind, SupportedTimeZone, YearCoverage } from './working-days';

/** The calendar built from the bundled schedules; 2027 is provisional until its notice is confirmed. */
export const officialCalendar = buildCalendar(officialSchedules);
