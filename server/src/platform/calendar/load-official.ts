import { sql } from 'kysely';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { officialSchedules } from '../../kernel/calendar';

// Several server processes start at once in production; only one of them loads a missing year.
const CALENDAR_LOAD_LOCK = 774_301;

function* eachDay(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

/** The built-in years the database does not have yet. */
export async function missingOfficialYears(kernel: Kernel): Promise<number[]> {
  const present = new Set((await kernel.db.selectFrom('calendar_years').select('year').execute()).map((r) => r.year));
  return officialSchedules.map((s) => s.year).filter((year) => !present.has(year));
}

/** Loads the built-in State Council schedules for years not yet in the database (never overwrites edits). */
export async function loadOfficialCalendar(kernel: Kernel, actor: Actor): Promise<number[]> {
  const loaded: number[] = [];
  await inTransaction(kernel.db, async (tx) => {
    await sql`select pg_advisory_xact_lock(${CALENDAR_LOAD_LOCK})`.execute(tx);
    const present = new Set((await tx.selectFrom('calendar_years').select('year').execute()).map((r) => r.year));
    for (const schedule of officialSchedules) {
      if (present.has(schedule.year)) continue;
      await tx.insertInto('calendar_years').values({ year: schedule.year, source: schedule.source, is_provisional: schedule.provisional ?? false }).execute();
      const rows = [
        ...schedule.holidays.flatMap((h) => [...eachDay(h.from, h.to)].map((day) => ({ day, kind: 'holiday' as const, name: h.name }))),
        ...schedule.adjustedWorkdays.map((w) => ({ day: w.date, kind: 'workday' as const, name: `${w.for}调休上班` })),
      ];
      // Never overwrite a day that is already there: an edit always wins over the built-in data.
      if (rows.length > 0) await tx.insertInto('calendar_days').values(rows).onConflict((oc) => oc.column('day').doNothing()).execute();
      loaded.push(schedule.year);
    }
    if (loaded.length > 0) await audit(tx, actor, { action: 'calendar.load-official', objectType: 'calendar', detail: { years: loaded } });
  });
  return loaded;
}
