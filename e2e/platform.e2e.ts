import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeCreditCode } from '@zhengtong/contracts';
import { launchBrowser, newPage } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { signIn } from './support/session';
import { currentTotp } from '../server/src/platform/identity';
import { DEMO_PASSWORD } from '../server/src/demo';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign-in', () => {
  it('a citizen signs in and lands on 我的 with their masked data', async () => {
    const page = await newPage(browser, server.url);
    await signIn(page, '13800000001', DEMO_PASSWORD);
    await page.waitForURL('**/my');
    await expect.poll(() => page.getByTestId('profile-id-number').innerText()).toMatch(/^5\*+18$/);
    await page.context().close();
  });

  it('five wrong passwords lock the account and the page says for how long', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByLabel('账号').fill('handler');
    for (let i = 1; i <= 4; i++) {
      await page.getByLabel('密码').fill(`Wrong#pass${i}`);
      await page.getByRole('button', { name: '登录' }).click();
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('账号或密码错误');
    }
    await page.getByLabel('密码').fill('Wrong#pass5');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/账号已锁定,请在 15 分钟后重试/);
    // Even the right password is refused while locked.
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/分钟后重试/);
    expect(page.url()).toContain('/login');
    await page.context().close();
  });
});

describe('self-registration', () => {
  it('rejects an ID number with a wrong check digit with a clear message on the field, then accepts the right one', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/register/citizen');
    await page.getByLabel('姓名').fill('𠮷小明');
    await page.getByLabel('身份证号').fill('11010519491231002Y'.slice(0, 17) + '5');
    await page.getByLabel('手机号').fill('13700001111');
    await page.getByLabel('设置密码').fill('Strong#Pass1');
    await page.getByLabel('再次输入密码').fill('Strong#Pass1');
    await page.getByRole('button', { name: '注册' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('身份证号码校验位不正确');
    expect(page.url()).toContain('/register/citizen');

    await page.getByLabel('身份证号').fill('11010519491231002X');
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL('**/my');
    await expect.poll(() => page.locator('body').innerText()).toContain('𠮷');
    await page.context().close();
  });
});

describe('an admin creates a department and a staff user who signs in with TOTP', () => {
  it('walks the whole way in the browser', async () => {
    const suffix = crypto.randomBytes(3).toString('hex');
    const departmentName = `云溪市档案馆${suffix}`;
    const creditCode = makeCreditCode('11539900', `A${suffix.toUpperCase().replace(/[IOSVZ]/g, 'A')}0001`.slice(0, 8));
    const admin = await newPage(browser, server.url);
    await signIn(admin, 'sysadmin', DEMO_PASSWORD);
    await admin.waitForURL('**/workbench');

    await admin.goto('/admin/departments');
    await admin.getByRole('button', { name: '新建部门' }).click();
    await admin.getByLabel('部门名称').fill(departmentName);
    await admin.getByLabel('统一社会信用代码').fill(creditCode);
    await admin.getByLabel('所属区划').click();
    await admin.getByTitle('云溪市', { exact: true }).first().click();
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('cell', { name: departmentName }).first().waitFor();

    const username = `archive${suffix}`;
    await admin.goto('/admin/staff');
    await admin.getByRole('button', { name: '新建人员' }).click();
    await admin.getByLabel('账号', { exact: true }).fill(username);
    await admin.getByLabel('姓名', { exact: true }).fill('档案员');
    await admin.getByLabel('部门', { exact: true }).click();
    await admin.getByTitle(departmentName).first().click();
    await admin.getByLabel('初始密码').fill('Chushi#2026x');
    await admin.getByLabel('再次输入密码').fill('Chushi#2026x');
    await admin.getByText('要求此人使用动态验证码登录').click();
    await admin.getByRole('button', { name: '保存' }).click();
    // The city has more staff than one page shows: find the new account as an admin would.
    await admin.getByRole('searchbox', { name: '按姓名或账号查找' }).fill(username);
    await admin.getByRole('searchbox', { name: '按姓名或账号查找' }).press('Enter');
    await admin.getByRole('cell', { name: username }).first().waitFor();
    await admin.context().close();

    // First sign-in: change the initial password, then enrol TOTP before anything else.
    const staff = await newPage(browser, server.url);
    await signIn(staff, username, 'Chushi#2026x');
    await staff.waitForURL('**/setup/password');
    await staff.getByLabel('当前密码').fill('Chushi#2026x');
    await staff.getByLabel('新密码', { exact: true }).fill('Xinmima#2026y');
    await staff.getByLabel('再次输入新密码').fill('Xinmima#2026y');
    await staff.getByRole('button', { name: '确认修改' }).click();
    await staff.waitForURL('**/setup/totp');
    const secret = (await staff.locator('.zt-secret').first().innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await staff.getByLabel('动态验证码').fill(currentTotp(secret));
    await staff.getByRole('button', { name: '确认绑定' }).click();
    await staff.waitForURL('**/workbench');
    await staff.context().close();

    // Next sign-in asks for the one-time code.
    const again = await newPage(browser, server.url);
    await signIn(again, username, 'Xinmima#2026y');
    await again.getByLabel('动态验证码').waitFor();
    await again.getByLabel('动态验证码').fill(currentTotp(secret, Date.now() + 30_000));
    await again.getByRole('button', { name: '登录' }).click();
    await again.waitForURL('**/workbench');
    // Signed in as the new account (it has no roles yet, so the workbench itself offers nothing).
    await expect.poll(() => again.getByTestId('account-menu').innerText()).toContain('档案员');
    await again.context().close();
  });
});

describe('the shell', () => {
  it('switches to English and to 长辈版, and the portal is usable by keyboard', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/跳到主要内容|主要内容/);
    const buttonFontSize = () => page.locator('header .ant-btn').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await buttonFontSize();
    await page.getByRole('switch', { name: /长辈版/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('data-elderly')).toBe('');
    await expect.poll(buttonFontSize).toBeGreaterThanOrEqual(before + 4);
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-US');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Sign in/);
    await page.context().close();
  });
});
