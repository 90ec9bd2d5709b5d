/**
 * The operator's policy editor in Debian's Chromium against the real local runtime (issue 25): an
 * operator adds a Saturday evening shift for 运营客服, previews what it would move, publishes it
 * with a reason, and the next order's review uses it — while the runtime keeps running. The open
 * review keeps its deadline (the default: open steps keep theirs). Then the steps form: a bad
 * rule value shows the schema's error next to its field, the fixed one is published.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium, signInPage } from './browser.ts';

const SATURDAY_1940 = '2026-12-12T19:40:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(SATURDAY_1940, { localRoutes: consoleSite(site.dir) });
  await new AccountStore(accountsPath(platform.dataDir), ['operator'], () => platform.clock.now()).add('olga', ['operator'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'UTC' });
  browser.setDefaultTimeout(UI.timeout);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const reviewDue = async (caseId: string) => (await platform.view(caseId)).steps.find((s) => s.step === 'order.review')?.due;

describe('Editing the policy in the console', () => {
  it('adds a Saturday shift, previews the open review it would move, publishes it, and the next order is timed on it without a restart', async () => {
    const open = (await platform.storefront('order.placed', orderPlaced('SO-PE-1', platform.clock.now()))).caseId as string;
    // 30 ops-cs minutes from Saturday 19:40 (on duty 08:00–20:00): 20 tonight, 10 on Sunday morning.
    expect(await reviewDue(open)).toBe('2026-12-13T08:10:00+08:00');

    const page = await signInPage(browser, platform.runtime.apiUrl, 'olga', PASSWORD, { width: 1400, height: 900 });
    await page.getByRole('menuitem', { name: '规则编辑' }).click();
    await page.getByText('编辑服务规则(第 1 版生效中)').waitFor();

    await page.getByRole('button', { name: '添加班次' }).click();
    await page.getByLabel('班次 2 开始').fill('20:00');
    await page.getByLabel('班次 2 结束').fill('22:00');
    await page.getByRole('checkbox', { name: '周六' }).nth(1).check();
    await page.locator('[data-weekday="sat"]').getByText('20:00–22:00').waitFor();
    expect(await page.locator('[data-weekday="fri"]').textContent()).not.toContain('20:00–22:00');

    await page.getByRole('button', { name: '预览影响' }).click();
    await page.getByTestId('preview-summary').getByText(/进行中 1 个环节:1 个时限会变\(提前 1、推后 0\),0 个会立即超时/).waitFor();
    await page.getByRole('cell', { name: open }).waitFor();

    await page.getByLabel('修改原因').fill('周六晚间加班到 22:00');
    await page.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText('已发布第 2 版,0 个环节时限已重算').waitFor();
    await page.getByRole('cell', { name: '周六晚间加班到 22:00' }).waitFor();

    const versions = await platform.staff('li', ['ops-cs']).call<{ current: number; versions: { version: number; author: string; source: string }[] }>('GET', '/policy/versions');
    expect(versions.body.versions[0]).toMatchObject({ version: 2, author: 'olga', source: 'console' });

    // The open review keeps its deadline; a new order's review counts the Saturday evening shift.
    const next = (await platform.storefront('order.placed', orderPlaced('SO-PE-2', platform.clock.now()))).caseId as string;
    expect(await reviewDue(next)).toBe('2026-12-12T20:10:00+08:00');
    expect(await reviewDue(open)).toBe('2026-12-13T08:10:00+08:00');
  }, 180_000);

  it('shows the schema\'s errors next to the shift and the pickup batch they name, and publishes nothing', async () => {
    const page = await signInPage(browser, platform.runtime.apiUrl, 'olga', PASSWORD, { width: 1400, height: 900 });
    await page.getByRole('menuitem', { name: '规则编辑' }).click();
    await page.getByText('编辑服务规则(第 2 版生效中)').waitFor();
    await page.getByLabel('班次 1 开始').fill('8 点');
    await page.getByLabel('批次 1 揽收时间').fill('25:00');
    await page.getByRole('button', { name: '预览影响' }).click();
    // Under shift 1 itself, not only in the list of problems.
    await page.locator('[data-field="shifts[0]"]').getByText('expected a time "HH:MM" between 00:00 and 24:00, got "8 点"').waitFor();
    await page.locator('[data-field="pickup.batches[0]"]').getByText(/got "25:00"/).waitFor();
    const current = await platform.staff('li', ['ops-cs']).call<{ current: number }>('GET', '/policy/versions');
    expect(current.body.current).toBe(2);
  }, 120_000);
  it('changes order.review\'s minutes in the steps form, shows the schema\'s error next to that field for 0, and publishes the fixed value', async () => {
    const page = await signInPage(browser, platform.runtime.apiUrl, 'olga', PASSWORD, { width: 1400, height: 900 });
    await page.getByRole('menuitem', { name: '规则编辑' }).click();
    await page.getByText('编辑服务规则(第 2 版生效中)').waitFor();
    await page.getByText('环节时限与提醒').waitFor();

    // The step's Chinese name labels its fields; the rule's kind is the one the policy gives it.
    const minutes = page.getByLabel('订单审核 分钟', { exact: true });
    expect(await minutes.inputValue()).toBe('30');
    await minutes.fill('0');
    await page.getByRole('button', { name: '预览影响' }).click();
    // Under order.review's rule cell itself, not only in the list of problems.
    await page.locator('[data-field=\'steps["order.review"].rule\']').getByText('expected a number above 0').waitFor();

    await minutes.fill('45');
    await page.getByRole('button', { name: '预览影响' }).click();
    await page.getByTestId('preview-summary').waitFor();
    expect(await page.locator('[data-field=\'steps["order.review"].rule\']').count()).toBe(0);
    await page.getByLabel('修改原因').fill('审核时限放宽到 45 分钟');
    await page.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText(/已发布第 3 版/).waitFor();

    const staff = platform.staff('li', ['ops-cs']);
    const v3 = await staff.call<{ document: { steps: Record<string, { rule: Record<string, unknown> }> } }>('GET', '/policy/versions/3');
    expect(v3.body.document.steps['order.review']?.rule).toEqual({ kind: 'business-minutes-or-next-on-duty-day-by', minutes: 45, offDutyBy: '09:00' });
    // The forms wrote back only what the operator changed.
    const diff = await staff.call<{ changes: { path: string }[] }>('GET', '/policy/versions/3/diff');
    expect(diff.body.changes.map((c) => c.path)).toEqual([expect.stringMatching(/order\.review.*minutes/)]);
  }, 120_000);
});
