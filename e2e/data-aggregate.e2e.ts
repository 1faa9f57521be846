import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll } from './support/journey';

// 可用不可见 end to end: 人社局's 高原 (dataconsumer) opens 可用不可见 from the workbench, counts the 最低生活保障对象
// (539900-MZ-0001, 民政局) by town and sees the large towns with their counts, the small ones withheld as "< 10,已隐藏",
// and a bar chart — never a person. The chief data officer 林数 (dataadmin) then finds the query in the log, with its
// purpose, beside the registrations and the departments' budgets.

let server: RunningServer;
let browser: Browser;
const PURPOSE = '测算各街道乡镇公益性岗位需求';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const { as } = journeyPeople('data-aggregate', () => ({ browser, url: server.url }));
const bodyText = (page: Page) => () => page.locator('body').innerText();

/** Picks an option of a searchable select as a keyboard user would: types, waits until it is the active option, Enter. */
async function choose(page: Page, label: string, option: string, search = option) {
  const select: Locator = page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(search);
  const active = () => select.evaluate((input) => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label'));
  await poll(active).toBe(option);
  await select.press('Enter');
}

describe('usable but invisible (可用不可见)', () => {
  it('a consumer counts 低保 recipients by town: small towns are withheld, no one is shown', async () => {
    const consumer = await as('dataconsumer');
    await consumer.getByRole('link', { name: /可用不可见/ }).click();
    await consumer.getByRole('heading', { name: '可用不可见 · 统计查询', level: 1 }).waitFor();
    // 人社局's monthly budget is on the page before anything is asked.
    await consumer.getByText('剩余 ε 10 / 10').waitFor();

    await choose(consumer, '数据资源', '最低生活保障对象信息(539900-MZ-0001)', '最低生活保障');
    await consumer.getByText('最小分组人数 k = 10;结果不加噪声,不消耗隐私预算').waitFor();
    await choose(consumer, '分组维度', '所属街道乡镇', '所属街道');
    await consumer.keyboard.press('Escape');
    await consumer.getByLabel('用途').fill(PURPOSE);
    await consumer.getByRole('button', { name: '查询' }).click();

    const result = consumer.getByRole('table');
    await result.getByRole('cell', { name: '< 10,已隐藏' }).waitFor();
    await poll(bodyText(consumer)).toContain('已隐藏 2 组');
    const rows = await result.getByRole('row').allInnerTexts();
    // The seeded towns hold 150, 110, 80, 40, 14 and 6 people: 6 is under k, and 14 is withheld with it (else the
    // total minus the shown towns would give the 6 away).
    expect(rows.some((r) => r.includes('翠湖街道') && r.includes('150'))).toBe(true);
    expect(rows.some((r) => r.includes('其余 2 组'))).toBe(true);
    expect(rows.some((r) => /\b(6|14)\b/.test(r))).toBe(false);
    await consumer.getByRole('img', { name: '柱状图:按所属街道乡镇的计数(人)' }).waitFor();
    expect(await bodyText(consumer)()).not.toMatch(/5399\d{14}/);

    await consumer.getByRole('tab', { name: '本部门查询记录' }).click();
    await consumer.getByText(PURPOSE).waitFor();
  });

  it('the chief data officer sees the registrations, the budgets and the query in the log', async () => {
    const officer = await as('dataadmin');
    await officer.goto('/workbench/data/aggregate');
    await officer.getByRole('heading', { name: '可用不可见 · 统计查询', level: 1 }).waitFor();
    await officer.getByRole('tab', { name: '资源登记' }).waitFor();
    await poll(bodyText(officer)).toContain('最低生活保障对象信息');
    expect(await officer.getByRole('tab', { name: '统计查询' }).count()).toBe(0);

    await officer.getByRole('tab', { name: '隐私预算' }).click();
    await officer.getByRole('cell', { name: '云溪市人力资源和社会保障局', exact: true }).waitFor();
    await officer.getByRole('cell', { name: '云溪市民政局', exact: true }).waitFor();

    await officer.getByRole('tab', { name: '查询日志' }).click();
    const line = officer.getByRole('row').filter({ hasText: PURPOSE });
    await line.waitFor();
    const text = await line.innerText();
    expect(text).toContain('高原');
    expect(text).toContain('按 所属街道乡镇 分组');
    expect(text).toContain('已返回结果');
  });
});
