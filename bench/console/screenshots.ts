// npm run docs:console-screenshots — the README's pictures of the console (docs/console/*.png):
// a Monday morning on the real runtime with a VirtualClock — orders reviewed on time and late, one
// paused, and a morning's pre-sale chats — seen by ops-cs (queue, case page) and the supervisor
// (board, SLA report, chat report); the reveal action, a search and the queue at phone width.
import { mkdirSync } from 'node:fs';
import { orderPlaced } from '../../test/support/orders.ts';
import { confirmedChecklist } from '../../test/support/checklists.ts';
import { launchChromium, signedInTab, startConsoleRig } from './rig.ts';

const MINUTE = 60_000;
const OUT = 'docs/console';
/** In the page (a string: this file compiles without the DOM types): all three charts have drawn their data (report-charts.tsx). */
const CHARTS_DRAWN = `(() => {
  const charts = [...document.querySelectorAll('figure [data-points]')];
  return charts.length === 3 && charts.every((chart) => Number(chart.dataset.points) > 0 && chart.dataset.drawn === chart.dataset.points);
})()`;

/** In the page: the chat report's heat map has drawn its hours (chat-heatmap.tsx). */
const HEATMAP_DRAWN = `(() => {
  const chart = document.querySelector('[aria-labelledby="chat-report-title"] [data-points]');
  return chart !== null && Number(chart.dataset.points) > 0 && chart.dataset.drawn === chart.dataset.points;
})()`;

const rig = await startConsoleRig('2026-11-30T08:40:00+08:00');
const browser = await launchChromium({ timezoneId: 'Asia/Shanghai' });
try {
  await rig.addAccount('ann', ['ops-cs']);
  await rig.addAccount('boss', ['supervisor']);
  const ann = rig.client.staff('ann', ['ops-cs']);
  const tom = rig.client.staff('tom', ['terminal-admin']);
  const place = async (n: number): Promise<string> => {
    const answer = await rig.client.storefront('order.placed', orderPlaced(`SO-20261130-${n}`, rig.clock.now()));
    await rig.runtime.settle();
    return answer.body.caseId as string;
  };
  const done = [await place(1), await place(2), await place(3)];
  for (const caseId of done) await ann.complete(caseId, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
  await rig.runtime.settle();
  await tom.complete(done[0] as string, 'order.pack', { fields: { serialNumbers: ['SN-860001'], invoiceNo: 'INV-0001' } });
  await rig.advance(12 * MINUTE);
  await place(4);
  await rig.advance(8 * MINUTE);
  const paused = await place(5);
  await ann.call('POST', `/cases/${paused}/steps/order.review/pause`, { reason: '客户要求 10 点后回电 customer asked for a call after 10:00' });
  await rig.advance(6 * MINUTE);
  await place(6);
  await place(7);
  await rig.advance(18 * MINUTE); // 09:24: the first of them warned, the 08:52 one breached
  // Pre-sale chats that morning: li and wang answer, some late; one question nobody answers.
  const chat = (conversationId: string, messageId: string, from: 'customer' | 'agent' | 'auto', hms: string, agentId?: string): Record<string, unknown> => ({ conversationId, messageId, from, sentAt: `2026-11-30T${hms}+08:00`, ...(agentId ? { agentId } : {}) });
  await rig.client.storefront('chat.messages', {
    messages: [
      ...[chat('c1', '1', 'customer', '08:41:00'), chat('c1', '2', 'auto', '08:41:01'), chat('c1', '3', 'agent', '08:41:40', 'li')],
      ...[chat('c2', '1', 'customer', '08:45:00'), chat('c2', '2', 'agent', '08:45:20', 'wang'), chat('c2', '3', 'customer', '08:46:00'), chat('c2', '4', 'agent', '08:47:30', 'wang')],
      ...[chat('c3', '1', 'customer', '08:58:00'), chat('c3', '2', 'agent', '08:58:50', 'li')],
      ...[chat('c4', '1', 'customer', '09:05:00'), chat('c4', '2', 'auto', '09:05:02'), chat('c4', '3', 'agent', '09:05:25', 'wang'), chat('c4', '4', 'customer', '09:06:00'), chat('c4', '5', 'agent', '09:08:10', 'wang')],
      ...[chat('c5', '1', 'customer', '09:15:00'), chat('c5', '2', 'auto', '09:15:01')],
      ...[chat('c6', '1', 'customer', '09:18:00'), chat('c6', '2', 'agent', '09:18:12', 'li')],
    ],
  });
  await rig.runtime.settle();

  mkdirSync(OUT, { recursive: true });
  const annTab = await signedInTab(browser, rig, 'ann');
  await annTab.locator('tr[data-case]').first().waitFor();
  await annTab.screenshot({ path: `${OUT}/queue.png` });
  await annTab.goto(`${rig.runtime.apiUrl}/console/#/cases/${encodeURIComponent(done[0] as string)}`);
  await annTab.getByTestId('deadline-order.review').waitFor();
  await annTab.screenshot({ path: `${OUT}/case.png`, fullPage: true });

  // 拨打 / reveal on the paused review (ann's role has a step open there), then the header search by phone tail.
  await annTab.goto(`${rig.runtime.apiUrl}/console/#/cases/${encodeURIComponent(paused)}`);
  await annTab.getByRole('button', { name: /拨打 \/ 查看号码/ }).click();
  await annTab.getByRole('link', { name: /^拨打 1/ }).waitFor();
  await annTab.screenshot({ path: `${OUT}/reveal.png` });
  const search = annTab.getByRole('searchbox', { name: '搜索工单' });
  await search.fill('0000');
  await search.press('Enter');
  await annTab.locator('tr[data-case]').first().waitFor();
  await annTab.screenshot({ path: `${OUT}/search.png` });
  // The queue at phone width (390×844, touch), as an alarm link opens it in DingTalk / WeCom.
  const phone = await launchChromium({ timezoneId: 'Asia/Shanghai', phone: true });
  try {
    const phoneTab = await signedInTab(phone, rig, 'ann');
    await phoneTab.locator('[data-case][data-step]').first().waitFor();
    await phoneTab.screenshot({ path: `${OUT}/phone-queue.png` });
  } finally {
    await phone.close();
  }

  const bossTab = await signedInTab(browser, rig, 'boss');
  await bossTab.getByRole('menuitem', { name: /主管看板/ }).click();
  // The escalations card (board.escalated) with the 08:52 order's breach escalated to level 1.
  await bossTab.getByText('升级处理(按级别)').waitFor();
  await bossTab.getByText(/1 级/).first().waitFor();
  await bossTab.screenshot({ path: `${OUT}/board.png`, fullPage: true });
  await bossTab.getByRole('menuitem', { name: /报表/ }).click();
  // The charts draw once their two report queries have answered: wait until each has drawn its data
  // (a SPA route change is no navigation, so 'networkidle' says nothing about these reads).
  await bossTab.waitForFunction(CHARTS_DRAWN);
  await bossTab.screenshot({ path: `${OUT}/report.png`, fullPage: true });
  // By its route: a supervisor's menu may fold its last items under "⋯" on a narrower screen.
  await bossTab.goto(`${rig.runtime.apiUrl}/console/#/chat-report`);
  await bossTab.getByRole('heading', { name: '客服会话报表' }).waitFor();
  await bossTab.waitForFunction(HEATMAP_DRAWN);
  await bossTab.screenshot({ path: `${OUT}/chat-report.png`, fullPage: true });
  process.stdout.write(`wrote ${OUT}/queue.png, case.png, reveal.png, search.png, phone-queue.png, board.png, report.png, chat-report.png\n`);
} finally {
  await browser.close();
  await rig.stop();
}
