/**
 * "快递已到 / The courier came" in Debian's Chromium against the real local runtime (issue 28
 * item 9): a picker at a desk (1400×900) and a supervisor on a phone (390×844) see the button,
 * get a confirmation listing the waiting parcels (order, planned batch, carrier and tracking
 * number), and confirming hands them to the courier through POST /pickups/run.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { MINUTE, TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium, signInPage } from './browser.ts';

const MONDAY_0900 = '2026-11-30T09:00:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0900, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['picker', 'supervisor'], () => platform.clock.now());
  await accounts.add('pia', ['picker'], PASSWORD);
  await accounts.add('boss', ['supervisor'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'America/New_York' });
  browser.setDefaultTimeout(UI.timeout);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** An order reviewed, packed, bound and dispatched with `trackingNo`: its parcel waits for the 13:00 batch. */
async function dispatchedOrder(orderId: string, trackingNo: string): Promise<string> {
  const caseId = (await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now()))).caseId as string;
  await platform.complete(platform.staff('olivia', ['ops-cs']), caseId, 'order.review', { outcome: 'confirmed' });
  await platform.complete(platform.staff('tom', ['terminal-admin']), caseId, 'order.pack', { fields: { serialNumbers: [`SN-${orderId}`], invoiceNo: `INV-${orderId}` } });
  await platform.complete(platform.staff('carl', ['crm-admin']), caseId, 'order.crm-bind', { fields: { bindings: [] } });
  await platform.complete(platform.staff('pia', ['picker']), caseId, 'order.dispatch', { fields: { carrier: 'SF', trackingNo } });
  await platform.advance(MINUTE);
  expect(await platform.openSteps(caseId)).toEqual(['order.pickup']);
  return caseId;
}

function signIn(user: string, viewport: { width: number; height: number }): Promise<Page> {
  return signInPage(browser, platform.runtime.apiUrl, user, PASSWORD, viewport);
}

/** The courier came: the button, the confirmation's parcel, the confirm button, all inside the viewport. */
async function handOverThroughTheButton(page: Page, orderId: string, trackingNo: string, width: number): Promise<void> {
  const button = page.getByRole('button', { name: /快递已到/ });
  await button.waitFor();
  const box = await button.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  await button.click();

  const dialog = page.getByRole('dialog', { name: /快递已到:交接以下包裹?/ });
  const parcel = dialog.locator('li').filter({ hasText: orderId });
  await parcel.waitFor();
  // Placed after the 10:00 batch's 09:00 cut-off: planned for 13:00, the courier came early.
  expect(await parcel.textContent()).toContain(`${orderId} 未到批次`);
  expect(await parcel.textContent()).toContain('计划批次 周一 11-30 13:00');
  expect(await parcel.textContent()).toContain(`SF ${trackingNo}`);
  const dialogBox = await dialog.boundingBox();
  expect(dialogBox!.x + dialogBox!.width).toBeLessThanOrEqual(width);

  const confirm = dialog.getByRole('button', { name: /确认交接 \d+ 个包裹/ });
  await confirm.click();
  await page.getByText(/已交接 \d+ 个包裹给快递/).waitFor();
}

describe('the courier came', { timeout: 120_000 }, () => {
  it('lets a picker at a desk (1400×900) hand the waiting parcels over after a confirmation listing them', async () => {
    const caseId = await dispatchedOrder('SO-CC-1', 'SF1000000001');
    const page = await signIn('pia', { width: 1400, height: 900 });
    await handOverThroughTheButton(page, 'SO-CC-1', 'SF1000000001', 1400);

    const pickup = (await platform.view(caseId)).steps.find((s) => s.step === 'order.pickup');
    expect(pickup).toMatchObject({ status: 'completed', completedBy: 'pia' });
    await page.close();
  });

  it('lets a supervisor on a phone (390×844) do it from the board', async () => {
    const caseId = await dispatchedOrder('SO-CC-2', 'SF1000000002');
    const page = await signIn('boss', { width: 390, height: 844 });
    await page.goto(`${platform.runtime.apiUrl}/console/#/board`);
    await page.getByRole('heading', { name: '主管看板' }).waitFor();
    await handOverThroughTheButton(page, 'SO-CC-2', 'SF1000000002', 390);

    expect((await platform.view(caseId)).steps.find((s) => s.step === 'order.pickup')).toMatchObject({ status: 'completed', completedBy: 'boss' });
    await page.close();
  });

  it('shows nobody else the button', async () => {
    const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs'], () => platform.clock.now());
    await accounts.add('ann', ['ops-cs'], PASSWORD);
    const page = await signIn('ann', { width: 1400, height: 900 });
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    expect(await page.getByRole('button', { name: /快递已到/ }).count()).toBe(0);
    await page.close();
  });
});
