import type { Kernel } from '../../kernel/context';
import type { FileStore } from '../../kernel/files';
import type { Calendar } from '../../kernel/calendar';
import { readCalendar } from '../../platform/calendar';

/** What every cases service gets: the kernel, the file store, and the domain's settings. */
export type CasesContext = {
  kernel: Kernel;
  files: FileStore;
  /** A case turns yellow with this many working days left (CASE_YELLOW_WORKING_DAYS, default 1). */
  yellowDays: number;
  calendar(): Promise<Calendar>;
};

// Admin edits to the working calendar reach deadlines within this time; a queue page then reads no calendar rows.
const CALENDAR_TTL_MS = 30_000;

export function createCasesContext(kernel: Kernel, files: FileStore, env: NodeJS.ProcessEnv = process.env): CasesContext {
  const yellow = Number(env.CASE_YELLOW_WORKING_DAYS ?? 1);
  let cached: { at: number; calendar: Calendar } | undefined;
  return {
    kernel,
    files,
    yellowDays: Number.isInteger(yellow) && yellow >= 0 && yellow <= 30 ? yellow : 1,
    async calendar() {
      if (cached && Date.now() - cached.at < CALENDAR_TTL_MS) return cached.calendar;
      const calendar = await readCalendar(kernel.db);
      cached = { at: Date.now(), calendar };
      return calendar;
    },
  };
}
