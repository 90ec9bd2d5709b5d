import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../local/demo/platform-client.ts';
import { orderPlaced } from '../support/orders.ts';
import { MINUTE, TestPlatform } from './platform.ts';
import { confirmedChecklist } from '../support/checklists.ts';

// Money on the real runtime with a virtual clock (service-standards.md §4–§6): when the refund and
// CRM steps of a return open, which cancellations are refunded, and the 7-day no-reason window.
// The tests run in order on one platform whose clock only moves forward.
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

const opsCs = () => platform.staff('olivia', ['ops-cs']);
const crmAdmin = () => platform.staff('carl', ['crm-admin']);
const inventoryAdmin = () => platform.staff('ivan', ['inventory-admin']);
const now = (): string => new Date(platform.clock.now()).toISOString();

let orders = 0;
async function placeOrder(options: Parameters<typeof orderPlaced>[2] = {}): Promise<{ caseId: string; orderId: string }> {
  const orderId = `SO-M${++orders}`;
  const { status, caseId } = await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now(), options));
  expect(status).toBe(202);
  return { caseId: caseId!, orderId };
}

const stepOf = (view: CaseView, step: string) => {
  const found = view.steps.find((s) => s.step === step);
  if (!found) throw new Error(`${view.id} has no ${step}; it has ${view.steps.map((s) => s.step).join(', ')}`);
  return found;
};

/** The delivered order the return and window tests share: signed for Monday 2026-11-30 09:06. */
let delivered: { caseId: string; orderId: string };

describe('a return (§5): "如确认退货,则10分钟内通知支付平台退款,通知CRM解除绑定"', () => {
  it('opens return.refund and return.crm-unbind when return.verify confirms the return, due 10 minutes later; refund.settle counts from the passed inspection', async () => {
    delivered = await placeOrder();
    await platform.advanceTo('2026-11-30T09:06:00+08:00');
    expect((await platform.storefront('order.delivered', { orderId: delivered.orderId, deliveredAt: now() })).status).toBe(202);
    const { caseId } = await platform.storefront('order.return-requested', { orderId: delivered.orderId, reason: '不想要了' });

    await platform.advanceTo('2026-11-30T09:12:00+08:00');
    await platform.complete(opsCs(), caseId!, 'return.verify', { outcome: 'insist' });
    const confirmed = await platform.view(caseId!);
    expect(stepOf(confirmed, 'return.refund')).toMatchObject({ status: 'open', role: 'ops-cs', openedAt: '2026-11-30T09:12:00+08:00', due: '2026-11-30T09:22:00+08:00' });
    expect(stepOf(confirmed, 'return.crm-unbind')).toMatchObject({ status: 'open', role: 'crm-admin', openedAt: '2026-11-30T09:12:00+08:00', due: '2026-11-30T09:22:00+08:00' });
    expect(stepOf(confirmed, 'return.receive')).toMatchObject({ status: 'open' });

    await platform.advance(5 * MINUTE);
    await platform.complete(opsCs(), caseId!, 'return.refund');
    await platform.complete(crmAdmin(), caseId!, 'return.crm-unbind', { fields: { deductedAmount: 0 } });
    const notified = await platform.view(caseId!);
    expect(notified.timeline.find((e) => e.kind === 'refund.requested')).toMatchObject({ at: '2026-11-30T09:17:00+08:00', detail: { channel: 'alipay' } });
    expect(notified.steps.map((s) => s.step)).not.toContain('refund.settle');

    // The parcel comes back on Wednesday; the inspection passes 20 minutes later: Alipay refunds arrive the same day.
    await platform.advanceTo('2026-12-02T10:00:00+08:00');
    await platform.storefront('goods.received', { caseId, receivedAt: now() });
    await platform.advanceTo('2026-12-02T10:20:00+08:00');
    await platform.complete(inventoryAdmin(), caseId!, 'return.inspect', { outcome: 'passed' });
    const inspected = await platform.view(caseId!);
    expect(stepOf(inspected, 'return.inspect')).toMatchObject({ due: '2026-12-02T10:30:00+08:00', onTime: true });
    expect(stepOf(inspected, 'refund.settle')).toMatchObject({ status: 'open', openedAt: '2026-12-02T10:20:00+08:00', due: '2026-12-03T00:00:00+08:00' });

    await platform.advanceTo('2026-12-02T15:00:00+08:00');
    await platform.storefront('refund.settled', { caseId, settledAt: now() });
    const closed = await platform.view(caseId!);
    expect(closed.status).toBe('completed');
    expect(closed.steps.filter((s) => s.onTime === false).map((s) => s.step)).toEqual([]);
    expect(platform.bus.forCase('RefundOverdue', caseId!)).toEqual([]);
  }, 120_000);

  it('withdraws the pending refund when the inspection fails: the timeline says so and no refund clock starts', async () => {
    const { orderId } = delivered; // a return needs delivered goods (409 OrderNotDelivered before)
    const { caseId } = await platform.storefront('order.return-requested', { orderId, reason: '屏幕坏了' });
    await platform.complete(opsCs(), caseId!, 'return.verify', { outcome: 'quality', fields: { exchangeTaken: false } });
    await platform.complete(opsCs(), caseId!, 'return.refund');
    await platform.complete(crmAdmin(), caseId!, 'return.crm-unbind', { fields: { deductedAmount: 0 } });
    await platform.advance(60 * MINUTE);
    await platform.storefront('goods.received', { caseId, receivedAt: now() });
    await platform.advance(10 * MINUTE);
    await platform.complete(inventoryAdmin(), caseId!, 'return.inspect', { outcome: 'failed', fields: { notes: '人为损坏' } });

    const closed = await platform.view(caseId!);
    expect(closed.status).toBe('rejected');
    expect(closed.steps.map((s) => s.step)).not.toContain('refund.settle');
    expect(closed.timeline.find((e) => e.kind === 'refund.withdrawn')).toMatchObject({ detail: { channel: 'alipay', reason: 'the returned goods failed the inspection' } });
    expect(platform.bus.forCase('CaseFactRecorded', caseId!).map((e) => e.detail.event)).toContain('RefundWithdrawn');
  }, 120_000);
});

describe('cancellations refund only money received (§4): "(如果付款)即时返款到您的付款账户"', () => {
  it('refunds a paid order cancelled at order.review exactly as a confirmed cancel.verify: cancel.refund, then refund.settle on the order’s channel', async () => {
    await platform.advanceTo('2026-12-02T17:30:00+08:00'); // Wednesday
    const { caseId: orderCase, orderId } = await placeOrder({ paymentChannel: 'bank-card' });
    await platform.advance(10 * MINUTE);
    await platform.complete(opsCs(), orderCase, 'order.review', { outcome: 'cancelled' });

    const order = await platform.view(orderCase);
    expect(order.status).toBe('cancelled');
    const link = order.links.find((l) => l.caseType === 'cancellation');
    expect(link).toMatchObject({ relation: 'gave-rise' });
    const refund = await platform.view(link!.caseId);
    expect(refund.timeline.find((e) => e.kind === 'refund.requested')).toMatchObject({ at: '2026-12-02T17:40:00+08:00', detail: { channel: 'bank-card' } });
    // Bank card: 7 working days after Wednesday 12-02 (Thu, Fri, Mon–Fri): by 24:00 of Friday 12-11.
    expect(stepOf(refund, 'refund.settle')).toMatchObject({ status: 'open', openedAt: '2026-12-02T17:40:00+08:00', due: '2026-12-12T00:00:00+08:00' });
    expect(refund.steps.map((s) => s.step)).toEqual(['refund.settle']);

    await platform.advance(24 * 60 * MINUTE);
    expect((await platform.storefront('refund.settled', { orderId, settledAt: now() })).status).toBe(202);
    expect((await platform.view(link!.caseId)).status).toBe('completed');
  }, 120_000);

  it('opens no refund step for an unpaid order whose cancellation is confirmed: no refund clock, no RefundOverdue', async () => {
    const { caseId: orderCase, orderId } = await placeOrder({ paid: false });
    const { caseId } = await platform.storefront('order.cancel-requested', { orderId, reason: '不要了' });
    await platform.complete(opsCs(), caseId!, 'cancel.verify', { outcome: 'confirmed' });

    expect((await platform.view(orderCase)).status).toBe('cancelled');
    const cancellation = await platform.view(caseId!);
    expect(cancellation.status).toBe('completed');
    expect(cancellation.steps.map((s) => s.step)).toEqual(['cancel.verify']);
    expect(cancellation.timeline.map((e) => e.kind)).not.toContain('refund.requested');

    await platform.advance(2 * 24 * 60 * MINUTE); // past any Alipay same-day refund deadline
    expect(platform.bus.forCase('RefundOverdue', caseId!)).toEqual([]);
  }, 120_000);
});

describe('the 7-day no-reason window (§5–§6): 7 days from the day after signing, ending 24:00 of day 7', () => {
  it('refuses return.verify insist and exchange.verify no-reason after the window with 409 NoReasonWindowClosed naming its end; quality outcomes still go through', async () => {
    // Signed Monday 11-30 09:06: the window runs Tue 12-01 … Mon 12-07 and ends 24:00 Monday.
    await platform.advanceTo('2026-12-07T23:50:00+08:00');
    const { caseId: open } = await platform.storefront('order.return-requested', { orderId: delivered.orderId, reason: '不想要了' });
    expect((await platform.view(open!)).noReasonWindow).toEqual({ endsAt: '2026-12-08T00:00:00+08:00', open: true, deliveredAt: '2026-11-30T09:06:00+08:00', days: 7 });

    await platform.advanceTo('2026-12-08T09:00:00+08:00');
    expect((await platform.view(open!)).noReasonWindow).toMatchObject({ open: false });
    const refused = await opsCs().complete(open!, 'return.verify', { outcome: 'insist', fields: confirmedChecklist('return.verify', 'insist') });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'NoReasonWindowClosed', message: expect.stringContaining('2026-12-07 Mon 24:00 Beijing time'), details: { endsAt: '2026-12-08T00:00:00+08:00' } } });
    await platform.complete(opsCs(), open!, 'return.verify', { outcome: 'quality', fields: { exchangeTaken: false } });

    const { caseId: exchange } = await platform.storefront('order.exchange-requested', { orderId: delivered.orderId, reason: '换个颜色' });
    const noReason = await opsCs().complete(exchange!, 'exchange.verify', { outcome: 'no-reason', fields: confirmedChecklist('exchange.verify', 'no-reason') });
    expect([noReason.status, (noReason.body as { error?: { code?: string } }).error?.code]).toEqual([409, 'NoReasonWindowClosed']);
    expect(stepOf(await platform.view(exchange!), 'exchange.verify').status).not.toBe('completed');
    await platform.complete(opsCs(), exchange!, 'exchange.verify', { outcome: 'same-model' });
  }, 120_000);
});
