/**
 * `order.paid` ends the unpaid wait: the open `order.payment` attempt completes with outcome
 * `paid`. `order.delivered` completes `order.delivery` and records the delivery time (the 7-day
 * windows of returns and exchanges count from it). Each fact is recorded on the order's timeline
 * either way, so a payment that arrives while no follow-up is open is not lost.
 */
import { toInstant } from '../../../core/cases/instant.ts';
import type { StorefrontEventOf } from '../../../core/storefront/events.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { completeWaitingStep, STOREFRONT } from '../steps.ts';
import { OrderFact, orderCase } from './order-case.ts';
import { HOLD_FOLLOWUP } from '../../../core/holds/hold.ts';
import { cancelPendingHold } from '../../shared/holds.ts';

export async function orderPaid(deps: EffectDeps, event: StorefrontEventOf<'order.paid'>): Promise<Accepted> {
  const view = await orderCase(deps, event.data.orderId);
  const paidAt = toInstant(event.data.paidAt);
  // Paid while a hold waits for approval, is held, or is being followed up (§12 Holds): the hold ends normally.
  const completed = (await completeWaitingStep(deps, view.steps, 'order.payment', { outcome: 'paid', fields: { paidAt } })) || (await completeWaitingStep(deps, view.steps, HOLD_FOLLOWUP, { outcome: 'paid', fields: { paidAt } }));
  await cancelPendingHold(deps, view.steps, STOREFRONT);
  await deps.repository.appendTimeline(view.case.id, { id: OrderFact.paid, at: toInstant(deps.clock.now()), kind: OrderFact.paid, by: STOREFRONT, detail: { eventId: event.id, paidAt, completedPaymentStep: completed } });
  return { caseId: view.case.id };
}

export async function orderDelivered(deps: EffectDeps, event: StorefrontEventOf<'order.delivered'>): Promise<Accepted> {
  const view = await orderCase(deps, event.data.orderId);
  const deliveredAt = toInstant(event.data.deliveredAt);
  const completed = await completeWaitingStep(deps, view.steps, 'order.delivery', { fields: { deliveredAt } });
  await deps.repository.appendTimeline(view.case.id, {
    id: OrderFact.delivered,
    at: toInstant(deps.clock.now()),
    kind: OrderFact.delivered,
    by: STOREFRONT,
    detail: { eventId: event.id, deliveredAt, completedDeliveryStep: completed },
  });
  return { caseId: view.case.id };
}
