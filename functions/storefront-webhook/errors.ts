/** Errors of the webhook ingest; each has a stable `name` (the API's `error.code`) and its HTTP status. */

/**
 * The same event id is being processed by another delivery right now. 503 with `Retry-After`
 * (RFC 9110 §15.6.4), not a 4xx: senders that treat a 4xx as final would drop the event.
 */
export class DeliveryInProgress extends Error {
  override readonly name = 'DeliveryInProgress';
  readonly status = 503;
  /** Shown to the client although a 5xx: it is an expected, retryable state, not a fault. */
  readonly expose = true;
  constructor(
    readonly eventId: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`id: event ${eventId} is being processed by another delivery; retry in ${retryAfterSeconds} s`);
  }
}

/** The event id was already used for a different body (api.md): not a redelivery; nothing written. */
export class EventIdReused extends Error {
  override readonly name = 'EventIdReused';
  readonly status = 409;
  constructor(readonly eventId: string) {
    super(`id: event ${eventId} was already delivered with a different body; a new event needs a new id`);
  }
}

/** An event about a case that cannot be found (by `caseId`, or by `orderId` and the event's case types). */
export class NoMatchingCase extends Error {
  override readonly name = 'NoMatchingCase';
  readonly status = 404;
  constructor(what: string) {
    super(what);
  }
}

/** An event that names a case of the wrong type, e.g. `goods.received` for an order case. */
export class WrongCaseType extends Error {
  override readonly name = 'WrongCaseType';
  readonly status = 409;
  constructor(caseId: string, actual: string, expected: readonly string[]) {
    super(`data.caseId: case ${caseId} is a ${actual} case; this event applies to ${expected.join(' or ')} cases`);
  }
}
