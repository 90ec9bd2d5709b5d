/**
 * Customer notices in the console, in Debian's Chromium against the real local runtime (docs/notices.md):
 * the supervisor board counts and lists a notice the storefront did not take within 24 h, in
 * zh-CN and after the switch in English, and an order's timeline shows the notice it was sent.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { HOUR, MINUTE, TestPlatform } from '../e2e/platform.ts';
import { noticePolicyFile } from '../support/notice-policy.ts';
import { orderPlaced } from '../support/orders.ts';
import { StorefrontReceiver } from '../support/storefront-receiver.ts';
import { launchChromium, signInPage } from './browser.ts';

const PASSWORD = 'correct horse battery';
const SECRET_VAR = 'CONSOLE_NOTICE_SECRET';
let platform: TestPlatform;
let receiver: StorefrontReceiver;
let browser: BrowserContext;

async function reviewedOrder(orderId: string): Promise<string> {
  const caseId = (await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now()))).caseId as string;
  await platform.complete(platform.staff('olivia', ['ops-cs']), caseId, 'order.review', { outcome: 'confirmed' });
  return caseId;
}

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  receiver = await StorefrontReceiver.start('whsec_console_notices');
  process.env[SECRET_VAR] = 'whsec_console_notices';
  platform = await TestPlatform.start('2026-11-30T09:05:00+08:00', { localRoutes: consoleSite(site.dir), policyPath: noticePolicyFile(receiver.url, SECRET_VAR) });
  await new AccountStore(accountsPath(platform.dataDir), ['supervisor'], () => platform.clock.now()).add('boss', ['supervisor'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'America/New_York' });
  browser.setDefaultTimeout(20_000);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await receiver?.close();
  delete process.env[SECRET_VAR];
});

describe('customer notices in the console', { timeout: 240_000 }, () => {
  it('lists on the board the notice the storefront never took, and shows on the timeline the one it did', async () => {
    receiver.down = true;
    await reviewedOrder('SO-DEAD-1');
    await platform.advance(25 * HOUR);
    receiver.down = false;
    const sent = await reviewedOrder('SO-SENT-1');
    await platform.advance(MINUTE);
    expect(receiver.accepted().map((n) => n.orderId)).toEqual(['SO-SENT-1']);

    const page = await signInPage(browser, platform.runtime.apiUrl, 'boss', PASSWORD);
    await page.goto(`${platform.runtime.apiUrl}/#/board`);
    const card = page.getByTestId('dead-notices');
    await card.getByText('SO-DEAD-1').waitFor();
    expect(await card.getByTestId('dead-notices-count').textContent()).toBe('共 1 条(店铺 24 小时内未接收)');
    const text = (await card.textContent()) ?? '';
    // Raised Monday 09:05 Beijing time (the browser is in New York), given up a day later.
    for (const words of ['未送达的顾客通知', '发货时间通知', '发出于 周一 11-30 09:05', '店铺答复', 'HTTP 503', '您的货品将在11月30日 13:00时由顺丰快递寄出']) expect(text).toContain(words);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await card.getByText('Customer notices not delivered').waitFor();
    expect(await card.getByTestId('dead-notices-count').textContent()).toBe('1 in all (the storefront did not take them within 24 h)');
    expect(await card.textContent()).toContain('Ship time');

    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.goto(`${platform.runtime.apiUrl}/#/cases/${encodeURIComponent(sent)}`);
    const entry = page.getByTestId('timeline-entry').filter({ has: page.locator('[data-kind="notice.sent"]') });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('已通知顾客');
    expect(await entry.textContent()).toContain('发货时间通知');
    expect(await entry.textContent()).toContain('您的货品将在');
  });
});
