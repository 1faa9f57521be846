import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getPublishedResource, readRecordsByKey } from '../server/src/data/catalogue';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll } from './support/journey';

// 人口库 异议核实 end to end, in the demo city. 张三 (13800000001) finds his 户籍地址 wrong on 我的基础信息 and disputes
// it with the address he moved to; 公安局's data admin gadata finds it in her queue, verifies and corrects it; 张三
// sees the corrected address and the dispute closed. 人社局 already had that address, so the cross-check's conflict
// closes too.

let server: RunningServer;
let browser: Browser;
const ZHANG = '539902198803150118';
const NEW_ADDRESS = '云溪市澜沧区滨江街道望江路 21 号 5 栋 1102 室';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const { as } = journeyPeople('data-registries', () => ({ browser, url: server.url }));
const bodyText = (page: Page) => () => page.locator('body').innerText();

describe('base registry disputes (异议核实)', () => {
  it('a citizen disputes his address, 公安局 corrects it, and he sees the corrected value and the dispute closed', async () => {
    const citizen = await as('13800000001');
    await citizen.goto('/my/registry');
    await citizen.getByRole('heading', { name: '我的基础信息', level: 1 }).waitFor();
    const addressRow = citizen.getByRole('row').filter({ hasText: '户籍地址' });
    await addressRow.waitFor();
    // Masked like everywhere; his name, which he registered himself, in full.
    expect(await addressRow.innerText()).toContain('已脱敏');
    expect(await citizen.getByRole('row').filter({ hasText: '姓名' }).innerText()).toContain('张三');

    await citizen.getByRole('button', { name: '对“户籍地址”有异议' }).click();
    const dialog = citizen.getByRole('dialog', { name: '对“户籍地址”提出异议' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('公安局');
    await dialog.getByLabel('正确的值').fill(NEW_ADDRESS);
    await dialog.getByLabel('异议理由').fill('已迁至滨江街道,户籍地址已变更');
    await dialog.getByRole('button', { name: '提交异议' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => addressRow.innerText()).toContain('异议核实中');
    await poll(() => citizen.getByTestId('dispute-address').innerText()).toContain('待核实');

    // gadata (公安局 数据管理员) finds it in her queue and corrects it.
    const police = await as('gadata');
    await police.goto('/workbench/data/registries?tab=disputes');
    await police.getByRole('heading', { name: '人口库 / 法人库', level: 1 }).waitFor();
    const row = police.getByRole('row').filter({ hasText: '户籍地址' });
    await row.waitFor();
    expect(await row.innerText()).toContain('待核实');
    await row.getByRole('link', { name: /^处理异议 / }).click();
    await police.getByRole('heading', { name: /^异议 YY\d+/, level: 1 }).waitFor();
    await poll(bodyText(police)).toContain(NEW_ADDRESS);
    await police.getByRole('button', { name: '核实并更正' }).click();
    const correct = police.getByRole('dialog', { name: '核实并更正“户籍地址”' });
    await correct.waitFor();
    expect(await correct.getByLabel('更正后的值').inputValue()).toBe(NEW_ADDRESS);
    await correct.getByLabel('核实说明').fill('经核对户籍迁移档案,予以更正');
    await correct.getByRole('button', { name: '核实并更正' }).click();
    await correct.waitFor({ state: 'detached' });
    await poll(bodyText(police)).toContain('已更正');
    expect(await bodyText(police)()).toContain('经核对户籍迁移档案,予以更正');

    // 人社局's address now agrees: no open conflict left in the cross-check report.
    await police.goto('/workbench/data/registries?tab=conflicts&registry=person');
    await poll(bodyText(police)).toContain('没有待处理的冲突');

    // 张三 sees the corrected address and his dispute closed.
    await citizen.reload();
    await citizen.getByRole('switch', { name: '显示完整信息' }).click();
    await poll(() => citizen.getByRole('row').filter({ hasText: '户籍地址' }).innerText()).toContain(NEW_ADDRESS);
    expect(await citizen.getByRole('row').filter({ hasText: '户籍地址' }).innerText()).not.toContain('异议核实中');
    const closed = await citizen.getByTestId('dispute-address').innerText();
    expect(closed).toContain('已更正');
    expect(closed).toContain('经核对户籍迁移档案,予以更正');

    // The shared record (人口基础信息 in the catalogue) holds the corrected value.
    const person = await getPublishedResource(server.app.kernel.db, '539900-GA-0001');
    const record = (await readRecordsByKey(server.app.kernel.db, server.app.kernel.keys, person, [ZHANG])).get(ZHANG);
    expect(record).toMatchObject({ address: NEW_ADDRESS });
  });
});
