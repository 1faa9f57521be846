import { LICENSE_GRANT_DEFAULT_DAYS, LICENSE_GRANT_MAX_DAYS } from '@zhengtong/contracts';

// 自主授权 lasts a number of days from now (the API takes `days`, 1–90); people think in end dates. These turn one
// into the other on Beijing calendar days, whatever the browser's own time zone.

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Today's date in Beijing (YYYY-MM-DD). */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `today` to `end` (negative when `end` is past). */
export function daysBetween(today: string, end: string): number {
  return dayNumber(end) - dayNumber(today);
}

/** The end date offered first: 30 days from today. */
export function defaultGrantEnd(today: string): string {
  return addDays(today, LICENSE_GRANT_DEFAULT_DAYS);
}

/** The furthest end date the holder may choose: 90 days from today. */
export function latestGrantEnd(today: string): string {
  return addDays(today, LICENSE_GRANT_MAX_DAYS);
}

/** Whether `end` may be chosen: from tomorrow up to 90 days ahead. */
export function isGrantEndAllowed(end: string, today: string): boolean {
  const days = daysBetween(today, end);
  return days >= 1 && days <= LICENSE_GRANT_MAX_DAYS;
}

/** The `days` to send for an end date, or undefined when that date may not be chosen. */
export function grantDaysFor(end: string, today: string): number | undefined {
  return isGrantEndAllowed(end, today) ? daysBetween(today, end) : undefined;
}

/** When a grant made now for `days` ends (the server counts whole days of 24 hours from the moment of granting). */
export function grantEndsAt(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}
