import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// Stock follow-through (service-standards.md §12 "Stock", §8) on the real runtime. Seed §3.3 l.442:
// "有库存预警的货品,在10分钟内联系供货商供货。对于热卖商品等临时断货要5分钟内通知运营客服,做好客户安抚工作。"
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

const ops = () => platform.staff('olivia', ['ops-cs']);
const item = (sku: string) => ({ sku, name: 'Phone', qty: 1, price: 3999 });

async function place(orderId: string, sku: string): Promise<string> {
  const placed = await platform.storefront('order.placed', { ...orderPlaced(orderId, platform.clock.now()), items: [item(sku)] });
  return placed.caseId!;
}

describe('stock.out for a hot item (seed l.442: 临时断货要5分钟内通知运营客服,做好客户安抚工作)', () => {
  it('tags every open order of the SKU stockOut in the queue, opens one stock.reassure for ops-cs (30 min) listing them, and stock.received clears the tags and ends the case', async () => {
    const reviewed = await place('SO-OUT-1', 'HOT-1');
    await platform.complete(ops(), reviewed, 'order.review', { outcome: 'confirmed' });
    await platform.advance(MINUTE);
    const unreviewed = await place('SO-OUT-2', 'HOT-1');
    const other = await place('SO-OUT-OTHER', 'COLD-1');

    const out = await platform.storefront('stock.out', { sku: 'HOT-1', available: 0 });
    expect(out.status).toBe(202);
    const stockCase = out.caseId!;
    expect((await platform.openSteps(stockCase)).sort()).toEqual(['stock.notify-cs', 'stock.reassure', 'stock.restock']);
    const view = await platform.view(stockCase);
    expect((view.data.openOrders as { caseId: string }[]).map((o) => o.caseId)).toEqual([reviewed, unreviewed]);
    const reassure = view.steps.find((s) => s.step === 'stock.reassure')!;
    expect([reassure.role, Date.parse(reassure.due!) - Date.parse(reassure.openedAt)]).toEqual(['ops-cs', 30 * MINUTE]);

    const queue = await ops().queue();
    const tagOf = (caseId: string) => queue.filter((i) => i.caseId === caseId).map((i) => i.stockOut);
    expect([tagOf(unreviewed), tagOf(other)]).toEqual([[true], [false]]);
    expect(queue.filter((i) => i.step === 'stock.reassure' && i.caseId === stockCase)).toHaveLength(1);
    expect((await platform.view(reviewed)).stockOut).toBe(true);
    const packer = (await platform.staff('tom', ['terminal-admin']).queue()).find((i) => i.caseId === reviewed);
    expect([packer?.step, packer?.stockOut]).toEqual(['order.pack', true]);

    await platform.complete(platform.staff('ivy', ['inventory-admin']), stockCase, 'stock.notify-cs');
    await platform.complete(ops(), stockCase, 'stock.reassure', { fields: { notes: '已电话安抚,客户愿意等待' } });
    expect(await platform.openSteps(stockCase)).toEqual(['stock.restock']);
    expect((await ops().queue()).find((i) => i.caseId === unreviewed)?.stockOut).toBe(true);

    const received = await platform.storefront('stock.received', { sku: 'HOT-1', qty: 10 });
    expect(received.body).toMatchObject({ caseId: stockCase, clearedStockOuts: [stockCase] });
    expect((await ops().queue()).find((i) => i.caseId === unreviewed)?.stockOut).toBe(false);
    expect((await platform.view(reviewed)).stockOut).toBe(false);
    expect((await platform.view(stockCase)).status).toBe('completed');
  });

  it('opens no stock.reassure when no open order has the SKU, and still waits for the restock', async () => {
    const out = await platform.storefront('stock.out', { sku: 'NOBODY-1', available: 0 });
    expect((await platform.openSteps(out.caseId!)).sort()).toEqual(['stock.notify-cs', 'stock.restock']);
  });
});
