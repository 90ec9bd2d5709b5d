/**
 * 上报 (Escalate) in Debian's Chromium against the real local runtime (issue 20 item 8, "处理不了的及时上报"):
 * an ops-cs clerk escalates an open review from her queue with a reason; the step goes to the first
 * escalation level on duty (the supervisor at Monday 09:05), and the case page's timeline says so.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium, signInPage } from './browser.ts';

const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0905, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs'], () => platform.clock.now());
  await accounts.add('olga', ['ops-cs'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'UTC' });
  browser.setDefaultTimeout(UI.timeout);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('Escalating a step by hand from the console', () => {
  it('sends an open review to the supervisor on duty with the clerk’s reason, and the case timeline shows 已上报', async () => {
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-UP-1', platform.clock.now()))).caseId as string;
    const page = await signInPage(browser, platform.runtime.apiUrl, 'olga', PASSWORD, { width: 1400, height: 900 });

    await page.getByRole('button', { name: new RegExp(`上报 .* ${caseId}$`) }).click();
    const dialog = page.getByRole('dialog', { name: /上报:订单审核/ });
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    // Nothing sent without a reason: the form says what is missing.
    await dialog.getByText(/上报原因/).waitFor();
    expect((await platform.view(caseId)).steps.find((s) => s.step === 'order.review')?.escalatedTo).toBeNull();

    await dialog.getByRole('textbox').fill('顾客要求改地址到外省,需主管确认');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText(/已上报 订单审核/).waitFor();

    const review = (await platform.view(caseId)).steps.find((s) => s.step === 'order.review');
    expect(review?.escalatedTo).toMatchObject({ role: 'supervisor', level: 1, reason: '顾客要求改地址到外省,需主管确认', by: 'olga', seenAt: '2026-11-30T09:05:00+08:00' });

    await page.goto(`${platform.runtime.apiUrl}/console/cases/${encodeURIComponent(caseId)}`);
    await page.locator('[data-kind="step.escalated"]').first().waitFor();
    expect(await page.locator('[data-kind="step.escalated"]').first().textContent()).toBe('已上报');
  }, 120_000);
});
