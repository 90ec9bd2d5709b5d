/**
 * When an order became ready to ship (service-standards.md §2–§3): `max(placedAt, paidAt)`. The
 * planned pickup batch, the batch targets and an unpaid order's review and handover clocks count
 * from it. Pure: read from the case's data and its `order.paid` timeline fact.
 */
import type { CaseRecord, Instant, TimelineEntry } from './case.ts';
import { toInstant } from './instant.ts';

/** The id (and kind) of the timeline fact the storefront's `order.paid` webhook records, with `detail.paidAt`. */
export const ORDER_PAID_FACT = 'order.paid';

/** The instant an order was ready to ship; undefined for a case that is no order, or an order not paid yet. */
export function orderReadyAt(c: Pick<CaseRecord, 'type' | 'data' | 'openedAt'>, timeline: readonly TimelineEntry[]): Instant | undefined {
  if (c.type !== 'order') return undefined;
  const placedAt = typeof c.data.placedAt === 'string' ? toInstant(c.data.placedAt) : c.openedAt;
  if (c.data.paid !== false) return placedAt;
  const paidAt = timeline.find((e) => e.id === ORDER_PAID_FACT)?.detail?.paidAt;
  if (typeof paidAt !== 'string') return undefined;
  const paid = toInstant(paidAt);
  return paid > placedAt ? paid : placedAt;
}
