/** Errors of the webhook ingest; each has a stable `name` (the API's `error.code`) and its HTTP status. */

/** The same event id is being processed by another delivery right now; the storefront retries later. */
export class DeliveryInProgress extends Error {
  override readonly name = 'DeliveryInProgress';
  readonly status = 409;
  constructor(readonly eventId: string) {
    super(`id: event ${eventId} is being processed by another delivery; retry later`);
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
