import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import type { Delivered } from '../support/robots/platform.ts';
import { TestPlatform } from './platform.ts';

// Monday 09:00 on the real runtime with a virtual clock: every review of the night falls due at
// once. DingTalk takes 20 messages a minute per robot and then blocks it for 10 minutes, answering
// HTTP 200 with errcode 130101; the fake robot enforces exactly that (test/support/robots/dingtalk.ts).
let platform: TestPlatform;
const caseIds: string[] = [];

beforeAll(async () => {
  // Placed before the 08:00 shift: each review is due by 09:00 (service-standards.md §2).
  platform = await TestPlatform.start('2026-11-30T07:00:00+08:00');
  // Forty storefront webhooks at once, as a night's orders arrive in one burst.
  const orderIds = Array.from({ length: 40 }, (_, i) => `SO-NIGHT-${String(i + 1).padStart(2, '0')}`);
  const answers = await Promise.all(orderIds.map((orderId) => platform.client.storefront('order.placed', orderPlaced(orderId, platform.clock.now()))));
  await platform.runtime.settle();
  for (const answer of answers) {
    expect(answer.status).toBe(202);
    caseIds.push(answer.body.caseId as string);
  }
}, 120_000);
afterAll(() => platform?.stop());

const breachMessages = (): Delivered[] => platform.robot.delivered.filter((d) => d.text.includes('【SLA告警】') && d.text.includes('超时') && !d.text.includes('即将超时'));

/** The most messages the robot took within any 60 seconds. */
function busiestMinute(delivered: readonly Delivered[]): number {
  return Math.max(0, ...delivered.map((d) => delivered.filter((other) => other.at > d.at - 60_000 && other.at <= d.at).length));
}

describe('forty overnight reviews breaching at 09:00', () => {
  it('reach the group as digests the robot never refuses, no more than 20 a minute, together naming all forty cases with their due time', async () => {
    await platform.advanceTo('2026-11-30T09:05:00+08:00');
    expect(platform.bus.ofType('SlaBreached')).toHaveLength(40);
    const messages = breachMessages();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThan(40);
    expect(messages[0]!.text).toContain('【SLA告警】09:00 有 40 个订单审核超时');
    for (const caseId of caseIds) expect(messages.some((m) => m.text.includes(`工单 ${caseId} · 截止 11-30 09:00`)), caseId).toBe(true);
    expect(busiestMinute(platform.robot.delivered)).toBeLessThanOrEqual(20);
    expect(platform.robot.answers.map((a) => (a.body as { errcode?: number }).errcode)).toEqual(platform.robot.answers.map(() => 0));
    // The warnings at 08:48 came as digests too.
    expect(platform.robot.delivered.filter((d) => d.text.includes('即将超时')).length).toBeLessThan(40);
  }, 120_000);

  it('a robot answering its rate-limit errcode receives the breach later, exactly once', async () => {
    const { caseId } = await platform.storefront('order.placed', orderPlaced('SO-BLOCKED', platform.clock.now()));
    await platform.advanceTo('2026-11-30T09:31:00+08:00');
    // DingTalk's 10-minute block, as if another system had flooded this robot.
    platform.robot.blockUntil(Date.parse('2026-11-30T09:45:00+08:00'));
    await platform.advanceTo('2026-11-30T09:44:00+08:00');
    const mine = () => platform.robot.texts().filter((t) => t.includes(`工单 ${caseId!}`) && t.includes('】超时'));
    expect(mine()).toHaveLength(0);
    expect(platform.robot.answers.some((a) => (a.body as { errcode?: number }).errcode === 130101)).toBe(true);
    await platform.advanceTo('2026-11-30T10:30:00+08:00');
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toContain('截止 11-30 09:35');
  }, 120_000);
});
