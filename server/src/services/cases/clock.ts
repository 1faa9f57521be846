import type { ClockEffect } from '@zhengtong/contracts';
import type { Calendar } from '../../kernel/calendar';
import type { Queryable, RowUpdate } from '../../kernel/db';
import { deadlineOf, pausedDaysBetween, type Limit } from './deadlines';
import { listClockActions, type CaseRow } from './repo';

/** The case columns an action's clock effect changes (acceptance starts it, 补正 and 特别程序 stop it …). */
export async function clockChanges(tx: Queryable, calendar: Calendar, row: CaseRow, effect: ClockEffect, now: Date): Promise<RowUpdate<'cases'>> {
  const promised: Limit = { days: row.promised_days, unit: row.promised_unit };
  const legal: Limit | null = row.legal_days !== null && row.legal_unit !== null ? { days: row.legal_days, unit: row.legal_unit } : null;
  switch (effect) {
    case 'none':
      return {};
    case 'start':
      return { accepted_at: now, due_at: deadlineOf(calendar, now, promised, 0), legal_due_at: legal ? deadlineOf(calendar, now, legal, 0) : null };
    case 'stop':
      return { suspended_since: now };
    case 'resume': {
      const accepted = row.accepted_at ?? now;
      // Every pause so far, the one ending now included, counted in each limit's own unit.
      const pauses: [Date, Date][] = [];
      let open: Date | undefined;
      for (const a of await listClockActions(tx, row.id)) {
        if (a.clock === 'stop') open = a.at;
        else if (open) {
          pauses.push([open, a.at]);
          open = undefined;
        }
      }
      pauses.push([row.suspended_since ?? open ?? now, now]);
      const paused = (unit: Limit['unit']) => pauses.reduce((sum, [from, to]) => sum + pausedDaysBetween(calendar, from, to, unit), 0);
      const promisedPaused = paused(promised.unit);
      return {
        suspended_since: null,
        suspended_days: promisedPaused,
        due_at: deadlineOf(calendar, accepted, promised, promisedPaused),
        legal_due_at: legal ? deadlineOf(calendar, accepted, legal, paused(legal.unit)) : null,
      };
    }
    case 'end':
      return { suspended_since: null };
  }
}
