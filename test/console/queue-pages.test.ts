/**
 * The console asks for the queue a page at a time (issue 27): the first page at once, the rest on
 * 加载更多, so a queue of thousands draws as fast as a short one. Debian's Chromium runs the console
 * built and served by the real local runtime; the session asks for pages of two.
 */
import type { BrowserContext } from 'playwright-core';
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
let browser: BrowserContext | undefined;
const cases: string[] = [];

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start('2026-12-01T10:00:00+08:00', { localRoutes: consoleSite(site.dir) });
  await new AccountStore(accountsPath(platform.dataDir), ['ops-cs'], () => platform.clock.now()).add('ann', ['ops-cs'], PASSWORD);
  // Five reviews a minute apart: five due minutes, soonest first.
  for (let i = 0; i < 5; i++) {
    cases.push((await platform.storefront('order.placed', orderPlaced(`SO-PAGE-${i}`, platform.clock.now()))).caseId as string);
    await platform.clock.advance(60_000);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('the queue in the console', { timeout: 120_000 }, () => {
  it('shows the first page, says more are to come, and loads the rest in order on 加载更多', async () => {
    browser = await launchChromium();
    browser.setDefaultTimeout(UI.timeout);
    await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.queuePageSize', '2')" });
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/queue') asked.push(url.search);
    });
    await page.goto(`${platform.runtime.apiUrl}/`);
    await page.getByLabel('用户名').fill('ann');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();

    const rows = page.locator('tr[data-step="order.review"]');
    const shownCases = async (): Promise<string[]> => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-case') ?? ''));
    await expect.poll(shownCases, UI).toEqual(cases.slice(0, 2));
    await expect.poll(() => page.getByText('已加载 2 项，后面还有').count(), UI).toBe(1);
    expect(asked[0]).toBe('?limit=2');

    const more = page.getByRole('button', { name: /加载更多/ });
    await more.click();
    await expect.poll(shownCases, UI).toEqual(cases.slice(0, 4));
    await more.click();
    await expect.poll(shownCases, UI).toEqual(cases);
    await expect.poll(() => page.getByText('共 5 项').count(), UI).toBe(1);
    expect(await more.count()).toBe(0);
    // Each further page was asked for after the last item of the one before.
    expect(asked.some((q) => q.startsWith('?limit=2&nextToken='))).toBe(true);
  });
});
