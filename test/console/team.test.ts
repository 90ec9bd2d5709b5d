/**
 * People in the console (issue 23) in Debian's Chromium against the real local runtime on a
 * VirtualClock: a clerk claims (认领) a pool step from the queue and finds it under 我的; a
 * supervisor assigns (指派) it to another clerk; the roster week grid picks shifts per person and
 * day, saves them, warns of an unrostered part of the day, exports CSV and copies last week.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium, signInPage } from './browser.ts';

const TUESDAY_0900 = '2026-12-08T09:00:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(TUESDAY_0900, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs', 'supervisor'], () => platform.clock.now(), { N: 1024, r: 8, p: 1 });
  await accounts.add('li.na', ['ops-cs'], PASSWORD, '李娜');
  await accounts.add('zhang.min', ['ops-cs'], PASSWORD, '张敏');
  await accounts.add('chen.jing', ['ops-cs', 'supervisor'], PASSWORD, '陈静');
  browser = await launchChromium({ timezoneId: 'UTC' });
  browser.setDefaultTimeout(UI.timeout);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const holder = async (caseId: string) => (await platform.view(caseId)).steps.find((s) => s.step === 'order.review')?.assignedTo;
const row = (page: Page, caseId: string) => page.locator(`tr[data-case="${caseId}"][data-step="order.review"]`);
const view = (page: Page, name: string) => page.locator('.ant-segmented-item').filter({ hasText: name });
// The option of the dropdown open now (a closing one may still be in the page).
const option = (page: Page, text: string) => page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: text, visible: true });

/** Picks `text` in the select labelled `label`, then waits for its dropdown to close. */
async function pick(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click();
  await option(page, text).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count(), UI).toBe(0);
}

describe('people in the console', () => {
  let caseId: string;

  it('a clerk claims a pool step from the queue, and it shows under 我的', async () => {
    caseId = (await platform.storefront('order.placed', orderPlaced('SO-TEAM-1', platform.clock.now()))).caseId as string;
    // Round-robin gave it to someone; the supervisor puts it back in the pool.
    expect(await holder(caseId)).toBeDefined();
    expect((await platform.staff('chen.jing', ['ops-cs', 'supervisor']).call('POST', `/cases/${caseId}/steps/order.review/release`, {})).status).toBe(200);

    const zhang = await signInPage(browser, platform.runtime.apiUrl, 'zhang.min', PASSWORD, { width: 1600, height: 900 });
    // 全组 (the default) lists the pool step; 我的 does not, until it is claimed.
    await expect.poll(() => row(zhang, caseId).locator('[data-holder]').textContent(), UI).toContain('待认领');
    await view(zhang, '我的').click();
    await expect.poll(() => row(zhang, caseId).count(), UI).toBe(0);
    await view(zhang, '全组').click();
    await row(zhang, caseId).getByRole('button', { name: /认\s*领/ }).click();
    await expect.poll(() => row(zhang, caseId).locator('[data-holder]').getAttribute('data-holder'), UI).toBe('zhang.min');
    expect(await holder(caseId)).toBe('zhang.min');
    await view(zhang, '我的').click();
    await expect.poll(() => row(zhang, caseId).count(), UI).toBe(1);
    await zhang.close();
  });

  it('a supervisor assigns the step to another clerk from the queue', async () => {
    const boss = await signInPage(browser, platform.runtime.apiUrl, 'chen.jing', PASSWORD, { width: 1600, height: 900 });
    await row(boss, caseId).getByRole('button', { name: /指\s*派/ }).click();
    await option(boss, '李娜').click();
    await expect.poll(() => row(boss, caseId).locator('[data-holder]').getAttribute('data-holder'), UI).toBe('li.na');
    expect(await holder(caseId)).toBe('li.na');
    const entry = (await platform.view(caseId)).timeline.find((e) => e.kind === 'step.assigned' && (e.detail as { action?: string }).action === 'assign');
    expect(entry).toMatchObject({ by: 'chen.jing', detail: { action: 'assign', from: 'zhang.min', to: 'li.na' } });
    await boss.close();
  });

  it('the roster grid saves picked shifts, warns of an unrostered afternoon, exports CSV and copies last week', async () => {
    const boss = await signInPage(browser, platform.runtime.apiUrl, 'chen.jing', PASSWORD, { width: 1600, height: 900 });
    await boss.goto(`${platform.runtime.apiUrl}/#/roster`);
    await expect.poll(() => boss.locator('[data-week]').getAttribute('data-week'), UI).toBe('2026-12-07');
    await pick(boss, '李娜 2026-12-08 的班次', '运营客服 08:00–14:00');
    await pick(boss, '张敏 2026-12-08 的班次', '请假');
    await boss.getByRole('button', { name: /保\s*存/ }).click();
    // Nobody on ops-cs 14:00–20:00 that day: the grid says so.
    await expect.poll(() => boss.getByText('以下时段有排班但无人值班').count(), UI).toBe(1);
    await expect.poll(() => boss.getByText('2026-12-08 运营客服 14:00–20:00').count(), UI).toBe(1);
    const saved = await platform.staff('chen.jing', ['supervisor']).call<{ entries: unknown[] }>('GET', '/rosters?from=2026-12-07&to=2026-12-13');
    expect(saved.body.entries).toEqual([
      { day: '2026-12-08', person: 'li.na', role: 'ops-cs', from: '08:00', to: '14:00' },
      { day: '2026-12-08', person: 'zhang.min', leave: true },
    ]);

    const [download] = await Promise.all([boss.waitForEvent('download'), boss.getByRole('button', { name: '导出 CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe('\uFEFFday,person,role,from,to\r\n2026-12-08,li.na,ops-cs,08:00,14:00\r\n2026-12-08,zhang.min,leave,,\r\n');

    await boss.getByRole('button', { name: '下一周' }).click();
    await expect.poll(() => boss.locator('[data-week]').getAttribute('data-week'), UI).toBe('2026-12-14');
    await boss.getByRole('button', { name: '复制上周' }).click();
    await expect.poll(() => boss.getByLabel('李娜 2026-12-15 的班次').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent(), UI).toContain('08:00–14:00');
    await boss.close();
  });
});
