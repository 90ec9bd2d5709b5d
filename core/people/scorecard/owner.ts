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

/**
 * Who completes steps that are not people: the storefront's word (`order.paid` completes
 * `order.payment`, functions/storefront-webhook/steps.ts), the pickup batch, the workflow's
 * cancellations, the timers.
 */
export const SYSTEM_ACTORS: ReadonlySet<string> = new Set(['storefront', 'pickup-batch', 'case-action', 'sla-timer']);

/** `assignedTo ?? completedBy`; undefined for an automatic step, one nobody holds, or one the platform itself completed unassigned. */
export function stepOwner(step: Pick<OwnedStep, 'role' | 'assignedTo' | 'completedBy'>): string | undefined {
  if (step.role === AUTOMATIC) return undefined;
  const owner = step.assignedTo ?? step.completedBy;
  return owner === undefined || SYSTEM_ACTORS.has(owner) ? undefined : owner;
}
