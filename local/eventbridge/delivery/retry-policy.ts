/** How often and how long a delivery is retried, and how far apart. */
export interface RetryPolicy {
  /** Retries after the first attempt (AWS: `MaximumRetryAttempts`, default 185). */
  maximumRetryAttempts: number;
  /** Give up once the event is this old (AWS: `MaximumEventAgeInSeconds`, default 86,400). */
  maximumEventAgeSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 };

export interface Backoff {
  /** Delay before the first retry. */
  baseMs: number;
  /** Upper bound of any one delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 1_000, maxMs: 300_000 };

/** Exponential backoff: base, 2×base, 4×base … capped (no jitter, so tests are deterministic). */
export function retryDelay(backoff: Backoff, failedAttempts: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** A failure that retrying cannot fix (e.g. an HTTP 4xx): the delivery goes straight to the dead-letter log. */
export class NonRetryableDeliveryError extends Error {
  override readonly name = 'NonRetryableDeliveryError';
}

/**
 * A delivery that cannot be attempted yet (an SQS message on a queue no consumer reads): put off
 * by `retryAfterMs`, not counted as an attempt, and still given up when its age runs out.
 */
export class DeliveryDeferred extends Error {
  override readonly name = 'DeliveryDeferred';
  constructor(readonly retryAfterMs: number) {
    super(`deferred for ${retryAfterMs} ms`);
  }
}
