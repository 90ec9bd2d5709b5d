export { createEventBridgeLocal, type EventBridgeLocal, type EventBridgeLocalOptions } from './eventbridge-local.ts';
export { handleEventsRequest, createEventsRequestListener, EVENTS_TARGET_PREFIX, type ApiResponse } from './api/http-handler.ts';
export type { EventBridgeDispatcher, HttpDelivery } from './delivery/dispatcher.ts';
export type { DeadLetter } from './delivery/outbox.ts';
export { DeliveryOutbox } from './delivery/outbox.ts';
export { NonRetryableDeliveryError, DEFAULT_RETRY_POLICY, DEFAULT_BACKOFF, type RetryPolicy, type Backoff } from './delivery/retry-policy.ts';
export { compilePattern, matchesPattern, testEventPattern, InvalidEventPatternError } from './pattern/index.ts';
