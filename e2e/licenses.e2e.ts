import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { LicenseQrView, LicenseSummary } from '@zhengtong/contracts';
import { DEMO_PASSWORD } from '../server/src/demo';
import { tables } from '../server/src/platform/licenses/tables';
import { multipartFile, samplePdf } from '../server/src/services/cases/test-support';
import { launchBrowser } from './support/browser';
import { pdfOpenedBy } from './support/pdf';
import { makeIdNumber } from './support/people';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll } from './support/journey';

// 电子证照 end to end. 𠮷祥 applies online for 户口迁入登记, which the demo city's 证照目录 maps to 居民户口簿 (type 112,
// 公安局): the case is filed and decided through the API (the browser is not the point there), and its completion —
// delivered by the outbox, as the server's workers would — puts the new licence in 𠮷祥's 证照夹. In the browser she
// finds it, opens its QR code and file, grants 人社局 its use (人社局 then uses it), sees the use, and withdraws the
// grant. A verifier who never signs in opens the licence's verify page and sees 有效 with the holder's name masked.

let server: RunningServer;
let browser: Browser;
let caseNumber = '';
let licence: LicenseSummary;
const ITEM = '户口迁入登记';
const HOUSEHOLD_NO = '539902010099876';
const HRSS = '云溪市人力资源和社会保障局';

async function tokenOf(username: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return res.json().token as string;
}

async function call<T = { id: string; version: number; caseNumber: string; status: string }>(token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>): Promise<T> {
  const res = await server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** The case.completed event reaches the licences domain as the outbox workers would deliver it (workers are off in e2e). */
async function deliverOutbox(): Promise<void> {
  for (let round = 0; round < 20 && (await server.app.kernel.outbox.deliverPending(500)) > 0; round++);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const found = (await server.app.inject({ method: 'GET', url: `/api/service-items/search?q=${encodeURIComponent(ITEM)}` })).json() as { items: { name: string; implementations: { versionId: string }[] }[] };
  const versionId = found.items.find((i) => i.name === ITEM)?.implementations[0]?.versionId ?? '';
  const citizen = await tokenOf('13800000002');
  const values = { applicantName: '𠮷祥', applicantIdNumber: makeIdNumber('1992-07-08', 24), applicantPhone: '13800000002', address: '云溪市澜沧区翠湖路 8 号', basis: 'employment', employerName: '云溪市青禾食品有限公司', targetRegion: '539902001000' };
  const draft = await call(citizen, 'POST', '/api/cases', { itemVersionId: versionId, values, materialChoices: { employmentProof: 'pledge' } });
  // 𠮷祥 holds no 居民身份证 or 户口簿 yet, so both are uploaded rather than fetched (免证办).
  for (const key of ['idCard', 'householdRegister']) {
    const file = multipartFile(samplePdf(key), `${key}.pdf`);
    const upload = await server.app.inject({ method: 'POST', url: `/api/cases/${draft.id}/materials?materialKey=${key}`, headers: { authorization: `Bearer ${citizen}`, ...file.headers }, payload: file.payload });
    if (upload.statusCode !== 201) throw new Error(`upload ${key}: ${upload.body}`);
  }
  const clerk = await tokenOf('clerk');
  const police = await tokenOf('huzheng');
  let c = await call(citizen, 'POST', `/api/cases/${draft.id}/submit`, { version: draft.version });
  c = await call(clerk, 'POST', `/api/cases/${draft.id}/actions/accept`, { version: c.version });
  c = await call(police, 'POST', `/api/cases/${draft.id}/actions/approve`, { version: c.version });
  c = await call(police, 'POST', `/api/cases/${draft.id}/actions/approve`, { version: c.version, result: { householdNo: HOUSEHOLD_NO } });
  c = await call(clerk, 'POST', `/api/cases/${draft.id}/actions/complete`, { version: c.version });
  expect(c.status).toBe('completed');
  caseNumber = c.caseNumber;
  await deliverOutbox();
  const wallet = await call<{ items: LicenseSummary[] }>(citizen, 'GET', '/api/my/licenses?pageSize=50');
  const issued = wallet.items.find((l) => l.typeCode === '112' && l.source === 'case');
  if (!issued) throw new Error(`no 居民户口簿 issued for case ${caseNumber}: ${JSON.stringify(wallet.items.map((l) => `${l.typeCode}:${l.source}`))}`);
  licence = issued;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A demo account signed in in a browser of its own, or a visitor who never signed in. */
const { as, visitor } = journeyPeople('licenses', () => ({ browser, url: server.url }));

const bodyText = (page: Page) => () => page.locator('body').innerText();

/** Picks an option of a searchable select as a keyboard user would: types, waits until it is the active option, Enter. */
async function choose(select: Locator, name: string) {
  await select.fill(name);
  await poll(() => select.evaluate((input) => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label') ?? document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent)).toBe(name);
  await select.press('Enter');
}

/** 𠮷祥's licence page, reached as she would: 我的 → 证照夹 → the card's 查看 button. */
async function openLicence(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '我的账号' }).getByRole('link', { name: '证照夹' }).click();
  await page.getByRole('heading', { name: '证照夹', level: 1 }).waitFor();
  await page.getByRole('link', { name: '查看 居民户口簿' }).click();
  await page.getByRole('heading', { name: '居民户口簿', level: 1 }).waitFor();
}

describe('electronic licences (电子证照)', () => {
  it('a completed case puts the licence in the holder’s wallet, with its contents, QR code and file', async () => {
    const citizen = await as('13800000002');
    await citizen.getByRole('navigation', { name: '我的账号' }).getByRole('link', { name: '证照夹' }).click();
    const card = citizen.getByRole('listitem').filter({ hasText: licence.identifier });
    await card.waitFor();
    expect(await card.innerText()).toContain('有效');

    await openLicence(citizen);
    await poll(bodyText(citizen)).toContain(HOUSEHOLD_NO);
    const page = await bodyText(citizen)();
    expect(page).toContain(`办件办结自动签发(办件编号 ${caseNumber})`);
    expect(page).toContain('云溪市公安局');
    expect(page).toContain(licence.identifier);
    expect(page).not.toContain(makeIdNumber('1992-07-08', 24));

    // The QR code holds the verification URL with the signed payload after '#'.
    await citizen.getByRole('img', { name: '居民户口簿的核验二维码' }).locator('svg').waitFor();
    const qr = await call<LicenseQrView>(await tokenOf('13800000002'), 'GET', `/api/licenses/${licence.id}/qr`);
    expect(qr.url).toBe(`${server.url}/verify/${licence.id}#${qr.payload}`);
    await citizen.getByText('二维码内容(码文)').click();
    await citizen.getByText(qr.payload).waitFor();

    const pdf = await pdfOpenedBy(citizen, new RegExp(`/api/licenses/${licence.id}/pdf$`), () => citizen.getByRole('link', { name: '下载证照文件(PDF)' }).click());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a verifier who never signed in sees 有效 with the holder’s name masked, and the QR signature checked', async () => {
    const qr = await call<LicenseQrView>(await tokenOf('13800000002'), 'GET', `/api/licenses/${licence.id}/qr`);
    const verifier = await visitor();
    // What a phone opens when it scans the code: the verify page, the payload after '#'.
    await verifier.goto(qr.url);
    const verdict = verifier.getByRole('status', { name: '核验结论' });
    await verdict.getByRole('heading', { name: '有效' }).waitFor();
    await poll(bodyText(verifier)).toContain('二维码签名:真实有效');
    const shown = await bodyText(verifier)();
    expect(shown).toContain('𠮷*');
    expect(shown).not.toContain('𠮷祥');
    expect(shown).toContain('居民户口簿');
    expect(shown).toContain('云溪市公安局');
    expect(shown).toContain(licence.identifier);
    expect(shown).toContain('本次核验已记录');

    // The same code pasted into the check page (a scanner gun types it), and a licence that does not exist.
    await verifier.getByRole('link', { name: '核验其他证照' }).click();
    await verifier.getByLabel('二维码内容').fill(qr.payload);
    await verifier.getByRole('button', { name: '核验' }).click();
    await verifier.getByRole('status', { name: '核验结论' }).getByRole('heading', { name: '真实有效' }).waitFor();
    await verifier.goto('/verify/01900000-0000-7000-8000-000000000000');
    await verifier.getByRole('status', { name: '核验结论' }).getByRole('heading', { name: '未找到' }).waitFor();

    // Each check was recorded: the online one, the signature behind '#', and the pasted code.
    const checks = await tables(server.app.kernel.db).selectFrom('license_verifications').select('channel').where('license_id', '=', licence.id).execute();
    expect(checks.map((c) => c.channel).sort()).toEqual(['online', 'qr', 'qr']);
  });

  it('the holder grants 人社局 the use of the licence, sees its use, and withdraws the grant', async () => {
    const citizen = await as('13800000002');
    await openLicence(citizen);
    await citizen.getByRole('button', { name: '新增授权' }).click();
    const dialog = citizen.getByRole('dialog', { name: '授权使用:居民户口簿' });
    await dialog.waitFor();
    await choose(dialog.getByLabel('被授权部门'), HRSS);
    await dialog.getByLabel('用途').fill('办理社会保障卡');
    await expect.poll(() => dialog.innerText()).toMatch(/授权 30 天,到 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 自动失效/);
    await dialog.getByRole('button', { name: '确认授权' }).click();
    await dialog.waitFor({ state: 'detached' });
    const grantRow = citizen.getByRole('row').filter({ hasText: HRSS });
    await grantRow.waitFor();
    expect(await grantRow.innerText()).toContain('授权中');

    // 人社局 uses the licence under the grant (its own screen is another story); the holder sees the use.
    await call(await tokenOf('shebao'), 'POST', `/api/licenses/${licence.id}/uses`, { purpose: '社会保障卡申领核对户籍' });
    await citizen.reload();
    await poll(bodyText(citizen)).toContain('社会保障卡申领核对户籍');
    expect(await citizen.getByRole('row').filter({ hasText: '社会保障卡申领核对户籍' }).innerText()).toContain('持证人授权');

    await citizen.getByRole('button', { name: `撤回对 ${HRSS} 的授权` }).click();
    const confirm = citizen.getByRole('dialog', { name: '撤回这项授权?' });
    await confirm.getByRole('button', { name: '确认撤回' }).click();
    await poll(() => citizen.getByRole('row').filter({ hasText: '办理社会保障卡' }).innerText()).toContain('已撤回');
    expect(await citizen.getByRole('button', { name: `撤回对 ${HRSS} 的授权` }).count()).toBe(0);

    // Withdrawn means withdrawn: 人社局 is refused from now on.
    const refused = await server.app.inject({ method: 'POST', url: `/api/licenses/${licence.id}/uses`, headers: { authorization: `Bearer ${await tokenOf('shebao')}` }, payload: { purpose: '再次核对' } });
    expect(refused.statusCode).toBe(403);
  });
});
