import type { CaseStatus, TrafficLight } from '@zhengtong/contracts';
import { addWorkingDays, endOfLocalDay, toLocalDate, workingDaysBetween, type Calendar } from '../../kernel/calendar';

// Time limits of a case (承诺/法定办结时限). 行政许可法 Art. 82 counts working days; Art. 45 leaves out the time of
// 听证、招标、检验、检测、鉴定、专家评审, and a 补正 request stops the clock until the applicant hands the correction in.

export type Limit = { days: number; unit: 'workingDay' | 'naturalDay' };

const DAY_MS = 86_400_000;

function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The deadline `limit` after `start`, pushed back by the days the case was paused: the end (24:00 Beijing time) of
 * the last day. A zero limit (即办件) ends the same day.
 */
export function deadlineOf(calendar: Calendar, start: Date, limit: Limit, pausedDays: number): Date {
  const total = limit.days + pausedDays;
  if (total <= 0) return endOfLocalDay(toLocalDate(start));
  switch (limit.unit) {
    case 'workingDay':
      return addWorkingDays(calendar, start, total);
    case 'naturalDay':
      return endOfLocalDay(addCalendarDays(toLocalDate(start), total));
  }
}

/**
 * How many days of the limit a pause from `from` to `to` used up, in the limit's unit: the days after the pause
 * began up to and including the day it ended. A pause that starts and ends on the same day costs nothing.
 */
export function pausedDaysBetween(calendar: Calendar, from: Date, to: Date, unit: Limit['unit']): number {
  switch (unit) {
    case 'workingDay':
      return Math.max(0, workingDaysBetween(calendar, from, to));
    case 'naturalDay':
      return Math.max(0, Math.round((Date.parse(`${toLocalDate(to)}T00:00:00Z`) - Date.parse(`${toLocalDate(from)}T00:00:00Z`)) / DAY_MS));
  }
}

/** Working days from today until the due date (0 on the due day itself, negative once overdue). */
export function workingDaysLeft(calendar: Calendar, now: Date, dueAt: Date): number {
  return workingDaysBetween(calendar, now, dueAt);
}

/** A case due at or before this instant has at most `yellowDays` working days left. */
export function yellowThreshold(calendar: Calendar, now: Date, yellowDays: number): Date {
  return yellowDays >= 1 ? addWorkingDays(calendar, now, yellowDays) : endOfLocalDay(toLocalDate(now));
}

const clockRuns: readonly CaseStatus[] = ['accepted', 'in_review', 'decided'];

/** green / yellow (≤ yellowDays working days left, default 1) / red (overdue); paused while suspended; none otherwise. */
export function trafficLight(calendar: Calendar, options: { now: Date; status: CaseStatus; dueAt: Date | null; yellowDays: number }): TrafficLight {
  if (options.status === 'suspended') return options.dueAt ? 'paused' : 'none';
  if (!clockRuns.includes(options.status) || !options.dueAt) return 'none';
  if (options.now.getTime() > options.dueAt.getTime()) return 'red';
  return options.dueAt.getTime() <= yellowThreshold(calendar, options.now, options.yellowDays).getTime() ? 'yellow' : 'green';
}
