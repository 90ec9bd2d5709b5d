/**
 * Whose a step is (issue 23): the person it is assigned to (`assignedTo`, absent while it sits in
 * its role's pool), else the person who completed it. Steps the platform performs (`automatic`)
 * belong to nobody.
 */
import { AUTOMATIC, type StepRecord } from '../../cases/step.ts';

/** A step as the scorecard reads it; `assignedTo` comes with assignment (people/rosters, issue 23). */
export type OwnedStep = Pick<StepRecord, 'caseId' | 'step' | 'attempt' | 'role' | 'status' | 'openedAt' | 'due' | 'completedAt' | 'completedBy' | 'onTime' | 'breachedAt' | 'escalation' | 'pauses' | 'pausedNow'> & {
  assignedTo?: string | undefined;
};

/** `assignedTo ?? completedBy`; undefined for an automatic step or one nobody holds. */
export function stepOwner(step: Pick<OwnedStep, 'role' | 'assignedTo' | 'completedBy'>): string | undefined {
  if (step.role === AUTOMATIC) return undefined;
  return step.assignedTo ?? step.completedBy;
}
