import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../kernel/calendar';
import { deadlineOf, pausedDaysBetween, trafficLight, workingDaysLeft } from './deadlines';

const at = (iso: string) => new Date(iso);
const cal = officialCalendar;

describe('case deadlines on the official calendar', () => {
  it('five working days from 30 September 2026 skip National Day and count the worked Saturday 10 October', () => {
    // 2026: 10-01…10-07 off, 10-10 (Saturday) worked (国办发明电〔2025〕7号).
    const due = deadlineOf(cal, at('2026-09-30T10:00:00+08:00'), { days: 5, unit: 'workingDay' }, 0);
    expect(due.toISOString()).toBe(at('2026-10-13T23:59:59.999+08:00').toISOString());
  });

  it('a pause adds the working days it took: suspended 29 Sept, resubmitted 9 Oct → 3 working days (30 Sept, 8 and 9 Oct)', () => {
    const paused = pausedDaysBetween(cal, at('2026-09-29T15:00:00+08:00'), at('2026-10-09T09:00:00+08:00'), 'workingDay');
    expect(paused).toBe(3);
    const due = deadlineOf(cal, at('2026-09-28T09:00:00+08:00'), { days: 5, unit: 'workingDay' }, paused);
    // 8 working days after 28 Sept: 29, 30 Sept, 8, 9, 10 (Sat, worked), 12, 13, 14 Oct.
    expect(due.toISOString()).toBe(at('2026-10-14T23:59:59.999+08:00').toISOString());
  });

  it('a pause that starts and ends the same day costs nothing; natural days count every day', () => {
    expect(pausedDaysBetween(cal, at('2026-11-02T09:00:00+08:00'), at('2026-11-02T17:00:00+08:00'), 'workingDay')).toBe(0);
    expect(pausedDaysBetween(cal, at('2026-09-30T09:00:00+08:00'), at('2026-10-08T09:00:00+08:00'), 'naturalDay')).toBe(8);
    expect(deadlineOf(cal, at('2026-09-30T23:30:00+08:00'), { days: 30, unit: 'naturalDay' }, 0).toISOString()).toBe(at('2026-10-30T23:59:59.999+08:00').toISOString());
    expect(deadlineOf(cal, at('2026-09-30T10:00:00+08:00'), { days: 0, unit: 'workingDay' }, 0).toISOString()).toBe(at('2026-09-30T23:59:59.999+08:00').toISOString());
  });

  it('traffic light: green with two working days left, yellow with one or on the day, red once overdue, paused while suspended', () => {
    const due = at('2026-10-13T23:59:59.999+08:00');
    const light = (now: string, status: 'in_review' | 'suspended' | 'submitted' = 'in_review') => trafficLight(cal, { now: at(now), status, dueAt: due, yellowDays: 1 });
    expect(light('2026-10-09T10:00:00+08:00')).toBe('green');
    expect(light('2026-10-12T10:00:00+08:00')).toBe('yellow');
    expect(light('2026-10-13T10:00:00+08:00')).toBe('yellow');
    expect(light('2026-10-14T00:00:01+08:00')).toBe('red');
    expect(light('2026-10-14T00:00:01+08:00', 'suspended')).toBe('paused');
    expect(light('2026-10-14T00:00:01+08:00', 'submitted')).toBe('none');
    // On 30 Sept a case due on 8 Oct has one working day left, the holiday in between notwithstanding: yellow.
    expect(trafficLight(cal, { now: at('2026-09-30T10:00:00+08:00'), status: 'accepted', dueAt: at('2026-10-08T23:59:59.999+08:00'), yellowDays: 1 })).toBe('yellow');
    expect(workingDaysLeft(cal, at('2026-09-30T10:00:00+08:00'), due)).toBe(5);
    expect(workingDaysLeft(cal, at('2026-10-15T10:00:00+08:00'), due)).toBe(-2);
  });
});
