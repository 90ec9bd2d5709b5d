import { describe, expect, it } from 'vitest';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { LifecycleRig } from './rig.ts';

const data = { complaintId: 'C-1', orderId: 'SO-1', customer: { name: 'Han Meimei', phone: '13900000000' }, text: 'parcel arrived broken' };
const complaint: LifecycleInput = { caseId: 'complaint-1', caseType: 'complaint', orderId: 'SO-1', data, timings: {} };

async function resolved(rig: LifecycleRig, resolution: { outcome: string; fields?: Record<string, unknown> }): Promise<string> {
  const arn = await rig.start(complaint);
  await rig.completeAll('complaint-1', ['complaint.acknowledge', 'complaint.investigate']);
  await rig.complete('complaint-1', 'complaint.resolve', resolution);
  await rig.complete('complaint-1', 'complaint.callback', { fields: { score: 4 } });
  return arn;
}

const closedCompleted = { action: 'close-case', caseId: 'complaint-1', status: 'completed' };

describe('complaint lifecycle', () => {
  it.each([
    ['not-upheld', { outcome: 'not-upheld', fields: { explanation: 'damage happened after delivery' } }],
    ['upheld without a remedy', { outcome: 'upheld' }],
  ])('%s: acknowledge, investigate, resolve, callback, closed completed', async (_what, resolution) => {
    const rig = new LifecycleRig();
    const arn = await resolved(rig, resolution);
    expect(rig.stepsOpened('complaint-1')).toEqual(['complaint.acknowledge', 'complaint.investigate', 'complaint.resolve', 'complaint.callback']);
    expect(rig.actionsOf('complaint-1')).toEqual([closedCompleted]);
    expect(await rig.path(arn)).toEqual(['complaint.acknowledge', 'complaint.investigate', 'complaint.resolve', 'Resolve outcome', 'complaint.callback', 'Close completed']);
  });

  // "前一晚及当日的投诉留言,致电客户进行详细调查" (seed l.608): the complaint's clocks start when the customer left it.
  it('counts the acknowledgement and the investigation from filedAt, however late the acknowledgement was done', async () => {
    const rig = new LifecycleRig();
    const filedAt = '2025-02-28T08:30:00.000Z';
    await rig.start({ ...complaint, data: { ...data, filedAt } });
    expect(rig.openRequest('complaint-1', 'complaint.acknowledge')).toMatchObject({ deadlineFrom: filedAt });
    await rig.clock.advance(20 * 60 * 60_000);
    await rig.complete('complaint-1', 'complaint.acknowledge', {});
    expect(rig.openRequest('complaint-1', 'complaint.investigate')).toMatchObject({ deadlineFrom: filedAt });
    await rig.complete('complaint-1', 'complaint.investigate', {});
    expect(rig.openRequest('complaint-1', 'complaint.resolve').deadlineFrom).toBeUndefined();
  });

  it('upheld with refund: opens a return case (gave-rise), then the callback', async () => {
    const rig = new LifecycleRig();
    const arn = await resolved(rig, { outcome: 'upheld', fields: { remedy: 'refund' } });
    expect(rig.actionsOf('complaint-1')).toEqual([
      { action: 'open-linked-case', caseId: 'complaint-1', type: 'return', relation: 'gave-rise', data: { ...data, reason: 'complaint upheld: refund', complaintCaseId: 'complaint-1' } },
      closedCompleted,
    ]);
    expect(await rig.path(arn)).toContain('Open refund return');
  });

  it('upheld with reship: opens a paid order case (gave-rise) for the replacement parcel', async () => {
    const rig = new LifecycleRig();
    await resolved(rig, { outcome: 'upheld', fields: { remedy: 'reship' } });
    expect(rig.actionsOf('complaint-1')).toEqual([
      { action: 'open-linked-case', caseId: 'complaint-1', type: 'order', relation: 'gave-rise', data: { ...data, paid: true, reshipOf: 'complaint-1' } },
      closedCompleted,
    ]);
  });

  it('a reship order without a placement time runs straight to review and counts its pickup from its start', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start({ caseId: 'order-of-complaint-1', caseType: 'order', orderId: 'SO-1', data: { ...data, paid: true, reshipOf: 'complaint-1' }, timings: {} });
    await rig.complete('order-of-complaint-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-of-complaint-1', ['order.pack', 'order.crm-bind', 'order.dispatch']);
    expect(rig.openRequest('order-of-complaint-1', 'order.pickup').deadlineFrom).toBe('2025-03-01T02:00:00.000Z');
    expect((await rig.path(arn))[1]).toBe('order.review');
  });

  it('upheld with compensation: records it on the case, no linked case', async () => {
    const rig = new LifecycleRig();
    await resolved(rig, { outcome: 'upheld', fields: { remedy: 'compensation' } });
    expect(rig.actionsOf('complaint-1')).toEqual([
      { action: 'record', caseId: 'complaint-1', event: 'CompensationGranted', detail: { remedy: 'compensation' } },
      closedCompleted,
    ]);
  });
});

const stock = (extra: Record<string, unknown>): LifecycleInput => ({ caseId: 'stock-1', caseType: 'stock', data: { sku: 'P-1', ...extra }, timings: {} });

describe('stock lifecycle', () => {
  it.each([
    ['stock.low (alert low)', { alert: 'low', available: 3 }],
    ['stock.low (nothing said, some left)', { available: 3 }],
  ])('%s opens stock.supplier-contact, then closes completed', async (_what, extra) => {
    const rig = new LifecycleRig();
    const arn = await rig.start(stock(extra));
    expect(rig.stepsOpened('stock-1')).toEqual(['stock.supplier-contact']);
    expect(rig.actionsOf('stock-1')).toEqual([]);
    await rig.complete('stock-1', 'stock.supplier-contact');
    expect(rig.actionsOf('stock-1')).toEqual([{ action: 'close-case', caseId: 'stock-1', status: 'completed' }]);
    expect(await rig.path(arn)).toEqual(['Alert', 'stock.supplier-contact', 'Close completed']);
  });

  // Seed §3.3 l.442: "对于热卖商品等临时断货要5分钟内通知运营客服,做好客户安抚工作" (service-standards.md §8, §12).
  it.each([
    ['stock.out (alert out) with open orders', { alert: 'out', available: 1, openOrders: [{ caseId: 'order-1' }] }, ['stock.notify-cs', 'stock.reassure', 'stock.restock']],
    ['stock.out (nothing said, none left), no open orders', { available: 0 }, ['stock.notify-cs', 'stock.restock']],
  ])('%s opens notify-cs, reassure when orders are listed, and restock side by side, and closes completed only once the restock came too', async (_what, extra, expected) => {
    const rig = new LifecycleRig();
    await rig.start(stock(extra));
    expect([...rig.stepsOpened('stock-1')].sort()).toEqual(expected);
    await rig.completeAll('stock-1', expected.filter((s) => s !== 'stock.restock'));
    expect(rig.actionsOf('stock-1')).toEqual([]);
    await rig.complete('stock-1', 'stock.restock');
    expect(rig.actionsOf('stock-1')).toEqual([{ action: 'close-case', caseId: 'stock-1', status: 'completed' }]);
  });
});
