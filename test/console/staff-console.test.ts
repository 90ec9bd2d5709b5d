/**
 * The staff console in Debian's Chromium against the real local runtime on a VirtualClock: the
 * console's build served by the runtime at /console/, accounts signing in with POST /auth/login.
 * The browser runs in New York time, so every time shown must have been put into Asia/Shanghai
 * by the console. One browser and one runtime serve every flow; the flows run in order.
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
/** How long a browser expectation may take to come true: the console polls every 200 ms here. */
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;
let reviewCase: string;
let pausedCase: string;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0900, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['ops-cs', 'terminal-admin', 'supervisor', 'picker'], () => platform.clock.now());
  await accounts.add('ann', ['ops-cs'], PASSWORD);
  await accounts.add('tom', ['terminal-admin'], PASSWORD);
  await accounts.add('boss', ['supervisor'], PASSWORD);
  browser = await launchChromium({ timezoneId: 'America/New_York' });
  browser.setDefaultTimeout(UI.timeout);
  // A short poll keeps the flows quick; the console's default is 15 s.
  await browser.addInitScript({ content: "sessionStorage.setItem('sla-console.pollMs', '200')" });
  reviewCase = (await platform.storefront('order.placed', orderPlaced('SO-UI-1', platform.clock.now()))).caseId as string;
  pausedCase = (await platform.storefront('order.placed', orderPlaced('SO-UI-2', platform.clock.now()))).caseId as string;
}, 120_000);

// A failed flow leaves a picture of each open page in the temp directory.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const [user, page] of pages) await page.screenshot({ path: join(tmpdir(), `console-failed-${user}.png`) }).catch(() => {});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const pages = new Map<string, Page>();

/** The user's tab, signed in once (the session lives in that tab's sessionStorage), showing the queue. */
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

/** The row's background colour as the browser computed it. */
function backgroundOf(locator: ReturnType<Page['locator']>): Promise<string> {
  return locator.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
}

/** The queue's own figure for a review: what the console must show, not compute. */
async function remainingFromApi(caseId: string): Promise<number> {
  const items = (await platform.staff('probe', ['ops-cs']).queue()) as unknown as { caseId: string; remainingOnDutyMinutes: number }[];
  return items.find((i) => i.caseId === caseId)?.remainingOnDutyMinutes as number;
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

describe('the staff console in Chromium', { timeout: 120_000 }, () => {
  it('serves React\'s production build, though vitest (NODE_ENV=test) may have built it', async () => {
    const page = await (await fetch(`${platform.runtime.apiUrl}/console/`)).text();
    const scripts = [...page.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) {
      const code = await (await fetch(`${platform.runtime.apiUrl}${script}`)).text();
      // The development JSX runtime, and a warning only React's development build carries.
      expect(code).not.toContain('jsxDEV');
      expect(code).not.toContain('Cannot update a component');
    }
  });

  it('signs ops-cs in, shows a new order\'s review with its on-duty countdown, completes it as confirmed by keyboard alone, and packing reaches terminal-admin', async () => {
    const ann = await signIn('ann');
    const review = row(ann, reviewCase, 'order.review');
    await waitFor(() => review.waitFor({ timeout: 200 }));
    expect(await review.textContent()).toContain('订单审核');
    expect(await review.textContent()).toContain('剩 30 分钟');
    // Due 09:30 Beijing time, whatever the browser's own zone.
    expect(await review.textContent()).toContain('周一 11-30 09:30');
    // The second, smaller countdown (service-standards.md §2 "Batch targets"): placed 09:00, the 13:00 batch, review by 12:15.
    expect(await review.locator('[data-batch-target]').textContent()).toBe(' 赶 13:00 揽收 · 还剩 3 小时 15 分钟');
    await review.getByRole('button', { name: /^完成/ }).focus();
    await ann.keyboard.press('Enter');
    const dialog = ann.getByRole('dialog');
    await dialog.getByRole('radio', { name: /已确认 \(confirmed\)/ }).waitFor();
    await ann.keyboard.press('Space');
    // The four points are drawn once the case's facts have loaded; tabbing before then would skip them.
    const boxes = dialog.getByTestId('checklist').getByRole('checkbox');
    await expect.poll(() => boxes.count(), UI).toBe(4);
    // The call checklist (§12, seed §3.1 l.348): each point's checkbox ticked by Space on the way to 提交.
    for (let i = 0; i < 30 && (await ann.evaluate<string>("document.activeElement?.textContent?.replace(/\\s/g, '') ?? ''")) !== '提交'; i++) {
      await ann.keyboard.press('Tab');
      if (await ann.evaluate<boolean>("document.activeElement?.type === 'checkbox' && !document.activeElement.checked")) await ann.keyboard.press('Space');
    }
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    await ann.keyboard.press('Enter');
    await waitFor(async () => expect(await review.count()).toBe(0));
    await platform.runtime.settle();

    const tom = await signIn('tom');
    await waitFor(() => row(tom, reviewCase, 'order.pack').waitFor({ timeout: 200 }));
    expect(await row(tom, reviewCase, 'order.pack').textContent()).toContain('剩 1 小时 0 分钟');
  });

  it('shows a paused step with its pause icon and reason', async () => {
    const ann = await signIn('ann');
    const paused = row(ann, pausedCase, 'order.review');
    await waitFor(() => paused.waitFor({ timeout: 200 }));
    await paused.getByRole('button', { name: /^暂停/ }).click();
    await ann.getByLabel('暂停原因').fill('客户要求稍后回电');
    await ann.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(async () => expect(await paused.getAttribute('data-urgency')).toBe('paused'));
    expect(await paused.textContent()).toContain('已暂停:客户要求稍后回电');
    expect(await paused.locator('[aria-label="pause-circle"]').count()).toBe(1);
  });

  it('turns a countdown amber at warnAt and red, with negative time, once due passes', async () => {
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-UI-3', platform.clock.now()))).caseId as string;
    const ann = await signIn('ann');
    const late = row(ann, caseId, 'order.review');
    await waitFor(() => late.waitFor({ timeout: 200 }));
    expect(await late.getAttribute('data-urgency')).toBe('ok');

    await platform.advance(25 * MINUTE); // warnAt: 80 % of 30 minutes
    await waitFor(async () => expect(await late.getAttribute('data-urgency')).toBe('warned'));
    expect(await late.textContent()).toContain('即将超时');
    const left = await remainingFromApi(caseId);
    await waitFor(async () => expect(await late.textContent()).toContain(`剩 ${left} 分钟`));
    expect(await backgroundOf(late)).toBe('rgb(255, 247, 230)');

    await platform.advance(7 * MINUTE);
    await waitFor(async () => expect(await late.getAttribute('data-urgency')).toBe('breached'));
    const over = await remainingFromApi(caseId);
    expect(over).toBeLessThan(0);
    await waitFor(async () => expect(await late.textContent()).toContain(`已超时 ${-over} 分钟`));
    expect(await backgroundOf(late)).toBe('rgb(255, 241, 240)');
  });

  it('shows the API\'s field errors next to their fields, then completes packing', async () => {
    const tom = await signIn('tom');
    const pack = row(tom, reviewCase, 'order.pack');
    await waitFor(() => pack.waitFor({ timeout: 200 }));
    await pack.getByRole('button', { name: /^完成/ }).click();
    const dialog = tom.getByRole('dialog');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const invoiceItem = dialog.locator('.ant-form-item').filter({ has: tom.getByText('发票号 (invoiceNo)') });
    // Worded in Chinese from the API's stable field codes (issue 28 item 7), not its English message.
    await waitFor(async () => expect(await invoiceItem.textContent()).toContain('必填'));
    expect(await invoiceItem.textContent()).not.toContain('expected invoiceNo as text');

    // One serial for the order's one phone, its input labelled by the item (issue 28 item 6).
    await dialog.getByLabel('串号 · Phone (PHONE-1) 第 1/1 台').fill('SN-0001');
    await dialog.getByLabel('发票号 (invoiceNo)').fill('INV-0001');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(async () => expect(await pack.count()).toBe(0));
  });

  it('says who completed a step, and when, when a second completion gets 409', async () => {
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-UI-4', platform.clock.now()))).caseId as string;
    const ann = await signIn('ann');
    const review = row(ann, caseId, 'order.review');
    await waitFor(() => review.waitFor({ timeout: 200 }));
    await review.getByRole('button', { name: /^完成/ }).click();
    const dialog = ann.getByRole('dialog');
    await dialog.getByRole('radio', { name: /已确认/ }).check();
    // The review's four points (seed §3.1 l.348), drawn once the case's facts are in.
    const boxes = dialog.getByTestId('checklist').getByRole('checkbox');
    await expect.poll(() => boxes.count(), UI).toBe(4);
    for (const box of await boxes.all()) await box.check();
    await platform.complete(platform.staff('bob', ['ops-cs']), caseId, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(() => dialog.getByRole('alert').waitFor({ timeout: 200 }));
    expect(await dialog.getByRole('alert').textContent()).toMatch(/该环节已由 bob 于 周一 11-30 09:\d\d 完成/);
  });

  it('shows the supervisor the breach on the board, the report\'s charts with their data, and downloads the report as CSV with a BOM', async () => {
    const boss = await signIn('boss');
    await boss.getByRole('menuitem', { name: /主管看板/ }).click();
    await waitFor(() => boss.getByText('升级处理(按级别)').waitFor({ timeout: 200 }));
    const escalated = boss.locator('.ant-card').filter({ hasText: '升级处理(按级别)' });
    await waitFor(async () => expect(await escalated.textContent()).toMatch(/1 级 主管.*已超时.*订单审核/));

    await boss.getByRole('menuitem', { name: /报表/ }).click();
    await waitFor(() => boss.getByRole('cell', { name: /订单审核 order.review/ }).waitFor({ timeout: 200 }));
    const [download] = await Promise.all([boss.waitForEvent('download'), boss.getByRole('button', { name: /下载 CSV/ }).click()]);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('order.review');
    expect(download.suggestedFilename()).toMatch(/^sla-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-step\.csv$/);

    // The three charts draw the report's rows, not just their axes (data-points given, data-drawn by ECharts).
    const charts = boss.locator('figure [data-points]');
    await waitFor(async () => {
      expect(await charts.count()).toBe(3);
      for (const chart of await charts.all()) {
        const points = await chart.getAttribute('data-points');
        expect(Number(points)).toBeGreaterThan(0);
        expect(await chart.getAttribute('data-drawn')).toBe(points);
      }
    });
  });

  it('shows a case\'s facts with the phone masked, its steps, and how each deadline was computed, in Chinese', async () => {
    const ann = await signIn('ann');
    await ann.goto(`${platform.runtime.apiUrl}/console/#/cases/${encodeURIComponent(reviewCase)}`);
    const explanation = ann.getByTestId('deadline-order.review');
    await explanation.waitFor();
    expect(await explanation.textContent()).toContain('到期时间 2026-11-30 周一 09:30');
    // Review by 12:15 (batch − 45) for the 13:00 batch.
    expect(await ann.locator('[data-batch-target]').allTextContents()).toContain(' 赶 13:00 揽收 · 12:15 前完成');
    expect(await ann.getByText('可发货时间').count()).toBe(1);
    expect(await ann.getByText('137****0000').count()).toBe(1);
    expect(await ann.getByRole('cell', { name: /已完成/ }).count()).toBeGreaterThan(0);
  });

  it('shows the supervisor each chat agent\'s figures and a late reply in its Beijing hour, and downloads them by keyboard', async () => {
    // li answers conv-ui-1's question after 90 s (a reply breach; the auto-reply greeted in 2 s) and conv-ui-2's in 20 s.
    const chat = (conversationId: string, messageId: string, from: string, hms: string, agentId?: string): Record<string, unknown> => ({ conversationId, messageId, from, sentAt: `2026-11-30T${hms}+08:00`, ...(agentId ? { agentId } : {}) });
    const sent = await platform.storefront('chat.messages', {
      messages: [chat('conv-ui-1', 'c1', 'customer', '09:10:00'), chat('conv-ui-1', 'c2', 'auto', '09:10:02'), chat('conv-ui-1', 'c3', 'agent', '09:11:30', 'li'), chat('conv-ui-2', 'd1', 'customer', '09:20:00'), chat('conv-ui-2', 'd2', 'agent', '09:20:20', 'li')],
    });
    expect(sent.status).toBe(202);
    const boss = await signIn('boss');
    await boss.getByRole('menuitem', { name: /客服会话/ }).click();
    const li = boss.locator('tr[data-agent="li"]');
    await waitFor(() => li.waitFor({ timeout: 200 }));
    const cells = await li.locator('td').allTextContents();
    // agent, conversations, customer messages, greetings in time, replies in time, breaches, first reply p50 / p90, longest wait
    expect(cells).toEqual(['li', '2', '2', '100%', '50%', '1', '20 秒 / 1 分 30 秒', '1 分 30 秒']);

    const hour = boss.locator('tr[data-hour="2026-11-30 09:00"]');
    await hour.waitFor();
    expect(await hour.locator('td').allTextContents()).toEqual(['11-30 周一 09:00–10:00', '1']);
    const heatmap = boss.locator('.ant-card').filter({ hasText: '各时段超时数(北京时间)' }).locator('[data-points]');
    expect(await heatmap.getAttribute('data-points')).toBe('1');
    await waitFor(async () => expect(await heatmap.getAttribute('data-drawn')).toBe('1'));

    await boss.getByRole('heading', { name: '客服会话报表' }).click();
    for (let i = 0; i < 8 && (await boss.evaluate<string>("document.activeElement?.textContent?.replace(/\\s/g, '') ?? ''")) !== '下载CSV'; i++) await boss.keyboard.press('Tab');
    const [download] = await Promise.all([boss.waitForEvent('download'), boss.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('chat-2026-11-24-2026-11-30-agent.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^(\uFEFF)?客服,会话数,顾客消息数,问候及时率\(%\),/);
    expect(csv).toContain('li,2,2,100,50,20,90,20,90,90,1');

    await boss.getByRole('button', { name: 'Switch to English' }).click();
    await boss.getByRole('heading', { name: 'Chat report' }).waitFor();
    expect(await li.locator('td').last().textContent()).toBe('1 min 30 s');
    await boss.getByRole('button', { name: '切换到中文' }).click();
  });

  it('tells a user without the supervisor role, in words, that the chat report is not theirs', async () => {
    const ann = await signIn('ann');
    expect(await ann.getByRole('menuitem', { name: /客服会话/ }).count()).toBe(0);
    await ann.goto(`${platform.runtime.apiUrl}/console/#/chat-report`);
    const alert = ann.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^没有权限:.*chat report/);
    expect(await ann.getByText('所选日期内没有会话').count()).toBe(0);
  });

  it('renders in zh-CN by default and in English after the switch', async () => {
    const ann = await signIn('ann');
    await ann.getByRole('heading', { name: '我的待办' }).waitFor();
    await ann.getByRole('button', { name: 'Switch to English' }).click();
    await ann.getByRole('heading', { name: 'My queue' }).waitFor();
    expect(await ann.getByRole('columnheader', { name: 'On-duty time left' }).count()).toBe(1);
    expect(await ann.getByText(/for the 13:00 pickup/).count()).toBeGreaterThan(0);
    await ann.getByRole('button', { name: '切换到中文' }).click();
    await ann.getByRole('heading', { name: '我的待办' }).waitFor();
  });
});
