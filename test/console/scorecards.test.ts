/**
 * Scorecards (考核) and the quality-check queue (质检) in Debian's Chromium against the real local
 * runtime (issue 23): a complaint handler reads her own card and opens its score's components; the
 * supervisor scores a check drawn by the Monday schedule with the 1–5 form and sees it join the cards.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { HOUR, TestPlatform } from '../e2e/platform.ts';
import { launchChromium, signInPage } from './browser.ts';

const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
const PASSWORD = 'correct horse battery';
const UI = { timeout: 20_000 };

let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  const site = await ensureConsoleBuild(process.cwd());
  platform = await TestPlatform.start(MONDAY_0905, { localRoutes: consoleSite(site.dir) });
  const accounts = new AccountStore(accountsPath(platform.dataDir), ['complaint-handler', 'supervisor'], () => platform.clock.now());
  await accounts.add('hana', ['complaint-handler'], PASSWORD);
  await accounts.add('boss', ['supervisor'], PASSWORD);
  // hana handles a complaint and calls back (score 4); li answers a chat.
  const { caseId } = await platform.storefront('complaint.filed', { complaintId: 'C-UI-1', customer: { name: '王芳', phone: '13700000000' }, text: '快递太慢' });
  const hana = platform.staff('hana', ['complaint-handler']);
  await platform.complete(hana, caseId!, 'complaint.acknowledge');
  await platform.complete(hana, caseId!, 'complaint.investigate');
  await platform.complete(hana, caseId!, 'complaint.resolve', { outcome: 'upheld', fields: { remedy: 'compensation' } });
  await platform.advance(HOUR);
  await platform.complete(hana, caseId!, 'complaint.callback', { fields: { score: 4 } });
  const sent = (hms: string) => new Date(Date.parse(`2026-11-30T${hms}+08:00`)).toISOString();
  await platform.storefront('chat.messages', {
    messages: [
      { conversationId: 'ui-1', messageId: 'm1', from: 'customer', sentAt: sent('10:06:00'), text: '在吗' },
      { conversationId: 'ui-1', messageId: 'm2', from: 'agent', sentAt: sent('10:06:10'), agentId: 'li', text: '在的' },
    ],
  });
  // The week ends; the Monday 06:00 schedule draws it into the QA queue.
  await platform.advanceTo('2026-12-07T09:00:00+08:00');
  browser = await launchChromium({ timezoneId: 'UTC' });
  browser.setDefaultTimeout(UI.timeout);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('Scorecards and quality checks in the console', () => {
  it('shows a complaint handler her own card only, and what her score is made of', async () => {
    const page = await signInPage(browser, platform.runtime.apiUrl, 'hana', PASSWORD, { width: 1400, height: 900 });
    await page.goto(`${platform.runtime.apiUrl}/console/scorecards`);
    await page.getByRole('heading', { name: '我的记分卡' }).waitFor();
    const row = page.getByRole('row', { name: /hana 2026-11/ });
    await row.waitFor();
    expect(await page.getByRole('row', { name: / li 2026-11/ }).count()).toBe(0);
    // 4 steps on time (40 of 40), callback 4 of 4.5 (17.78 of 20), no breach (10 of 10); no chat: 100 × 67.78 / 70 = 96.8.
    expect(await row.textContent()).toContain('96.8');
    await row.click();
    const components = page.getByRole('table', { name: '得分构成' });
    await components.waitFor();
    expect(await components.getByRole('row', { name: /回访满意度/ }).textContent()).toContain('17.78 / 20');
    expect(await components.getByRole('row', { name: /聊天回复及时率/ }).textContent()).toContain('无数据,不计入');
    await page.close();
  }, 120_000);

  it('lets the supervisor score a drawn check 1–5 per criterion, stored and joined to the cards', async () => {
    const page = await signInPage(browser, platform.runtime.apiUrl, 'boss', PASSWORD, { width: 1400, height: 900 });
    await page.goto(`${platform.runtime.apiUrl}/console/qa`);
    await page.getByRole('heading', { name: '质检队列' }).waitFor();
    const liRow = page.getByRole('row', { name: /^li / });
    await liRow.waitFor();
    await liRow.getByRole('button', { name: /评\s*分/ }).click();
    const dialog = page.getByRole('dialog', { name: /评分 · li/ });
    for (const rate of await dialog.locator('.ant-rate').all()) await rate.locator('.ant-rate-star').nth(3).click();
    await dialog.getByRole('textbox').fill('回复礼貌');
    await dialog.getByRole('button', { name: '提交评分' }).click();
    await page.getByText('评分已保存').waitFor();

    const scored = await platform.staff('boss', ['supervisor']).call<{ items: { person: string; score: { scores: Record<string, number>; note: string; scoredBy: string } }[] }>('GET', '/qa?status=scored');
    expect(scored.body.items).toMatchObject([{ person: 'li', score: { scores: { courtesy: 4, expertise: 4, accuracy: 4 }, note: '回复礼貌', scoredBy: 'boss' } }]);

    await page.goto(`${platform.runtime.apiUrl}/console/scorecards`);
    await page.getByRole('heading', { name: '考核记分卡' }).waitFor();
    await page.getByRole('row', { name: /hana 2026-11/ }).waitFor();
    expect(await page.getByRole('row', { name: / li 2026-11/ }).textContent()).toContain('4 (1)');
    await page.close();
  }, 120_000);
});
