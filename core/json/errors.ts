/** Errors of client JSON that is too big; like the other domain errors, a stable `name` (the API's `error.code`) and a status. */

/** A body over its route's byte limit (RFC 9110 §15.5.14, 413 Content Too Large). */
export class PayloadTooLarge extends Error {
  override readonly name = 'PayloadTooLarge';
  readonly status = 413;
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`body: ${bytes} bytes, more than the ${limit} allowed`);
  }
}
