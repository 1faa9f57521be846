import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { makeCaseWorld, multipartFile, registerCitizen, samplePdf, staffAct, submittedCase, type CaseJson, type CaseWorld, type Citizen } from './test-support';

// Deadlines across the 2026 Mid-Autumn and National Day holidays (9-25…27 and 10-01…07 off; 9-20 and 10-10 worked),
// on a clock set by the test: only JavaScript's Date is faked, timers and the database run as usual.

let t: TestApp;
let dataDir: string;
let world: CaseWorld;
let citizen: Citizen;

beforeAll(async () => {
  // The item is published, and everyone signs in, on 1 September; sessions outlive the weeks the test skips over.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-09-01T09:00:00+08:00'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cases-'));
  t = await createTestApp({ dataDir, idleTimeoutMinutes: 60 * 24 * 120 });
  world = await makeCaseWorld(t);
  citizen = await registerCitizen(t);
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const at = (iso: string) => vi.setSystemTime(new Date(iso));
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
const view = async (token: string, id: string) => (await t.as(token, { method: 'GET', url: `/api/cases/${id}` })).json() as CaseJson;

describe('working-day deadlines with the clock stopped while suspended', () => {
  it('5 working days skip National Day; a 补正 pause from 29 Sept to 9 Oct adds 3 working days; the queue is ordered and lit by urgency', async () => {
    at('2026-09-22T10:00:00+08:00');
    const early = await staffAct(t, world.tokens.clerk, await submittedCase(t, citizen, world.versionId), 'accept');
    // 23, 24, 28, 29, 30 September (25–27 is the Mid-Autumn holiday).
    expect(early.dueAt).toBe(endOf('2026-09-30'));

    at('2026-09-24T10:00:00+08:00');
    const middle = await staffAct(t, world.tokens.clerk, await submittedCase(t, citizen, world.versionId), 'accept');
    // 28, 29, 30 September, 8, 9 October.
    expect(middle.dueAt).toBe(endOf('2026-10-09'));

    at('2026-09-29T10:00:00+08:00');
    let paused = await staffAct(t, world.tokens.clerk, await submittedCase(t, citizen, world.versionId), 'accept');
    // 30 September, 8, 9, 10 (a worked Saturday), 12 October.
    expect(paused.dueAt).toBe(endOf('2026-10-12'));

    at('2026-09-29T15:00:00+08:00');
    paused = await staffAct(t, world.tokens.reviewer, paused, 'request-supplement', { items: [{ target: 'field', key: 'childName', reason: '姓名与出生医学证明不一致' }] });
    expect(paused).toMatchObject({ status: 'suspended', light: 'paused', workingDaysLeft: null });

    at('2026-10-09T09:00:00+08:00');
    const corrected = await t.as(citizen.token, { method: 'POST', url: `/api/cases/${paused.id}/supplement`, payload: { version: paused.version, values: { childName: '张晓明' } } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const resumed = corrected.json() as CaseJson;
    expect(resumed).toMatchObject({ status: 'accepted', values: { childName: '张晓明' } });
    // The pause took 30 Sept, 8 and 9 Oct: 5 + 3 working days after 29 Sept → 15 October.
    expect(resumed.dueAt).toBe(endOf('2026-10-15'));
    expect((await view(world.tokens.reviewer, paused.id)).suspendedDays).toBe(3);

    at('2026-10-09T10:00:00+08:00');
    const queue = (await t.as(world.tokens.reviewer, { method: 'GET', url: '/api/workbench/cases' })).json() as { items: CaseJson[]; counts: Record<string, number> };
    const mine = queue.items.filter((c) => [early.id, middle.id, paused.id].includes(c.id));
    expect(mine.map((c) => c.id)).toEqual([early.id, middle.id, paused.id]);
    expect(mine.map((c) => c.light)).toEqual(['red', 'yellow', 'green']);
    expect(mine.map((c) => c.workingDaysLeft)).toEqual([-2, 0, 5]);
    expect(queue.counts).toMatchObject({ red: 1, yellow: 1, green: 1 });
    const red = (await t.as(world.tokens.reviewer, { method: 'GET', url: '/api/workbench/cases?light=red' })).json() as { items: CaseJson[]; total: number };
    expect(red.items.map((c) => c.id)).toEqual([early.id]);
  });

  it('the clerk’s queue holds cases waiting for acceptance, oldest first; suspended ones have their own view', async () => {
    at('2026-11-02T09:00:00+08:00');
    const first = await submittedCase(t, citizen, world.versionId);
    at('2026-11-02T10:00:00+08:00');
    const second = await submittedCase(t, citizen, world.versionId);
    const todo = (await t.as(world.tokens.clerk, { method: 'GET', url: '/api/workbench/cases?step=accept' })).json() as { items: CaseJson[]; counts: Record<string, number> };
    const ids = todo.items.map((c) => c.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(todo.counts.none).toBeGreaterThanOrEqual(2);
    const asked = await staffAct(t, world.tokens.clerk, second, 'request-supplement', { items: [{ target: 'other', reason: '请补充监护人签字' }] });
    expect(asked).toMatchObject({ status: 'suspended', light: 'none', dueAt: null });
    const suspended = (await t.as(world.tokens.clerk, { method: 'GET', url: '/api/workbench/cases?view=suspended' })).json() as { items: CaseJson[]; counts: { suspended: number } };
    expect(suspended.items.map((c) => c.id)).toContain(second.id);
    expect(suspended.counts.suspended).toBeGreaterThanOrEqual(1);
    // Corrected at the counter stage: back in the clerk's queue, the clock still not started.
    await t.as(citizen.token, { method: 'POST', url: `/api/cases/${second.id}/materials?materialKey=birthCertificate`, ...multipartFile(samplePdf(), 'b.pdf') });
    const back = await t.as(citizen.token, { method: 'POST', url: `/api/cases/${second.id}/supplement`, payload: { version: asked.version } });
    expect(back.json()).toMatchObject({ status: 'submitted', dueAt: null });
  });
});
