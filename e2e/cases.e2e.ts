import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { samplePdf, type UploadFile } from './support/files';
import { pdfOpenedBy, pdfText } from './support/pdf';
import { makeIdNumber } from './support/people';
import { startServer, type RunningServer } from './support/server';
import { journeyPeople, poll, text } from './support/journey';

// 办件 end to end, in the browser, each person in their own browser context: an online application that needs a
// correction (补正) from the portal search to the decision letter, and a walk-in application at the comprehensive
// window (综合窗口) to the printed receipt and the public tracking page behind its QR code.

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

/** A demo account signed in in a browser of its own, or a visitor who never signed in. */
const { as, visitor } = journeyPeople('cases', () => ({ browser, url: server.url }));


// ---------------------------------------------------------------- steps a citizen takes

/** Types everyday words into the portal's search and opens the item from the suggestions under the box. */
async function findGuide(page: Page, words: string, itemName: string) {
  await page.getByRole('banner').getByRole('link', { name: '首页' }).click();
  await page.getByRole('searchbox', { name: '搜索办事事项' }).fill(words);
  await page.getByRole('search').getByRole('listitem').getByRole('link', { name: itemName, exact: true }).click();
  await page.getByRole('heading', { name: itemName, level: 1 }).waitFor();
}

/** Picks a file for a material through the file dialog and waits until it is listed as handed in. */
async function attach(page: Page, materialName: string, file: UploadFile) {
  await pickFile(page.getByRole('button', { name: `上传 ${materialName}` }), file);
}

/** Clicks a button that opens the file dialog, picks `file`, and waits until it is listed (with its 预览 button). */
async function pickFile(button: Locator, file: UploadFile) {
  const [chooser] = await Promise.all([button.page().waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
  await button.page().getByRole('button', { name: `预览 ${file.name}` }).waitFor();
}

/** 我的办件, and the row of one case in it (its status, and the button that opens it: 查看, 去补正 …). */
async function myCaseRow(page: Page, caseNumber: string): Promise<Locator> {
  await page.getByRole('banner').getByRole('link', { name: '我的办件' }).click();
  const row = page.getByRole('listitem').filter({ hasText: `办件编号 ${caseNumber}` });
  await row.waitFor();
  return row;
}

/** Opens a case from its row in 我的办件 with the button that says what to do (查看, 去补正 …). */
async function openMyCase(page: Page, row: Locator, button: string, itemName: string) {
  await row.getByRole('link', { name: `${button} ${itemName}` }).click();
  await page.getByTestId('next-step').waitFor();
}

// ---------------------------------------------------------------- steps staff take

/** Finds a case in the 办件 queue by its number and opens it. */
async function openFromQueue(staff: Page, caseNumber: string, itemName: string) {
  await staff.getByRole('banner').getByRole('link', { name: '办件', exact: true }).click();
  const search = staff.getByRole('searchbox', { name: '按办件编号查找(可只输后几位)' });
  await search.fill(caseNumber);
  await search.press('Enter');
  await staff.getByRole('link', { name: `办理 ${caseNumber} ${itemName}` }).click();
  await staff.getByRole('heading', { name: itemName, level: 1 }).waitFor();
}

/** Takes a staff action: its button, then the dialog (filled by `fill`), confirmed with the button of the same name. */
async function act(staff: Page, action: string, fill?: (dialog: Locator) => Promise<void>, dialogTitle = action) {
  await staff.getByRole('button', { name: action, exact: true }).click();
  const dialog = staff.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Picks an option of a searchable select as a keyboard user would: types its name, waits until it is the option a
 * screen reader announces (aria-activedescendant), and presses Enter.
 */
async function choose(select: Locator, name: string) {
  await select.fill(name);
  await poll(() => select.evaluate((input) => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label'))).toBe(name);
  await select.press('Enter');
}

/** Waits until the staff case page shows the case in `status` (its tag beside the case number). */
async function expectStaffStatus(staff: Page, status: string) {
  await staff.locator('.zt-page-header').getByText(status, { exact: true }).waitFor();
}

// ---------------------------------------------------------------- the journeys

describe('an online application with a correction, from the portal search to the decision letter', () => {
  it('张三 applies for 出生登记, the 户籍民警 asks for a correction, he fixes it, and it is approved and completed', async () => {
    const certificate = samplePdf('出生医学证明.pdf', 'Birth certificate Q123456789');
    const clearCertificate = samplePdf('出生医学证明-清晰.pdf', 'Birth certificate Q123456780');
    const childIdNumber = makeIdNumber('2026-01-05', 11);

    // 张三 finds the item by what people say (上户口), reads the guide and applies online.
    const citizen = await as('13800000001');
    await findGuide(citizen, '上户口', '出生登记');
    await citizen.getByRole('link', { name: '在线办理' }).first().click();
    await citizen.getByRole('heading', { name: '在线办理:出生登记' }).waitFor();
    await citizen.getByLabel('新生儿姓名').fill('张小𠮷');
    await citizen.getByLabel('男', { exact: true }).check();
    await citizen.getByLabel('出生日期').fill('2026-01-05');
    await citizen.getByLabel('出生日期').press('Enter');
    await citizen.getByLabel('《出生医学证明》编号').fill('Q123456789');
    await citizen.getByLabel('随父', { exact: true }).check();
    await citizen.getByLabel('父亲姓名').fill('张三');
    await citizen.getByLabel('父亲身份证号').fill('539902198803150118');
    await citizen.getByLabel('母亲姓名').fill('李梅');
    await citizen.getByLabel('母亲身份证号').fill(makeIdNumber('1990-01-02', 24));
    await citizen.getByLabel('联系电话', { exact: true }).fill('13800000001');
    await citizen.getByRole('button', { name: '下一步' }).click();

    // 免证办: 张三's own 户口簿 is fetched from his electronic licences. The platform also offers his older child's
    // 出生医学证明 and only his own ID card for both parents: not what this application is about, so he declines
    // those two and uploads them.
    const fetched = (name: string) => citizen.getByTestId('fetched-material').filter({ hasText: name });
    await poll(text(fetched('父亲或母亲的居民户口簿'))).toContain('免提交 — 已由系统调取');
    for (const name of ['《出生医学证明》', '父母双方的居民身份证']) await fetched(name).getByRole('button', { name: '不是这份证照?改为自行上传' }).click();
    await attach(citizen, '《出生医学证明》', certificate);
    await attach(citizen, '父母双方的居民身份证', samplePdf('父母身份证.pdf', 'ID cards of both parents'));
    await citizen.getByRole('button', { name: '下一步' }).click();
    await citizen.getByRole('button', { name: '确认提交' }).click();
    const caseNumber = await citizen.getByTestId('case-number').innerText();
    expect(caseNumber).toMatch(/^539900\d{8}O\d{6}$/);
    await citizen.getByRole('link', { name: '查看办理进度' }).click();
    await citizen.getByTestId('next-step').waitFor();

    // 受理 at the comprehensive window (一窗受理: the 政务服务局 clerk accepts for 公安局).
    const clerk = await as('clerk');
    await openFromQueue(clerk, caseNumber, '出生登记');
    await act(clerk, '受理');
    await expectStaffStatus(clerk, '已受理');

    // 审查: the 户籍民警 finds it in his queue and asks, once, for a clearer certificate and the right number.
    const police = await as('huzheng');
    await openFromQueue(police, caseNumber, '出生登记');
    await act(
      police,
      '要求补正',
      async (dialog) => {
        const first = dialog.getByRole('group', { name: '第 1 项' });
        await choose(first.getByLabel('哪项材料'), '《出生医学证明》');
        await first.getByLabel('需要怎样补正').fill('扫描件不清晰,请重新上传清晰的彩色扫描件');
        await dialog.getByRole('button', { name: '再加一项' }).click();
        const second = dialog.getByRole('group', { name: '第 2 项' });
        await second.getByLabel('申请表内容').check();
        await choose(second.getByLabel('哪一项内容'), '《出生医学证明》编号');
        await second.getByLabel('需要怎样补正').fill('编号与证明上的不一致,请核对');
      },
      '一次性告知补正',
    );
    await expectStaffStatus(police, '暂停办理');

    // 张三 sees in 我的办件 that it waits for him, and exactly what to fix.
    const row = await myCaseRow(citizen, caseNumber);
    await poll(text(row)).toContain('暂停办理');
    await openMyCase(citizen, row, '去补正', '出生登记');
    const panel = citizen.locator('.ant-card').filter({ has: citizen.getByRole('heading', { name: '需要您补正' }) });
    await poll(text(panel)).toContain('《出生医学证明》:扫描件不清晰,请重新上传清晰的彩色扫描件');
    await poll(text(panel)).toContain('《出生医学证明》编号:编号与证明上的不一致,请核对');
    await pickFile(panel.getByRole('button', { name: `替换 ${certificate.name}` }), clearCertificate);
    await panel.getByRole('button', { name: `预览 ${certificate.name}` }).waitFor({ state: 'detached' });
    await panel.getByLabel('《出生医学证明》编号').fill('Q123456780');
    await panel.getByLabel('补正说明').fill('已重新扫描,编号已改正');
    await panel.getByRole('button', { name: '提交补正' }).click();
    await panel.waitFor({ state: 'detached' });
    await poll(text(citizen.getByTestId('next-step'))).not.toContain('补正');

    // The 户籍民警 reviews the corrected application, then decides with the household number and the child's ID number.
    await openFromQueue(police, caseNumber, '出生登记');
    await poll(text(police.getByRole('main'))).toContain('Q123456780');
    await police.getByRole('button', { name: `预览 ${clearCertificate.name}` }).waitFor();
    await act(police, '审核通过');
    await police.getByText('当前环节:决定').waitFor();
    await act(police, '审核通过', async (dialog) => {
      await dialog.getByLabel('户号').fill('539902001234');
      await dialog.getByLabel('新生儿公民身份号码').fill(childIdNumber);
    });
    await expectStaffStatus(police, '已作出决定,等待办结');

    // 办结 at the window.
    await openFromQueue(clerk, caseNumber, '出生登记');
    await act(clerk, '办结');
    await expectStaffStatus(clerk, '已办结');

    // 张三 sees the case completed, its history in plain words, and downloads the decision letter.
    const done = await myCaseRow(citizen, caseNumber);
    await poll(text(done)).toContain('已办结');
    await openMyCase(citizen, done, '查看', '出生登记');
    const header = citizen.locator('.zt-page-header');
    await poll(text(header)).toContain('已办结');
    await poll(text(citizen.getByRole('list', { name: '办理记录' }))).toMatch(
      new RegExp(
        [
          '已办结,可下载决定文书',
          '已作出准予决定',
          '审查已完成,进入决定环节',
          '补正材料已提交,继续办理',
          '需要您补正:1. 《出生医学证明》:扫描件不清晰',
          '云溪市政务服务管理局已受理您的申请',
          `申请已提交,办件编号 ${caseNumber},等待受理`,
        ].join('[\\s\\S]*'),
      ),
    );
    await poll(text(citizen.getByRole('main'))).toContain('539902001234');
    const letter = pdfText(await pdfOpenedBy(citizen, /\/decision\.pdf$/, () => citizen.getByRole('link', { name: '下载决定文书(PDF)' }).click()));
    expect(letter).toContain('出生登记办结通知');
    expect(letter).toContain(caseNumber);
    expect(letter).toContain('张小𠮷 的出生登记已办结,户号 539902001234');
    expect(letter).toContain(childIdNumber);
  }, 300_000);
});

describe('a walk-in application at the comprehensive window', () => {
  it('the clerk files and accepts it for a person without an account, prints the receipt, and its QR code leads to the status only', async () => {
    const name = '赵𠮷';
    const idNumber = makeIdNumber('1995-07-21', 233);
    const phone = '13912345678';

    const clerk = await as('clerk');
    await clerk.getByRole('banner').getByRole('link', { name: '综合窗口', exact: true }).click();
    await clerk.getByRole('searchbox', { name: '输入事项名称或群众的说法,如“营业执照”“低保”' }).fill('办身份证');
    await clerk.getByRole('button', { name: '为 居民身份证申领 选择 云溪市公安局' }).click();

    // The person: checked against the registry (no account), named as on the ID card.
    await clerk.getByLabel('身份证号', { exact: true }).fill(idNumber);
    await clerk.getByRole('button', { name: '核验身份' }).click();
    await clerk.getByText('未注册用户').waitFor();
    await clerk.getByLabel('申请人姓名(与身份证一致)').fill(name);
    await clerk.getByLabel('手机号').fill(phone);
    await clerk.getByRole('button', { name: '下一步' }).click();

    // The item's form, then the scans of what the person brought.
    await clerk.getByLabel('申请人姓名', { exact: true }).fill(name);
    await clerk.getByLabel('申请人身份证号').fill(idNumber);
    await clerk.getByLabel('联系电话').fill(phone);
    await clerk.getByLabel('现居住地址').fill('云溪市澜沧区翠湖路 1 号');
    await choose(clerk.getByLabel('申领原因'), '有效期满换领');
    await clerk.getByRole('button', { name: '保存并扫描材料' }).click();
    await attach(clerk, '居民户口簿', samplePdf('户口簿扫描件.pdf', 'Household register, scanned at the window'));
    await clerk.getByRole('button', { name: '提交', exact: true }).click();
    const caseNumber = await clerk.getByTestId('window-case-number').innerText();
    expect(caseNumber).toMatch(/^539900\d{8}W\d{6}$/);

    // Accepting opens the 受理回执 to print.
    const receipt = pdfText(await pdfOpenedBy(clerk, /\/receipt\.pdf$/, () => act(clerk, '受理')));
    await clerk.getByText('已受理', { exact: true }).waitFor();
    await poll(text(clerk.getByRole('main'))).toContain(`办件编号 ${caseNumber}`);
    await clerk.getByRole('button', { name: '打印受理回执' }).waitFor();
    expect(receipt).toContain('受理回执');
    expect(receipt).toContain(caseNumber);
    expect(receipt).toContain('居民身份证申领');
    expect(receipt).toContain('窗口申请');

    // The QR code's target (also printed under it): the public tracking page, opened without signing in.
    const target = /访问 (\S+\/track\/[A-Za-z0-9_-]+) /.exec(receipt)?.[1] ?? '';
    expect(target.startsWith(`${server.url}/track/`)).toBe(true);
    const tracker = await visitor();
    await tracker.goto(new URL(target).pathname);
    await tracker.getByRole('heading', { name: '办件进度查询' }).waitFor();
    await tracker.getByRole('heading', { name: '居民身份证申领' }).waitFor();
    const page = await tracker.getByRole('main').innerText();
    expect(page).toContain(caseNumber);
    expect(page).toContain('已受理');
    expect(page).toContain('云溪市公安局');
    for (const personal of [name, '赵', idNumber, idNumber.slice(-4), phone, phone.slice(-4)]) expect(page).not.toContain(personal);
  }, 180_000);
});
