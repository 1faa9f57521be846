import { toLocalDate } from '../../kernel/calendar';

// Validity is counted in Beijing calendar dates, both ends inclusive, as printed on a seal's certificate.

/** How long a seal is made for when the admin does not say: five years, like a typical seal certificate. */
const DEFAULT_YEARS = 5;

export function todayInBeijing(now = new Date()): string {
  return toLocalDate(now);
}

/** The last day of a validity that starts on `from` and lasts the default number of years (2026-05-01 → 2031-04-30). */
export function defaultValidTo(from: string): string {
  const [year = 0, month = 1, day = 1] = from.split('-').map(Number);
  const next = new Date(Date.UTC(year + DEFAULT_YEARS, month - 1, day) - 86_400_000);
  return next.toISOString().slice(0, 10);
}

/** An active seal whose validity covers `today` may sign. */
export function isInForce(seal: { status: string; valid_from: string; valid_to: string }, today: string): boolean {
  return seal.status === 'active' && seal.valid_from <= today && today <= seal.valid_to;
}
