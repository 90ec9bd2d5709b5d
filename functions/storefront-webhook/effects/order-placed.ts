/** `order.placed`: opens the order's case (one per order) and starts the order lifecycle with its timings. */
import type { StorefrontEventOf } from '../../../core/storefront/events.ts';
import { orderCaseId } from '../case-ids.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { openCase } from '../open-case.ts';
import { orderTimings } from '../timings.ts';

export async function orderPlaced(deps: EffectDeps, event: StorefrontEventOf<'order.placed'>): Promise<Accepted> {
  const { orderId, placedAt } = event.data;
  const opened = await openCase(deps, {
    id: orderCaseId(orderId),
    type: 'order',
    orderId,
    openedAt: placedAt,
    sourceEventId: event.id,
    data: event.data,
    timings: (stored) => orderTimings(typeof stored.data.placedAt === 'string' ? stored.data.placedAt : stored.openedAt, deps.caseRules, deps.policy),
  });
  return { caseId: opened.id };
}
