import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ItemVersionElements, WorkflowStepKey } from '@zhengtong/contracts';
import { toLocalDate } from '../kernel/calendar';
import { sql } from '../kernel/db';
import type { CaseRun } from './case-history-backdate';
import { multipartBody, samplePdf, samplePng } from './case-history-files';
import type { Application, ItemForm, Profile } from './case-history-forms';
import type { Scenario } from './case-history-scenarios';
import type { ItemFacts, PlannedOp } from './case-history-timeline';
import { DEMO_PASSWORD } from './people';

// Driving demo cases through the HTTP API with app.inject, as their applicants and staff would in the browser.

/** A scenario ready to run: its item version, its answers, and each planned call with the account that makes it. */
export type PreparedCase = {
  scenario: Scenario;
  profile: Profile;
  form: ItemForm;
  application: Application;
  elements: ItemVersionElements;
  facts: ItemFacts;
  versionId: string;
  ops: (PlannedOp & { by: string })[];
};

const stepNotes: Partial<Record<WorkflowStepKey, string>> = {
  review: '经审查,申请材料齐全,符合法定形式',
  inspect: '现场核查情况与申报内容一致',
  decide: '符合法定条件和标准,准予办理',
  complete: '已送达',
};

/** Sends a request as `token` and returns its JSON, or fails with the server's answer (a demo that cannot be made is a bug). */
export async function call(app: FastifyInstance, token: string | null, options: InjectOptions, what: string): Promise<Record<string, unknown>> {
  const res = await app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  if (res.statusCode >= 300) throw new Error(`demo case history: ${what} → ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? {} : (res.json() as Record<string, unknown>);
}

/** The version in force of each item, for the city and for 青石县 (`name@539921`), from the public catalogue search. */
export async function versionsInForce(app: FastifyInstance): Promise<Map<string, string>> {
  const found = (await call(app, null, { method: 'GET', url: '/api/service-items/search?pageSize=50' }, 'catalogue search')) as {
    items: { name: string; implementations: { versionId: string; region: { code: string } }[] }[];
  };
  const versions = new Map<string, string>();
  for (const item of found.items) for (const i of item.implementations) versions.set(`${item.name}@${i.region.code.slice(0, 6)}`, i.versionId);
  return versions;
}

/**
 * Signs in every account with the demo password, concurrently (password hashing dominates), then lets each agent act
 * for its enterprise (`agents`: the agent's username → the enterprise's). Returns the bearer tokens by username.
 * Injected requests come from 127.0.0.1: keep well under the sign-in rate limit (AUTH_RATE_LIMIT_PER_MINUTE, 30).
 */
export async function signIn(app: FastifyInstance, usernames: Iterable<string>, agents: Map<string, string>): Promise<Map<string, string>> {
  const sessions = await Promise.all(
    [...usernames].map(async (username) => {
      const res = (await call(app, null, { method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } }, `sign in ${username}`)) as { token: string; me: { enterpriseId: string | null } };
      return [username, res] as const;
    }),
  );
  const tokens = new Map(sessions.map(([username, res]) => [username, res.token]));
  const enterpriseIds = new Map(sessions.map(([username, res]) => [username, res.me.enterpriseId]));
  for (const [agent, enterprise] of agents) {
    const token = tokens.get(agent);
    const enterpriseId = enterpriseIds.get(enterprise);
    if (!token) continue;
    if (!enterpriseId) throw new Error(`demo case history: ${enterprise} must sign in so that ${agent} can act for it`);
    await call(app, token, { method: 'POST', url: '/api/auth/act-as', payload: { enterpriseId } }, `${agent} acts for ${enterprise}`);
  }
  return tokens;
}

export async function signOut(app: FastifyInstance, tokens: Map<string, string>): Promise<void> {
  await Promise.all([...tokens.values()].map((token) => call(app, token, { method: 'POST', url: '/api/auth/logout' }, 'sign out')));
}

/** The staff action's body: the result at a decision (and at a 即办件's acceptance), the reasons owed to the applicant. */
function actionBody(c: PreparedCase, op: Extract<PlannedOp, { kind: 'act' }>, serial: number, version: number): Record<string, unknown> {
  const result = () => c.form.result(serial, toLocalDate(op.at), c.profile);
  switch (op.action) {
    case 'accept':
      return c.facts.isImmediate ? { version, result: result() } : { version };
    case 'approve':
      return op.step === 'decide' ? { version, note: stepNotes.decide, result: result() } : { version, note: stepNotes[op.step] ?? '' };
    case 'request-supplement':
      return { version, items: [{ target: 'material', key: c.form.fix.key, reason: c.form.fix.reason }] };
    case 'refuse':
    case 'deny':
      return { version, reason: c.scenario.reason ?? '不符合法定条件' };
    default:
      return { version, note: stepNotes[op.step] ?? '' };
  }
}

/** The file a material's scan is uploaded as: a PDF, or a PNG where the material takes images only. */
function scanOf(c: PreparedCase, key: string): { payload: Buffer; headers: Record<string, string> } {
  const material = c.elements.materials.find((m) => m.key === key);
  if (!material) throw new Error(`demo case history: ${c.scenario.item} has no material ${key}`);
  return material.formats.includes('pdf') ? multipartBody(samplePdf(key), `${material.name}.pdf`, 'application/pdf') : multipartBody(samplePng(), `${material.name}.png`, 'image/png');
}

/** Runs one case through the API; after each call notes how far its history and its applicant's inbox have grown. */
export async function runCase(app: FastifyInstance, c: PreparedCase, tokens: Map<string, string>, serial: number): Promise<CaseRun> {
  const { scenario, profile: who, application } = c;
  let caseId = '';
  let version = 0;
  const steps: CaseRun['steps'] = [];
  const track = (view: Record<string, unknown>) => {
    caseId = String(view.id);
    version = Number(view.version);
  };
  for (const op of c.ops) {
    const token = tokens.get(op.by);
    if (!token) throw new Error(`demo case history: ${op.by} is not signed in`);
    const as = (options: InjectOptions) => call(app, token, options, `${scenario.item} (${scenario.who}) ${op.kind === 'act' ? op.action : op.kind}`);
    let materialId: string | null = null;
    switch (op.kind) {
      case 'create': {
        const payload = { itemVersionId: c.versionId, values: application.values, materialChoices: application.choices ?? {} };
        const applicant =
          who.type === 'person'
            ? { type: 'person', idNumber: who.idNumber, name: who.name, phone: null }
            : { type: 'enterprise', creditCode: who.creditCode, name: who.name, agentName: who.agentName, agentIdNumber: who.agentIdNumber, phone: null };
        track(scenario.at === 'online' ? await as({ method: 'POST', url: '/api/cases', payload }) : await as({ method: 'POST', url: '/api/window/cases', payload: { ...payload, applicant } }));
        break;
      }
      case 'upload':
        materialId = String((await as({ method: 'POST', url: `/api/cases/${caseId}/materials?materialKey=${op.key}`, ...scanOf(c, op.key) })).id);
        break;
      case 'submit':
        track(await as({ method: 'POST', url: `/api/cases/${caseId}/submit`, payload: { version } }));
        break;
      case 'resubmit':
        track(await as({ method: 'POST', url: `/api/cases/${caseId}/supplement`, payload: { version, note: '已按要求补正,请审查' } }));
        break;
      case 'withdraw':
        track(await as({ method: 'POST', url: `/api/cases/${caseId}/withdraw`, payload: { version, reason: scenario.reason ?? '申请人主动撤回' } }));
        break;
      case 'act':
        track(await as({ method: 'POST', url: `/api/cases/${caseId}/actions/${op.action}`, payload: actionBody(c, op, serial, version) }));
        break;
    }
    const counts = await sql<{ seq: number; notices: number }>`
      select (select coalesce(max(seq), 0) from case_actions where case_id = ${caseId})::int as seq,
             (select count(*) from notifications where case_id = ${caseId})::int as notices`.execute(app.kernel.db);
    steps.push({ op, seq: counts.rows[0]?.seq ?? 0, notices: counts.rows[0]?.notices ?? 0, materialId });
  }
  return { caseId, facts: c.facts, steps };
}
