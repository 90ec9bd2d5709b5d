/** Finding the order case a storefront event is about. */
import { ORDER_PAID_FACT } from '../../../core/cases/ready-at.ts';
import type { CaseView } from '../../../core/cases/repository.ts';
import { OrderNotFound } from '../../case-action/errors.ts';
import type { EffectDeps } from '../deps.ts';

/** The order's case with its steps and timeline. Throws `OrderNotFound` (404). */
export async function orderCase(deps: EffectDeps, orderId: string): Promise<CaseView> {
  const order = await deps.repository.findCaseByOrderId(orderId, 'order');
  if (!order) throw new OrderNotFound(orderId);
  return deps.repository.getCase(order.id);
}

/** Timeline entry ids of storefront facts about an order (stable, so a repeat overwrites). */
export const OrderFact = { paid: ORDER_PAID_FACT, delivered: 'order.delivered' } as const;

/** When the order was delivered, if the storefront said so. */
export function deliveredAtOf(view: CaseView): string | undefined {
  const entry = view.timeline.find((e) => e.id === OrderFact.delivered);
  const at = entry?.detail?.deliveredAt;
  return typeof at === 'string' ? at : undefined;
}
