import { afterEach, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { confirmedChecklist } from '../support/checklists.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// Time-driven behaviour on the real runtime with a virtual clock: SLA timers raising warnings and
// breaches that reach the group robot, and the pickup schedule (10:00, 13:00, 17:00, Mon–Sat).
let platform: TestPlatform | undefined;
afterEach(() => platform?.stop());

async function placeOrder(p: TestPlatform, orderId: string): Promise<string> {
  const { status, caseId } = await p.storefront('order.placed', orderPlaced(orderId, p.clock.now(), { paymentChannel: 'bank-card' }));
  expect(status).toBe(202);
  return caseId!;
}

describe('an order review nobody does', () => {
  it('warns at 80 % of its 30 minutes, breaches at 30, escalates to the supervisor, and the signed DingTalk robot posts one Chinese message for each', async () => {
    platform = await TestPlatform.start('2026-11-30T09:05:00+08:00');
    const caseId = await placeOrder(platform, 'SO-LATE');

    await platform.advanceTo('2026-11-30T09:28:00+08:00');
    expect(platform.bus.forCase('SlaWarning', caseId)).toHaveLength(0);
    await platform.advanceTo('2026-11-30T09:29:00+08:00');
    expect(platform.bus.forCase('SlaWarning', caseId)).toHaveLength(1);
    // The digest window: the warning reaches the group 30 seconds later.
    expect(platform.robot.texts()).toHaveLength(0);
    await platform.advanceTo('2026-11-30T09:30:00+08:00');
    expect(platform.robot.texts()).toEqual([expect.stringContaining('【SLA告警】即将超时:订单审核 order.review')]);
    expect(platform.robot.texts()[0]).toContain('截止 11-30 09:35,还剩 5 分钟');

    await platform.advanceTo('2026-11-30T09:36:00+08:00');
    const breach = platform.robot.texts()[1]!;
    expect(platform.robot.texts()).toHaveLength(2);
    for (const text of ['【SLA告警】超时:订单审核 order.review', '订单 SO-LATE', `工单 ${caseId}`, '角色: 运营客服 ops-cs', '截止 11-30 09:35,已超时 0 分钟', '已升级至: 主管 supervisor', `/console/cases/${caseId}`]) {
      expect(breach).toContain(text);
    }
    expect(platform.robot.answers.every((a) => (a.body as { errcode?: number }).errcode === 0)).toBe(true);

    const queue = await platform.staff('sam', ['supervisor']).queue();
    expect(queue.find((i) => i.caseId === caseId)).toMatchObject({ step: 'order.review', status: 'breached', escalatedTo: { role: 'supervisor', level: 1 } });

    // The sweep runs every 5 minutes: an hour later the breach has still been posted only once.
    await platform.advance(60 * MINUTE);
    expect(platform.robot.texts().filter((t) => t.includes('】超时:订单审核'))).toHaveLength(1);
  }, 120_000);
});

describe('the pickup schedule', () => {
  it('runs batches at 10:00, 13:00 and 17:00 on Saturday, none on Sunday, and hands Saturday evening parcels over on Monday at 10:00', async () => {
    platform = await TestPlatform.start('2026-12-05T09:00:00+08:00');
    const batches = (): number => platform!.runtime.usage().functions['pickup-batch']?.invocations ?? 0;

    await platform.advanceTo('2026-12-05T09:59:00+08:00');
    expect(batches()).toBe(0);
    await platform.advanceTo('2026-12-05T10:00:30+08:00');
    expect(batches()).toBe(1);
    await platform.advanceTo('2026-12-05T17:30:00+08:00');
    expect(batches()).toBe(3);

    const caseId = await placeOrder(platform, 'SO-SAT-EVENING');
    const staff = {
      'order.review': [platform.staff('olivia', ['ops-cs']), { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') }],
      'order.pack': [platform.staff('tom', ['terminal-admin']), { fields: { serialNumbers: ['SN-SAT'], invoiceNo: 'INV-SAT' } }],
      'order.crm-bind': [platform.staff('carl', ['crm-admin']), { fields: { bindings: [] } }],
      'order.dispatch': [platform.staff('pia', ['picker']), { fields: { carrier: 'SF', trackingNo: 'SF-SAT' } }],
    } as const;
    for (const [step, [who, body]] of Object.entries(staff)) {
      await platform.advance(3 * MINUTE);
      await platform.complete(who, caseId, step, body);
    }
    const waiting = (await platform.view(caseId)).steps.find((s) => s.step === 'order.pickup');
    expect(waiting).toMatchObject({ status: 'open', due: '2026-12-07T10:00:00+08:00' });

    await platform.advanceTo('2026-12-06T23:59:00+08:00');
    expect(batches()).toBe(3);
    await platform.advanceTo('2026-12-07T10:00:30+08:00');
    expect(batches()).toBe(4);
    const handedOver = (await platform.view(caseId)).steps.find((s) => s.step === 'order.pickup');
    expect(handedOver).toMatchObject({ status: 'completed', completedAt: '2026-12-07T10:00:00+08:00', onTime: true });
    expect(platform.bus.forCase('PickupMissed', caseId)).toHaveLength(0);
  }, 120_000);
});
