/**
 * The transition counts docs/workflows.md states (AWS bills Standard workflows per state
 * transition) are measured here on the emulator: one StateEntered event per transition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../app/workflow-definitions.ts';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { LifecycleRig, paidOrder } from './rig.ts';

const UNPAID_TIMINGS = { paymentWaitSeconds: 600, paymentFollowUpsAt: ['2025-03-02T02:00:00.000Z', '2025-03-03T02:00:00.000Z'], unpaidExpiresAt: '2025-03-03T16:00:00.000Z' };
const unpaid: LifecycleInput = { ...paidOrder(), data: { ...paidOrder().data, paid: false }, timings: UNPAID_TIMINGS };
const caseOf = (caseType: LifecycleInput['caseType'], data: Record<string, unknown> = {}): LifecycleInput => ({ caseId: 'case-1', caseType, orderId: 'SO-1', data: { orderId: 'SO-1', paymentChannel: 'alipay', ...data }, timings: {} });

const ORDER_REST = ['order.pack', 'order.crm-bind', 'order.dispatch', 'order.pickup', 'order.delivery'];

/** Each documented path: start the case, drive it to its end, return the execution. */
const paths: Record<string, (rig: LifecycleRig) => Promise<string>> = {
  'order: paid, confirmed, delivered': async (rig) => {
    const arn = await rig.start(paidOrder());
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-1', ORDER_REST);
    return arn;
  },
  'order: review callback once, then delivered': async (rig) => {
    const arn = await rig.start(paidOrder());
    await rig.complete('order-1', 'order.review', { outcome: 'callback' });
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' }, 2);
    await rig.completeAll('order-1', ORDER_REST);
    return arn;
  },
  'order: cancelled at review': async (rig) => {
    const arn = await rig.start(paidOrder());
    await rig.complete('order-1', 'order.review', { outcome: 'cancelled' });
    return arn;
  },
  'order: unpaid, paid during the wait, delivered': async (rig) => {
    const arn = await rig.start(unpaid);
    await rig.complete('order-1', 'order.payment', { outcome: 'paid' });
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-1', ORDER_REST);
    return arn;
  },
  'order: unpaid, reminded on day 1 and 2, paid, delivered': async (rig) => {
    const arn = await rig.start(unpaid);
    await rig.complete('order-1', 'order.payment', { outcome: 'reminded' }, 1);
    await rig.complete('order-1', 'order.payment', { outcome: 'reminded' }, 2);
    await rig.complete('order-1', 'order.payment', { outcome: 'paid' }, 3);
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-1', ORDER_REST);
    return arn;
  },
  // §12 Holds: both approvals complete the open payment attempt with outcome held; the held attempt waits until heldUntil.
  'order: unpaid, held a day, paid during the hold, delivered': async (rig) => {
    const arn = await rig.start(unpaid);
    await rig.complete('order-1', 'order.payment', { outcome: 'held', fields: { heldUntil: '2025-03-02T02:30:00.000Z' } }, 1);
    await rig.complete('order-1', 'order.payment', { outcome: 'paid' }, 2);
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-1', ORDER_REST);
    return arn;
  },
  'order: unpaid, held past day 3, followed up, expired': async (rig) => {
    const arn = await rig.start(unpaid);
    await rig.complete('order-1', 'order.payment', { outcome: 'held', fields: { heldUntil: '2025-03-03T20:00:00.000Z' } }, 1);
    await rig.clock.advanceTo('2025-03-03T20:00:00.000Z');
    await rig.complete('order-1', 'order.hold-followup', { outcome: 'followed-up' });
    return arn;
  },
  'order: unpaid, no follow-up done, expired': async (rig) => {
    const arn = await rig.start(unpaid);
    await rig.clock.advanceTo(UNPAID_TIMINGS.unpaidExpiresAt);
    return arn;
  },
  'order: unpaid, all three follow-ups reminded, expired': async (rig) => {
    const arn = await rig.start(unpaid);
    for (const attempt of [1, 2, 3]) await rig.complete('order-1', 'order.payment', { outcome: 'reminded' }, attempt);
    await rig.clock.advanceTo(UNPAID_TIMINGS.unpaidExpiresAt);
    return arn;
  },
  'cancellation: confirmed, refund settled': async (rig) => {
    await rig.start(paidOrder());
    const arn = await rig.start(caseOf('cancellation'));
    await rig.complete('case-1', 'cancel.verify', { outcome: 'confirmed' });
    await rig.complete('case-1', 'refund.settle');
    return arn;
  },
  'cancellation: dispatched, parcel retrieved, refund settled': async (rig) => {
    await rig.start(paidOrder());
    rig.dispatched.add('SO-1');
    const arn = await rig.start(caseOf('cancellation'));
    await rig.complete('case-1', 'cancel.verify', { outcome: 'confirmed' });
    await rig.complete('case-1', 'cancel.retrieve');
    await rig.complete('case-1', 'refund.settle');
    return arn;
  },
  'cancellation: confirmed, order unpaid (no refund)': async (rig) => {
    await rig.start(unpaid);
    rig.unpaid.add('SO-1');
    const arn = await rig.start(caseOf('cancellation'));
    await rig.complete('case-1', 'cancel.verify', { outcome: 'confirmed' });
    return arn;
  },
  'cancellation: paid order cancelled at review, refund settled': async (rig) => {
    const arn = await rig.start(caseOf('cancellation', { cancelledBy: 'order.review', paid: true }));
    await rig.complete('case-1', 'refund.settle');
    return arn;
  },
  'cancellation: withdrawn': async (rig) => {
    const arn = await rig.start(caseOf('cancellation'));
    await rig.complete('case-1', 'cancel.verify', { outcome: 'withdrawn' });
    return arn;
  },
  'cancellation: confirmed after the handover (rejected)': async (rig) => {
    rig.handedOver.add('SO-1');
    const arn = await rig.start(caseOf('cancellation'));
    await rig.complete('case-1', 'cancel.verify', { outcome: 'confirmed' });
    return arn;
  },
  'return: quality or insist, refund settled': async (rig) => {
    const arn = await rig.start(caseOf('return'));
    await rig.complete('case-1', 'return.verify', { outcome: 'insist' });
    await rig.complete('case-1', 'return.receive');
    await rig.complete('case-1', 'return.inspect', { outcome: 'passed' });
    await rig.completeAll('case-1', ['return.refund', 'return.crm-unbind', 'refund.settle']);
    return arn;
  },
  'return: quality, exchange taken (converted)': async (rig) => {
    const arn = await rig.start(caseOf('return'));
    await rig.complete('case-1', 'return.verify', { outcome: 'quality', fields: { exchangeTaken: true } });
    return arn;
  },
  'return: damage (rejected)': async (rig) => {
    const arn = await rig.start(caseOf('return'));
    await rig.complete('case-1', 'return.verify', { outcome: 'damage', fields: { repairReferral: { centre: '维修中心' } } });
    await rig.complete('case-1', 'aftersales.repair-followup', {});
    return arn;
  },
  'return: inspection failed (rejected)': async (rig) => {
    const arn = await rig.start(caseOf('return'));
    await rig.complete('case-1', 'return.verify', { outcome: 'insist' });
    await rig.completeAll('case-1', ['return.refund', 'return.crm-unbind', 'return.receive']);
    await rig.complete('case-1', 'return.inspect', { outcome: 'failed' });
    return arn;
  },
  'exchange: same-model or no-reason, handed over': async (rig) => {
    const arn = await rig.start(caseOf('exchange'));
    await rig.complete('case-1', 'exchange.verify', { outcome: 'no-reason' });
    await rig.completeAll('case-1', ['exchange.crm-unbind', 'exchange.receive']);
    await rig.complete('case-1', 'exchange.inspect', { outcome: 'passed' });
    await rig.completeAll('case-1', ['order.pack', 'order.crm-bind', 'order.dispatch', 'order.pickup']);
    return arn;
  },
  'exchange: other-model (converted)': async (rig) => {
    const arn = await rig.start(caseOf('exchange'));
    await rig.complete('case-1', 'exchange.verify', { outcome: 'other-model' });
    return arn;
  },
  'exchange: damage (rejected)': async (rig) => {
    const arn = await rig.start(caseOf('exchange'));
    await rig.complete('case-1', 'exchange.verify', { outcome: 'damage', fields: { repairReferral: { centre: '维修中心' } } });
    await rig.complete('case-1', 'aftersales.repair-followup', {});
    return arn;
  },
  'exchange: inspection failed (rejected)': async (rig) => {
    const arn = await rig.start(caseOf('exchange'));
    await rig.complete('case-1', 'exchange.verify', { outcome: 'same-model' });
    await rig.completeAll('case-1', ['exchange.crm-unbind', 'exchange.receive']);
    await rig.complete('case-1', 'exchange.inspect', { outcome: 'failed' });
    return arn;
  },
  'complaint: not upheld, or upheld without a remedy': async (rig) => {
    const arn = await rig.start(caseOf('complaint'));
    await rig.completeAll('case-1', ['complaint.acknowledge', 'complaint.investigate']);
    await rig.complete('case-1', 'complaint.resolve', { outcome: 'not-upheld' });
    await rig.complete('case-1', 'complaint.callback', { fields: { score: 5 } });
    return arn;
  },
  'complaint: upheld with a remedy (refund, reship, compensation)': async (rig) => {
    const arn = await rig.start(caseOf('complaint'));
    await rig.completeAll('case-1', ['complaint.acknowledge', 'complaint.investigate']);
    await rig.complete('case-1', 'complaint.resolve', { outcome: 'upheld', fields: { remedy: 'reship' } });
    await rig.complete('case-1', 'complaint.callback', { fields: { score: 3 } });
    return arn;
  },
  'stock: low': async (rig) => {
    const arn = await rig.start({ caseId: 'case-1', caseType: 'stock', data: { sku: 'P-1', available: 3 }, timings: {} });
    await rig.complete('case-1', 'stock.supplier-contact');
    return arn;
  },
  'stock: out, customers reassured, restocked': async (rig) => {
    const arn = await rig.start({ caseId: 'case-1', caseType: 'stock', data: { sku: 'P-1', available: 0, alert: 'out', openOrders: [{ caseId: 'order-1' }] }, timings: {} });
    await rig.completeAll('case-1', ['stock.notify-cs', 'stock.reassure', 'stock.restock']);
    return arn;
  },
  'order: pre-sale, ship date reached, delivered': async (rig) => {
    const shipFrom = new Date(rig.clock.now() + 2 * 86_400_000).toISOString();
    const arn = await rig.start({ ...paidOrder(), data: { ...paidOrder().data, presale: { shipFrom } } });
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.clock.advanceTo(shipFrom);
    await rig.completeAll('order-1', ORDER_REST);
    return arn;
  },
  'order: backorder, released by stock.received, delivered': async (rig) => {
    const arn = await rig.start({ ...paidOrder(), data: { ...paidOrder().data, backorder: true } });
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-1', ['order.backorder-wait', ...ORDER_REST]);
    return arn;
  },
};

/** `| path | transitions |` rows of the doc's "Transition counts" table. */
function documentedCounts(): Map<string, number> {
  const doc = readFileSync(join(repositoryRoot, 'docs/workflows.md'), 'utf8');
  const table = doc.split('## Transition counts')[1] ?? '';
  const rows = [...table.matchAll(/^\| ([a-z]+: [^|]+?) \| (\d+) \|/gm)];
  return new Map(rows.map((m) => [m[1]!, Number(m[2])]));
}

describe('transition counts (docs/workflows.md)', () => {
  const documented = documentedCounts();

  it('documents every measured path and no other', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(paths).sort());
  });

  it.each(Object.entries(paths))('%s: as documented, and the execution succeeded', async (name, drive) => {
    const rig = new LifecycleRig();
    const arn = await drive(rig);
    expect((await rig.describe(arn)).status).toBe('SUCCEEDED');
    expect((await rig.path(arn)).length).toBe(documented.get(name));
  });

  it('keeps the happy-path order at 20 transitions or fewer', async () => {
    const rig = new LifecycleRig();
    const transitions = (await rig.path(await paths['order: paid, confirmed, delivered']!(rig))).length;
    expect(transitions).toBeLessThanOrEqual(20);
    expect(documented.get('order: paid, confirmed, delivered')).toBe(transitions);
  });
});
