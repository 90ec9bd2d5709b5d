import type { FunctionDecl, QueueDecl } from '../../platform/manifest-types.ts';
import { storefrontEffectsAccess } from '../storefront-webhook/effects-access.ts';

const STOREFRONT_APPLY_ID = 'storefront-apply';
const STOREFRONT_EVENTS_QUEUE_ID = 'storefront-events';

/**
 * Applies the storefront events the webhook acknowledged once stored (`order.placed`, and an
 * `order.paid` or `order.cancel-requested` queued behind its placement): opens the order's case and
 * starts its lifecycle (or applies the follower to it; one whose case is not there yet fails and is
 * received again after the visibility timeout), then marks the event's idempotency record completed.
 */
export const storefrontApplyFunction: FunctionDecl = {
  id: STOREFRONT_APPLY_ID,
  entry: 'functions/storefront-apply/handler.ts',
  timeoutSeconds: 30,
  access: storefrontEffectsAccess,
};

/**
 * The acknowledged storefront events waiting to be applied (a Double 11 midnight's backlog). At
 * most `maximumConcurrency` (2, AWS's minimum) consumer invocations at once, so that the webhook's acknowledgements
 * keep the CPU they need while the backlog drains; a message failing 5 receives goes to the DLQ.
 */
export const storefrontEventsQueue: QueueDecl = { id: STOREFRONT_EVENTS_QUEUE_ID, consumer: STOREFRONT_APPLY_ID, batchSize: 10, maxReceiveCount: 5, maximumConcurrency: 2 };
