import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../core/cases/case.ts';
import { useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import { bodyOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { event, orderPlacedEvent, webhookRig, type WebhookRig } from './support.ts';

// service-standards.md §12: stock.received releases backorders "oldest orders first, as many as qty covers"
// (seed §2.4.4 l.322 "如果亲不急的话可以先下单,我们到时给您发货").
const NOW = '2025-03-01T11:00:05+08:00';

describe('stock.received, delivered again after a crash', () => {
  const { fresh, table } = useHarness();
  afterEach(() => useIngestDependencies(undefined));

  /** A backorder of one unit of BO-1, waiting in order.backorder-wait (opened as the workflow would). */
  async function waitingBackorder(rig: WebhookRig, orderId: string, placedAt: string): Promise<string> {
    const placed = orderPlacedEvent(orderId, { placedAt });
    const response = await rig.deliver({ ...placed, data: { ...placed.data, backorder: true, items: [{ sku: 'BO-1', name: 'Phone', qty: 1, price: 3999 }] } });
    const caseId = String(bodyOf(response).caseId);
    await rig.repository.openStep({ caseId, caseType: 'order', step: 'order.backorder-wait', role: 'automatic', openedAt: '2025-03-01T03:00:00.000Z', taskToken: `token-${orderId}` });
    return caseId;
  }

  it('counts the units the first delivery already gave, so the retry gives no order a second share and no extra order a unit', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const oldest = await waitingBackorder(rig, 'SO-R1', '2025-03-01T09:00:00+08:00');
    const middle = await waitingBackorder(rig, 'SO-R2', '2025-03-01T09:30:00+08:00');
    const newest = await waitingBackorder(rig, 'SO-R3', '2025-03-01T10:00:00+08:00');

    // The first delivery dies writing the second allocation: the oldest order has its unit, nothing else happened.
    const append = rig.repository.appendTimeline.bind(rig.repository);
    let allocations = 0;
    rig.repository.appendTimeline = (caseId: string, entry: TimelineEntry) => {
      if (entry.kind === 'stock.allocated' && ++allocations === 2) return Promise.reject(new Error('connection reset'));
      return append(caseId, entry);
    };
    const received = event('stock.received', { sku: 'BO-1', qty: 2 }, 'evt-received-once');
    expect((await rig.deliver(received)).statusCode).toBe(500);
    rig.repository.appendTimeline = append;

    const retry = await rig.deliver(received);
    expect([retry.statusCode, bodyOf(retry).releasedOrders]).toEqual([202, [oldest, middle]]);
    const allocated = async (caseId: string) => (await rig.repository.getCase(caseId)).timeline.filter((e) => e.kind === 'stock.allocated').length;
    expect([await allocated(oldest), await allocated(middle), await allocated(newest)]).toEqual([1, 1, 0]);
    expect(rig.workflows.succeeded.map((s) => s.taskToken)).toEqual(['token-SO-R1', 'token-SO-R2']);
  });
});
