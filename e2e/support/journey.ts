import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { newPage } from './browser';
import { signedIn } from './session';

/**
 * The people of one browser journey, each in a browser context of their own: signed in as a demo account (`as`) or
 * never signed in (`visitor`). Their pages are closed after every test — after a screenshot of each, when the test
 * failed, for whoever reads the CI log (`zt-e2e-<name>-<n>.png` in the temp directory).
 */
export function journeyPeople(name: string, target: () => { browser: Browser; url: string }) {
  let pages: Page[] = [];
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      for (const [i, page] of pages.entries()) {
        const file = path.join(os.tmpdir(), `zt-e2e-${name}-${i}.png`);
        await page.screenshot({ path: file, fullPage: true }).then(() => console.warn(`screenshot of ${page.url()}: ${file}`), () => undefined);
      }
    }
    await Promise.all(pages.map((p) => p.context().close()));
    pages = [];
  });
  const keep = (page: Page) => {
    pages.push(page);
    return page;
  };
  return {
    as: async (username: string) => keep(await signedIn(target().browser, target().url, username)),
    visitor: async () => keep(await newPage(target().browser, target().url)),
  };
}

/** The text of a locator, read afresh each time (for `poll`). */
export const text = (locator: Locator) => () => locator.innerText();
/** Retries an assertion for as long as a locator waits (vitest's own default is one second: too short on a slow CI). */
export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
