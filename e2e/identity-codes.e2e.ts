import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signedIn } from './support/session';

// 一人一码: 张三 opens 我的码 and allows what a counter needs (办事); the code's text is copied to the 综合窗口 clerk
// (the staff-assisted path: a scanner gun types the same text), who reads it in 扫码核验 and sees only masked numbers;
// a second scan of the same code is refused; 张三's scan history then lists the clerk's department and purpose.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const bodyText = (page: Page) => () => page.locator('body').innerText();

describe('personal code (一人一码)', () => {
  it('张三 shows his code, the clerk reads the masked attributes he allowed, and 张三 sees the scan', async () => {
    const citizen = await signedIn(browser, server.url, '13800000001');
    await citizen.getByRole('link', { name: '我的码' }).click();
    await citizen.getByRole('heading', { name: '我的码', level: 1 }).waitFor();
    await citizen.getByRole('radio', { name: /^办事/ }).check();
    await expect.poll(bodyText(citizen), { timeout: 15_000 }).toContain('对方可读取:实名认证等级、姓名、身份证号(脱敏)、手机号(脱敏)');
    await citizen.getByRole('img', { name: /个人码二维码/ }).waitFor();
    await expect.poll(bodyText(citizen)).toMatch(/\d+ 秒后自动更新/);
    const code = (await citizen.getByText(/^ZTC1\./).innerText()).trim();
    expect(code).toMatch(/^ZTC1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(code).not.toContain('539902198803150118');

    const clerk = await signedIn(browser, server.url, 'clerk');
    await clerk.getByRole('navigation', { name: '功能入口' }).getByRole('link', { name: '扫码核验' }).click();
    await clerk.getByRole('heading', { name: '扫码核验', level: 1 }).waitFor();
    await clerk.getByLabel('码文').fill(code);
    await expect.poll(bodyText(clerk)).toContain('个人码,持码人同意提供:实名认证等级、姓名、身份证号(脱敏)、手机号(脱敏)');
    for (const attribute of ['name', 'maskedIdNumber', 'maskedPhone']) await clerk.locator(`input[type="checkbox"][value="${attribute}"]`).check();
    await clerk.getByRole('button', { name: '核 验' }).or(clerk.getByRole('button', { name: '核验', exact: true })).click();
    await expect.poll(bodyText(clerk), { timeout: 15_000 }).toContain('核验通过');
    const shown = await bodyText(clerk)();
    expect(shown).toContain('张三');
    expect(shown).toContain('5***************18');
    expect(shown).toContain('138****0001');
    expect(shown).not.toContain('539902198803150118');
    expect(shown).not.toContain('13800000001');

    // The same code again, as a barcode scanner sends it (the text, then Enter): each code scans once.
    await clerk.getByLabel('码文').press('Enter');
    await expect.poll(bodyText(clerk), { timeout: 15_000 }).toContain('码已使用过');
    await clerk.context().close();

    await citizen.reload();
    await citizen.getByRole('heading', { name: '被扫记录' }).waitFor();
    await expect.poll(bodyText(citizen), { timeout: 15_000 }).toContain('云溪市政务服务管理局 · 李晓燕');
    const history = await bodyText(citizen)();
    expect(history).toContain('窗口办事');
    expect(history).toContain('已读取');
    expect(history).toContain('已拒绝:码已使用过');
    await citizen.context().close();
  });
});
