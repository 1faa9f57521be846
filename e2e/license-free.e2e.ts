import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll, text } from './support/journey';

// 免证办 end to end: an enterprise whose 营业执照 the demo city holds as an electronic licence (type code 301, issued
// to 云溪市青禾食品有限公司) applies online through its 经办人 for an item that asks for the 营业执照. The material is
// shown as 免提交 — 已由系统调取 with its source, the application is submitted without uploading it, the case keeps the
// licence (the applicant and the clerk both see which one), and the leader's 免证办率 counts it.

const ENTERPRISE = '云溪市青禾食品有限公司';
const CREDIT_CODE = '91539902MA1QH0013H';
const ITEM = '用人单位社会保险登记';
const MATERIAL = '营业执照或其他主体资格证明';
const FETCHED = '免提交 — 已由系统调取';

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

/** A demo account signed in in a browser of its own. */
const { as } = journeyPeople('license-free', () => ({ browser, url: server.url }));


/** The licence's identifier as a source line shows it (… · 证照标识 1.2.156.3005.2.301.…). */
async function identifierIn(source: Locator): Promise<string> {
  const words = await source.innerText();
  const identifier = /证照标识\s*([0-9A-Za-z.]+)/.exec(words)?.[1] ?? '';
  expect(identifier, words).toMatch(/^[0-9A-Za-z.]{8,}$/);
  return identifier;
}

/** Picks a region in the address field by typing part of its name (the field searches every level). */
async function chooseRegion(page: Page, label: string, words: string) {
  const field = page.getByLabel(label);
  await field.click();
  await field.fill(words);
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`${words}$`) }).first().click();
}

describe('免证办: a material satisfied from the applicant’s electronic licence', () => {
  it('an enterprise applies for an item whose 营业执照 material is fetched automatically, and submits without uploading it', async () => {
    // 王芳, the enterprise's authorised 经办人, switches to acting for it.
    const agent = await as('13800000004');
    await agent.goto('/my/acting');
    await agent.getByRole('button', { name: `以 ${ENTERPRISE} 经办人身份办事` }).click();
    await agent.getByText(`您正在以 ${ENTERPRISE} 经办人的身份办事`).waitFor();

    // She finds the item by what people say and applies online.
    await agent.getByRole('banner').getByRole('link', { name: '首页' }).click();
    await agent.getByRole('searchbox', { name: '搜索办事事项' }).fill('给员工交社保');
    await agent.getByRole('search').getByRole('listitem').getByRole('link', { name: ITEM, exact: true }).click();
    await agent.getByRole('heading', { name: ITEM, level: 1 }).waitFor();
    await agent.getByRole('link', { name: '在线办理' }).first().click();
    await agent.getByRole('heading', { name: `在线办理:${ITEM}` }).waitFor();
    await agent.getByLabel('单位名称').fill(ENTERPRISE);
    await agent.getByLabel('统一社会信用代码').fill(CREDIT_CODE);
    await agent.getByLabel('法定代表人(负责人)').fill('张三');
    await agent.getByLabel('经办人姓名').fill('王芳');
    await agent.getByLabel('经办人电话').fill('13800000004');
    await chooseRegion(agent, '经营场所所在区划', '翠湖街道');
    await agent.getByLabel('经营场所详细地址').fill('云溪市澜沧区翠湖路 18 号');
    await agent.getByLabel('职工人数').fill('46');
    await agent.getByRole('button', { name: '下一步' }).click();

    // The 营业执照 is not asked for: it is shown as fetched, with the licence it comes from, and cannot be uploaded.
    const card = agent.getByTestId('fetched-material').filter({ hasText: MATERIAL });
    await poll(text(card)).toContain(FETCHED);
    const source = card.getByTestId('license-source');
    await poll(text(source)).toContain('营业执照');
    await poll(text(source)).toContain('有效期');
    const identifier = await identifierIn(source);
    expect(await agent.getByRole('button', { name: `上传 ${MATERIAL}` }).count()).toBe(0);
    await poll(text(agent.getByRole('main'))).toContain('1 项材料可由系统从有效的电子证照中调取,无需上传。');

    // Nothing is missing: the confirmation lists it as fetched, and the application goes in without any upload.
    await agent.getByRole('button', { name: '下一步' }).click();
    await poll(text(agent.getByRole('main'))).toContain(`${MATERIAL}:${FETCHED}`);
    await agent.getByRole('button', { name: '确认提交' }).click();
    const caseNumber = await agent.getByTestId('case-number').innerText();
    expect(caseNumber).toMatch(/^\d{14}O\d{6}$/);

    // The case shows the same: fetched, from the same licence, with the time the system fetched it.
    await agent.getByRole('link', { name: '查看办理进度' }).click();
    await agent.getByTestId('next-step').waitFor();
    const materials = agent.locator('.ant-card').filter({ has: agent.getByRole('heading', { name: '上传材料' }) });
    await poll(text(materials)).toContain(`${MATERIAL}:${FETCHED}`);
    expect(await identifierIn(materials.getByTestId('license-source'))).toBe(identifier);
    await poll(text(materials)).toContain('调取时间');

    // The 综合窗口 clerk who will accept it sees the licence the case relies on, with its data, instead of a scan.
    const clerk = await as('clerk');
    await clerk.getByRole('banner').getByRole('link', { name: '办件', exact: true }).click();
    const search = clerk.getByRole('searchbox', { name: '按办件编号查找(可只输后几位)' });
    await search.fill(caseNumber);
    await search.press('Enter');
    await clerk.getByRole('link', { name: `办理 ${caseNumber} ${ITEM}` }).click();
    await clerk.getByRole('heading', { name: ITEM, level: 1 }).waitFor();
    const row = clerk.getByRole('row').filter({ hasText: MATERIAL });
    await poll(text(row)).toContain(FETCHED);
    await poll(text(row)).toContain(identifier);
    await poll(text(row)).toContain('发证机关');

    // The leader's 免证办率 now counts the fetched material.
    const leader = await as('leader');
    await leader.getByRole('navigation', { name: '功能入口' }).getByRole('link', { name: '免证办率' }).click();
    await leader.getByRole('heading', { name: '免证办率', level: 1 }).waitFor();
    const itemRow = leader.getByRole('row').filter({ hasText: ITEM });
    await poll(text(itemRow)).toMatch(/[1-9]\d*(\.\d)?%/);
    const overall = leader.getByTestId('license-free-rate-overall');
    await poll(text(overall)).toMatch(/总体免证办率\s*(?!0%)\d+(\.\d)?%/);
  }, 240_000);
});
