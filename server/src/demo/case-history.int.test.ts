import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary, WorkbenchResult } from '@zhengtong/contracts';
import { verifyAuditChain } from '../kernel/audit';
import { toLocalDate } from '../kernel/calendar';
import { inspectPdf } from '../kernel/pdf/inspect';
import { createTestApp, type TestApp } from '../testing';
import { DEMO_PASSWORD, seedDemoCaseHistory, seedDemoCity } from '.';
import { multipartBody, samplePdf } from './case-history-files';
import { demoIdNumber } from './people';

let t: TestApp;
let seeded: { cases: number; ms: number };
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.kernel);
  seeded = await seedDemoCaseHistory(t.app);
}, 300_000);
afterAll(async () => t?.close());

const DAY_MS = 86_400_000;

async function get<T>(username: string, url: string): Promise<T> {
  const token = await t.login(username, DEMO_PASSWORD);
  const res = await t.as(token, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

const dateText = (iso: string) => {
  const [y, m, d] = toLocalDate(new Date(iso)).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe('the demo city’s 办件 history', () => {
  it('fills department queues with deadlines in the green, yellow and red', async () => {
    // 市场监管局's reviewer; the 综合窗口 of the city and of 青石县, where decided cases wait for 办结.
    for (const username of ['reviewer', 'clerk', 'qsclerk']) {
      const queue = await get<WorkbenchResult>(username, '/api/workbench/cases?pageSize=50');
      expect(queue.counts, username).toMatchObject({ red: expect.any(Number), yellow: expect.any(Number), green: expect.any(Number) });
      expect(queue.counts.red, `${username} red`).toBeGreaterThan(0);
      expect(queue.counts.yellow, `${username} yellow`).toBeGreaterThan(0);
      expect(queue.counts.green, `${username} green`).toBeGreaterThan(0);
      expect(queue.items.map((c) => c.light)).toEqual(expect.arrayContaining(['red', 'yellow', 'green']));
    }
    const suspended = await get<WorkbenchResult>('reviewer', '/api/workbench/cases?view=suspended');
    expect(suspended.total).toBeGreaterThan(0);
  });

  it('leaves applications waiting for 受理 at the 综合窗口, and fills every department’s closed list', async () => {
    const queue = await get<WorkbenchResult>('clerk', '/api/workbench/cases?step=accept');
    expect(queue.total).toBeGreaterThanOrEqual(3);
    expect(queue.items.every((c) => c.status === 'submitted' && c.light === 'none')).toBe(true);
    for (const username of ['reviewer', 'huzheng', 'shebao', 'weisheng', 'guihua', 'yunguan', 'minzheng', 'yibao', 'qsreviewer']) {
      const closed = await get<WorkbenchResult>(username, '/api/workbench/cases?view=closed');
      expect(closed.total, username).toBeGreaterThan(0);
    }
  });

  it('gives 张三 completed cases with their letters, one waiting for his 补正 and one in review', async () => {
    const token = await t.login('13800000001', DEMO_PASSWORD);
    const mine = (await t.as(token, { method: 'GET', url: '/api/cases/mine?pageSize=50' })).json() as { items: CaseSummary[] };
    const statuses = mine.items.map((c) => c.status);
    expect(statuses.filter((s) => s === 'completed').length).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain('suspended');
    expect(statuses.some((s) => s === 'accepted' || s === 'in_review')).toBe(true);
    // The walk-in case filed at the window with his ID number is his as well.
    expect(mine.items.some((c) => c.channel === 'window')).toBe(true);

    const completed = mine.items.filter((c) => c.status === 'completed');
    for (const summary of completed.slice(0, 2)) {
      const view = (await t.as(token, { method: 'GET', url: `/api/cases/${summary.id}` })).json() as { result: { decidedAt: string }; timeline: { at: string; text: string }[] };
      const letter = await t.as(token, { method: 'GET', url: `/api/cases/${summary.id}/decision.pdf` });
      expect(letter.statusCode).toBe(200);
      expect(letter.headers['content-type']).toContain('application/pdf');
      expect(letter.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The letter carries the dated-back number and decision date, like the timeline.
      const text = inspectPdf(letter.rawPayload).text;
      expect(text).toContain(summary.caseNumber ?? '-');
      expect(text).toContain(dateText(view.result.decidedAt));
      expect(view.timeline.find((e) => e.text.includes('办件编号'))?.text).toContain(summary.caseNumber ?? '-');
      // Issued again for the dated-back facts, it is still the sealed, signed original the platform vouches for.
      const verified = await t.app.inject({ method: 'POST', url: '/api/case-documents/verify', ...multipartBody(letter.rawPayload, 'letter.pdf', 'application/pdf') });
      expect(verified.json()).toMatchObject({ verdict: 'authentic', caseNumber: summary.caseNumber });
      const times = view.timeline.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const tracking = (await t.as(token, { method: 'GET', url: `/api/cases/${completed[0]?.id ?? ''}` })).json() as { trackingCode: string };
    const tracked = await t.app.inject({ method: 'GET', url: `/api/case-tracking/${tracking.trackingCode}` });
    expect(tracked.json()).toMatchObject({ status: 'completed', caseNumber: completed[0]?.caseNumber });
  });

  it('gives 云溪市青禾食品有限公司 its own cases and those its agent 王芳 filed', async () => {
    const enterprise = await get<{ items: CaseSummary[]; total: number }>('91539902MA1QH0013H', '/api/cases/mine?pageSize=50');
    expect(enterprise.items.map((c) => c.status)).toEqual(expect.arrayContaining(['completed', 'suspended', 'withdrawn']));
    const agent = await get<{ items: CaseSummary[]; total: number }>('13800000004', '/api/cases/mine?pageSize=50');
    expect(agent.total).toBeGreaterThan(0);
    expect(agent.items.every((c) => enterprise.items.some((e) => e.id === c.id))).toBe(true);
  });

  it('numbers every case uniquely with its submission day, and dates it within the last four months', async () => {
    const rows = await t.kernel.db.selectFrom('cases').select(['case_number', 'submitted_at', 'created_at', 'accepted_at', 'decided_at', 'completed_at', 'status', 'item_name', 'handling_department_id']).execute();
    expect(rows.length).toBe(seeded.cases);
    const numbers = rows.map((r) => r.case_number);
    expect(new Set(numbers).size).toBe(rows.length);
    const now = Date.now();
    for (const r of rows) {
      expect(r.case_number?.slice(6, 14)).toBe(toLocalDate(r.submitted_at ?? new Date(0)).replace(/-/g, ''));
      const times = [r.created_at, r.submitted_at, r.accepted_at, r.decided_at, r.completed_at].filter((d): d is Date => d !== null).map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(now);
    }
    const oldest = Math.min(...rows.map((r) => r.submitted_at?.getTime() ?? now));
    expect(now - oldest).toBeGreaterThan(90 * DAY_MS);
    expect(now - oldest).toBeLessThan(150 * DAY_MS);
    const byStatus = new Map<string, number>();
    for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const closed = ['completed', 'refused', 'denied', 'withdrawn'].reduce((n, s) => n + (byStatus.get(s) ?? 0), 0);
    expect(closed).toBeGreaterThan(rows.length / 2);
    expect(Math.max(...byStatus.values())).toBe(byStatus.get('completed'));
    expect(new Set(rows.map((r) => r.item_name)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.handling_department_id)).size).toBeGreaterThanOrEqual(8);
  });

  it('keeps the case-number counter ahead: a new application today gets the next free number', async () => {
    const today = toLocalDate(new Date()).replace(/-/g, '');
    const before = await t.kernel.db.selectFrom('cases').select('case_number').where('case_number', 'like', `539900${today}%`).execute();
    const token = await t.login('13800000002', DEMO_PASSWORD);
    const found = (await t.app.inject({ method: 'GET', url: '/api/service-items/search?q=异地就医' })).json() as { items: { implementations: { versionId: string }[] }[] };
    const versionId = found.items[0]?.implementations[0]?.versionId;
    const res = await t.as(token, {
      method: 'POST',
      url: '/api/cases',
      payload: { itemVersionId: versionId, values: { applicantName: '𠮷祥', applicantIdNumber: demoIdNumber('539902', '1992-07-08', 24), applicantPhone: '13800000002', address: '云溪市澜沧区望江路 15 号', kind: 'referral', destination: '昆明市', hospitalName: '昆明医科大学第一附属医院' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json() as { id: string; version: number };
    const upload = await t.as(token, { method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=idCard`, ...multipartBody(samplePdf('idCard'), 'id.pdf', 'application/pdf') });
    expect(upload.statusCode, upload.body).toBe(201);
    const submitted = await t.as(token, { method: 'POST', url: `/api/cases/${draft.id}/submit`, payload: { version: draft.version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const number = (submitted.json() as { caseNumber: string }).caseNumber;
    expect(number).toBe(`539900${today}O${String(before.length + 1).padStart(6, '0')}`);
  });

  it('leaves the audit chain intact: the history is dated back, the audit trail keeps the seed’s real time', async () => {
    const verdict = await verifyAuditChain(t.kernel.db);
    expect(verdict.ok).toBe(true);
  });
});
