import { expect } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { inspectPdf } from '../../server/src/kernel/pdf/inspect';

/**
 * Clicks what opens a PDF — a link to a new tab, window.open, a download — and returns the document the server sent.
 * Chromium shows a PDF in its own viewer, which keeps the bytes from the page, so once the browser has loaded it the
 * test asks for the same URL again with the same cookies. Tabs the click opened are closed again.
 */
export async function pdfOpenedBy(page: Page, path: RegExp, click: () => Promise<void>): Promise<Buffer> {
  const context = page.context();
  const [request] = await Promise.all([context.waitForEvent('request', { predicate: (r: Request) => path.test(new URL(r.url()).pathname) }), click()]);
  const response = await request.response();
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toBe('application/pdf');
  const again = await context.request.get(request.url());
  expect(again.status()).toBe(200);
  const bytes = await again.body();
  for (const tab of context.pages()) if (tab !== page) await tab.close();
  return bytes;
}

/** Checks that `bytes` are a PDF of some substance (not an error page) and returns its text. */
export function pdfText(bytes: Buffer): string {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(5_000);
  return inspectPdf(bytes).text;
}
