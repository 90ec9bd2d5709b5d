/**
 * Domain errors of the case store. Each has a stable `name` (the API's `error.code`) and the HTTP
 * status it surfaces as.
 */
import type { CaseStatus } from './case.ts';
import type { StepStatus } from './step.ts';

export abstract class CaseError extends Error {
  abstract readonly status: number;
}

export class CaseNotFound extends CaseError {
  override readonly name = 'CaseNotFound';
  readonly status = 404;
  constructor(readonly caseId: string) {
    super(`case ${caseId} does not exist`);
  }
}

export class CaseDeadlineNotFound extends CaseError {
  override readonly name = 'CaseDeadlineNotFound';
  readonly status = 404;
  constructor(
    readonly caseId: string,
    readonly deadline: string,
  ) {
    super(`case ${caseId} has no deadline ${deadline}`);
  }
}

/** `POST /cases/{id}/contact/reveal` on a case whose event named no customer phone (a stock case). */
export class ContactNotFound extends CaseError {
  override readonly name = 'ContactNotFound';
  readonly status = 404;
  constructor(readonly caseId: string) {
    super(`case ${caseId} has no customer phone`);
  }
}

export class StepNotFound extends CaseError {
  override readonly name = 'StepNotFound';
  readonly status = 404;
  constructor(
    readonly caseId: string,
    readonly step: string,
  ) {
    super(`case ${caseId} has no step ${step}`);
  }
}

/** Completing, pausing or cancelling a step that is already closed (e.g. the losers of concurrent completions). */
export class StepNotOpen extends CaseError {
  override readonly name = 'StepNotOpen';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly step: string,
    readonly current: StepStatus,
    /** Who closed it and when (an instant as the API shows it), when known: the console shows it beside a 409. */
    readonly closed?: { by: string; at: string },
  ) {
    super(`step ${step} of case ${caseId} is ${current}, not open${closed ? ` (${current} by ${closed.by} at ${closed.at})` : ''}`);
  }
}

/**
 * Acting on a step whose latest attempt waits on the platform alone (role `automatic`): the order's
 * payment wait after its last follow-up (service-standards.md §3). The clerk's attempt moved on; 409.
 */
export class StepAwaitingPlatform extends CaseError {
  override readonly name = 'StepAwaitingPlatform';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly step: string,
  ) {
    super(`step ${step} of case ${caseId} has moved on: it now waits on the platform (automatic) and no one completes it`);
  }
}

export class StepAlreadyPaused extends CaseError {
  override readonly name = 'StepAlreadyPaused';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly step: string,
  ) {
    super(`step ${step} of case ${caseId} is already paused`);
  }
}

export class StepNotPaused extends CaseError {
  override readonly name = 'StepNotPaused';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly step: string,
    readonly current: StepStatus,
  ) {
    super(`step ${step} of case ${caseId} is ${current}, not paused`);
  }
}

/** Escalating by hand a step already at the policy's last escalation level (service-standards.md §9). */
export class NoHigherEscalationLevel extends CaseError {
  override readonly name = 'NoHigherEscalationLevel';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly step: string,
    readonly role: string,
  ) {
    super(`step ${step} of case ${caseId} is escalated to ${role} already, the last escalation level`);
  }
}

export class CaseClosed extends CaseError {
  override readonly name = 'CaseClosed';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly current: CaseStatus,
  ) {
    super(`case ${caseId} is ${current}`);
  }
}

/** Creating a case under an id that already holds a different case. */
export class CaseIdConflict extends CaseError {
  override readonly name = 'CaseIdConflict';
  readonly status = 409;
  constructor(readonly caseId: string) {
    super(`case id ${caseId} is already taken by a different case`);
  }
}

/** An optimistic write lost a race with another writer; re-reading and retrying is safe. */
export class ConcurrentUpdate extends CaseError {
  override readonly name = 'ConcurrentUpdate';
  readonly status = 409;
  constructor(
    readonly caseId: string,
    readonly what: string,
  ) {
    super(`${what} of case ${caseId} changed concurrently; retry`);
  }
}
