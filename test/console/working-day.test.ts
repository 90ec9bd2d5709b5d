/**
 * A working day in the console (issue 28), in Debian's Chromium against the real local runtime on a
 * VirtualClock, at a desk (1400×900) and on a phone (390×844 with touch): alarm links open the case
 * itself, through sign-in too; the header search finds cases by order number and phone tail; the
 * case page and the step dialogs show what staff typed and need; 拨打 / reveal shows the full
 * number and leaves who and when on the timeline; on a phone nothing is cut off or clipped.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseLink } from '../../core/alarms/render.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { TestPlatform } from '../e2e/platform.ts';
import { orderPlaced } from '../support/orders.ts';
import { launchChromium } from './browser.ts';

const MONDAY_0900 = '2026-11-30T09:00:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let desk: BrowserContext;
let phone: BrowserContext;
/** An order whose review is open (ops-cs). */
let reviewCase: string;
/** An order packed (serials SN-DAY-1, SN-DAY-2) whose dispatch is open (picker). */
let dispatchCase: string;
/** A complaint whose acknowledgement is open, due today: nothing of that step is measured yet (0/0). */
let complaintCase: string;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0900, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs', 'terminal-admin', 'supervisor', 'picker'], () => platform.clock.now());
  await accounts.add('ann', ['ops-cs'], PASSWORD);
  await accounts.add('tom', ['terminal-admin'], PASSWORD);
  await accounts.add('pia', ['picker'], PASSWORD);
  await accounts.add('boss', ['supervisor'], PASSWORD);
  desk = await launchChromium({ timezoneId: 'America/New_York' });
  phone = await launchChromium({ timezoneId: 'America/New_York', phone: true });
  for (const browser of [desk, phone]) {
    browser.setDefaultTimeout(UI.timeout);
    await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
  }
  reviewCase = (await platform.storefront('order.placed', { ...orderPlaced('SO-DAY-1', platform.clock.now()), customer: { name: '李雷', phone: '13912345678' } })).caseId as string;
  dispatchCase = (await platform.storefront('order.placed', { ...orderPlaced('SO-DAY-2', platform.clock.now()), items: [{ sku: 'PHONE-1', name: 'Phone', qty: 2, price: 3999 }] })).caseId as string;
  await platform.complete(platform.staff('ann', ['ops-cs']), dispatchCase, 'order.review', { outcome: 'confirmed' });
  await platform.complete(platform.staff('tom', ['terminal-admin']), dispatchCase, 'order.pack', { fields: { serialNumbers: ['SN-DAY-1', 'SN-DAY-2'], invoiceNo: 'INV-DAY-2' } });
  if ((await platform.openSteps(dispatchCase)).includes('order.crm-bind')) await platform.complete(platform.staff('cora', ['crm-admin']), dispatchCase, 'order.crm-bind', { fields: { bindings: [] } });
  expect(await platform.openSteps(dispatchCase)).toContain('order.dispatch');
  complaintCase = (await platform.storefront('complaint.filed', { complaintId: 'CP-DAY-1', orderId: 'SO-DAY-1', customer: { name: '李雷', phone: '13912345678' }, text: '快递员态度很差,包装破损' })).caseId as string;
}, 180_000);

const pages: Page[] = [];
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const [i, page] of pages.entries()) await page.screenshot({ path: join(tmpdir(), `working-day-failed-${i}.png`) }).catch(() => {});
}, 60_000);

afterAll(async () => {
  await desk?.close();
  await phone?.close();
  await platform?.stop();
});

async function newPage(browser: BrowserContext): Promise<Page> {
  const page = await browser.newPage();
  pages.push(page);
  return page;
}

async function signInHere(page: Page, user: string): Promise<void> {
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** A tab signed in as `user`, showing the queue. */
async function signedIn(browser: BrowserContext, user: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${platform.runtime.apiUrl}/console/`);
  await signInHere(page, user);
  await expect.poll(() => page.url(), UI).toMatch(/#\/queue$/);
  return page;
}

/** The page scrolls sideways (something is wider than the screen)? */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
}

describe('a working day at a desk (1400×900)', { timeout: 120_000 }, () => {
  it('opens the case an alarm links to after sign-in, and straight away when signed in', async () => {
    const link = caseLink(`${platform.runtime.apiUrl}/console/`, reviewCase);
    const page = await newPage(desk);
    await page.goto(link);
    await page.getByLabel('用户名').waitFor();
    await signInHere(page, 'ann');
    await page.getByRole('heading', { name: `工单 ${reviewCase}` }).waitFor();
    expect(page.url()).toBe(`${platform.runtime.apiUrl}/console/#/cases/${reviewCase}`);

    await page.goto(caseLink(`${platform.runtime.apiUrl}/console/`, dispatchCase));
    await page.getByRole('heading', { name: `工单 ${dispatchCase}` }).waitFor();
    expect(page.url()).toBe(`${platform.runtime.apiUrl}/console/#/cases/${dispatchCase}`);
  });

  it('finds a case from the header by order number and by the last 4 digits of the phone, the customer masked', async () => {
    const page = await signedIn(desk, 'ann');
    const search = page.getByRole('searchbox', { name: '搜索工单' });
    await search.fill('SO-DAY-1');
    await search.press('Enter');
    // The queue's row of the same case is a tr[data-case] too: wait for the results page first.
    await page.getByRole('heading', { name: '“SO-DAY-1” 的搜索结果' }).waitFor();
    const row = page.locator(`tr[data-case="${reviewCase}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('订单号');

    await search.fill('5678');
    await search.press('Enter');
    await page.getByRole('heading', { name: '“5678” 的搜索结果' }).waitFor();
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('李*');
    expect(text).toContain('139****5678');
    expect(text).toContain('手机尾号');
    await row.getByRole('link', { name: reviewCase }).click();
    await page.getByRole('heading', { name: `工单 ${reviewCase}` }).waitFor();
  });

  it('lists cases with a step open now on the cases page, filtered by step', async () => {
    const page = await signedIn(desk, 'boss');
    await page.goto(`${platform.runtime.apiUrl}/console/#/cases?step=order.dispatch`);
    await page.locator(`tr[data-case="${dispatchCase}"]`).waitFor();
    expect(await page.locator(`tr[data-case="${reviewCase}"]`).count()).toBe(0);
  });

  it('shows what was typed and is needed: items and quantities, the payment channel by name, serials and invoice, timeline entries in words', async () => {
    const page = await signedIn(desk, 'pia');
    await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${dispatchCase}`);
    await page.getByRole('heading', { name: `工单 ${dispatchCase}` }).waitFor();
    const facts = page.locator('.ant-card').filter({ hasText: '工单信息' });
    expect(await facts.textContent()).toContain('支付宝');
    expect(await facts.textContent()).not.toContain('alipay');
    expect(await facts.getByRole('cell', { name: '× 2' }).count()).toBe(1);
    const packed = page.getByTestId('fields-order.pack');
    expect(await packed.textContent()).toContain('SN-DAY-1、SN-DAY-2');
    expect(await packed.textContent()).toContain('INV-DAY-2');
    const timeline = page.locator('.ant-card').filter({ has: page.getByText('时间线', { exact: true }) });
    expect(await timeline.textContent()).toContain('工单创建');
    expect(await timeline.textContent()).toContain('店铺系统');
    expect(await timeline.textContent()).not.toContain('case.opened');

    // The dispatch dialog shows the address and the serials packed.
    await page.locator('tr', { hasText: '发货' }).getByRole('button', { name: /^完成/ }).first().click();
    const context = page.getByRole('dialog').getByTestId('step-context');
    await context.waitFor();
    expect(await context.textContent()).toContain('上海市浦东新区');
    expect(await context.textContent()).toContain('SN-DAY-1、SN-DAY-2');
    // The carrier is now chosen from the policy's list (SF or EMS), SF by default (seed §2.4.4 l.296).
    expect(await page.getByRole('dialog').locator('.ant-form-item').filter({ has: page.getByText('快递公司 (carrier)') }).textContent()).toContain('顺丰速运 (SF)');
    await page.getByRole('dialog').getByLabel('物流编号 (trackingNo)').fill('SF100200300');
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    // A dispatch's record is now its own block (step-details.tsx): the carrier by name, insured, the tracking number.
    const dispatched = page.getByTestId('dispatch-details');
    await dispatched.waitFor();
    expect(await dispatched.textContent()).toMatch(/快递公司顺丰速运 \(SF\).*保价.*物流编号SF100200300/);
  });

  it('shows the complaint\'s text on its case page', async () => {
    const page = await signedIn(desk, 'boss');
    await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${complaintCase}`);
    const facts = page.locator('.ant-card').filter({ hasText: '工单信息' });
    await facts.getByText('快递员态度很差,包装破损').waitFor();
    expect(await facts.textContent()).toContain('投诉内容');
  });

  it('reveals the full phone to the review\'s role as a tel: link and puts who and when on the timeline', async () => {
    const page = await signedIn(desk, 'ann');
    await page.goto(`${platform.runtime.apiUrl}/console/#/cases/${reviewCase}`);
    await page.getByText('139****5678').waitFor();
    await page.getByRole('button', { name: /拨打 \/ 查看号码/ }).click();
    const call = page.getByRole('link', { name: '拨打 13912345678' });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:13912345678');
    const timeline = page.locator('.ant-card').filter({ has: page.getByText('时间线', { exact: true }) });
    await expect.poll(async () => timeline.textContent(), UI).toMatch(/周一 11-30 09:\d\d · 查看了客户完整电话 · 订单审核 · ann/);
  });
});

describe('a working day on a phone (390×844, touch)', { timeout: 120_000 }, () => {
  it('keeps the menu in a drawer with the user on one line and 退出登录 on screen, and the queue as cards', async () => {
    const page = await signedIn(phone, 'ann');
    await page.locator(`[data-case="${reviewCase}"][data-step="order.review"]`).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: '菜单' }).tap();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('menuitem', { name: /工单查询/ }).waitFor();
    const user = drawer.getByText('ann · 运营客服');
    const box = await user.boundingBox();
    expect(box?.height).toBeLessThan(40);
    const signOut = drawer.getByRole('button', { name: /退出登录/ });
    // The drawer slides in from the left: measure once it has come to rest.
    await expect.poll(async () => (await signOut.boundingBox())?.x ?? -1, UI).toBeGreaterThanOrEqual(0);
    const out = await signOut.boundingBox();
    expect(out && out.x >= 0 && out.x + out.width <= 390).toBe(true);
    await drawer.getByRole('menuitem', { name: /我的待办/ }).tap();
  });

  it('opens an alarm\'s case link after sign-in, shows the case without sideways scrolling, and completes the review in its dialog by touch', async () => {
    const page = await newPage(phone);
    await page.goto(caseLink(`${platform.runtime.apiUrl}/console/`, reviewCase));
    await signInHere(page, 'ann');
    await page.getByRole('heading', { name: `工单 ${reviewCase}` }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: /拨打 \/ 查看号码/ }).tap();
    await page.getByRole('link', { name: '拨打 13912345678' }).waitFor();
    const review = page.locator('[data-step="order.review"]');
    await review.getByRole('button', { name: /^完成/ }).tap();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /已确认/ }).check();
    // Seed §3.1 l.348: the review call confirms contact, recipient, goods and delivery method.
    const checklist = dialog.getByTestId('checklist');
    await checklist.waitFor();
    for (const point of ['联系方式', '收货人', '商品', '配送方式']) await checklist.getByRole('checkbox', { name: `${point} 核对无误` }).tap();
    const dialogBox = await dialog.boundingBox();
    expect(dialogBox && dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= 390).toBe(true);
    await dialog.getByRole('button', { name: /提\s*交/ }).tap();
    await expect.poll(async () => review.locator('.ant-tag').first().textContent(), UI).toBe('已完成');
  });

  it('shows the supervisor board and the search results without sideways scrolling', async () => {
    const page = await signedIn(phone, 'boss');
    await page.getByRole('button', { name: '菜单' }).tap();
    await page.getByRole('dialog').getByRole('menuitem', { name: /主管看板/ }).tap();
    await page.getByRole('heading', { name: '主管看板' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    // The complaint's acknowledgement: open, not yet due, nothing completed — "—", not an empty bar at 0 %.
    const acknowledge = page.locator('div', { hasText: /^投诉受理 complaint\.acknowledge · 0\/0/ }).last();
    await acknowledge.waitFor();
    expect(await acknowledge.locator('[data-on-time="none"]').textContent()).toBe('— 暂无可考核');
    expect(await acknowledge.locator('.ant-progress').count()).toBe(0);
    const search = page.getByRole('searchbox', { name: '搜索工单' });
    await search.fill('SO-DAY-2');
    await search.press('Enter');
    await page.locator(`[data-case="${dispatchCase}"]`).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
  });
});
