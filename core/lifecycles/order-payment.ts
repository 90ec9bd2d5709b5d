/**
 * Whether an order's money was received, for the refund rule "(如果付款)即时返款到您的付款账户"
 * (seed §3.2; service-standards.md §4): only a paid order is refunded when it is cancelled. Paid
 * means paid at placement (`data.paid`), or an `order.paid` webhook since (its timeline fact, or
 * the `order.payment` step it completed with outcome `paid`). Pure: the caller passes the order case.
 */
import type { CaseView } from '../cases/repository.ts';
import { StepStatus } from '../cases/step.ts';

/** The timeline entry id the storefront webhook records `order.paid` under. */
export const ORDER_PAID_FACT = 'order.paid';

export function isOrderPaid(order: Pick<CaseView, 'steps' | 'timeline'> & { case: { data: Record<string, unknown> } }): boolean {
  if (order.case.data.paid === true) return true;
  if (order.timeline.some((e) => e.id === ORDER_PAID_FACT)) return true;
  return order.steps.some((s) => s.step === 'order.payment' && s.status === StepStatus.completed && s.outcome === 'paid');
}
