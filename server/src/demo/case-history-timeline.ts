import type { StaffActionRoute, TimeLimit, WorkflowStepKey } from '@zhengtong/contracts';
import { addWorkingDays, endOfLocalDay, isWorkingDay, toLocalDate, workingDaysBetween, type Calendar } from '../kernel/calendar';
import type { Application } from './case-history-forms';
import type { Scenario } from './case-history-scenarios';

// When each step of a demo case happened: a plan of API calls with the moment each one is dated back to. Deadlines
// follow the cases domain's rule (services/cases/deadlines.ts): the limit counts from the day after acceptance and
// ends at 24:00 Beijing time of its last day, moved on by the days the clock was stopped for a 补正.

export type Limit = Pick<TimeLimit, 'days' | 'unit'>;

/** What the plan needs of an item version: its limits and the steps between 受理 and 办结. */
export type ItemFacts = { promised: Limit; legal: Limit | null; isImmediate: boolean; steps: WorkflowStepKey[] };

/** One API call of a case: the applicant's (or the filing clerk's), or a staff action at a step. */
export type Step =
  | { kind: 'create' | 'submit' | 'resubmit' | 'withdraw' }
  | { kind: 'upload'; key: string }
  | { kind: 'act'; action: StaffActionRoute; step: WorkflowStepKey };
export type PlannedOp = Step & { at: Date };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A Beijing civil date and minute of the day as an instant. */
export function beijing(date: string, minute: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + minute * MINUTE_MS);
}

function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The deadline `limit` after `start`, pushed back by `paused` days (the cases domain's deadlineOf). */
export function deadline(calendar: Calendar, start: Date, limit: Limit, paused: number): Date {
  const total = limit.days + paused;
  if (total <= 0) return endOfLocalDay(toLocalDate(start));
  return limit.unit === 'workingDay' ? addWorkingDays(calendar, start, total) : endOfLocalDay(addCalendarDays(toLocalDate(start), total));
}

/** Days of a limit a pause used up: the days after it began up to the day it ended (the cases domain's rule). */
export function pausedDays(calendar: Calendar, from: Date, to: Date, unit: Limit['unit']): number {
  if (unit === 'workingDay') return Math.max(0, workingDaysBetween(calendar, from, to));
  return Math.max(0, Math.round((Date.parse(`${toLocalDate(to)}T00:00:00Z`) - Date.parse(`${toLocalDate(from)}T00:00:00Z`)) / DAY_MS));
}

/** Working-day arithmetic on civil dates, relative to the seed's today. */
class Days {
  readonly today: string;
  constructor(
    private readonly calendar: Calendar,
    readonly now: Date,
  ) {
    this.today = toLocalDate(now);
  }

  /** n working days before `date` (0: the date itself, or the last working day before it when it is a day off). */
  before(date: string, n: number): string {
    let day = date;
    while (!isWorkingDay(this.calendar, day)) day = addCalendarDays(day, -1);
    for (let counted = 0; counted < n; ) {
      day = addCalendarDays(day, -1);
      if (isWorkingDay(this.calendar, day)) counted++;
    }
    return day;
  }

  /** The n-th working day before today. */
  back(n: number): string {
    return this.before(this.today, n);
  }

  /** n working days after `date` (0: the date itself), never later than today. */
  after(date: string, n: number): string {
    const day = n <= 0 ? date : toLocalDate(addWorkingDays(this.calendar, beijing(date, 600), n));
    return day < this.today ? day : this.today;
  }

  /** Working days after `date` up to today. */
  since(date: string): number {
    return workingDaysBetween(this.calendar, beijing(date, 600), this.now);
  }
}

/** A deterministic spread of clock times, so the demo's cases do not all happen at 09:00. */
function minuteOf(index: number, salt: number, from: number, to: number): number {
  return from + ((index * 97 + salt * 53 + 17) % (to - from));
}

type Event = { op: Step; date: string; minute: number };

/** The review steps a case has passed to reach its stage (all of them once decided). */
function passedSteps(scenario: Scenario, facts: ItemFacts): WorkflowStepKey[] {
  switch (scenario.stage) {
    case 'review':
    case 'inspect':
    case 'decide': {
      const at = facts.steps.indexOf(scenario.stage);
      if (at < 0) throw new Error(`demo case history: ${scenario.item} has no ${scenario.stage} step`);
      return facts.steps.slice(0, at);
    }
    case 'complete':
    case 'completed':
    case 'denied':
      return facts.steps;
    case 'submitted':
    case 'counterSupplement':
    case 'refused':
    case 'supplement':
    case 'withdrawn':
      return [];
  }
}

/** What happens after acceptance, in groups that each fall on one day. */
function afterAcceptance(scenario: Scenario, facts: ItemFacts, application: Application, fixKey: string): Step[][] {
  const first = facts.steps[0] ?? 'review';
  const ask: Step = { kind: 'act', action: 'request-supplement', step: first };
  switch (scenario.stage) {
    case 'supplement':
      return [[ask]];
    case 'withdrawn':
      return [[{ kind: 'withdraw' }]];
    default: {
      const groups: Step[][] = [];
      const passed = passedSteps(scenario, facts);
      // 容缺: the missing material is handed in before the decision, which cannot be made while it is owed.
      const gaps = Object.entries(application.choices ?? {}).filter(([, c]) => c === 'gap').map(([key]): Step => ({ kind: 'upload', key }));
      if (gaps.length > 0 && passed.includes('decide')) groups.push(gaps);
      if (scenario.corrected) groups.push([ask], [{ kind: 'upload', key: fixKey }, { kind: 'resubmit' }]);
      for (const step of passed) groups.push([{ kind: 'act', action: scenario.stage === 'denied' && step === 'decide' ? 'deny' : 'approve', step }]);
      if (scenario.stage === 'completed') groups.push([{ kind: 'act', action: 'complete', step: 'complete' }]);
      return groups;
    }
  }
}

/**
 * The calls a scenario makes and when each is dated: submission (with the scanned materials), acceptance, the
 * review steps, a 补正 and its answer, the decision and 办结, spread over working days the way a department works.
 */
export function planCase(input: { scenario: Scenario; facts: ItemFacts; application: Application; fixKey: string; calendar: Calendar; now: Date; index: number }): PlannedOp[] {
  const { scenario, facts, application, calendar, now, index } = input;
  const days = new Days(calendar, now);
  const atWindow = scenario.at !== 'online';
  const events: Event[] = [];
  const push = (op: Step, date: string, minute: number) => events.push({ op, date, minute });
  const office = (salt: number) => minuteOf(index, salt, 9 * 60 + 10, 16 * 60 + 40);

  // Walk-ins are accepted during their visit; online applications on the next working day.
  let accepted: string;
  let submitted: string;
  if (scenario.left !== undefined || scenario.stage === 'supplement') {
    accepted = scenario.left !== undefined ? acceptanceFor(days, calendar, facts.promised, scenario.left) : days.back(scenario.ago ?? 2);
    submitted = atWindow ? accepted : days.before(accepted, 1);
  } else {
    submitted = days.back(scenario.ago ?? 0);
    accepted = atWindow ? submitted : days.after(submitted, 1);
  }

  // Filing: the applicant online (any hour) or the clerk scanning the papers at the counter, then submitting.
  let minute = atWindow ? minuteOf(index, 1, 9 * 60, 16 * 60) : minuteOf(index, 1, 8 * 60, 21 * 60);
  push({ kind: 'create' }, submitted, minute);
  for (const key of application.uploads) push({ kind: 'upload', key }, submitted, (minute += 2));
  push({ kind: 'submit' }, submitted, (minute += 3));
  const counter = atWindow ? minute + 5 : office(2);
  switch (scenario.stage) {
    case 'submitted':
      return finish(events, now);
    case 'counterSupplement':
      push({ kind: 'act', action: 'request-supplement', step: 'accept' }, accepted, counter);
      return finish(events, now);
    case 'refused':
      push({ kind: 'act', action: 'refuse', step: 'accept' }, accepted, counter);
      return finish(events, now);
    default:
      push({ kind: 'act', action: 'accept', step: 'accept' }, accepted, counter);
  }
  if (facts.isImmediate) return finish(events, now);

  // An open case has used the days since acceptance; a closed one took about 70 % of its promised time (plus a pause).
  const groups = afterAcceptance(scenario, facts, application, input.fixKey);
  const isOpen = scenario.left !== undefined || scenario.stage === 'supplement';
  const span = isOpen ? days.since(accepted) : Math.max(1, Math.round(facts.promised.days * 0.7)) + (scenario.corrected ? 2 : 0);
  groups.forEach((group, i) => {
    const offset = isOpen ? Math.floor((span * (i + 1)) / (groups.length + 1)) : Math.ceil((span * (i + 1)) / groups.length);
    let m = office(10 + i);
    for (const op of group) push(op, days.after(accepted, offset), (m += 7));
  });
  return finish(events, now);
}

/** The acceptance day that leaves `left` working days (negative: overdue) to the promised deadline today. */
function acceptanceFor(days: Days, calendar: Calendar, promised: Limit, left: number): string {
  // The earlier the acceptance, the fewer days are left: walk back until the count matches.
  for (let date = days.back(0), n = 0; n < 400; date = days.before(date, 1), n++) {
    const remaining = workingDaysBetween(calendar, days.now, deadline(calendar, beijing(date, 600), promised, 0));
    if (remaining === left) return date;
    if (remaining < left) break;
  }
  throw new Error(`demo case history: no acceptance day leaves ${left} working days of a ${promised.days}-day limit`);
}

/** Times strictly increasing, and none later than a minute ago. */
function finish(events: Event[], now: Date): PlannedOp[] {
  const times = events.map((e) => beijing(e.date, e.minute).getTime());
  for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i] ?? 0, (times[i - 1] ?? 0) + MINUTE_MS);
  let limit = now.getTime() - MINUTE_MS;
  for (let i = times.length - 1; i >= 0; i--) {
    times[i] = Math.min(times[i] ?? 0, limit);
    limit = (times[i] ?? 0) - 20_000;
  }
  return events.map((e, i) => ({ ...e.op, at: new Date(times[i] ?? 0) }));
}
