import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/demo';
import { newPage } from './browser';

/** Signs in through the login page as a person would; where it lands depends on the account. */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * A fresh browser context (own cookies) signed in as a demo account, waited until it has left the login page:
 * citizens land on 我的 (/my), staff on the workbench.
 */
export async function signedIn(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const page = await newPage(browser, baseURL);
  await signIn(page, username);
  await page.waitForURL((url) => url.pathname === '/my' || url.pathname.startsWith('/workbench'));
  return page;
}
