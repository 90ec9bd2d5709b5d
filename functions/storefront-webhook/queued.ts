/**
 * Events acknowledged once durably stored and applied behind a queue (README.md, "Queued events").
 * Only events whose answer is known from the event alone qualify: `order.placed` answers with the
 * order's case id, derived from its order id (case-ids.ts), whatever the store holds. Events whose
 * answer depends on the stored cases (404 NoMatchingCase, 409 after handover, stock.received's
 * list of cases) stay synchronous — except that `order.paid` and `order.cancel-requested` about an
 * order whose placement is itself still queued are queued behind it (pending-placements.ts).
 */
import type { StorefrontEvent } from '../../core/storefront/events.ts';
import { orderCaseId, requestCaseId } from './case-ids.ts';
import type { StoredResponse } from './idempotency.ts';

/** One queued event: what the consumer applies, and what it completes the idempotency record with. */
export interface QueuedEvent {
  eventId: string;
  /** Hex SHA-256 of the raw body (the idempotency record's `payloadHash`). */
  payloadHash: string;
  /** The answer already given (202), stored again as the completed record's. */
  response: StoredResponse;
  /** The event as validated by the webhook (the raw body, UTF-8). */
  event: string;
}

/** Where queued events go (the storefront-events SQS queue); resolves once the message is durably stored. */
export interface EventQueue {
  send(message: QueuedEvent): Promise<void>;
}

/** The case id a queued event's answer names, or undefined for an event applied synchronously. */
export function queuedCaseId(event: StorefrontEvent): string | undefined {
  return event.type === 'order.placed' ? orderCaseId(event.data.orderId) : undefined;
}

/**
 * For an event that may wait behind its order's queued placement: the order's case id, and the
 * case id its answer names (the order's for a payment; the cancellation case it opens, as
 * order-requests.ts names it, for a cancellation). Undefined for every other event.
 */
export function followerCaseId(event: StorefrontEvent): { orderCaseId: string; answer: string } | undefined {
  if (event.type === 'order.paid') return { orderCaseId: orderCaseId(event.data.orderId), answer: orderCaseId(event.data.orderId) };
  if (event.type === 'order.cancel-requested') return { orderCaseId: orderCaseId(event.data.orderId), answer: requestCaseId('cancellation', event.data.orderId, event.id) };
  return undefined;
}
