/**
 * A Douyin shop's own ship-by time (tag 126, docs/connectors.md) on the order's case page in
 * Chromium, beside our own pickup plan, in Beijing time whatever the browser's zone.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { douyinData, douyinOrderDetail } from '../../connectors/douyin/sample.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { FakeDouyinApi, FakeDouyinPusher } from '../support/connectors/douyin.ts';
import { policyWithConnectors } from '../support/connectors/policy.ts';
import { launchChromium, signInPage } from './browser.ts';

const CREDS = { appKey: '7089465136418', appSecret: 'douyin-console-secret', accessToken: 'douyin-console-token' };
process.env.CONSOLE_DOUYIN_SECRET = CREDS.appSecret;
process.env.CONSOLE_DOUYIN_TOKEN = CREDS.accessToken;
/** Monday 2026-11-30, 09:05 in Shanghai. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
const ORDER = '6900000000000000042';
const PASSWORD = 'correct horse battery';

let platform: TestPlatform;
let api: FakeDouyinApi;
let browser: BrowserContext;

beforeAll(async () => {
  api = await FakeDouyinApi.start(CREDS);
  const site = await ensureConsoleBuild(process.cwd());
  const policyPath = policyWithConnectors([
    { platform: 'douyin', shopId: 'flagship', appId: CREDS.appKey, apiBase: api.url, secrets: { appSecret: { env: 'CONSOLE_DOUYIN_SECRET' }, accessToken: { env: 'CONSOLE_DOUYIN_TOKEN' } } },
  ]);
  platform = await TestPlatform.start(MONDAY_0905, { policyPath, localRoutes: consoleSite(site.dir) });
  await new AccountStore(accountsPath(platform.dataDir), ['ops-cs'], () => platform.clock.now()).add('ann', ['ops-cs'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'America/New_York' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await api?.close();
});

describe('the platform\'s own deadlines on a case page', { timeout: 120_000 }, () => {
  it('shows Douyin\'s ship-by time (tag 126) in Beijing time beside our planned pickup', async () => {
    const douyin = new FakeDouyinPusher(`${platform.runtime.apiUrl}/connectors/douyin/flagship`, CREDS.appKey, CREDS.appSecret);
    api.addOrder(douyinOrderDetail({ orderId: ORDER, createdAt: platform.clock.now(), paid: true }));
    expect((await douyin.push([{ tag: '100', msg_id: 'ui-1', data: douyinData.tradeCreate(ORDER, platform.clock.now()) }])).status).toBe(200);
    await platform.runtime.settle();
    // Douyin moves the ship-by time to Wednesday 12-02 18:00 Beijing time.
    const shipBy = Date.parse('2026-12-02T18:00:00+08:00');
    expect((await douyin.push([{ tag: '126', msg_id: 'ui-2', data: douyinData.shipTimeChanged(ORDER, shipBy) }])).status).toBe(200);
    await platform.runtime.settle();

    const page = await signInPage(browser, platform.runtime.apiUrl, 'ann', PASSWORD);
    await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(`order-${ORDER}`)}`);
    const shown = page.getByTestId('platform-deadlines');
    await shown.waitFor({ timeout: 20_000 });
    expect(await shown.textContent()).toContain('抖店 · 平台发货截止');
    expect(await shown.textContent()).toContain('周三 12-02 18:00');
    // Paid at 09:05 Monday: our plan is that day's 13:00 batch (service-standards.md §2).
    expect(await shown.textContent()).toContain('我们的揽收计划 周一 11-30 13:00');
    // The timeline names the change with the new time too.
    expect(await page.getByText('平台时限变更').count()).toBeGreaterThan(0);
  });
});
