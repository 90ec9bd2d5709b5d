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

/** An order placed, fulfilled, picked up by the next batch and delivered: returns and exchanges need one (issue 28 item 11). */
async function deliveredOrder(): Promise<{ caseId: string; orderId: string }> {
  const order = await placeOrder();
  await fulfil(order.caseId);
  await platform.advance(24 * HOUR);
  expect((await platform.storefront('order.delivered', { orderId: order.orderId, deliveredAt: new Date(platform.clock.now()).toISOString() })).status).toBe(202);
  return order;
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

  it('answers a clerk who completes the payment follow-up after its last reminder with 409 (the step now waits on the platform), not 403', async () => {
    // Service-standards.md §3: follow-ups on days 2 and 3 at 10:00, then the order waits unattended until it expires.
    const { caseId } = await placeOrder(false);
    await platform.advance(2 * 24 * HOUR + 60 * MINUTE); // Wednesday 10:05: the day-3 follow-up is open
    const presales = (user: string) => platform.staff(user, ['presales-cs']);
    await platform.complete(presales('pam'), caseId, 'order.payment', { outcome: 'reminded' });
    const late = await presales('pat').complete(caseId, 'order.payment', { outcome: 'reminded' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'StepAwaitingPlatform' } });
    // Someone without the step's role still gets 403.
    expect((await platform.staff('pia', ['picker']).complete(caseId, 'order.payment', { outcome: 'reminded' })).status).toBe(403);
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

  it('cancels an order dispatched but not yet picked up: the picker takes the parcel back (取回包裹) before the refund', async () => {
    const { caseId: orderCase, orderId } = await placeOrder();
    await fulfil(orderCase);
    expect(await platform.openSteps(orderCase)).toEqual(['order.pickup']);
    const { caseId } = await platform.storefront('order.cancel-requested', { orderId, reason: '不想要了' });
    await platform.complete(opsCs(), caseId!, 'cancel.verify', { outcome: 'confirmed' });

    expect((await platform.view(orderCase)).status).toBe('cancelled');
    const retrieve = (await platform.view(caseId!)).steps.find((s) => s.step === 'cancel.retrieve');
    expect(retrieve).toMatchObject({ role: 'picker', status: 'open' });
    expect(platform.bus.forCase('RefundRequested', caseId!)).toHaveLength(0);

    await platform.complete(picker(), caseId!, 'cancel.retrieve', { fields: { notes: '已从揽收点取回' } });
    expect(await platform.openSteps(caseId!)).toEqual(['refund.settle']);
    expect(platform.bus.forCase('RefundRequested', caseId!)).toHaveLength(1);
  }, 120_000);

  it('refuses a return of an order still being packed: 409 naming its open step, pointing to a cancellation', async () => {
    const { orderId } = await placeOrder();
    const answer = await platform.storefront('order.return-requested', { orderId, reason: '七天无理由' });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: 'OrderNotDelivered', message: expect.stringContaining('(open: order.review); a return needs delivered goods — request a cancellation instead') } });
  }, 120_000);

  it('takes a return back, inspects it, refunds it and unbinds the plan', async () => {
    const { orderId } = await deliveredOrder();
    const { caseId } = await platform.storefront('order.return-requested', { orderId, reason: '质量问题' });
    await platform.complete(opsCs(), caseId!, 'return.verify', { outcome: 'insist', fields: confirmedChecklist('return.verify', 'insist') });
    expect(await platform.storefront('goods.received', { caseId, receivedAt: new Date(platform.clock.now()).toISOString() })).toMatchObject({ status: 202 });
    await platform.complete(inventoryAdmin(), caseId!, 'return.inspect', { outcome: 'passed' });
    expect((await platform.openSteps(caseId!)).sort()).toEqual(['return.crm-unbind', 'return.refund']);
    await platform.complete(opsCs(), caseId!, 'return.refund');
    await platform.complete(crmAdmin(), caseId!, 'return.crm-unbind', { fields: { deductedAmount: 0 } });
    await platform.storefront('refund.settled', { caseId, settledAt: new Date(platform.clock.now()).toISOString() });
    expect((await platform.view(caseId!)).status).toBe('completed');
  }, 120_000);

  it('exchanges a phone: the old one comes back, the new one goes out with the next pickup', async () => {
    const { orderId } = await deliveredOrder();
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

describe('orders from before go-live', () => {
  const DAY = 24 * HOUR;
  const iso = (ms: number): string => new Date(ms).toISOString();

  it('order.imported records a 90-day-old order as completed with no step and no workflow; its return gets the 7-day window from deliveredAt', async () => {
    const now = platform.clock.now();
    const orderId = 'SO-OLD-1';
    const imported = await platform.storefront('order.imported', { ...orderPlaced(orderId, now - 90 * DAY, { paymentChannel: 'bank-card' }), paidAt: iso(now - 90 * DAY + HOUR), deliveredAt: iso(now - 3 * DAY) });
    expect(imported.status).toBe(202);
    const order = await platform.view(imported.caseId!);
    expect(order).toMatchObject({ status: 'completed', steps: [] });
    expect(order.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['order.imported', 'order.paid', 'order.delivered']));
    expect(platform.bus.forCase('CaseOpened', imported.caseId!)).toHaveLength(0);

    const { status, caseId } = await platform.storefront('order.return-requested', { orderId, reason: '七天无理由' });
    expect(status).toBe(202);
    const returned = await platform.view(caseId!);
    expect(returned.data).toMatchObject({ noReasonDays: 7, paymentChannel: 'bank-card' });
    expect(Date.parse(String(returned.data.deliveredAt))).toBe(now - 3 * DAY);
    expect(await platform.openSteps(caseId!)).toEqual(['return.verify']);
  }, 120_000);

  it('an exchange for an unknown order carrying the order\'s facts records the order and opens; without them 404 says how to go on', async () => {
    const now = platform.clock.now();
    const { orderId: _drop, ...facts } = orderPlaced('SO-OLD-2', now - 40 * DAY);
    const refused = await platform.storefront('order.exchange-requested', { orderId: 'SO-OLD-2', reason: '换颜色' });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { code: 'OrderNotFound', message: expect.stringContaining('send order.imported first, or carry the order\'s facts in data.order') } });

    const opened = await platform.storefront('order.exchange-requested', { orderId: 'SO-OLD-2', reason: '换颜色', order: { ...facts, deliveredAt: iso(now - 2 * DAY) } });
    expect(opened.status).toBe(202);
    expect(await platform.openSteps(opened.caseId!)).toEqual(['exchange.verify']);
    expect((await platform.view('order-SO-OLD-2')).status).toBe('completed');
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

  it('has an inventory administrator tell customer service when a SKU runs out, and ends the stock-out when the stock is received', async () => {
    // A SKU no open order has: no customer to reassure (test/e2e/stock-out.test.ts has those).
    const { caseId } = await platform.storefront('stock.out', { sku: 'PHONE-NONE-OPEN', available: 0 });
    expect((await platform.openSteps(caseId!)).sort()).toEqual(['stock.notify-cs', 'stock.restock']);
    await platform.complete(inventoryAdmin(), caseId!, 'stock.notify-cs');
    expect((await platform.view(caseId!)).status).toBe('open');
    await platform.storefront('stock.received', { sku: 'PHONE-NONE-OPEN', qty: 20 });
    expect((await platform.view(caseId!)).status).toBe('completed');
  }, 120_000);
});
