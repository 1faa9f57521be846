import { describe, expect, it } from 'vitest';
import { addDays, beijingToday, daysBetween, defaultGrantEnd, grantDaysFor, grantEndsAt, isGrantEndAllowed, latestGrantEnd } from './grant-dates';

describe('grant dates', () => {
  it('reads today on the Beijing calendar, not the browser’s', () => {
    // 2026-03-01 17:30 UTC is already 2 March in Beijing.
    expect(beijingToday(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(beijingToday(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });

  it('offers 30 days by default and at most 90, across month and year ends', () => {
    expect(defaultGrantEnd('2026-01-31')).toBe('2026-03-02');
    expect(latestGrantEnd('2026-11-15')).toBe('2027-02-13');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('allows an end from tomorrow up to 90 days ahead, and turns it into the days the API takes', () => {
    const today = '2026-05-01';
    expect(isGrantEndAllowed('2026-05-01', today)).toBe(false);
    expect(isGrantEndAllowed('2026-04-30', today)).toBe(false);
    expect(grantDaysFor('2026-05-02', today)).toBe(1);
    expect(grantDaysFor('2026-05-31', today)).toBe(30);
    expect(grantDaysFor(latestGrantEnd(today), today)).toBe(90);
    expect(grantDaysFor(addDays(today, 91), today)).toBeUndefined();
  });

  it('ends a grant whole 24-hour days after it is made', () => {
    expect(grantEndsAt(new Date('2026-05-01T06:00:00Z'), 30).toISOString()).toBe('2026-05-31T06:00:00.000Z');
  });
});
