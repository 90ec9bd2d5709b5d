import { afterEach, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// Clocks that start at the right moment (issue 20 items 1, 2 and 7), each through a whole lifecycle
// on the real runtime with a virtual clock: staff act through the API, the pickup schedule runs.
// 2026-11-30 is a Monday; all times are Asia/Shanghai.
let platform: TestPlatform | undefined;
afterEach(() => platform?.stop());

const at = (iso: string): string => new Date(iso).toISOString();

async function stepOf(p: TestPlatform, caseId: string, step: string) {
  const found = (await p.view(caseId)).steps.find((s) => s.step === step);
  if (!found) throw new Error(`${caseId} has no ${step}`);
  return found;
}

/** Pack, bind and dispatch, each at the given time. */
async function handOver(p: TestPlatform, caseId: string, times: { pack: string; bind: string; dispatch: string }): Promise<void> {
  await p.advanceTo(times.pack);
  await p.complete(p.staff('tom', ['terminal-admin']), caseId, 'order.pack', { fields: { serialNumbers: [`SN-${caseId}`], invoiceNo: `INV-${caseId}` } });
  await p.advanceTo(times.bind);
  await p.complete(p.staff('carl', ['crm-admin']), caseId, 'order.crm-bind', { fields: { bindings: [] } });
  await p.advanceTo(times.dispatch);
  await p.complete(p.staff('pia', ['picker']), caseId, 'order.dispatch', { fields: { carrier: 'SF', trackingNo: `SF-${caseId}` } });
}

describe('an order placed unpaid and paid the next afternoon (service-standards.md §2–§3)', () => {
  // "您5点之前付款以后我们今天就能发出去了哦" (seed l.208–210): the promise runs from the payment.
  it('is reviewed from the payment, planned for that day\'s 17:00 batch with its batch targets, and handed over on time without PickupMissed', async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00');
    const { status, caseId } = await platform.storefront('order.placed', orderPlaced('SO-PAID-TUE', platform.clock.now(), { paid: false }));
    expect(status).toBe(202);

    await platform.advanceTo('2026-12-01T15:00:00+08:00');
    expect((await platform.storefront('order.paid', { orderId: 'SO-PAID-TUE', paidAt: '2026-12-01T15:00:00+08:00' })).status).toBe(202);

    const view = await platform.view(caseId!);
    expect(view.readyAt).toBe('2026-12-01T15:00:00+08:00');
    // Review 30 min after the payment; the 17:00 batch is 2 h away (≥ pickup.leadMinutes): review by 17:00 − 45.
    expect(await stepOf(platform, caseId!, 'order.review')).toMatchObject({ due: '2026-12-01T15:30:00+08:00', plannedPickupAt: '2026-12-01T17:00:00+08:00', batchTargetAt: '2026-12-01T16:15:00+08:00' });

    await platform.advanceTo('2026-12-01T15:10:00+08:00');
    await platform.complete(platform.staff('olivia', ['ops-cs']), caseId!, 'order.review', { outcome: 'confirmed' });
    expect(await stepOf(platform, caseId!, 'order.pack')).toMatchObject({ due: '2026-12-01T16:10:00+08:00', batchTargetAt: '2026-12-01T16:45:00+08:00' });
    await handOver(platform, caseId!, { pack: '2026-12-01T15:40:00+08:00', bind: '2026-12-01T15:45:00+08:00', dispatch: '2026-12-01T15:48:00+08:00' });
    expect(await stepOf(platform, caseId!, 'order.pickup')).toMatchObject({ status: 'open', due: '2026-12-01T17:00:00+08:00' });

    await platform.advanceTo('2026-12-01T17:00:30+08:00');
    expect(await stepOf(platform, caseId!, 'order.pickup')).toMatchObject({ status: 'completed', completedAt: '2026-12-01T17:00:00+08:00', onTime: true });
    expect(platform.bus.forCase('PickupMissed', caseId!)).toEqual([]);
    expect(platform.bus.forCase('PickupAtRisk', caseId!)).toEqual([]);
    // Only the payment follow-ups nobody made breached; no step from the payment on, nor the handover promise.
    expect(platform.bus.forCase('SlaBreached', caseId!).map((e) => e.detail.step)).toEqual(['order.payment', 'order.payment']);
  }, 180_000);
});

describe('a complaint (service-standards.md §7)', () => {
  // "前一晚及当日的投诉留言,致电客户进行详细调查" (seed l.608): called back the day it arrived.
  it('left Monday 16:30 and acknowledged Tuesday morning is due for investigation Monday 17:00, and breaches then', async () => {
    platform = await TestPlatform.start('2026-11-30T16:30:00+08:00');
    const { caseId } = await platform.storefront('complaint.filed', { complaintId: 'C-MON-1630', customer: { name: '王芳', phone: '13700000000' }, text: '快递太慢' });
    // One hour of complaint-handler time: 16:30–17:00, then 09:00–09:30 on Tuesday.
    expect(await stepOf(platform, caseId!, 'complaint.acknowledge')).toMatchObject({ due: '2026-12-01T09:30:00+08:00' });

    await platform.advanceTo('2026-12-01T09:10:00+08:00');
    const handler = platform.staff('hana', ['complaint-handler']);
    await platform.complete(handler, caseId!, 'complaint.acknowledge');
    await platform.advance(2 * MINUTE);
    expect(await stepOf(platform, caseId!, 'complaint.investigate')).toMatchObject({ due: '2026-11-30T17:00:00+08:00', status: 'breached' });
    expect(platform.bus.forCase('SlaBreached', caseId!).map((e) => e.detail.step)).toEqual(['complaint.investigate']);
  }, 180_000);

  it('left the night before (filedAt) and arriving in the morning runs its whole lifecycle on the times the spec gives', async () => {
    platform = await TestPlatform.start('2026-12-01T08:00:00+08:00');
    const { caseId } = await platform.storefront('complaint.filed', { complaintId: 'C-MON-2100', customer: { name: '王芳', phone: '13700000000' }, text: '快递太慢', filedAt: '2026-11-30T21:00:00+08:00' });
    const view = await platform.view(caseId!);
    expect(view.data.filedAt).toBe('2026-11-30T21:00:00+08:00');
    // Left off duty: the hour counts from 09:00; the investigation by 17:00 of the day it arrived in.
    expect(await stepOf(platform, caseId!, 'complaint.acknowledge')).toMatchObject({ due: '2026-12-01T10:00:00+08:00' });
    const handler = platform.staff('hana', ['complaint-handler']);
    await platform.advanceTo('2026-12-01T09:20:00+08:00');
    await platform.complete(handler, caseId!, 'complaint.acknowledge');
    expect(await stepOf(platform, caseId!, 'complaint.investigate')).toMatchObject({ due: '2026-12-01T17:00:00+08:00' });
    await platform.advanceTo('2026-12-01T16:00:00+08:00');
    await platform.complete(handler, caseId!, 'complaint.investigate');
    // 24 h of handler time after the investigation: 1 h on Tuesday, 8 h a day after → Friday 16:00.
    expect(await stepOf(platform, caseId!, 'complaint.resolve')).toMatchObject({ due: '2026-12-04T16:00:00+08:00' });
    await platform.advanceTo('2026-12-02T10:00:00+08:00');
    await platform.complete(handler, caseId!, 'complaint.resolve', { outcome: 'not-upheld', fields: { explanation: '物流延误已解释' } });
    // 2 working days after Wednesday: by the end of Friday.
    expect(await stepOf(platform, caseId!, 'complaint.callback')).toMatchObject({ due: '2026-12-05T00:00:00+08:00' });
    await platform.advanceTo('2026-12-03T10:00:00+08:00');
    await platform.complete(handler, caseId!, 'complaint.callback', { fields: { score: 5 } });

    const closed = await platform.view(caseId!);
    expect(closed.status).toBe('completed');
    expect(closed.steps.map((s) => [s.step, s.onTime])).toEqual([
      ['complaint.acknowledge', true],
      ['complaint.investigate', true],
      ['complaint.resolve', true],
      ['complaint.callback', true],
    ]);
    expect(platform.bus.forCase('SlaBreached', caseId!)).toEqual([]);
  }, 180_000);
});

describe('batch targets (service-standards.md §2 "Batch targets")', () => {
  // Step limits "1小时内完成货品包装" (l.370), "10分钟内绑定" (l.386), "5分钟内录入物流编号" (l.400) are maxima;
  // the batch "当日9:00--13:00的订单,物流13:00统一取货" (l.462) is the promise.
  it('raises PickupAtRisk once when packing passes its target, and the parcel still making its 13:00 batch is no PickupMissed', async () => {
    platform = await TestPlatform.start('2026-11-30T09:05:00+08:00');
    const { caseId } = await platform.storefront('order.placed', orderPlaced('SO-RISK', platform.clock.now()));
    expect(await stepOf(platform, caseId!, 'order.review')).toMatchObject({ plannedPickupAt: '2026-11-30T13:00:00+08:00', batchTargetAt: '2026-11-30T12:15:00+08:00' });
    await platform.advanceTo('2026-11-30T09:20:00+08:00');
    await platform.complete(platform.staff('olivia', ['ops-cs']), caseId!, 'order.review', { outcome: 'confirmed' });

    const queue = await platform.staff('tom', ['terminal-admin']).queue();
    expect(queue.find((i) => i.caseId === caseId)).toMatchObject({ step: 'order.pack', plannedPickupAt: '2026-11-30T13:00:00+08:00', batchTargetAt: '2026-11-30T12:45:00+08:00', batchTargetRemainingMinutes: 205 });

    await platform.advanceTo('2026-11-30T12:44:00+08:00');
    expect(platform.bus.forCase('PickupAtRisk', caseId!)).toEqual([]);
    await platform.advanceTo('2026-11-30T12:46:00+08:00');
    expect(platform.bus.forCase('PickupAtRisk', caseId!).map((e) => e.detail)).toEqual([expect.objectContaining({ step: 'order.pack', batchTargetAt: at('2026-11-30T12:45:00+08:00'), plannedPickupAt: at('2026-11-30T13:00:00+08:00') })]);
    await platform.advanceTo('2026-11-30T12:47:00+08:00');
    expect(platform.robot.texts().some((t) => t.includes('可能赶不上揽收') && t.includes('应于 11-30 12:45 前完成以赶 13:00 揽收'))).toBe(true);

    await handOver(platform, caseId!, { pack: '2026-11-30T12:48:00+08:00', bind: '2026-11-30T12:52:00+08:00', dispatch: '2026-11-30T12:58:00+08:00' });
    await platform.advanceTo('2026-11-30T13:00:30+08:00');
    expect(await stepOf(platform, caseId!, 'order.pickup')).toMatchObject({ status: 'completed', onTime: true });
    expect(platform.bus.forCase('PickupAtRisk', caseId!)).toHaveLength(1);
    expect(platform.bus.forCase('PickupMissed', caseId!)).toEqual([]);
  }, 180_000);

  it('plans an order ready less than pickup.leadMinutes before a batch for the following batch, and the case says why', async () => {
    platform = await TestPlatform.start('2026-11-30T12:10:00+08:00');
    const { caseId } = await platform.storefront('order.placed', orderPlaced('SO-NOON', platform.clock.now()));
    const view = await platform.view(caseId!);
    expect(view.timeline.find((e) => e.kind === 'pickup.deferred')?.detail).toEqual({
      readyAt: '2026-11-30T12:10:00+08:00',
      skippedBatchAt: '2026-11-30T13:00:00+08:00',
      plannedPickupAt: '2026-11-30T17:00:00+08:00',
      leadMinutes: 60,
    });
    expect(await stepOf(platform, caseId!, 'order.review')).toMatchObject({ due: '2026-11-30T12:40:00+08:00', plannedPickupAt: '2026-11-30T17:00:00+08:00', batchTargetAt: '2026-11-30T16:15:00+08:00' });

    // Every step just within its own limit: review 12:40, pack 13:40, bind 13:50, dispatch 13:55.
    await platform.advanceTo('2026-11-30T12:40:00+08:00');
    await platform.complete(platform.staff('olivia', ['ops-cs']), caseId!, 'order.review', { outcome: 'confirmed' });
    await handOver(platform, caseId!, { pack: '2026-11-30T13:40:00+08:00', bind: '2026-11-30T13:50:00+08:00', dispatch: '2026-11-30T13:55:00+08:00' });
    await platform.advanceTo('2026-11-30T17:00:30+08:00');
    expect(await stepOf(platform, caseId!, 'order.pickup')).toMatchObject({ due: '2026-11-30T17:00:00+08:00', status: 'completed', onTime: true });
    expect(platform.bus.forCase('PickupMissed', caseId!)).toEqual([]);
    expect(platform.bus.forCase('PickupAtRisk', caseId!)).toEqual([]);
  }, 180_000);
});
