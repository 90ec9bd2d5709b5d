import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { STEPS } from '../../../core/lifecycles/steps.ts';
import { runDemo, type DemoResult } from '../../../local/demo/demo.ts';
import { EventTap } from '../../../local/demo/event-tap.ts';
import { reportText } from '../../../local/demo/report.ts';

// A small store day (a few dozen orders over two days) on the real runtime and virtual clock:
// the same code as `npm run demo`, checked for a report that adds up and files that agree with it.
let result: DemoResult;
let robot: EventTap;
const outDir = mkdtempSync(join(tmpdir(), 'demo-out-'));
const progress: string[] = [];

beforeAll(async () => {
  robot = await EventTap.start();
  try {
    result = await runDemo({ manifest, root: process.cwd(), orders: 24, seed: 7, day: '2026-11-30', days: 2, outDir, robotUrl: robot.url, progress: (line) => progress.push(line) });
  } finally {
    await robot.close();
  }
}, 300_000);

describe('npm run demo', () => {
  it('replays the day without a single unexpected failure of the simulated shop or staff', () => {
    expect(result.report.failures).toEqual([]);
    expect(result.report.cases.opened.order).toBeGreaterThanOrEqual(24);
    expect(result.report.webhooks.sent['order.placed']).toBe(24);
    for (const key of Object.keys(result.report.webhooks.refused)) expect(key).toMatch(/^order\.cancel-requested 409$/);
  });

  // Seed l.270 "发货会从**月**日后根据下单先后进行发货"; l.322 "如果亲不急的话可以先下单,我们到时给您发货" (service-standards.md §12).
  it('packs the pre-sale order from its ship date and the backorder once stock.received came, and says so in the report', () => {
    const waits = result.report.shipWaits!;
    expect(waits.presale.caseId).toBe('order-SO-PRESALE-1');
    expect(Date.parse(waits.presale.packOpenedAt!)).toBeGreaterThanOrEqual(Date.parse(waits.presale.shipFrom));
    expect(Date.parse(waits.presale.packOpenedAt!) - Date.parse(waits.presale.shipFrom)).toBeLessThan(60_000);
    expect(Date.parse(waits.backorder.packOpenedAt!)).toBeGreaterThanOrEqual(Date.parse(waits.backorder.receivedAt!));
    expect(result.text).toContain('Pre-sale        order-SO-PRESALE-1 ships from 2026-12-01 09:00; packing opened 2026-12-01 09:00');
    expect(result.text).toContain('Backorder       order-SO-BACKORDER-1 stock.received 2026-12-01 08:30; packing opened 2026-12-01 08:30');
  });

  it('reports per step and per role from GET /reports/sla, with totals that add up', () => {
    const { byStep, byRole } = result.report;
    expect(byStep.rows.length).toBeGreaterThan(3);
    for (const report of [byStep, byRole]) {
      expect(report.rows.reduce((sum, r) => sum + r.count, 0)).toBe(report.total.count);
      expect(report.rows.reduce((sum, r) => sum + r.breaches, 0)).toBe(report.total.breaches);
      for (const row of report.rows) expect(row.onTime + row.breaches).toBe(row.count);
    }
    expect(byRole.total.count).toBe(byStep.total.count);
    for (const row of byStep.rows) expect(Object.keys(STEPS)).toContain(row.group);
    expect(byStep.rows.find((r) => r.group === 'order.review')?.count).toBeGreaterThan(0);
  });

  // Issue 22 item 6: "npm run demo includes … an urgent complaint, and its report shows them".
  it('files one urgent refund dispute, acknowledged within 30 minutes, and reports complaint steps by category', () => {
    const { complaints } = result.report;
    expect(complaints?.urgent).toMatchObject({ caseId: 'complaint-CP-URGENT-1', category: 'refund-dispute', level: 'urgent', acknowledge: { due: '2026-11-30T11:00:00+08:00' } });
    const groups = complaints!.byCategory.map((r) => r.group);
    expect(groups).toContain('refund-dispute');
    for (const g of groups) expect(['refund-dispute', 'quality', 'logistics', 'attitude', 'other']).toContain(g);
    expect(result.text).toContain('urgent complaint-CP-URGENT-1 (refund-dispute, urgent): acknowledge due 11:00');
    expect(result.text).toContain('by category 投诉类别: ');
  });

  it('assigns the ops-cs reviews round-robin to the rostered people of each shift (issue 23), and says so in the report', () => {
    const people = result.team?.people ?? [];
    expect(people).toHaveLength(8);
    for (const shift of ['08:00–14:00', '14:00–20:00']) {
      const counts = people.filter((p) => p.shift === shift).map((p) => p.assigned);
      // Round-robin: nobody of a shift is given two more than another.
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    expect(people.reduce((sum, p) => sum + p.assigned, 0)).toBeGreaterThan(0);
    expect(result.text).toContain('李娜 ops-cs-1');
    expect(result.text).toContain(`steps handed over at a shift end: ${result.team?.handovers ?? -1}`);
  });

  it('counts exceptions from the bus and posts every breach to the group robot it was given', () => {
    const { exceptions } = result.report;
    expect(exceptions.alarmsPosted).toBe(exceptions.slaBreaches);
    // The robot receives alarm messages, each carrying its events.
    const received = robot.events.flatMap((m) => (m as unknown as { events?: { 'detail-type': string }[] }).events ?? []).filter((e) => e['detail-type'] === 'SlaBreached');
    expect(received).toHaveLength(exceptions.slaBreaches);
    expect(result.text).toContain(`${exceptions.slaBreaches} SLA breaches (${exceptions.slaBreaches} posted to the group robot)`);
    // Without a robot, the report says so instead of claiming posts.
    const unposted = reportText({ ...result.report, exceptions: { ...exceptions, alarmsPosted: null } });
    expect(unposted).toContain('no group robot configured');
    expect(unposted).not.toContain('posted to the group robot');
    expect(exceptions.missedPickups).toBeLessThanOrEqual(result.report.byStep.rows.find((r) => r.group === 'order.pickup')?.breaches ?? 0);
  });

  it('lists steps in lifecycle order with their Chinese labels, explains the automatic role and gives on-duty percentiles', () => {
    const lines = result.text.split('\n');
    const at = (text: string): number => lines.findIndex((l) => l.includes(text));
    expect(at('订单审核 Order review (order.review)')).toBeGreaterThan(0);
    expect(at('订单审核 Order review (order.review)')).toBeLessThan(at('打包录串号 Pack and enter serials (order.pack)'));
    expect(at('打包录串号 Pack and enter serials (order.pack)')).toBeLessThan(at('发货 Dispatch (order.dispatch)'));
    expect(lines.find((l) => l.startsWith('step 环节'))).toMatch(/p50 on duty\s+p90 on duty$/);
    expect(at('运营客服 ops-cs')).toBeGreaterThan(0);
    if (result.report.byRole.rows.some((r) => r.group === 'automatic')) expect(at('* automatic 自动: steps the platform completes itself')).toBeGreaterThan(0);
    // Review is ops-cs work inside its 08:00–20:00 day: on-duty minutes never exceed wall-clock ones.
    const review = result.report.byStep.rows.find((r) => r.group === 'order.review')!;
    expect(review.p90OnDutyMinutes).not.toBeNull();
    expect(review.p90OnDutyMinutes!).toBeLessThanOrEqual(review.p90Minutes!);
  });

  it('runs the pre-sale chat through the webhook: every conversation reported, every late answer announced once', () => {
    const { chat } = result.report;
    expect(chat.conversations).toBe(24);
    expect(chat.refused).toEqual({});
    expect(chat.byAgent.reduce((sum, r) => sum + r.conversations, 0)).toBe(chat.conversations);
    // By the end every question is answered, so the report's breaches are exactly the announced ones.
    expect(chat.byAgent.reduce((sum, r) => sum + r.breaches, 0)).toBe(chat.greetingBreaches + chat.replyBreaches);
    expect(chat.replyBreaches).toBeGreaterThan(0);
    expect(result.text).toContain('Pre-sale chat');
  });

  it('measures the AWS usage the cost estimate is computed from', () => {
    const { usage, costPer1000Orders } = result.report;
    expect(usage.stateTransitions).toBeGreaterThanOrEqual(9 * 10);
    expect(usage.lambda['open-step']?.invocations).toBeGreaterThanOrEqual(result.report.byStep.total.count);
    expect(usage.dynamoDb.writeUnits).toBeGreaterThan(usage.dynamoDb.writeRequests - 1);
    const stepFunctions = costPer1000Orders.lines.find((l) => l.item === 'Step Functions state transitions')!;
    expect(stepFunctions.per1000Orders).toBeCloseTo((usage.stateTransitions / 24) * 1000, 6);
    expect(costPer1000Orders.totalUsd).toBeCloseTo(costPer1000Orders.lines.reduce((sum, l) => sum + l.usd, 0), 9);
  });

  it('writes the JSON, both CSVs and the chart, agreeing with the printed table', () => {
    const { files, report, text } = result;
    for (const path of Object.values(files)) expect(existsSync(path)).toBe(true);
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual(report);
    const csv = readFileSync(files.csvByStep, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('step,count,onTime,onTimePct,p50Minutes,p90Minutes,p50OnDutyMinutes,p90OnDutyMinutes,breaches,openBreaches,open,completed');
    expect(csv).toHaveLength(report.byStep.rows.length + 1);
    expect(readFileSync(files.csvByRole, 'utf8').trim().split('\r\n')).toHaveLength(report.byRole.rows.length + 1);
    const svg = readFileSync(files.chart, 'utf8');
    for (const row of report.byStep.rows.filter((r) => r.onTimePct !== null)) expect(svg).toContain(`(${row.group})</text>`);
    expect(text).toContain('all 合计');
    expect(text).toContain(`${report.exceptions.missedPickups} missed pickups`);
  });

  it('draws the week\'s quality checks, scores six and closes with the scorecards per person, also as CSV for Excel', () => {
    expect(result.text).toMatch(/Scorecards 考核 · week of 2026-11-30 · \d+ quality checks drawn, 6 scored/);
    const csv = readFileSync(join(outDir, 'people-scorecards.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF人员,周期,')).toBe(true);
    // Staff of the demo (e.g. ops-cs-1) have cards with a score.
    expect(csv.split('\r\n').some((line) => /^ops-cs-\d+,2026-11-30,/.test(line))).toBe(true);
  });

  it('prints a progress line for every simulated hour', () => {
    expect(progress).toHaveLength(48);
    expect(progress.at(-1)).toMatch(/^2026-12-02 00:00 Shanghai · \d+\/24 orders/);
  });
});

describe('npm run demo: the hold and the priority order (service-standards.md §12)', () => {
  // Seed l.266 "主管和经理同意把这个产品给您留一天…(如果到时没有付款,客服进行旺旺及电话跟进。)" and l.308 "我们会在今天为您安排寄出".
  it('holds the unpaid order a day on both approvals, follows it up when the day ends, and plans the priority order for that day’s 17:00 batch', () => {
    const tally = result.report.holdAndPriority!;
    expect(tally.hold.decisions).toEqual(['supervisor approved', 'manager approved']);
    expect(tally.hold.heldUntil).toBe('2026-12-01T11:10:00+08:00');
    expect(tally.hold.followUp).toBe('completed (followed-up)');
    expect(tally.hold.status).toBe('open, paid and reviewed');
    expect(tally.priority.plannedPickupAt).toBe('2026-11-30T17:00:00+08:00');
    expect(tally.priority.pickup).toBe('2026-11-30T17:00:00+08:00');
    expect(result.text).toContain('Hold 留货 / priority 优先');
  });
});
