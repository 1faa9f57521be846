import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ExchangeQueryResult } from '@zhengtong/contracts';
import { inTransaction } from '../server/src/kernel/audit';
import { getPublishedResource, readRecordsByKey, writeRecords } from '../server/src/data/catalogue';
import { launchBrowser } from './support/browser';
import { makeIdNumber } from './support/people';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll } from './support/journey';

// 共享交换 end to end. 人社局's data consumer (dataconsumer) asks for two fields of 人口基础信息 (539900-GA-0001, 公安局,
// 有条件共享); the platform's chief data officer (dataadmin) approves, 公安局's data admin (gadata) agrees; the consumer
// makes client credentials (the secret is shown once), and another system — this test, through fetch — queries
// 张三's record with them and gets the name masked. 张三 then sees in 数据使用记录 that 人社局 read it, and why.

let server: RunningServer;
let browser: Browser;
const RESOURCE = '539900-GA-0001';
const ZHANG_SAN = makeIdNumber('1988-03-15', 11);
const PURPOSE = '失业保险金申领时核验申请人身份';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // 张三's record in 人口库: the registries domain writes it from his account; written here when the demo has not.
  const kernel = server.app.kernel;
  const persons = await getPublishedResource(kernel.db, RESOURCE);
  const found = await readRecordsByKey(kernel.db, kernel.keys, persons, [ZHANG_SAN]);
  if (found.size === 0) {
    await inTransaction(kernel.db, (tx) => writeRecords(tx, kernel.keys, persons, [{ idNumber: ZHANG_SAN, name: '张三', gender: '男', birthDate: '1988-03-15' }]));
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const { as } = journeyPeople('data-exchange', () => ({ browser, url: server.url }));
const bodyText = (page: Page) => () => page.locator('body').innerText();

async function openTab(page: Page, tab: string): Promise<void> {
  await page.goto('/workbench/data/share-requests');
  await page.getByRole('heading', { name: '共享交换', level: 1 }).waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

/** The request in a queue, opened as a reviewer would: the queue's tab, then the row's 审核 button. */
async function openFromQueue(page: Page, tab: string, number: string): Promise<void> {
  await openTab(page, tab);
  await page.getByRole('button', { name: `查看申请 ${number}` }).or(page.getByRole('link', { name: `查看申请 ${number}` })).click();
  await page.getByRole('heading', { name: '共享申请:人口基础信息', level: 1 }).waitFor();
}

async function decide(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '同意', exact: true }).check();
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('data sharing (共享交换)', () => {
  it('a department requests a resource, the platform and the provider approve, and the consumer’s system reads it masked', async () => {
    // 1. 人社局 asks for 姓名 and 性别 of 人口基础信息.
    const consumer = await as('dataconsumer');
    await openTab(consumer, '我的申请');
    await consumer.getByRole('button', { name: '申请共享资源' }).first().click();
    const drawer = consumer.getByRole('dialog', { name: '申请共享资源' });
    await drawer.getByLabel('数据资源').fill('人口基础信息');
    await consumer.locator('.ant-select-item-option', { hasText: RESOURCE }).click();
    await drawer.getByRole('checkbox', { name: /^姓名\s/ }).check();
    await drawer.getByRole('checkbox', { name: /^性别\s/ }).check();
    // Greyed out: nothing of this resource is 不予共享 in the demo, but every field shows its share type.
    expect(await drawer.innerText()).toContain('有条件共享');
    await drawer.getByLabel('用途', { exact: true }).fill(PURPOSE);
    await drawer.getByLabel('依据', { exact: true }).fill('《失业保险条例》第十六条');
    await consumer.getByRole('button', { name: '提交申请' }).click();
    await consumer.getByRole('heading', { name: '共享申请:人口基础信息', level: 1 }).waitFor();
    await poll(bodyText(consumer)).toContain('待平台审核');
    const number = (await consumer.locator('.zt-code', { hasText: /^GX\d{10}$/ }).first().innerText()).trim();
    expect(number).toMatch(/^GX\d{10}$/);

    // 2. The platform approves (2 working days); the request goes on to 公安局.
    const platform = await as('dataadmin');
    await openFromQueue(platform, '平台审核', number);
    await decide(platform, '平台审核');
    await poll(bodyText(platform)).toContain('待提供方审核');

    // 3. 公安局 agrees (5 working days), with the name masked as by default.
    const police = await as('gadata');
    await openFromQueue(police, '提供方审核', number);
    await decide(police, '提供方审核');
    await poll(bodyText(police)).toContain('已批准');

    // 4. 人社局 makes client credentials; the secret is shown once.
    await openTab(consumer, '授权与凭证');
    await poll(bodyText(consumer)).toContain('人口基础信息');
    await consumer.getByRole('button', { name: '新建接口凭证' }).first().click();
    const create = consumer.getByRole('dialog', { name: '新建接口凭证' });
    await create.getByLabel('名称').fill('失业保险业务系统');
    await create.getByRole('button', { name: '创建' }).click();
    const secretDialog = consumer.getByRole('dialog', { name: '请立即保存密钥' });
    await secretDialog.waitFor();
    const clientId = (await secretDialog.getByTestId('client-id').innerText()).trim();
    const secret = (await secretDialog.getByTestId('client-secret').innerText()).trim();
    expect(secret).toMatch(/^zts_/);
    await secretDialog.getByRole('button', { name: '我已保存' }).click();
    await poll(bodyText(consumer)).toContain(`…${secret.slice(-4)}`);
    await poll(bodyText(consumer)).not.toContain(secret);

    // 5. Another system calls the query API with them.
    const response = await fetch(`${server.url}/api/exchange/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
      body: JSON.stringify({ resource: RESOURCE, keys: [ZHANG_SAN, makeIdNumber('1990-01-01', 999)], purpose: PURPOSE }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as ExchangeQueryResult;
    expect(result.fields.map((f) => [f.key, f.isMasked])).toEqual([
      ['name', true],
      ['gender', false],
    ]);
    expect(result.items[0]).toEqual({ key: ZHANG_SAN, isFound: true, values: { name: '张*', gender: '男' } });
    expect(result.items[1]).toMatchObject({ isFound: false, values: null });
    const refused = await fetch(`${server.url}/api/exchange/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
      body: JSON.stringify({ resource: RESOURCE, keys: [ZHANG_SAN], purpose: PURPOSE, fields: ['address'] }),
    });
    expect(refused.status).toBe(403);

    // The call is in 人社局's call log.
    await openTab(consumer, '调用记录');
    await poll(bodyText(consumer)).toContain(PURPOSE);
  });

  it('张三 sees that 人社局 read his record, when and why', async () => {
    const citizen = await as('13800000001');
    await citizen.goto('/my/data-use');
    const section = citizen.getByRole('region', { name: '其他部门通过数据共享交换查询我的信息' });
    await poll(() => section.innerText()).toContain('云溪市人力资源和社会保障局');
    const text = await section.innerText();
    expect(text).toContain(PURPOSE);
    expect(text).toContain('人口基础信息');
  });

  it('the chief data officer sees the calls, the demands satisfied and the data quality in 数据指标', async () => {
    const platform = await as('dataadmin');
    await platform.goto('/workbench');
    await platform.getByRole('link', { name: /数据指标/ }).first().click();
    await poll(() => platform.getByTestId('metrics-calls').innerText()).toMatch(/[1-9]/);
    // The demo has one satisfied demand of two open ones or more: the rate is a percentage, not a dash.
    await poll(() => platform.getByTestId('metrics-demand-rate').innerText()).toMatch(/%/);
    await poll(() => platform.getByTestId('metrics-quality').innerText()).toMatch(/\d/);
    await poll(bodyText(platform)).toContain('按数据资源');
    await poll(bodyText(platform)).toContain('各数据资源的质量');
    // A department's data admin sees the same page for the data its department provides only.
    const police = await as('gadata');
    await police.goto('/workbench/data/metrics');
    await poll(() => police.getByTestId('metrics-quality').innerText()).toMatch(/\d/);
    expect(await police.locator('body').innerText()).not.toContain('空气质量日报');
  });
});
