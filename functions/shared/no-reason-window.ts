/**
 * The no-reason window (service-standards.md §5–§6) of a return or exchange case, read from the
 * store: the delivery recorded on the case when it was requested, else the order's own
 * `order.delivered` fact (the parcel may arrive after the request). The rule itself is pure, in
 * core/lifecycles/no-reason-window.ts.
 */
import type { CaseRepository, CaseView } from '../../core/cases/repository.ts';
import { noReasonWindow, type NoReasonWindow } from '../../core/lifecycles/no-reason-window.ts';
import type { Zone } from '../../core/time/zone.ts';
import { deliveredAtOf } from '../storefront-webhook/effects/order-case.ts';

const WINDOW_CASE_TYPES = new Set(['return', 'exchange']);

/** The window of the case, or undefined: not a return/exchange, no window days recorded, or not delivered yet. */
export async function caseNoReasonWindow(repository: Pick<CaseRepository, 'getCase' | 'findCaseByOrderId'>, view: CaseView, zone: Zone): Promise<NoReasonWindow | undefined> {
  if (!WINDOW_CASE_TYPES.has(view.case.type)) return undefined;
  const { data } = view.case;
  if (typeof data.noReasonDays !== 'number') return undefined;
  const deliveredAt = typeof data.deliveredAt === 'string' ? data.deliveredAt : await orderDeliveredAt(repository, view);
  return noReasonWindow(deliveredAt, data.noReasonDays, zone);
}

async function orderDeliveredAt(repository: Pick<CaseRepository, 'getCase' | 'findCaseByOrderId'>, view: CaseView): Promise<string | undefined> {
  const orderCaseId = typeof view.case.data.orderCaseId === 'string' ? view.case.data.orderCaseId : (view.case.orderId !== undefined ? (await repository.findCaseByOrderId(view.case.orderId, 'order'))?.id : undefined);
  if (orderCaseId === undefined) return undefined;
  return deliveredAtOf(await repository.getCase(orderCaseId));
}
