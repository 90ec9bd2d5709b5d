import { afterEach, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
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
  it('warns at 80 % of its 30 minutes, breaches at 30, escalates to the supervisor and posts the breach to the group robot once', async () => {
    platform = await TestPlatform.start('2026-11-30T09:05:00+08:00');
    const caseId = await placeOrder(platform, 'SO-LATE');

    await platform.advanceTo('2026-11-30T09:28:00+08:00');
    expect(platform.bus.forCase('SlaWarning', caseId)).toHaveLength(0);
    await platform.advanceTo('2026-11-30T09:29:00+08:00');
    expect(platform.bus.forCase('SlaWarning', caseId)).toHaveLength(1);
    expect(platform.robot.events).toHaveLength(0);

    await platform.advanceTo('2026-11-30T09:36:00+08:00');
    const breaches = platform.robot.forCase('SlaBreached', caseId);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.detail).toMatchObject({ caseId, step: 'order.review' });
    expect(platform.robot.events.every((e) => e['detail-type'] === 'SlaBreached')).toBe(true);

    const queue = await platform.staff('sam', ['supervisor']).queue();
    expect(queue.find((i) => i.caseId === caseId)).toMatchObject({ step: 'order.review', status: 'breached', escalatedTo: 'supervisor' });

    // The sweep runs every 5 minutes: an hour later the breach has still been raised only once.
    await platform.advance(60 * MINUTE);
    expect(platform.robot.forCase('SlaBreached', caseId)).toHaveLength(1);
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
      'order.review': [platform.staff('olivia', ['ops-cs']), { outcome: 'confirmed' }],
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
