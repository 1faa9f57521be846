import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit } from '../../kernel/audit';
import { officialSchedules } from '../../kernel/calendar';

function* eachDay(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

/** Loads the built-in State Council schedules for years not yet in the database (never overwrites edits). */
export async function loadOfficialCalendar(kernel: Kernel, actor: Actor): Promise<number[]> {
  const loaded: number[] = [];
  await kernel.db.transaction().execute(async (tx) => {
    const present = new Set((await tx.selectFrom('calendar_years').select('year').execute()).map((r) => r.year));
    for (const schedule of officialSchedules) {
      if (present.has(schedule.year)) continue;
      await tx.insertInto('calendar_years').values({ year: schedule.year, source: schedule.source, is_provisional: schedule.provisional ?? false }).execute();
      const rows = [
        ...schedule.holidays.flatMap((h) => [...eachDay(h.from, h.to)].map((day) => ({ day, kind: 'holiday' as const, name: h.name }))),
        ...schedule.adjustedWorkdays.map((w) => ({ day: w.date, kind: 'workday' as const, name: `${w.for}调休上班` })),
      ];
      if (rows.length > 0) await tx.insertInto('calendar_days').values(rows).execute();
      loaded.push(schedule.year);
    }
    if (loaded.length > 0) await audit(tx, actor, { action: 'calendar.load-official', detail: { years: loaded } });
  });
  return loaded;
}
