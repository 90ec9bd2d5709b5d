/**
 * Holds and priority orders in Debian's Chromium against the real local runtime (issue 22 items 2
 * and 4; service-standards.md §12). Seed §2.4.3 l.266 "刚刚我们主管和经理同意把这个产品给您留一天" and
 * §2.4.4 l.308 "我们会在今天为您安排寄出": the supervisor approves a hold from the case page (the
 * manager's approval still pending), and marks an order placed at 16:10 priority, which moves it to
 * today's 17:00 batch and puts it first in the ops-cs clerk's queue with the 优先 tag.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium, signInPage } from './browser.ts';

const MONDAY_1610 = '2026-11-30T16:10:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_1610, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs', 'supervisor'], () => platform.clock.now());
  await accounts.add('sara', ['supervisor'], PASSWORD);
  await accounts.add('olga', ['ops-cs'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'UTC' });
  browser.setDefaultTimeout(UI.timeout);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('Holds and priority from the console', () => {
  it('the supervisor approves a requested hold on the case page; the manager’s approval is still pending, so the order is not held yet', async () => {
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-UI-HOLD', platform.clock.now(), { paid: false }))).caseId as string;
    expect((await platform.staff('pei', ['presales-cs']).call('POST', `/cases/${caseId}/hold`, {})).status).toBe(200);
    await platform.runtime.settle();

    const page = await signInPage(browser, platform.runtime.apiUrl, 'sara', PASSWORD, { width: 1400, height: 900 });
    await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(caseId)}`);
    const panel = page.getByTestId('hold-panel');
    await panel.getByText('待审批(主管:待定;经理:待定)').waitFor();
    await panel.getByRole('button', { name: '同意留货 (主管)' }).click();
    await panel.getByText('待审批(主管:已同意;经理:待定)').waitFor();
    // The manager's approval is not the supervisor's to give.
    expect(await panel.getByRole('button', { name: /经理/ }).count()).toBe(0);

    const approvals = (await platform.view(caseId)).steps.filter((s) => s.step === 'order.hold-approve');
    expect(approvals.map((s) => [s.role, s.status, s.outcome, s.completedBy])).toEqual([
      ['supervisor', 'completed', 'approved', 'sara'],
      ['manager', 'open', null, null],
    ]);
    await page.close();
  }, 120_000);

  it('marking an order placed at 16:10 priority plans it for today’s 17:00 batch and puts it first in the clerk’s queue with 优先', async () => {
    // Placed first, due first: without priority it would lead the queue.
    const first = (await platform.storefront('order.placed', orderPlaced('SO-UI-FIRST', platform.clock.now() - 60_000))).caseId as string;
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-UI-RUSH', platform.clock.now()))).caseId as string;
    const sara = await signInPage(browser, platform.runtime.apiUrl, 'sara', PASSWORD, { width: 1400, height: 900 });
    await sara.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(caseId)}`);
    await sara.getByTestId('hold-panel').getByRole('button', { name: '标记优先发货' }).click();
    await sara.getByText(/已标记优先发货,计划 .*17:00 揽收/).waitFor();
    await sara.getByTestId('hold-panel').getByText('是(今天有剩余批次则当天寄出)').waitFor();
    expect((await platform.view(caseId)).steps.find((s) => s.step === 'order.review')?.plannedPickupAt).toBe('2026-11-30T17:00:00+08:00');
    await sara.close();

    const olga = await signInPage(browser, platform.runtime.apiUrl, 'olga', PASSWORD, { width: 1400, height: 900 });
    const rows = olga.locator('tr[data-case]');
    await rows.first().locator('[data-priority="true"]').waitFor();
    expect(await rows.first().getAttribute('data-case')).toBe(caseId);
    expect(await rows.nth(1).getAttribute('data-case')).toBe(first);
    expect(await rows.first().locator('[data-priority="true"]').textContent()).toBe('优先');
    await olga.close();
  }, 120_000);
});
