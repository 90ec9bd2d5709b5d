/** `complaint.filed` opens a complaint case (one per storefront complaint); `stock.low` / `stock.out` open a stock case. */
import { toInstant } from '../../../core/cases/instant.ts';
import type { StorefrontEventOf } from '../../../core/storefront/events.ts';
import { complaintCaseId, requestCaseId } from '../case-ids.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { openCase } from '../open-case.ts';
import { openOrdersOf } from './stock-orders.ts';

export async function complaintFiled(deps: EffectDeps, event: StorefrontEventOf<'complaint.filed'>): Promise<Accepted> {
  const { orderId } = event.data;
  const opened = await openCase(deps, {
    id: complaintCaseId(event.data.complaintId),
    type: 'complaint',
    ...(orderId !== undefined ? { orderId } : {}),
    openedAt: event.occurredAt,
    sourceEventId: event.id,
    // The complaint's deadlines count from when the customer left it, else from its arrival here (§7).
    data: { ...event.data, filedAt: toInstant(event.data.filedAt ?? deps.clock.now()) },
    timings: () => ({}),
  });
  return { caseId: opened.id };
}

export async function stockAlert(deps: EffectDeps, event: StorefrontEventOf<'stock.low' | 'stock.out'>): Promise<Accepted> {
  const alert = event.type === 'stock.out' ? 'out' : 'low';
  const opened = await openCase(deps, {
    id: requestCaseId('stock', event.data.sku, event.id),
    type: 'stock',
    openedAt: event.occurredAt,
    sourceEventId: event.id,
    // The stock workflow branches on `alert`: low → supplier contact, out → notify customer service
    // and reassure the customers of the SKU's open orders, listed now (a repeat keeps the stored list).
    data: { ...event.data, alert, ...(alert === 'out' ? { openOrders: await openOrdersOf(deps, event.data.sku) } : {}) },
    timings: () => ({}),
  });
  return { caseId: opened.id };
}
