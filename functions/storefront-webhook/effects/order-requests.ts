/**
 * Customer requests about an order open a linked case: a cancellation (refused with 409 once the
 * parcel went to the courier — its `order.pickup` step completed), a return or an exchange (with
 * the delivery time and the end of the no-reason window, service-standards.md §5–6). While a case
 * of that type is still open for the order, a new request answers with it instead of opening another.
 */
import { CaseClosed } from '../../../core/cases/errors.ts';
import type { CaseRecord, CaseType } from '../../../core/cases/case.ts';
import type { CaseView } from '../../../core/cases/repository.ts';
import { StepStatus } from '../../../core/cases/step.ts';
import { noReasonWindowEnd } from '../../../core/lifecycles/no-reason-window.ts';
import { toInstant } from '../../../core/cases/instant.ts';
import type { StorefrontEventOf } from '../../../core/storefront/events.ts';
import { OrderAlreadyHandedOver, OrderNotDelivered, OrderNotFound } from '../../case-action/errors.ts';
import { orderHandover } from '../../shared/case-deadlines.ts';
import { requestCaseId } from '../case-ids.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { openCase } from '../open-case.ts';
import { deliveredAtOf, orderCase } from './order-case.ts';
import { importOrder } from './order-imported.ts';

type RequestEvent = StorefrontEventOf<'order.cancel-requested' | 'order.return-requested' | 'order.exchange-requested'>;

export async function cancelRequested(deps: EffectDeps, event: StorefrontEventOf<'order.cancel-requested'>): Promise<Accepted> {
  const order = await orderCase(deps, event.data.orderId);
  const pickup = order.steps.find((s) => s.step === orderHandover.keptBy && s.status === StepStatus.completed);
  if (pickup) throw new OrderAlreadyHandedOver(event.data.orderId, pickup.completedAt);
  if (order.case.status !== 'open') throw new CaseClosed(order.case.id, order.case.status);
  return openRequestCase(deps, event, order, 'cancellation', {});
}

export async function returnRequested(deps: EffectDeps, event: StorefrontEventOf<'order.return-requested'>): Promise<Accepted> {
  const order = await knownOrImported(deps, event);
  refuseBeforeHandover(order, event.data.orderId, 'return');
  return openRequestCase(deps, event, order, 'return', windowFacts(deps, order, deps.caseRules.noReasonReturnDays));
}

export async function exchangeRequested(deps: EffectDeps, event: StorefrontEventOf<'order.exchange-requested'>): Promise<Accepted> {
  const order = await knownOrImported(deps, event);
  refuseBeforeHandover(order, event.data.orderId, 'exchange');
  return openRequestCase(deps, event, order, 'exchange', windowFacts(deps, order, deps.caseRules.noReasonExchangeDays));
}

/**
 * The order of a return or exchange: the known one, else — for an order from before go-live — the
 * facts the request carries (`data.order`), recorded as `order.imported` would. Unknown and
 * without them: 404 `OrderNotFound`, saying how to go on.
 */
async function knownOrImported(deps: EffectDeps, event: StorefrontEventOf<'order.return-requested' | 'order.exchange-requested'>): Promise<CaseView> {
  const { orderId, order: carried } = event.data;
  const known = await deps.repository.findCaseByOrderId(orderId, 'order');
  if (known) return deps.repository.getCase(known.id);
  if (carried === undefined) throw new OrderNotFound(orderId, 'send order.imported first, or carry the order\'s facts in data.order (placedAt, paid, customer, address, items, paymentChannel, optional paidAt and deliveredAt)');
  return importOrder(deps, orderId, carried, event.id);
}

/**
 * A return or exchange needs goods the customer has or is about to get: the order delivered, or
 * handed to the courier (in transit a cancellation is refused, §4, so a return is the way). Still
 * packing, or cancelled/expired: 409 `OrderNotDelivered` naming the state (issue 28 item 11).
 */
function refuseBeforeHandover(order: CaseView, orderId: string, request: 'return' | 'exchange'): void {
  if (deliveredAtOf(order) !== undefined) return;
  if (order.steps.some((s) => s.step === orderHandover.keptBy && s.status === StepStatus.completed)) return;
  if (order.case.status === 'completed') return; // delivered or imported as done
  const openSteps = order.steps.filter((s) => s.status !== StepStatus.completed && s.status !== StepStatus.cancelled).map((s) => s.step);
  throw new OrderNotDelivered(orderId, { status: order.case.status, openSteps }, request);
}

/**
 * The delivery time and the end of the no-reason window (core/lifecycles/no-reason-window.ts), when
 * the order was delivered. `noReasonDays` is kept so the window is checked later with the policy
 * the case was opened under.
 */
function windowFacts(deps: EffectDeps, order: CaseView, days: number): Record<string, unknown> {
  const deliveredAt = deliveredAtOf(order);
  if (deliveredAt === undefined) return { deliveredAt: null, noReasonUntil: null, noReasonDays: days };
  return { deliveredAt, noReasonUntil: toInstant(noReasonWindowEnd(Date.parse(deliveredAt), days, deps.policy.zone)), noReasonDays: days };
}

async function openRequestCase(deps: EffectDeps, event: RequestEvent, order: CaseView, type: CaseType, facts: Record<string, unknown>): Promise<Accepted> {
  const pending = await openCaseOfType(deps, event.data.orderId, type);
  if (pending) return { caseId: pending.id };
  const { orderId } = event.data;
  const orderData = order.case.data;
  const opened = await openCase(deps, {
    id: requestCaseId(type, orderId, event.id),
    type,
    orderId,
    openedAt: event.occurredAt,
    sourceEventId: event.id,
    // What the lifecycle needs of the order (refund channel, items, customer) next to the request.
    data: {
      ...event.data,
      orderCaseId: order.case.id,
      paymentChannel: orderData.paymentChannel ?? null,
      paid: orderData.paid ?? null,
      customer: orderData.customer ?? null,
      items: orderData.items ?? [],
      ...facts,
    },
    link: { caseId: order.case.id, relation: 'originates-from' },
    timings: () => ({}),
  });
  return { caseId: opened.id };
}

async function openCaseOfType(deps: EffectDeps, orderId: string, type: CaseType): Promise<CaseRecord | undefined> {
  const cases = await deps.repository.listCasesForOrder(orderId);
  return cases.filter((c) => c.type === type && c.status === 'open').sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1))[0];
}
