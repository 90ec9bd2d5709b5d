/**
 * The rest of the standard in the console (issue 22), in Debian's Chromium against the real local
 * runtime on a VirtualClock: the dispatch dialog's carriers and the case page's dispatch record;
 * the satisfaction report's table, chart and CSV.
 * One browser and one runtime serve every flow; the flows run in order.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { MINUTE, TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { confirmedChecklist } from '../support/checklists.ts';
import { launchChromium } from './browser.ts';

const MONDAY_0900 = '2026-11-30T09:00:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;
const pages = new Map<string, Page>();

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0900, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs', 'picker', 'supervisor', 'complaint-handler'], () => platform.clock.now());
  await accounts.add('pia', ['picker'], PASSWORD);
  await accounts.add('ann', ['ops-cs'], PASSWORD);
  await accounts.add('boss', ['supervisor'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'America/New_York' });
  browser.setDefaultTimeout(UI.timeout);
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const [user, page] of pages) await page.screenshot({ path: join(tmpdir(), `standard-rest-failed-${user}.png`) }).catch(() => {});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function signIn(user: string): Promise<Page> {
  const open = pages.get(user);
  if (open) {
    await open.keyboard.press('Escape');
    await open.getByRole('menuitem', { name: /我的待办|My queue/ }).click();
    return open;
  }
  const page = await browser.newPage();
  pages.set(user, page);
  await page.goto(`${platform.runtime.apiUrl}/`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => page.url(), UI).toMatch(/#\/queue$/);
  return page;
}

function row(page: Page, caseId: string, step: string) {
  return page.locator(`tr[data-case="${caseId}"][data-step="${step}"]`);
}

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

/** A paid order completed up to its dispatch, through the API. */
async function orderAtDispatch(orderId: string): Promise<string> {
  const caseId = (await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now()))).caseId as string;
  await platform.complete(platform.staff('olivia', ['ops-cs']), caseId, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
  await platform.complete(platform.staff('tom', ['terminal-admin']), caseId, 'order.pack', { fields: { serialNumbers: [`SN-${orderId}`], invoiceNo: 'INV-1' } });
  await platform.complete(platform.staff('carl', ['crm-admin']), caseId, 'order.crm-bind', { fields: { bindings: [] } });
  await platform.advance(MINUTE);
  return caseId;
}

/** A complaint filed, handled by `handler` up to its callback (回访), scored `score`; its case id. */
async function scoredComplaint(name: string, category: string | undefined, handler: string, score: number): Promise<string> {
  const caseId = (await platform.storefront('complaint.filed', { complaintId: `C-UI-${name}`, customer: { name: '王芳', phone: '13700000000' }, text: '发货慢', ...(category ? { category } : {}) })).caseId as string;
  const who = platform.staff(handler, ['complaint-handler']);
  await platform.complete(who, caseId, 'complaint.acknowledge');
  await platform.complete(who, caseId, 'complaint.investigate');
  await platform.complete(who, caseId, 'complaint.resolve', { outcome: 'not-upheld', fields: { explanation: '已按时发货' } });
  await platform.complete(who, caseId, 'complaint.callback', { fields: { score } });
  return caseId;
}

describe('the rest of the standard in the console', { timeout: 120_000 }, () => {
  // Seed §2.4.4 l.296: "我们默认使用发货速度最快的顺丰,并且对宝贝进行保价。如果顺丰不到的地方则使用EMS邮政速递".
  it('offers the policy\'s carriers at dispatch with SF (顺丰) chosen by default, and the case page shows the carrier and that it is insured', async () => {
    const caseId = await orderAtDispatch('SO-UI-CARRIER');
    const pia = await signIn('pia');
    const dispatch = row(pia, caseId, 'order.dispatch');
    await waitFor(() => dispatch.waitFor({ timeout: 200 }));
    await dispatch.getByRole('button', { name: /^完成/ }).click();
    const dialog = pia.getByRole('dialog');
    const carrierItem = dialog.locator('.ant-form-item').filter({ has: pia.getByText('快递公司 (carrier)') });
    await waitFor(async () => expect(await carrierItem.textContent()).toContain('顺丰速运 (SF) · 默认 · 保价'));
    await carrierItem.locator('.ant-select').click();
    const options = pia.locator('.ant-select-dropdown .ant-select-item-option');
    await waitFor(async () => expect(await options.allTextContents()).toEqual(['顺丰速运 (SF) · 默认 · 保价', 'EMS 邮政速递 (EMS)']));
    await pia.keyboard.press('Escape');
    await dialog.getByLabel('物流编号 (trackingNo)').fill('SF-UI-1');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(async () => expect(await dispatch.count()).toBe(0));
    await platform.runtime.settle();

    await pia.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(caseId)}`);
    const details = pia.getByTestId('dispatch-details');
    await waitFor(async () => expect(await details.textContent()).toMatch(/快递公司顺丰速运 \(SF\).*保价.*保价.*物流编号SF-UI-1/));
    await pia.getByRole('button', { name: /English/ }).click();
    await waitFor(async () => expect(await details.textContent()).toMatch(/CarrierSF Express \(SF\).*Insured.*Insured.*Tracking numberSF-UI-1/));
    await pia.getByRole('button', { name: /中文/ }).click();
  });

  // Seed §3.1 l.348 (service-standards.md §12): the review call checks contact, recipient, goods and delivery method.
  it('asks the review call\'s checklist with checkboxes, refuses a point left open as the API would, and shows the points on the case page and in the timeline search', async () => {
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-UI-CHECK', platform.clock.now()))).caseId as string;
    const ann = await signIn('ann');
    const review = row(ann, caseId, 'order.review');
    await waitFor(() => review.waitFor({ timeout: 200 }));
    await review.getByRole('button', { name: /^完成/ }).click();
    const dialog = ann.getByRole('dialog');
    await dialog.getByRole('radio', { name: /已确认/ }).check();
    const checklist = dialog.getByTestId('checklist');
    await waitFor(async () => expect(await checklist.getByRole('checkbox').count()).toBe(4));
    for (const point of ['联系方式', '商品']) await checklist.getByRole('checkbox', { name: `${point} 核对无误` }).check();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const recipientItem = checklist.locator('.ant-form-item').filter({ hasText: '收货人 (recipient)' }).first();
    await waitFor(async () => expect(await recipientItem.textContent()).toContain('confirm or correct this point'));
    expect(await checklist.locator('.ant-form-item').filter({ hasText: '配送方式 (deliveryMethod)' }).first().textContent()).toContain('confirm or correct this point');
    expect((await platform.view(caseId)).steps.find((s) => s.step === 'order.review')?.status).toBe('open');

    await checklist.getByLabel('收货人 更正为…').fill('李四');
    await checklist.getByRole('checkbox', { name: '配送方式 核对无误' }).check();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(async () => expect(await review.count()).toBe(0));
    await platform.runtime.settle();

    await ann.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(caseId)}`);
    const details = ann.getByTestId('checklist-details');
    await waitFor(async () => expect(await details.textContent()).toMatch(/联系方式.*核对无误.*收货人已更正: 李四.*商品.*核对无误.*配送方式.*核对无误/));
    await ann.getByLabel('搜索时间线').fill('李四');
    const entries = ann.getByTestId('timeline-entry');
    await waitFor(async () => expect(await entries.count()).toBe(1));
    // The entry's kind and step are worded (fact-labels.ts), the raw kind kept on data-kind.
    expect(await entries.first().textContent()).toMatch(/^周一 11-30 09:\d\d · 核实要点 · 订单审核 · ann · 联系方式 核对无误; 收货人 已更正: 李四; 商品 核对无误; 配送方式 核对无误$/);
    expect(await entries.first().locator('[data-kind]').getAttribute('data-kind')).toBe('checklist');
  });

  // Seed §4.3: "有记录、有指令、有回音、有结果"; the callback (回访) scores 1–5 (service-standards.md §7).
  it('shows the supervisor the callback scores per handler with the low-scored case linked, per category in Chinese, a chart, and a CSV with a BOM for Excel', async () => {
    const low = await scoredComplaint('LOW', 'logistics', 'hana', 2);
    await scoredComplaint('HIGH', undefined, 'hana', 5);
    const boss = await signIn('boss');
    await boss.getByRole('menuitem', { name: /满意度/ }).click();
    const hana = boss.locator('tr[data-row-key="hana"]');
    await waitFor(async () => expect(await hana.textContent()).toBe(`hana23.51:0 2:1 3:0 4:0 5:150%${low}`));
    expect(await hana.getByRole('link', { name: low }).getAttribute('href')).toBe(`#/cases/${encodeURIComponent(low)}`);
    const chart = boss.locator('figure [data-points]');
    await waitFor(async () => expect([await chart.getAttribute('data-points'), await chart.getAttribute('data-drawn')]).toEqual(['1', '1']));

    await boss.getByLabel('分组').click();
    await boss.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '投诉类别' }).click();
    await waitFor(async () => expect(await boss.locator('tr[data-row-key="logistics"]').textContent()).toMatch(/^物流问题12/));
    expect(await boss.locator('tr[data-row-key="other"]').textContent()).toMatch(/^其他15/);
    const [download] = await Promise.all([boss.waitForEvent('download'), boss.getByRole('button', { name: /下载 CSV/ }).click()]);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n').slice(0, 2)).toEqual(['投诉类别,类别名称,回访数,平均分,1分,2分,3分,4分,5分,低分(≤2)占比(%),低分工单', `logistics,物流问题,1,2,0,1,0,0,0,100,${low}`]);
    expect(download.suggestedFilename()).toBe('satisfaction-2026-11-01-2026-11-30-category.csv');
  });
});
