import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { OpenRecordsPage } from '@zhengtong/contracts';
import { parseCsv } from '../server/src/platform/licenses';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll } from './support/journey';

// 数据开放 end to end, in the demo city. A member of the public who never signs in opens 数据开放, finds 食品经营许可信息
// (市场监管局), opens it and downloads the CSV, which is read back here as Excel would read it. 张三 creates an API key
// in the developer centre, sees it once, and the open API answers it. 林数 (首席数据官) approves 青禾食品's waiting
// application for 法人基础信息 in the workbench, after which the enterprise's key also receives the restricted item.

let server: RunningServer;
let browser: Browser;
const DATASET = '食品经营许可信息';
const DATASET_CODE = '539900-SJ-0002';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const { as, visitor } = journeyPeople('open-data', () => ({ browser, url: server.url }));
const bodyText = (page: Page) => () => page.locator('body').innerText();

describe('open data (数据开放)', () => {
  it('a member of the public finds 食品经营许可信息 and downloads its CSV without signing in', async () => {
    const page = await visitor();
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据开放' }).click();
    await page.getByRole('heading', { name: '公共数据开放', level: 1 }).waitFor();
    // Featured datasets come first.
    await page.getByRole('heading', { name: '精选数据集' }).waitFor();

    await page.getByRole('searchbox', { name: '搜索开放数据集' }).fill('食品经营许可');
    await page.getByRole('searchbox', { name: '搜索开放数据集' }).press('Enter');
    await poll(() => page.getByText(/与“食品经营许可”相关的数据集共 \d+ 个/).count()).toBe(1);
    await page.getByRole('list').getByRole('link', { name: DATASET }).first().click();

    await page.getByRole('heading', { name: DATASET, level: 1 }).waitFor();
    await page.waitForURL(`**/open/datasets/${DATASET_CODE}`);
    const shown = await bodyText(page)();
    expect(shown).toContain('云溪市市场监督管理局');
    expect(shown).toContain('无条件开放');
    expect(shown).toContain('数据预览');
    expect(shown).toContain('X-Api-Key');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^539900-SJ-0002-食品经营许可信息\.csv$/);
    const file = fs.readFileSync(await download.path());
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(file.toString('utf8'));
    expect(rows[0]).toContain('许可证编号');
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.slice(1).every((r) => r.length === rows[0]?.length)).toBe(true);

    // The download was counted.
    const list = await server.app.inject({ method: 'GET', url: `/api/open/datasets?q=${encodeURIComponent(DATASET)}` });
    expect((list.json() as { items: { code: string; downloads: number }[] }).items.find((d) => d.code === DATASET_CODE)?.downloads).toBeGreaterThan(0);
  });

  it('张三 creates an API key, sees it once, and the open API answers it', async () => {
    const citizen = await as('13800000001');
    await citizen.goto('/open/developer');
    await citizen.getByRole('heading', { name: '开发者中心', level: 1 }).waitFor();
    // The key the demo created for 张三 is listed by name and prefix, never whole.
    await citizen.getByRole('cell', { name: '便民查询小程序', exact: true }).waitFor();

    await citizen.getByRole('button', { name: '创建密钥' }).click();
    const dialog = citizen.getByRole('dialog', { name: '创建密钥' });
    await dialog.getByLabel('密钥名称').fill('数据分析脚本');
    await dialog.getByRole('button', { name: '创建密钥' }).click();
    const shown = citizen.getByRole('dialog', { name: '请立即保存您的 API 密钥' });
    const key = (await shown.getByTestId('new-api-key').innerText()).trim();
    expect(key).toMatch(/^ztk_[0-9a-f]{8}_/);
    await shown.getByRole('button', { name: '我已保存' }).click();
    await citizen.getByRole('cell', { name: '数据分析脚本', exact: true }).waitFor();
    // Once closed, the key is shown nowhere again.
    await poll(bodyText(citizen)).not.toContain(key);

    const res = await fetch(`${server.url}/api/open/datasets/${DATASET_CODE}/records?pageSize=5`, { headers: { 'X-Api-Key': key } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as OpenRecordsPage;
    expect(page.items).toHaveLength(5);
    expect(page.fields.map((f) => f.key)).toContain('licenseNumber');
  });

  it('林数 approves 青禾食品’s application for 法人基础信息 in the workbench', async () => {
    const officer = await as('dataadmin');
    await officer.goto('/workbench/data/open-data?tab=applications');
    await officer.getByRole('heading', { name: '数据开放管理', level: 1 }).waitFor();
    const row = officer.getByRole('row').filter({ hasText: '云溪市青禾食品有限公司' });
    await row.waitFor();
    expect(await row.innerText()).toContain('法人基础信息');
    await row.getByRole('button', { name: '批准 云溪市青禾食品有限公司 对“法人基础信息”的申请', exact: true }).click();
    const dialog = officer.getByRole('dialog', { name: /批准 云溪市青禾食品有限公司 使用“法人基础信息”/ });
    await dialog.getByLabel('审核意见').fill('仅限合同签订前核验使用');
    await dialog.getByRole('button', { name: '批准', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The status filter, by keyboard: open it, move down to 已批准, Enter.
    const filter = officer.getByRole('combobox', { name: '按状态筛选' });
    await filter.focus();
    await filter.press('ArrowDown');
    const active = () => filter.evaluate((input) => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label') ?? '');
    for (let i = 0; i < 8 && (await active()) !== '已批准'; i++) await filter.press('ArrowDown');
    await filter.press('Enter');
    await poll(() => officer.getByRole('row').filter({ hasText: '云溪市青禾食品有限公司' }).innerText()).toContain('仅限合同签订前核验使用');

    // The enterprise's key now receives the restricted item, masked.
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '91539902MA1QH0013H', password: 'Yunxi@2026' } });
    const token = login.json().token as string;
    const created = await server.app.inject({ method: 'POST', url: '/api/open/api-keys', headers: { authorization: `Bearer ${token}` }, payload: { name: '采购系统' } });
    const key = created.json().secret as string;
    const records = (await server.app.inject({ method: 'GET', url: '/api/open/datasets/539900-SJ-0001/records', headers: { 'x-api-key': key } })).json() as OpenRecordsPage;
    expect(records.includesRestricted).toBe(true);
    expect(records.fields.map((f) => f.key)).toContain('legalRepName');
    expect(records.fields.map((f) => f.key)).not.toContain('legalRepIdNumber');
  });
});
