/** Domain errors of holds and priority (service-standards.md §12). Stable `name`s; the HTTP status each surfaces as. */

/** A hold that cannot be requested or decided now (the order is paid, closed, held once already, or the approver's step is closed). */
export class HoldNotAllowed extends Error {
  override readonly name = 'HoldNotAllowed';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    reason: string,
  ) {
    super(`case ${caseId}: ${reason}`);
  }
}

/** Priority is for open orders not yet handed to the courier. */
export class PriorityNotAllowed extends Error {
  override readonly name = 'PriorityNotAllowed';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    reason: string,
  ) {
    super(`case ${caseId}: ${reason}`);
  }
}
