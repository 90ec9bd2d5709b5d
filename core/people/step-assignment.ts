/**
 * Who holds a step (issue 23 "Assignment"): pure decisions on a step record. A claim (认领) takes
 * a pool step or keeps one's own; a release gives it back to the pool; a supervisor's assign moves
 * it to anyone of the role. Completion stays open to the role and the supervisor whoever holds it.
 */
import { StepNotOpen } from '../cases/errors.ts';
import { isStepActive, type StepRecord } from '../cases/step.ts';
import { NotAssignee, StepAssignedToOther } from './errors.ts';

/** The new holder (`undefined`: the pool), or `keep` when the step stays as it is. */
export type AssigneeChange = { to: string | undefined } | 'keep';

function active(step: StepRecord): void {
  if (!isStepActive(step.status)) throw new StepNotOpen(step.caseId, step.step, step.status);
}

/** `POST …/claim`: the step must be in the pool or already the caller's. */
export function claimChange(step: StepRecord, user: string): AssigneeChange {
  active(step);
  if (step.assignedTo === user) return 'keep';
  if (step.assignedTo !== undefined) throw new StepAssignedToOther(step.caseId, step.step, step.assignedTo);
  return { to: user };
}

/** `POST …/release`: the holder (or a supervisor) puts it back in the pool. */
export function releaseChange(step: StepRecord, user: string, supervisor: boolean): AssigneeChange {
  active(step);
  if (step.assignedTo === undefined) {
    if (supervisor) return 'keep';
    throw new NotAssignee(step.caseId, step.step, user, undefined);
  }
  if (step.assignedTo !== user && !supervisor) throw new NotAssignee(step.caseId, step.step, user, step.assignedTo);
  return { to: undefined };
}

/** `POST …/assign {"to"}` (supervisor), the new-step assignment and the shift-end handover. */
export function assignChange(step: StepRecord, to: string | undefined): AssigneeChange {
  active(step);
  return step.assignedTo === to ? 'keep' : { to };
}

/** The step with its new holder at `at`. */
export function withAssignee(step: StepRecord, to: string | undefined, at: string): StepRecord {
  const { assignedTo: _old, ...rest } = step;
  return { ...rest, ...(to !== undefined ? { assignedTo: to } : {}), assignedAt: at };
}
