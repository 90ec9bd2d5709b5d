/**
 * Packing in the console (issue 28 item 6), in Debian's Chromium against the real local runtime:
 * the pack dialog asks one serial (串号) per unit of a serialized item, labelled by item, none for
 * an accessory; the case page then shows the serials beside their items.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { confirmedChecklist } from '../support/checklists.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium } from './browser.ts';

const MONDAY_0930 = '2026-11-30T09:30:00+08:00';
const PASSWORD = 'correct horse battery';
const PHONE = { sku: 'PHONE-A-128', name: '手机 A 128G', price: 2999 };
const CASE = { sku: 'CASE-CLEAR', name: '透明手机壳', price: 49 };

let platform: TestPlatform;
let desk: BrowserContext;
/** A phone ×1 and its case ×1, reviewed: packing is open. */
let phoneAndCase: string;
/** Two phones, reviewed: packing is open. */
let twoPhones: string;

async function reviewed(orderId: string, items: Record<string, unknown>[]): Promise<string> {
  const caseId = (await platform.storefront('order.placed', { ...orderPlaced(orderId, platform.clock.now()), items })).caseId as string;
  await platform.complete(platform.staff('ann', ['ops-cs']), caseId, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
  return caseId;
}

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0930, { localRoutes: consoleSite(site.dir) });
  await new AccountStore(accountsPath(platform.dataDir), ['terminal-admin'], () => platform.clock.now()).add('tom', ['terminal-admin'], PASSWORD);
  desk = await launchChromium({ timezoneId: 'Asia/Shanghai' });
  desk.setDefaultTimeout(20_000);
  await desk.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
  phoneAndCase = await reviewed('SO-PACK-1', [{ ...PHONE, qty: 1 }, { ...CASE, qty: 1 }]);
  twoPhones = await reviewed('SO-PACK-2', [{ ...PHONE, qty: 2 }]);
}, 180_000);

afterAll(async () => {
  await desk?.close();
  await platform?.stop();
});

/** Tom signed in, on the case page with the pack dialog open. */
async function packDialog(caseId: string): Promise<Page> {
  const page = await desk.newPage();
  await page.goto(`${platform.runtime.apiUrl}/console/`);
  // The sign-in token lives in the tab's sessionStorage: each new tab signs in.
  await page.getByLabel('用户名').fill('tom');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => page.url()).toMatch(/#\/queue$/);
  await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(caseId)}`);
  await page.locator('tr', { hasText: '打包录串号' }).getByRole('button', { name: /^完成/ }).first().click();
  await page.getByRole('dialog').getByTestId('serial-inputs').waitFor();
  return page;
}

const serialInputs = (page: Page) => page.getByRole('dialog').getByTestId('serial-inputs').locator('input');

describe('the pack dialog', { timeout: 120_000 }, () => {
  it('asks a phone and its case for one serial, labelled by the phone, and then shows it beside the phone on the case page', async () => {
    const page = await packDialog(phoneAndCase);
    const dialog = page.getByRole('dialog');
    expect(await serialInputs(page).count()).toBe(1);
    const label = '串号 · 手机 A 128G (PHONE-A-128) 第 1/1 台';
    expect(await dialog.getByLabel(label).count()).toBe(1);
    expect(await dialog.getByTestId('serial-inputs').textContent()).not.toContain('CASE-CLEAR');

    // Submitted empty: the API's count, worded in Chinese under the serials.
    await dialog.getByLabel('发票号 (invoiceNo)').fill('INV-PACK-1');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(async () => dialog.getByTestId('serial-inputs').textContent()).toContain('串号数量不对:应填 1 个');

    await dialog.getByLabel(label).fill('SN-PHONE-1');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('fields-order.pack').waitFor();
    const items = page.locator('.ant-card').filter({ hasText: '工单信息' }).getByRole('table', { name: '商品' });
    await expect.poll(async () => items.locator('tr', { hasText: 'PHONE-A-128' }).locator('[data-serials]').textContent()).toBe('SN-PHONE-1');
    expect(await items.locator('tr', { hasText: 'CASE-CLEAR' }).locator('[data-serials]').textContent()).toBe('无需串号');
    await page.close();
  });

  it('asks two phones for two serials, unit 1 of 2 and unit 2 of 2', async () => {
    const page = await packDialog(twoPhones);
    const dialog = page.getByRole('dialog');
    expect(await serialInputs(page).count()).toBe(2);
    await dialog.getByLabel('串号 · 手机 A 128G (PHONE-A-128) 第 1/2 台').fill('SN-A');
    await dialog.getByLabel('串号 · 手机 A 128G (PHONE-A-128) 第 2/2 台').fill('SN-B');
    await dialog.getByLabel('发票号 (invoiceNo)').fill('INV-PACK-2');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('fields-order.pack').waitFor();
    const items = page.locator('.ant-card').filter({ hasText: '工单信息' }).getByRole('table', { name: '商品' });
    await expect.poll(async () => items.locator('[data-serials]').first().textContent()).toBe('SN-A, SN-B');
    await page.close();
  });
});
