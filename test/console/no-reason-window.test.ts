/**
 * The 7-day no-reason window in the console (service-standards.md §5–§6), in Debian's Chromium
 * against the real local runtime on a VirtualClock, the browser in UTC: the case page and the step
 * dialog show the window's end in Beijing time, and a refused `insist` says why in words.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium } from './browser.ts';

const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;
let page: Page;
let returnCase: string;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start('2026-11-30T09:00:00+08:00', { localRoutes: consoleSite(site.dir) });
  await new AccountStore(accountsPath(platform.dataDir), ['ops-cs'], () => platform.clock.now()).add('ann', ['ops-cs'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'UTC' });
  browser.setDefaultTimeout(UI.timeout);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
  // Signed for Monday 11-30 09:06: the window runs Tue 12-01 … Mon 12-07, ending 24:00 Monday.
  await platform.storefront('order.placed', orderPlaced('SO-W-1', platform.clock.now()));
  await platform.advanceTo('2026-11-30T09:06:00+08:00');
  await platform.storefront('order.delivered', { orderId: 'SO-W-1', deliveredAt: new Date(platform.clock.now()).toISOString() });
  await platform.advanceTo('2026-12-07T23:50:00+08:00');
  returnCase = (await platform.storefront('order.return-requested', { orderId: 'SO-W-1', reason: '不想要了' })).caseId as string;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('the no-reason window in the console', { timeout: 120_000 }, () => {
  it('shows on the case page and beside 坚持退货 in the dialog that it is open until 24:00 of day 7, Beijing time', async () => {
    page = await browser.newPage();
    await page.goto(`${platform.runtime.apiUrl}/`);
    await page.getByLabel('用户名').fill('ann');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.url(), UI).toMatch(/#\/queue$/);

    await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(returnCase)}`);
    const tag = page.getByTestId('no-reason-window');
    await tag.waitFor();
    expect(await tag.textContent()).toBe('七天无理由: 可退至 周一 12-07 24:00');

    await page.getByRole('button', { name: /^完成/ }).click();
    const insist = page.getByRole('dialog').getByRole('radio', { name: /坚持退货 \(insist\)/ });
    await insist.waitFor();
    expect(await page.getByRole('dialog').locator('label').filter({ hasText: '坚持退货' }).textContent()).toContain('七天无理由: 可退至 周一 12-07 24:00');
    await page.keyboard.press('Escape');
  });

  it('says the window closed once Monday is over, refuses 坚持退货 in words, and reads in English after the switch', async () => {
    // Ten minutes past midnight: the session is still valid, the window is not.
    await platform.advanceTo('2026-12-08T00:10:00+08:00');
    const tag = page.getByTestId('no-reason-window');
    await expect.poll(() => tag.textContent(), UI).toBe('七天无理由: 已于 周一 12-07 24:00 截止');

    await page.getByRole('button', { name: /^完成/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /坚持退货 \(insist\)/ }).check();
    // The return call's checklist is required (seed §4.1 l.480), so only the window can refuse it here.
    const checklist = dialog.getByTestId('checklist');
    await checklist.waitFor();
    for (const point of ['联系方式', '退货人', '商品', '原因']) await checklist.getByRole('checkbox', { name: `${point} 核对无误` }).check();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toBe('七天无理由期限已于 周一 12-07 24:00 截止,不能按无理由处理(质量问题不受此限)');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => tag.textContent(), UI).toBe('No-reason window (7 days): closed since Mon 12-07 24:00');
  });
});
