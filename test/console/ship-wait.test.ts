/**
 * Orders waiting to ship and stock-out tags in the queue (service-standards.md §12), in Debian's
 * Chromium against the real local runtime: an ops-cs clerk sees a pre-sale order waiting for its
 * ship date and a backorder waiting for stock, each with its reason and no countdown or action, and
 * the "只看缺货订单" filter keeps only the orders a stock-out tagged.
 * Seed l.270 "发货会从**月**日后根据下单先后进行发货"; l.322 "如果亲不急的话可以先下单,我们到时给您发货";
 * l.442 "临时断货要5分钟内通知运营客服,做好客户安抚工作".
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium, signInPage } from './browser.ts';

const MONDAY_0900 = '2026-11-30T09:00:00+08:00';
const PASSWORD = 'correct horse battery';

let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0900, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs'], () => platform.clock.now());
  await accounts.add('olivia', ['ops-cs'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'America/New_York' });
  browser.setDefaultTimeout(20_000);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function reviewed(orderId: string, extra: Record<string, unknown>, sku: string): Promise<string> {
  const data = { ...orderPlaced(orderId, platform.clock.now()), items: [{ sku, name: 'Phone', qty: 1, price: 3999 }], ...extra };
  const caseId = (await platform.storefront('order.placed', data)).caseId as string;
  await platform.complete(platform.staff('olivia', ['ops-cs']), caseId, 'order.review', { outcome: 'confirmed' });
  return caseId;
}

const row = (page: Page, caseId: string) => page.locator(`tr[data-case="${caseId}"]`);

describe('waiting orders and stock-out tags in the queue', { timeout: 120_000 }, () => {
  it('shows a pre-sale order and a backorder as waiting with their reason in Beijing time, and filters the stock-out orders', async () => {
    const presale = await reviewed('SO-UI-PRE', { presale: { shipFrom: '2026-12-04T09:00:00+08:00' } }, 'PRE-1');
    const backorder = await reviewed('SO-UI-BO', { backorder: true }, 'BO-UI');
    const tagged = (await platform.storefront('order.placed', { ...orderPlaced('SO-UI-HOT', platform.clock.now()), items: [{ sku: 'HOT-UI', name: 'Phone', qty: 1, price: 3999 }] })).caseId as string;
    const stockCase = (await platform.storefront('stock.out', { sku: 'HOT-UI', available: 0 })).caseId as string;

    const page = await signInPage(browser, platform.runtime.apiUrl, 'olivia', PASSWORD, { width: 1400, height: 900 });
    await row(page, presale).waitFor();
    // Shanghai's Friday 09:00, although the browser runs in New York.
    expect(await row(page, presale).textContent()).toContain('等待发货 · 预售:周五 12-04 09:00 起按下单先后发货');
    expect(await row(page, backorder).textContent()).toContain('等待发货 · 缺货:BO-UI 到货后发货');
    expect(await row(page, backorder).textContent()).toContain('等待期间不计时');
    expect(await row(page, backorder).getByRole('button').count()).toBe(0);
    expect(await row(page, tagged).locator('[data-stock-out="true"]').textContent()).toBe('缺货');

    await page.getByRole('checkbox', { name: '只看缺货订单' }).check();
    await row(page, presale).waitFor({ state: 'detached' });
    expect(await page.locator('tr[data-case]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')))).toEqual([tagged]);

    await page.getByRole('checkbox', { name: '只看缺货订单' }).uncheck();
    await row(page, stockCase).waitFor();
    expect(await row(page, stockCase).textContent()).toContain('缺货安抚客户');

    // The stock case lists the orders to reassure; the backorder's page says what it waits for.
    await row(page, stockCase).getByRole('link', { name: stockCase }).click();
    const listed = page.locator('[data-stock-out-orders="true"] li');
    await listed.first().waitFor();
    expect(await listed.allTextContents()).toEqual([expect.stringMatching(/^SO-UI-HOT · 下单 周一 11-30 09:00,1 件$/)]);
    await page.goto(`${platform.runtime.apiUrl}/console/cases/${encodeURIComponent(backorder)}`);
    await page.locator('[data-waiting="backorder"]').waitFor();
    expect(await page.locator('[data-waiting="backorder"]').textContent()).toContain('缺货:BO-UI 到货后发货');
    await page.close();
  });
});
