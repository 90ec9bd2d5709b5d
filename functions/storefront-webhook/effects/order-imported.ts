/**
 * Orders from before go-live (issue 28 item 10): `order.imported` — or a return/exchange request
 * carrying the order's facts as `data.order` — records the order case, already `completed`, with
 * its payment and delivery times on the timeline (so a return gets its 7-day window from
 * `deliveredAt`). It opens no step and starts no workflow: the order was handled before the
 * platform ran. An order the platform already knows is left as it is.
 */
import { CaseStatus } from '../../../core/cases/case.ts';
import { toInstant } from '../../../core/cases/instant.ts';
import type { CaseView } from '../../../core/cases/repository.ts';
import type { ImportedOrderFacts, StorefrontEventOf } from '../../../core/storefront/events.ts';
import { orderCaseId } from '../case-ids.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { STOREFRONT } from '../steps.ts';
import { OrderFact } from './order-case.ts';

/** Timeline id and kind of the import itself. */
export const ORDER_IMPORTED = 'order.imported';

export async function orderImported(deps: EffectDeps, event: StorefrontEventOf<'order.imported'>): Promise<Accepted> {
  const { orderId, ...facts } = event.data;
  const view = await importOrder(deps, orderId, facts, event.id);
  return { caseId: view.case.id };
}

/** Records an order the platform has never seen; returns the order case (the stored one when it exists). */
export async function importOrder(deps: EffectDeps, orderId: string, facts: ImportedOrderFacts, eventId: string): Promise<CaseView> {
  const now = toInstant(deps.clock.now());
  const id = orderCaseId(orderId);
  const { created } = await deps.repository.createCase({
    id,
    type: 'order',
    orderId,
    openedAt: toInstant(facts.placedAt),
    sourceEventId: eventId,
    data: { orderId, ...facts, imported: true },
    entry: { id: ORDER_IMPORTED, at: now, kind: ORDER_IMPORTED, by: STOREFRONT, detail: { eventId } },
  });
  if (created) {
    if (facts.paidAt !== undefined) {
      await deps.repository.appendTimeline(id, { id: OrderFact.paid, at: now, kind: OrderFact.paid, by: STOREFRONT, detail: { eventId, paidAt: toInstant(facts.paidAt), completedPaymentStep: false } });
    }
    if (facts.deliveredAt !== undefined) {
      await deps.repository.appendTimeline(id, { id: OrderFact.delivered, at: now, kind: OrderFact.delivered, by: STOREFRONT, detail: { eventId, deliveredAt: toInstant(facts.deliveredAt), completedDeliveryStep: false } });
    }
    await deps.repository.closeCase({ caseId: id, status: CaseStatus.completed, at: now });
    deps.log.info('order imported (no workflow)', { caseId: id });
  }
  return deps.repository.getCase(id);
}
