import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll } from './support/journey';

// 数据资源目录 end to end: 公安局's data admin 施婧 (gadata) drafts a resource with one information item and submits
// it; the chief data officer 林数 (dataadmin) finds it awaiting review and publishes it; 人社局's 高原 (dataconsumer)
// then finds it in the catalogue search, with its items, and cannot change it.

let server: RunningServer;
let browser: Browser;
const CODE = '539900-GA-0099';
const NAME = '犬只登记信息';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const { as } = journeyPeople('data-catalogue', () => ({ browser, url: server.url }));
const bodyText = (page: Page) => () => page.locator('body').innerText();

describe('the data resource catalogue (数据资源目录)', () => {
  it('a provider drafts and submits, the chief data officer publishes, a consumer finds it', async () => {
    const provider = await as('gadata');
    await provider.goto('/workbench/data/resources');
    await provider.getByRole('heading', { name: '数据资源目录', level: 1 }).waitFor();
    // The demo catalogue is there, with facets.
    await provider.getByRole('link', { name: '人口基础信息' }).waitFor();
    await provider.getByRole('region', { name: '提供方' }).getByRole('button', { name: /云溪市公安局/ }).waitFor();

    await provider.getByRole('link', { name: '新建资源' }).click();
    await provider.getByRole('heading', { name: '新建数据资源', level: 1 }).waitFor();
    await provider.getByLabel('资源代码').fill(CODE);
    await provider.getByLabel('资源名称').fill(NAME);
    await provider.getByLabel('类', { exact: true }).fill('社会治理');
    await provider.getByLabel('项', { exact: true }).fill('养犬管理');
    await provider.getByLabel('资源摘要').fill('城区犬只登记证号、犬种、免疫情况与登记街道。');
    const item = provider.getByRole('group', { name: /^1\./ });
    await item.getByLabel('信息项标识').fill('licenseNumber');
    await item.getByLabel('信息项名称').fill('犬只登记证号');
    // The key is chosen by keyboard: open the list, the only item is active, Enter takes it.
    const key = provider.getByRole('combobox', { name: '主键信息项' });
    await key.focus();
    await key.press('ArrowDown');
    await provider.locator('.ant-select-item-option-active').filter({ hasText: '犬只登记证号(licenseNumber)' }).waitFor();
    await key.press('Enter');
    await provider.getByRole('button', { name: '保存草稿' }).click();

    await provider.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await poll(() => provider.locator('body').innerText()).toContain(CODE);
    await provider.getByRole('button', { name: '提交审核' }).click();
    const submit = provider.getByRole('dialog', { name: /提交审核:犬只登记信息/ });
    await submit.getByRole('button', { name: '提交' }).click();
    await submit.waitFor({ state: 'detached' });
    await provider.getByText('第 1 版正在等待首席数据官审核').waitFor();

    const officer = await as('dataadmin');
    await officer.goto('/workbench/data/resources');
    await officer.getByRole('region', { name: '状态' }).getByRole('button', { name: /待审核/ }).click();
    await officer.getByRole('link', { name: NAME }).click();
    await officer.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await officer.getByRole('button', { name: '审核发布' }).click();
    const publish = officer.getByRole('dialog', { name: /审核发布:犬只登记信息/ });
    await publish.getByLabel('审核意见').fill('元数据完整,准予发布');
    await publish.getByRole('button', { name: '发布' }).click();
    await publish.waitFor({ state: 'detached' });
    await officer.getByText('现行第 1 版').waitFor();

    const consumer = await as('dataconsumer');
    await consumer.goto('/workbench/data/resources');
    await consumer.getByLabel('检索数据资源').fill('犬只');
    await consumer.getByLabel('检索数据资源').press('Enter');
    await consumer.getByRole('link', { name: NAME }).click();
    await consumer.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    const page = await consumer.locator('body').innerText();
    expect(page).toContain('犬只登记证号');
    expect(page).toContain('云溪市公安局');
    expect(await consumer.getByRole('button', { name: '停用' }).count()).toBe(0);
    expect(await consumer.getByRole('link', { name: /修订|编辑草稿/ }).count()).toBe(0);
  });

  it('a provider checks a file of records: a wrong date is reported by row, a corrected file passes', async () => {
    const provider = await as('scjgdata');
    await provider.goto('/workbench/data/resources');
    await provider.getByRole('link', { name: '食品经营许可信息' }).first().click();
    await provider.getByRole('heading', { name: '食品经营许可信息', level: 1 }).waitFor();
    await provider.getByRole('tab', { name: '数据与质量' }).click();
    const header = 'licenseNumber,enterpriseName,creditCode,address,businessScope,validUntil,district';
    const row = (validUntil: string) => `JY15399020099001,云溪市测试餐馆,91539902MA1QH0013H,云溪市澜沧区翠湖路 1 号,热食类食品制售,${validUntil},澜沧区`;
    const input = provider.locator('input[type=file]');
    await input.setInputFiles({ name: 'records.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row('2026-13-45')}\n`, 'utf8') });
    await provider.getByRole('button', { name: '仅检查' }).click();
    await poll(bodyText(provider)).toContain('有 1 行数据有误,未写入任何数据');
    // Choosing another file forgets the old report.
    await input.setInputFiles({ name: 'records.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row('2028-12-31')}\n`, 'utf8') });
    await poll(bodyText(provider)).not.toContain('有 1 行数据有误');
    await provider.getByRole('button', { name: '仅检查' }).click();
    await poll(bodyText(provider)).toContain('已检查 1 行,没有发现问题。');
  });
});
