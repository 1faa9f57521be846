import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildCalendar,
  coverageOf,
  dayKind,
  endOfLocalDay,
  hasCoverage,
  isWorkingDay,
  nextWorkingDay,
  officialCalendar as cal,
  officialSchedules,
  toLocalDate,
  workingDaysBetween,
  type YearSchedule,
} from './index';

/** An instant written in Beijing wall-clock time, e.g. bj('2025-09-26T10:00'). */
const bj = (local: string): Date => new Date(`${local}+08:00`);
/** The deadline instant for the end of a Beijing date. */
const endOf = (date: string): Date => bj(`${date}T23:59:59.999`);

describe('official schedules', () => {
  it('2025-10-01..08 is one holiday block, with Sunday 09-28 and Saturday 10-11 worked', () => {
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(cal, `2025-10-0${d}`)).toBe(false);
    expect(dayKind(cal, '2025-10-06')).toBe('holiday'); // 中秋节 merged into the block
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
    expect(dayKind(cal, '2025-10-11')).toBe('adjusted-workday');
    expect(isWorkingDay(cal, '2025-09-30')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true);
    expect(isWorkingDay(cal, '2025-09-27')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-12')).toBe(false);
  });

  it('2025 Spring Festival follows the one-day-longer rule: 01-28..02-04 off, 01-26 and 02-08 worked', () => {
    expect(isWorkingDay(cal, '2025-01-27')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-28')).toBe(false); // 除夕
    expect(isWorkingDay(cal, '2025-02-04')).toBe(false);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    expect(isWorkingDay(cal, '2025-05-05')).toBe(false); // 劳动节 is 5 days
  });

  it('2026 Spring Festival: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(isWorkingDay(cal, '2026-02-13')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(cal, `2026-02-${d}`)).toBe(false);
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
    expect(isWorkingDay(cal, '2026-03-01')).toBe(false);
  });

  it('every year nets exactly the 13 statutory days off (放假办法, 2024 revision)', () => {
    // Weekdays inside holiday blocks minus worked weekend days = statutory days, since one on a weekend is made up.
    for (const schedule of officialSchedules) {
      const offWeekdays = schedule.holidays
        .flatMap((block) => datesFrom(block.from, block.to))
        .filter((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())).length;
      expect(offWeekdays - schedule.adjustedWorkdays.length, `year ${schedule.year}`).toBe(13);
    }
  });

  it('cites each year, and says 2027 is provisional', () => {
    expect(coverageOf(cal, 2025)).toEqual({ source: expect.stringContaining('国办发明电〔2024〕12号'), provisional: false });
    expect(coverageOf(cal, 2026)).toEqual({ source: expect.stringContaining('国办发明电〔2025〕7号'), provisional: false });
    expect(coverageOf(cal, 2027)?.provisional).toBe(true);
    expect(coverageOf(cal, 2027)?.source).toContain('暂定');
  });
});

describe('coverage', () => {
  it('covers 2025–2027 only', () => {
    expect([2024, 2025, 2026, 2027, 2028].map((y) => hasCoverage(cal, y))).toEqual([false, true, true, true, false]);
    expect(coverageOf(cal, 2028)).toBeUndefined();
  });

  it('falls back to weekends only outside the covered years', () => {
    expect(isWorkingDay(cal, '2024-10-01')).toBe(true); // a Tuesday: the 2024 holiday is unknown here
    expect(isWorkingDay(cal, '2028-01-01')).toBe(false); // a Saturday
  });
});

describe('addWorkingDays', () => {
  it('adds 20 working days across the 2025 National Day week', () => {
    // Fri 09-26; worked: 09-28 (Sun), 09-29, 09-30, then 10-09, 10-10, 10-11 (Sat), …, day 20 = Thu 10-30.
    expect(addWorkingDays(cal, bj('2025-09-26T10:00'), 20)).toEqual(endOf('2025-10-30'));
    expect(addWorkingDays(cal, bj('2025-09-26T10:00'), 20).toISOString()).toBe('2025-10-30T15:59:59.999Z');
  });

  it('adds 20 working days across 2026 中秋节 and National Day', () => {
    // Thu 09-24; 09-25..27 and 10-01..07 off; 10-10 (Sat) worked; day 20 = Thu 10-29.
    expect(addWorkingDays(cal, bj('2026-09-24T15:00'), 20)).toEqual(endOf('2026-10-29'));
  });

  it('counts a Saturday that is an adjusted workday, but not an ordinary Saturday', () => {
    expect(addWorkingDays(cal, bj('2026-02-13T09:00'), 1)).toEqual(endOf('2026-02-14'));
    expect(addWorkingDays(cal, bj('2026-02-27T09:00'), 1)).toEqual(endOf('2026-02-28'));
    expect(addWorkingDays(cal, bj('2025-03-07T09:00'), 1)).toEqual(endOf('2025-03-10'));
  });

  it('does not count the starting day', () => {
    expect(addWorkingDays(cal, bj('2025-03-10T09:00'), 1)).toEqual(endOf('2025-03-11'));
    expect(addWorkingDays(cal, bj('2025-03-10T09:00'), 5)).toEqual(endOf('2025-03-17'));
  });

  it('starting on a holiday counts from the next working day', () => {
    expect(addWorkingDays(cal, bj('2025-10-03T11:00'), 1)).toEqual(endOf('2025-10-09'));
    expect(addWorkingDays(cal, bj('2026-02-17T11:00'), 1)).toEqual(endOf('2026-02-24'));
    expect(addWorkingDays(cal, bj('2026-02-17T11:00'), 3)).toEqual(endOf('2026-02-26'));
    // same deadline as starting on the last working day before the block
    expect(addWorkingDays(cal, bj('2025-10-03T11:00'), 5)).toEqual(addWorkingDays(cal, bj('2025-09-30T16:00'), 5));
  });

  it('reads the starting day in Beijing time, whatever the instant is in UTC', () => {
    // 2025-09-28T16:00Z is Mon 09-29 00:00 in Beijing; one minute earlier is still Sun 09-28 (worked).
    expect(addWorkingDays(cal, new Date('2025-09-28T16:00:00Z'), 1)).toEqual(endOf('2025-09-30'));
    expect(addWorkingDays(cal, new Date('2025-09-28T15:59:00Z'), 1)).toEqual(endOf('2025-09-29'));
  });

  it('crosses into an uncovered year on weekends only', () => {
    expect(addWorkingDays(cal, bj('2027-12-30T10:00'), 2)).toEqual(endOf('2028-01-03'));
  });

  it('rejects a count that is not a positive integer and an invalid Date', () => {
    expect(() => addWorkingDays(cal, bj('2025-03-10T09:00'), 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, bj('2025-03-10T09:00'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, new Date('nonsense'), 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween(cal, bj('2025-09-30T09:00'), bj('2025-10-09T09:00'))).toBe(1);
    expect(workingDaysBetween(cal, bj('2025-09-26T09:00'), bj('2025-10-12T09:00'))).toBe(6);
    expect(workingDaysBetween(cal, bj('2026-02-13T09:00'), bj('2026-02-28T18:00'))).toBe(6);
  });

  it('is antisymmetric and zero on the same Beijing day', () => {
    const pairs: [string, string][] = [
      ['2025-09-26T10:00', '2025-10-30T10:00'],
      ['2026-02-10T08:00', '2026-03-02T08:00'],
      ['2025-12-25T08:00', '2027-01-05T08:00'],
      ['2025-10-01T10:00', '2025-10-08T10:00'],
    ];
    for (const [a, b] of pairs) {
      expect(workingDaysBetween(cal, bj(b), bj(a)) + workingDaysBetween(cal, bj(a), bj(b)), `${a} ↔ ${b}`).toBe(0);
    }
    expect(workingDaysBetween(cal, bj('2025-10-01T10:00'), bj('2025-10-08T10:00'))).toBe(0);
    expect(Object.is(workingDaysBetween(cal, bj('2025-10-08T10:00'), bj('2025-10-01T10:00')), 0)).toBe(true);
    expect(workingDaysBetween(cal, bj('2025-03-10T00:00'), bj('2025-03-10T23:59'))).toBe(0);
  });

  it('inverts addWorkingDays', () => {
    const starts = ['2025-01-24T09:00', '2025-09-27T09:00', '2026-02-14T09:00', '2026-09-24T09:00', '2027-02-04T09:00'];
    for (const start of starts) {
      for (const n of [1, 5, 20, 60]) {
        expect(workingDaysBetween(cal, bj(start), addWorkingDays(cal, bj(start), n)), `${start} + ${n}`).toBe(n);
      }
    }
  });
});

describe('nextWorkingDay and local dates', () => {
  it('skips weekends and holiday blocks', () => {
    expect(nextWorkingDay(cal, '2025-09-30')).toBe('2025-10-09');
    expect(nextWorkingDay(cal, '2025-09-26')).toBe('2025-09-28');
    expect(nextWorkingDay(cal, '2026-02-13')).toBe('2026-02-14');
    expect(nextWorkingDay(cal, '2025-12-31')).toBe('2026-01-04'); // 元旦 01-01..03, Sunday 01-04 worked
  });

  it('converts between instants and Beijing dates', () => {
    expect(toLocalDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(toLocalDate(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(endOfLocalDay('2026-01-01').toISOString()).toBe('2026-01-01T15:59:59.999Z');
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay(cal, '2025-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2025-2-3')).toThrow(RangeError);
    expect(() => nextWorkingDay(cal, '')).toThrow(RangeError);
  });
});

describe('buildCalendar', () => {
  const base: YearSchedule = { year: 2030, source: 'test', holidays: [], adjustedWorkdays: [] };

  it('rejects schedules a typo would produce', () => {
    expect(() => buildCalendar([base, base])).toThrow(/twice/);
    expect(() => buildCalendar([{ ...base, holidays: [{ name: 'x', from: '2030-10-07', to: '2030-10-01' }] }])).toThrow(
      /after/,
    );
    expect(() => buildCalendar([{ ...base, adjustedWorkdays: [{ date: '2030-10-09', for: 'x' }] }])).toThrow(
      /not a Saturday or Sunday/,
    );
    expect(() =>
      buildCalendar([
        {
          ...base,
          holidays: [{ name: 'x', from: '2030-10-01', to: '2030-10-07' }],
          adjustedWorkdays: [{ date: '2030-10-05', for: 'x' }],
        },
      ]),
    ).toThrow(/both a holiday and an adjusted workday/);
    expect(() => buildCalendar([{ ...base, holidays: [{ name: 'x', from: '2030-02-30', to: '2030-03-01' }] }])).toThrow(
      RangeError,
    );
  });

  it('accepts the bundled schedules', () => {
    expect(() => buildCalendar(officialSchedules)).not.toThrow();
  });
});

function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}
