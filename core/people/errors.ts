/** Domain errors of people, rosters and assignment; each has a stable `name` (the API's `error.code`) and its HTTP status. */

export abstract class PeopleError extends Error {
  abstract readonly status: number;
}

/** `claim` of a step someone else holds: only a supervisor reassigns it (`/assign`). */
export class StepAssignedToOther extends PeopleError {
  override readonly name = 'StepAssignedToOther';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly step: string,
    readonly assignedTo: string,
  ) {
    super(`${step} of ${caseId} is assigned to ${assignedTo}; a supervisor can reassign it`);
  }
}

/** `release` by someone who does not hold the step. */
export class NotAssignee extends PeopleError {
  override readonly name = 'NotAssignee';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly step: string,
    readonly user: string,
    readonly assignedTo: string | undefined,
  ) {
    super(assignedTo === undefined ? `${step} of ${caseId} is in the pool; nobody holds it` : `${step} of ${caseId} is held by ${assignedTo}, not ${user}`);
  }
}

/** `assign {"to"}` names nobody of the step's role. */
export class UnknownAssignee extends PeopleError {
  override readonly name = 'UnknownAssignee';
  readonly status = 400;
  constructor(
    readonly to: string,
    readonly role: string,
  ) {
    super(`"${to}" is not an active person of the role ${role}`);
  }
}
