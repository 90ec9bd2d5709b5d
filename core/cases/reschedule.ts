/**
 * A published policy moves an open step's deadline (issue 25, publish with `openSteps:
 * "recompute"`). Only a running clock moves: a closed, paused or breached step keeps its
 * instants (a paused step is recomputed when it resumes; a breach has happened). A warning
 * already given stays given.
 */
import type { Instant } from './case.ts';
import { isStepActive, type StepRecord } from './step.ts';
import type { TimerOutcome } from './transitions.ts';

export interface RescheduleStep {
  due: Instant;
  /** Absent: the rule gives no warning (day-based). */
  warnAt?: Instant;
  provisional: boolean;
}

export function rescheduleStep(step: StepRecord, input: RescheduleStep): TimerOutcome {
  if (!isStepActive(step.status) || step.pausedNow || step.breachedAt !== undefined || step.due === undefined) return { changed: false, step };
  if (step.due === input.due && step.warnAt === input.warnAt && (step.provisional ?? false) === input.provisional) return { changed: false, step };
  const { warnAt: _warnAt, provisional: _provisional, ...rest } = step;
  return {
    changed: true,
    step: { ...rest, due: input.due, ...(input.warnAt !== undefined ? { warnAt: input.warnAt } : {}), ...(input.provisional ? { provisional: true } : {}) },
  };
}
