/**
 * Complaint kinds in the console (issue 22 item 6; service-standards.md §12 "Complaint kinds", seed
 * §4.3 l.596 "4.3.1.退款纠纷投诉"), in Debian's Chromium against the real local runtime on a
 * VirtualClock: an urgent complaint is tagged 紧急 in the handler's queue; the acknowledgement
 * dialog offers the category and level (the API's own zod schema), and the case page shows the
 * corrected kind in Chinese and English. And a side flow's record field (§12 "Side flows", seed
 * l.496 "可以帮您联系维修中心"): the return call's damage outcome asks for the repair centre.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { signInPage, launchChromium } from './browser.ts';

/** Tuesday 2026-12-08, 09:00 in Shanghai: the complaint handler is on duty. */
const TUESDAY_0900 = '2026-12-08T09:00:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;
let page: Page | undefined;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(TUESDAY_0900, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['complaint-handler', 'ops-cs'], () => platform.clock.now());
  await accounts.add('hana', ['complaint-handler'], PASSWORD);
  await accounts.add('olga', ['ops-cs'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'UTC' });
  browser.setDefaultTimeout(UI.timeout);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page?.screenshot({ path: join(tmpdir(), 'complaint-kinds-failed.png') }).catch(() => {});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function waitFor(check: () => Promise<unknown>): Promise<void> {
  await expect.poll(async () => {
    try {
      await check();
      return true;
    } catch {
      return false;
    }
  }, UI).toBe(true);
}

const file = async (complaintId: string, extra: Record<string, unknown>): Promise<string> =>
  (await platform.storefront('complaint.filed', { complaintId, customer: { name: '李雷', phone: '13800000000' }, text: '退款三天还没到账', ...extra })).caseId as string;

describe('complaint kinds in the console', () => {
  it('tags an urgent complaint 紧急 in the queue, sets a complaint\'s category and level at acknowledgement, and shows the kind on the case page', async () => {
    const urgent = await file('C-UI-URGENT', { category: 'refund-dispute', level: 'urgent' });
    const plain = await file('C-UI-PLAIN', {});
    page = await signInPage(browser, platform.runtime.apiUrl, 'hana', PASSWORD, { width: 1400, height: 900 });
    const row = (caseId: string) => page!.locator(`tr[data-case="${caseId}"][data-step="complaint.acknowledge"]`);
    await waitFor(() => row(urgent).waitFor({ timeout: 200 }));
    expect(await row(urgent).getByTestId('urgent-tag').textContent()).toBe('紧急');
    expect(await row(plain).getByTestId('urgent-tag').count()).toBe(0);

    await row(plain).getByRole('button', { name: /^完成/ }).click();
    const dialog = page.getByRole('dialog');
    const choose = async (field: string, option: string): Promise<void> => {
      await dialog.locator('.ant-form-item').filter({ hasText: field }).locator('.ant-select').first().click();
      await page!.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
    };
    await choose('投诉类别 (category)', '质量问题 (quality)');
    await choose('投诉级别 (level)', '紧急 (urgent)');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(async () => expect(await row(plain).count()).toBe(0));
    await platform.runtime.settle();

    // The correction reaches the workflow: the investigation is due 2 on-duty hours after the arrival (09:00).
    const view = await platform.view(plain);
    expect(view.complaint).toEqual({ category: 'quality', level: 'urgent' });
    expect(view.steps.find((s) => s.step === 'complaint.investigate')).toMatchObject({ due: '2026-12-08T11:00:00+08:00' });

    await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(plain)}`);
    const kind = page.getByTestId('complaint-kind');
    await waitFor(async () => expect(await kind.textContent()).toBe('质量问题紧急'));
    await page.getByRole('button', { name: /English/ }).click();
    await waitFor(async () => expect(await kind.textContent()).toBe('QualityUrgent'));
    await page.getByRole('button', { name: /中文/ }).click();
  }, 120_000);

  it('asks a damage outcome for the repair centre (a record field), refuses it empty as the API does, and opens the repair follow-up', async () => {
    const orderId = 'SO-UI-DAMAGE';
    await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now()));
    await platform.storefront('order.delivered', { orderId, deliveredAt: new Date(platform.clock.now()).toISOString() });
    const caseId = (await platform.storefront('order.return-requested', { orderId, reason: '屏幕摔裂' })).caseId as string;
    page = await signInPage(browser, platform.runtime.apiUrl, 'olga', PASSWORD, { width: 1400, height: 900 });
    const row = page.locator(`tr[data-case="${caseId}"][data-step="return.verify"]`);
    await waitFor(() => row.waitFor({ timeout: 200 }));
    await row.getByRole('button', { name: /^完成/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /人为损坏 \(damage\)/ }).check();
    const checklist = dialog.getByTestId('checklist');
    await checklist.waitFor();
    for (const point of ['联系方式', '退货人', '商品', '原因']) await checklist.getByRole('checkbox', { name: `${point} 核对无误` }).check();
    // Sent without the centre: the API names the field (code required) and the form words it there.
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const referral = dialog.locator('.ant-form-item').filter({ hasText: '维修中心转介 (repairReferral)' }).first();
    await waitFor(async () => expect(await referral.textContent()).toContain('必填'));
    expect((await platform.view(caseId)).steps.find((s) => s.step === 'return.verify')?.status).toBe('open');

    await dialog.getByLabel('维修中心转介 (repairReferral) 维修中心 (centre)').fill('南宁华为授权维修中心');
    await dialog.getByLabel('维修中心转介 (repairReferral) 说明 (note)').fill('客户明天送修');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(async () => expect(await row.count()).toBe(0));
    await platform.runtime.settle();
    const view = await platform.view(caseId);
    expect(view.steps.find((s) => s.step === 'return.verify')).toMatchObject({ outcome: 'damage', fields: { repairReferral: { centre: '南宁华为授权维修中心', note: '客户明天送修' } } });
    expect(view.steps.find((s) => s.step === 'aftersales.repair-followup')).toMatchObject({ status: 'open', role: 'ops-cs', due: '2026-12-09T17:00:00+08:00' });
  }, 120_000);
});
