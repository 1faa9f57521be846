import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { ItemVersionElements, StaffRole, WorkflowStepKey } from '@zhengtong/contracts';
import { toLocalDate, type Calendar } from '../kernel/calendar';
import { readCalendar } from '../platform/calendar';
import { dateBack, type CaseRun } from './case-history-backdate';
import { itemForms, type Profile } from './case-history-forms';
import { runCase, signIn, signOut, versionsInForce, type PreparedCase } from './case-history-run';
import { onlineApplicants, scenarios, walkIns, type OnlineApplicant, type Scenario } from './case-history-scenarios';
import { planCase, type ItemFacts } from './case-history-timeline';
import { enterpriseItems } from './service-items-enterprise';
import type { DemoItem } from './service-items-kit';
import { personItems } from './service-items-person';

// The demo city's 办件 history: every case is made through the real HTTP API (sign in, apply, upload, submit, accept,
// review, decide, 办结 …) by its applicant or the window clerk and by the department's staff, then dated back over
// the last four months (case-history-backdate.ts). Data, not code paths: the scenarios are one table
// (case-history-scenarios.ts), the answers to each item's form another (case-history-forms.ts).

/** Who acts at a step of a city department's workflow, by the step's role (the demo staff in people.ts). */
const cityStaff: Record<string, Partial<Record<StaffRole, string>>> = {
  market: { reviewer: 'reviewer', inspector: 'inspector' },
  'public-security': { reviewer: 'huzheng' },
  hrss: { reviewer: 'shebao' },
  health: { reviewer: 'weisheng', inspector: 'weisheng' },
  housing: { reviewer: 'guihua', handler: 'handler' },
  transport: { reviewer: 'yunguan', inspector: 'yunguan' },
  civil: { reviewer: 'minzheng', handler: 'minzheng' },
  medical: { reviewer: 'yibao' },
};

const online: Record<string, OnlineApplicant | undefined> = onlineApplicants;
const atWindow: Record<string, Profile | undefined> = walkIns;

function demoItem(name: string): DemoItem {
  const demo = [...personItems, ...enterpriseItems].find((d) => d.item.name === name);
  if (!demo) throw new Error(`demo case history: no demo item ${name}`);
  return demo;
}

function factsOf(elements: ItemVersionElements): ItemFacts {
  const between = elements.workflow.steps.filter((s) => !s.isOptional && s.key !== 'accept' && s.key !== 'complete').map((s) => s.key);
  return { promised: elements.promisedLimit, legal: elements.legalLimit, isImmediate: elements.caseKind === 'immediate', steps: between };
}

/** Who files the case: the applicant online, or the window clerk of the city or of 青石县. */
function filerOf(scenario: Scenario): { username: string; profile: Profile } {
  const applicant = scenario.at === 'online' ? online[scenario.who] : undefined;
  const profile = applicant?.profile ?? atWindow[scenario.who];
  if (!profile || (scenario.at === 'online' && !applicant)) throw new Error(`demo case history: ${scenario.who} cannot apply ${scenario.at === 'online' ? 'online' : 'at a window'}`);
  return { username: applicant?.login ?? (scenario.at === 'county' ? 'qsclerk' : 'clerk'), profile };
}

/** Who takes a staff action at a step: the window at 受理 and 办结, the department's reviewer, inspector … otherwise. */
function staffFor(scenario: Scenario, demo: DemoItem, elements: ItemVersionElements, step: WorkflowStepKey): string {
  const role = elements.workflow.steps.find((s) => s.key === step)?.role;
  const county = scenario.at === 'county';
  const username = role === 'clerk' ? (county ? 'qsclerk' : 'clerk') : county ? 'qsreviewer' : role ? cityStaff[demo.department]?.[role] : undefined;
  if (!username) throw new Error(`demo case history: nobody of ${demo.department} acts as ${role ?? '?'} in ${scenario.item}`);
  return username;
}

/** A scenario with its item version, its answers and its calls planned and assigned. */
function prepare(scenario: Scenario, index: number, context: { versions: Map<string, string>; calendar: Calendar; now: Date }): PreparedCase {
  const demo = demoItem(scenario.item);
  const elements = scenario.at === 'county' && demo.county ? demo.county(demo.elements) : demo.elements;
  const region = scenario.at === 'county' ? '539921' : '539900';
  const versionId = context.versions.get(`${scenario.item}@${region}`);
  if (!versionId) throw new Error(`demo case history: ${scenario.item} is not published for ${region}`);
  const form = itemForms[scenario.item];
  if (!form) throw new Error(`demo case history: no form for ${scenario.item}`);
  const filer = filerOf(scenario);
  const application = form.application(filer.profile);
  const facts = factsOf(elements);
  const planned = planCase({ scenario, facts, application, fixKey: form.fix.key, calendar: context.calendar, now: context.now, index });
  const ops = planned.map((op) => ({ ...op, by: op.kind === 'act' ? staffFor(scenario, demo, elements, op.step) : filer.username }));
  return { scenario, profile: filer.profile, form, application, elements, facts, versionId, ops };
}

async function seedHistory(app: FastifyInstance): Promise<{ cases: number; ms: number }> {
  const started = performance.now();
  const now = new Date();
  const context = { versions: await versionsInForce(app), calendar: await readCalendar(app.kernel.db), now };
  const prepared = scenarios.map((scenario, index) => prepare(scenario, index, context));
  // Cases submitted today go first: they keep the numbers the product gives them (today's sequence from 1).
  const today = toLocalDate(now);
  const isToday = (c: PreparedCase) => c.ops.some((op) => op.kind === 'submit' && toLocalDate(op.at) === today);
  const ordered = [...prepared.filter(isToday), ...prepared.filter((c) => !isToday(c))];

  const usernames = new Set(ordered.flatMap((c) => c.ops.map((op) => op.by)));
  const agents = new Map<string, string>();
  for (const a of Object.values(online)) {
    if (!a?.actsFor || !usernames.has(a.login)) continue;
    agents.set(a.login, a.actsFor);
    usernames.add(a.actsFor);
  }
  const tokens = await signIn(app, usernames, agents);
  const runs: CaseRun[] = [];
  for (const [i, c] of ordered.entries()) runs.push(await runCase(app, c, tokens, i + 1));
  await dateBack(app.kernel, { runs, calendar: context.calendar, now });
  await signOut(app, tokens);
  return { cases: runs.length, ms: Math.round(performance.now() - started) };
}

/**
 * Gives the demo city about four months of 办件 through the real API: most closed (completed, a few 不予受理, 不予许可
 * or withdrawn), some waiting at each step with green, yellow and red deadlines, some waiting for a 补正. Call it
 * right after seedDemoCity on an empty database; the test harness does not (tests stay fast).
 */
export async function seedDemoCaseHistory(app: FastifyInstance): Promise<{ cases: number; ms: number }> {
  // The seed's own 400-odd requests are not traffic worth a log line each (request loggers are children made per
  // request, so they take the quieter level while it lasts).
  const level = app.log.level;
  app.log.level = 'warn';
  let seeded: { cases: number; ms: number };
  try {
    seeded = await seedHistory(app);
  } finally {
    app.log.level = level;
  }
  app.log.info(seeded, 'demo city: 办件 history seeded');
  return seeded;
}
