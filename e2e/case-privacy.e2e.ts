import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../server/src/demo';
import { multipartFile, samplePdf } from '../server/src/services/cases/test-support';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedIn } from './support/session';

// A reviewer reads personal data masked, shows it in full only by stating a purpose, and records the 事后核查 of a
// promise (告知承诺) that replaced a material. The case is filed through the API; the reviewer works in the browser.

let server: RunningServer;
let browser: Browser;
let caseId = '';

async function tokenOf(username: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return res.json().token as string;
}

async function call(token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  const res = await server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; itemVersionId?: string };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const found = (await server.app.inject({ method: 'GET', url: '/api/service-items/search?q=户口迁入登记' })).json() as { items: { name: string; implementations: { versionId: string | null }[] }[] };
  const versionId = found.items.find((i) => i.name === '户口迁入登记')?.implementations[0]?.versionId ?? '';
  const citizen = await tokenOf('13800000001');
  const values = { applicantName: '张三', applicantIdNumber: '539902198803150118', applicantPhone: '13800000001', address: '云溪市澜沧区翠湖路 1 号', basis: 'employment', employerName: '云溪市青禾食品有限公司', targetRegion: '539902001000' };
  const draft = await call(citizen, 'POST', '/api/cases', { itemVersionId: versionId, values, materialChoices: { employmentProof: 'pledge' } });
  for (const key of ['idCard', 'householdRegister']) {
    const file = multipartFile(samplePdf(key), `${key}.pdf`);
    const upload = await server.app.inject({ method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=${key}`, headers: { authorization: `Bearer ${citizen}`, ...file.headers }, payload: file.payload });
    if (upload.statusCode !== 201) throw new Error(`upload ${key}: ${upload.body}`);
  }
  const submitted = await call(citizen, 'POST', `/api/cases/${draft.id}/submit`, { version: draft.version });
  await call(await tokenOf('clerk'), 'POST', `/api/cases/${draft.id}/actions/accept`, { version: submitted.version });
  caseId = draft.id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('personal data and promises in the staff view', () => {
  it('the reviewer sees masked numbers, shows them by stating a purpose, and records an untrue promise', async () => {
    const page = await signedIn(browser, server.url, 'huzheng');
    await page.goto(`/workbench/cases/${caseId}`);
    await page.getByRole('heading', { name: '户口迁入登记', level: 1 }).waitFor();
    const body = () => page.locator('body').innerText();
    await expect.poll(body, { timeout: 15_000 }).toContain('138****0001');
    expect(await body()).not.toContain('13800000001');

    await page.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByLabel('用途').fill('核对申请人落户资格');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await expect.poll(body, { timeout: 15_000 }).toContain('539902198803150118');

    await page.getByRole('button', { name: '记录核查结果 劳动合同或就业证明' }).click();
    await page.getByRole('radio', { name: '不实' }).check();
    await page.getByLabel('核查情况').fill('经社保系统核查,申请人未在该单位参保');
    await page.getByRole('button', { name: '保存核查结果' }).click();
    await expect.poll(body, { timeout: 15_000 }).toContain('经社保系统核查,申请人未在该单位参保');
    expect(await page.getByRole('button', { name: '记录核查结果 劳动合同或就业证明' }).count()).toBe(0);
    await page.context().close();

    const trail = await server.app.kernel.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', caseId).where('action', 'in', ['case.unmask', 'case.checkPledge']).execute();
    expect(trail.map((r) => r.action).sort()).toEqual(['case.checkPledge', 'case.unmask']);
  });
});
