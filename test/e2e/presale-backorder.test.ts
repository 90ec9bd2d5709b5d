import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// Pre-sale orders and backorders (service-standards.md §12 "Pre-sale and backorder") on the real
// runtime: the storefront webhook, the order workflow on the Step Functions emulator, the staff API.
// Seed §2.4.3 l.270: "亲,这款产品在**月**日前,是进行降价预售的。发货会从**月**日后根据下单先后进行发货。"
// Seed §2.4.4 l.322: "我们已经重新备货了要到**日**号到货,如果亲不急的话可以先下单,我们到时给您发货。"
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
/** The pre-sale's ship date: Friday 09:00, past the 2-working-day handover promise of an order placed Monday. */
const FRIDAY_0900 = '2026-12-04T09:00:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

const ops = () => platform.staff('olivia', ['ops-cs']);
const packer = () => platform.staff('tom', ['terminal-admin']);

async function placeAndReview(orderId: string, extra: Record<string, unknown>, items?: unknown[]): Promise<string> {
  const data = { ...orderPlaced(orderId, platform.clock.now()), ...(items ? { items } : {}), ...extra };
  const placed = await platform.storefront('order.placed', data);
  expect(placed.status).toBe(202);
  await platform.complete(ops(), placed.caseId!, 'order.review', { outcome: 'confirmed' });
  return placed.caseId!;
}

const deadlineEvents = (caseId: string) => ['SlaWarning', 'SlaBreached', 'PickupAtRisk', 'PickupMissed'].flatMap((type) => platform.bus.forCase(type, caseId));

describe('pre-sale orders (seed l.270: 发货会从**月**日后根据下单先后进行发货)', () => {
  it('wait after the review until shipFrom, shown as waiting with the ship date in the packers\' queue, breaching nothing; then pack opens for each, in placement order', async () => {
    const first = await placeAndReview('SO-PRE-1', { presale: { shipFrom: FRIDAY_0900 } });
    await platform.advance(5 * MINUTE);
    const second = await placeAndReview('SO-PRE-2', { presale: { shipFrom: FRIDAY_0900 } });
    expect(await platform.openSteps(first)).toEqual(['order.presale-wait']);
    expect((await platform.view(first)).waiting).toEqual({ reason: 'presale', shipFrom: '2026-12-04T09:00:00+08:00', skus: [] });

    const waiting = (await packer().queue()).filter((i) => i.caseId === first || i.caseId === second);
    expect(waiting.map((i) => [i.caseId, i.step, i.due, i.waiting?.reason, i.waiting?.shipFrom])).toEqual([
      [first, 'order.presale-wait', null, 'presale', '2026-12-04T09:00:00+08:00'],
      [second, 'order.presale-wait', null, 'presale', '2026-12-04T09:00:00+08:00'],
    ]);

    // Thursday evening: well past the handover promise (2 working days from Monday) and a pack's hour.
    await platform.advanceTo('2026-12-03T20:00:00+08:00');
    expect(await platform.openSteps(first)).toEqual(['order.presale-wait']);
    expect([...deadlineEvents(first), ...deadlineEvents(second)]).toEqual([]);

    await platform.advanceTo('2026-12-04T09:01:00+08:00');
    for (const caseId of [first, second]) expect(await platform.openSteps(caseId)).toEqual(['order.pack']);
    const view = await platform.view(first);
    expect(view.waiting).toBeNull();
    expect(view.steps.find((s) => s.step === 'order.presale-wait')).toMatchObject({ status: 'completed', completedBy: 'platform' });
    // The pack clock counts from the ship date (1 h of terminal-admin time), and the batch from it:
    // ready at 09:00 falls in [09:00, 13:00), the 13:00 batch (service-standards.md §2).
    const packs = (await packer().queue()).filter((i) => i.step === 'order.pack' && (i.caseId === first || i.caseId === second));
    expect(packs.map((i) => i.caseId)).toEqual([first, second]);
    expect(packs.map((i) => [i.due?.slice(0, 16), i.plannedPickupAt, i.waiting])).toEqual([
      ['2026-12-04T10:00', '2026-12-04T13:00:00+08:00', null],
      ['2026-12-04T10:00', '2026-12-04T13:00:00+08:00', null],
    ]);
  }, 180_000);

  it('packs at once an order whose ship date has already come by the review', async () => {
    const caseId = await placeAndReview('SO-PRE-PAST', { presale: { shipFrom: new Date(platform.clock.now() - MINUTE).toISOString() } });
    expect(await platform.openSteps(caseId)).toEqual(['order.pack']);
  });
});

describe('backorders (seed l.322: 如果亲不急的话可以先下单,我们到时给您发货)', () => {
  const item = (sku: string, qty: number) => ({ sku, name: 'Phone', qty, price: 3999 });

  it('wait without a deadline until stock.received covers them, oldest orders first and as many as qty covers, a later smaller order not jumping the queue', async () => {
    const oldest = await placeAndReview('SO-BO-1', { backorder: true }, [item('BO-PHONE', 1)]);
    await platform.advance(MINUTE);
    const middle = await placeAndReview('SO-BO-2', { backorder: true }, [item('BO-PHONE', 2)]);
    await platform.advance(MINUTE);
    const newest = await placeAndReview('SO-BO-3', { backorder: true }, [item('BO-PHONE', 1)]);
    expect((await platform.view(middle)).waiting).toEqual({ reason: 'backorder', shipFrom: null, skus: ['BO-PHONE'] });
    const reviewerQueue = (await ops().queue()).filter((i) => [oldest, middle, newest].includes(i.caseId));
    expect(reviewerQueue.map((i) => [i.step, i.waiting?.reason, i.waiting?.skus])).toEqual([
      ['order.backorder-wait', 'backorder', ['BO-PHONE']],
      ['order.backorder-wait', 'backorder', ['BO-PHONE']],
      ['order.backorder-wait', 'backorder', ['BO-PHONE']],
    ]);

    await platform.advance(26 * 60 * MINUTE);
    expect([...deadlineEvents(oldest), ...deadlineEvents(middle), ...deadlineEvents(newest)]).toEqual([]);

    // 2 units: the oldest takes 1; the middle needs 2 and 1 is left, so it and the newest wait on.
    const firstDelivery = await platform.storefront('stock.received', { sku: 'BO-PHONE', qty: 2 });
    expect(firstDelivery.status).toBe(202);
    expect(firstDelivery.body).toMatchObject({ releasedOrders: [oldest], clearedStockOuts: [] });
    expect(await platform.openSteps(oldest)).toEqual(['order.pack']);
    expect(await platform.openSteps(middle)).toEqual(['order.backorder-wait']);
    expect(await platform.openSteps(newest)).toEqual(['order.backorder-wait']);
    const pack = (await platform.view(oldest)).steps.find((s) => s.step === 'order.pack');
    expect(Date.parse(pack!.due!) - Date.parse(pack!.openedAt)).toBe(60 * MINUTE);

    const secondDelivery = await platform.storefront('stock.received', { sku: 'BO-PHONE', qty: 3 });
    expect(secondDelivery.body).toMatchObject({ releasedOrders: [middle, newest] });
    expect(await platform.openSteps(middle)).toEqual(['order.pack']);
    expect(await platform.openSteps(newest)).toEqual(['order.pack']);
    expect((await platform.view(middle)).timeline.filter((e) => e.kind === 'stock.allocated').map((e) => e.detail)).toEqual([
      expect.objectContaining({ sku: 'BO-PHONE', units: 2, eventId: expect.any(String) }),
    ]);
  }, 120_000);

  it('releases an order of two SKUs only once both are received', async () => {
    const caseId = await placeAndReview('SO-BO-TWO', { backorder: true }, [item('BO-A', 1), item('BO-B', 1)]);
    await platform.storefront('stock.received', { sku: 'BO-A', qty: 1 });
    expect(await platform.openSteps(caseId)).toEqual(['order.backorder-wait']);
    await platform.storefront('stock.received', { sku: 'BO-B', qty: 1 });
    expect(await platform.openSteps(caseId)).toEqual(['order.pack']);
  });
});

describe('bad pre-sale, backorder and stock.received data', () => {
  it.each([
    ['a ship date without an offset', { presale: { shipFrom: '2026-12-04 09:00' } }, /^data\.presale\.shipFrom: must be an ISO-8601 time with an offset/],
    ['presale that is not an object', { presale: '2026-12-04' }, /^data\.presale: must be an object/],
    ['backorder that is not true or false', { backorder: 'yes' }, /^data\.backorder: must be true or false/],
    ['both at once', { presale: { shipFrom: FRIDAY_0900 }, backorder: true }, /^data\.backorder: cannot be true on a pre-sale order/],
    ['a ship date years ahead', { presale: { shipFrom: '2030-01-01T09:00:00+08:00' } }, /^data\.presale\.shipFrom: must be within 366 days of placedAt/],
  ])('refuses %s with 400 naming the field, opening no case', async (_label, extra, message) => {
    const orderId = `SO-BAD-${Math.random().toString(36).slice(2, 8)}`;
    const answer = await platform.storefront('order.placed', { ...orderPlaced(orderId, platform.clock.now()), ...extra });
    expect([answer.status, (answer.body.error as { message: string }).message]).toEqual([400, expect.stringMatching(message)]);
    expect((await platform.staff('e2e-supervisor', ['supervisor']).getCase(`order-${orderId}`)).status).toBe(404);
  });

  it.each([
    ['no qty', { sku: 'BO-PHONE' }, /^data\.qty: is required/],
    ['qty 0', { sku: 'BO-PHONE', qty: 0 }, /^data\.qty: must be at least 1/],
    ['a fractional qty', { sku: 'BO-PHONE', qty: 1.5 }, /^data\.qty: must be a whole number/],
  ])('refuses stock.received with %s (400 naming data.qty)', async (_label, data, message) => {
    const answer = await platform.storefront('stock.received', data);
    expect([answer.status, (answer.body.error as { message: string }).message]).toEqual([400, expect.stringMatching(message)]);
  });
});
