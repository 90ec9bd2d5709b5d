import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { confirmedChecklist } from '../support/checklists.ts';
import { HOUR, MINUTE, TestPlatform } from './platform.ts';

// Every lifecycle from its storefront webhook to its closed case, on the real runtime with a
// virtual clock: staff act through the API, pickups run from the schedule, time is skipped.
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

const opsCs = () => platform.staff('olivia', ['ops-cs']);
const terminalAdmin = () => platform.staff('tom', ['terminal-admin']);
const crmAdmin = () => platform.staff('carl', ['crm-admin']);
const picker = () => platform.staff('pia', ['picker']);
const inventoryAdmin = () => platform.staff('ivan', ['inventory-admin']);
const complaintHandler = () => platform.staff('hana', ['complaint-handler']);

const customer = { name: '王芳', phone: '13700000000' };
let orders = 0;

/** Places an order now and returns its case id. */
async function placeOrder(paid = true): Promise<{ caseId: string; orderId: string }> {
  const orderId = `SO-${++orders}`;
  const { status, caseId } = await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now(), { paid }));
  expect(status).toBe(202);
  return { caseId: caseId!, orderId };
}

/** Review, pack, bind and dispatch, each a couple of minutes after the last: the order then waits for the courier. */
async function fulfil(caseId: string): Promise<void> {
  const work: [ReturnType<typeof opsCs>, string, Parameters<TestPlatform['complete']>[3]][] = [
    [opsCs(), 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') }],
    [terminalAdmin(), 'order.pack', { fields: { serialNumbers: [`SN-${caseId}`], invoiceNo: `INV-${caseId}` } }],
    [crmAdmin(), 'order.crm-bind', { fields: { bindings: [{ serial: `SN-${caseId}`, planId: 'PLAN-5G' }] } }],
    [picker(), 'order.dispatch', { fields: { carrier: 'SF', trackingNo: `SF${caseId}` } }],
  ];
  for (const [who, step, body] of work) {
    await platform.advance(2 * MINUTE);
    await platform.complete(who, caseId, step, body);
  }
}

describe('the order lifecycle', () => {
  it('runs from order.placed to delivery, with the parcel handed over by the 10:00 pickup batch', async () => {
    const { caseId, orderId } = await placeOrder();
    expect(await platform.openSteps(caseId)).toEqual(['order.review']);
    await fulfil(caseId);
    expect(await platform.openSteps(caseId)).toEqual(['order.pickup']);

    await platform.advanceTo('2026-11-30T10:00:30+08:00');
    const pickup = (await platform.view(caseId)).steps.find((s) => s.step === 'order.pickup');
    expect(pickup).toMatchObject({ status: 'completed', onTime: true, completedAt: '2026-11-30T10:00:00+08:00' });

    await platform.advance(26 * HOUR);
    expect((await platform.storefront('order.delivered', { orderId, deliveredAt: new Date(platform.clock.now()).toISOString() })).status).toBe(202);
    const closed = await platform.view(caseId);
    expect(closed.status).toBe('completed');
    expect(closed.steps.map((s) => [s.step, s.status])).toEqual([
      ['order.review', 'completed'],
      ['order.pack', 'completed'],
      ['order.crm-bind', 'completed'],
      ['order.dispatch', 'completed'],
      ['order.pickup', 'completed'],
      ['order.delivery', 'completed'],
    ]);
  }, 120_000);

  it('waits for an unpaid order, and reviews it once order.paid arrives', async () => {
    const { caseId, orderId } = await placeOrder(false);
    expect(await platform.openSteps(caseId)).toEqual(['order.payment']);
    await platform.advance(5 * MINUTE);
    expect((await platform.storefront('order.paid', { orderId, paidAt: new Date(platform.clock.now()).toISOString() })).status).toBe(202);
    expect(await platform.openSteps(caseId)).toEqual(['order.review']);
  }, 120_000);

  it('expires an unpaid order nobody follows up at the end of its third day', async () => {
    const { caseId } = await placeOrder(false);
    await platform.advance(4 * 24 * HOUR);
    const expired = await platform.view(caseId);
    expect(expired.status).toBe('expired');
    expect(platform.bus.forCase('SlaBreached', caseId).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('the after-sales lifecycles', () => {
  it('cancels an order before the handover: the order stops and the refund settles', async () => {
    const { caseId: orderCase, orderId } = await placeOrder();
    const { status, caseId } = await platform.storefront('order.cancel-requested', { orderId, reason: '不想要了' });
    expect(status).toBe(202);
    await platform.complete(opsCs(), caseId!, 'cancel.verify', { outcome: 'confirmed', fields: confirmedChecklist('cancel.verify', 'confirmed') });
    expect((await platform.view(orderCase)).status).toBe('cancelled');
    expect(await platform.openSteps(caseId!)).toEqual(['refund.settle']);
    expect((await platform.storefront('refund.settled', { caseId, settledAt: new Date(platform.clock.now()).toISOString() })).status).toBe(202);
    expect((await platform.view(caseId!)).status).toBe('completed');
  }, 120_000);

  it('takes a return back, inspects it, refunds it and unbinds the plan', async () => {
    const { orderId } = await placeOrder();
    const { caseId } = await platform.storefront('order.return-requested', { orderId, reason: '质量问题' });
    await platform.complete(opsCs(), caseId!, 'return.verify', { outcome: 'insist', fields: confirmedChecklist('return.verify', 'insist') });
    expect(await platform.storefront('goods.received', { caseId, receivedAt: new Date(platform.clock.now()).toISOString() })).toMatchObject({ status: 202 });
    await platform.complete(inventoryAdmin(), caseId!, 'return.inspect', { outcome: 'passed' });
    expect((await platform.openSteps(caseId!)).sort()).toEqual(['return.crm-unbind', 'return.refund']);
    await platform.complete(opsCs(), caseId!, 'return.refund');
    await platform.complete(crmAdmin(), caseId!, 'return.crm-unbind');
    await platform.storefront('refund.settled', { caseId, settledAt: new Date(platform.clock.now()).toISOString() });
    expect((await platform.view(caseId!)).status).toBe('completed');
  }, 120_000);

  it('exchanges a phone: the old one comes back, the new one goes out with the next pickup', async () => {
    const { orderId } = await placeOrder();
    const { caseId } = await platform.storefront('order.exchange-requested', { orderId, reason: '换颜色' });
    await platform.complete(opsCs(), caseId!, 'exchange.verify', { outcome: 'same-model', fields: confirmedChecklist('exchange.verify', 'same-model') });
    await platform.complete(crmAdmin(), caseId!, 'exchange.crm-unbind');
    await platform.storefront('goods.received', { caseId, receivedAt: new Date(platform.clock.now()).toISOString() });
    await platform.complete(inventoryAdmin(), caseId!, 'exchange.inspect', { outcome: 'passed' });
    await platform.complete(terminalAdmin(), caseId!, 'order.pack', { fields: { serialNumbers: ['SN-NEW'], invoiceNo: 'INV-NEW' } });
    await platform.complete(crmAdmin(), caseId!, 'order.crm-bind', { fields: { bindings: [{ serial: 'SN-NEW', planId: 'PLAN-5G' }] } });
    await platform.complete(picker(), caseId!, 'order.dispatch', { fields: { carrier: 'EMS', trackingNo: 'EMS-NEW' } });
    expect(await platform.openSteps(caseId!)).toEqual(['order.pickup']);
    await platform.advance(24 * HOUR);
    expect((await platform.view(caseId!)).status).toBe('completed');
  }, 120_000);
});

describe('complaints and stock alerts', () => {
  it('acknowledges, investigates, resolves and calls back a complaint', async () => {
    const { status, caseId } = await platform.storefront('complaint.filed', { complaintId: `C-${platform.clock.now()}`, customer, text: '快递太慢' });
    expect(status).toBe(202);
    await platform.complete(complaintHandler(), caseId!, 'complaint.acknowledge');
    await platform.complete(complaintHandler(), caseId!, 'complaint.investigate');
    await platform.complete(complaintHandler(), caseId!, 'complaint.resolve', { outcome: 'upheld', fields: { remedy: 'compensation' } });
    await platform.complete(complaintHandler(), caseId!, 'complaint.callback', { fields: { score: 5 } });
    const closed = await platform.view(caseId!);
    expect(closed.status).toBe('completed');
    expect(closed.steps.every((s) => s.onTime === true)).toBe(true);
  }, 120_000);

  it('has an inventory administrator tell customer service when a SKU runs out', async () => {
    const { caseId } = await platform.storefront('stock.out', { sku: 'PHONE-1', available: 0 });
    expect(await platform.openSteps(caseId!)).toEqual(['stock.notify-cs']);
    await platform.complete(inventoryAdmin(), caseId!, 'stock.notify-cs');
    expect((await platform.view(caseId!)).status).toBe('completed');
  }, 120_000);
});
