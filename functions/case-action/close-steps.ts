/** Closing a case's remaining active steps as `cancelled`, with their timers. */
import { StepNotOpen } from '../../core/cases/errors.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import { isStepActive, type StepRecord } from '../../core/cases/step.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import { caseDeadlines, caseDeadlineTimerNames } from '../shared/case-deadlines.ts';
import { disarmStepTimers } from '../shared/step-timers.ts';

/** Cancels every active step of the case; returns the steps this call cancelled. */
export async function cancelActiveSteps(
  deps: { repository: CaseRepository; timers: TimerScheduler },
  steps: readonly StepRecord[],
  input: { at: string; by: string; reason: string },
): Promise<StepRecord[]> {
  const cancelled: StepRecord[] = [];
  for (const step of steps.filter((s) => isStepActive(s.status))) {
    try {
      cancelled.push(await deps.repository.cancelStep(step, input));
    } catch (error) {
      if (!(error instanceof StepNotOpen)) throw error; // completed meanwhile
    }
    await disarmStepTimers(deps, step);
  }
  return cancelled;
}

/** Deletes the case-level deadline timers of a case that closed. */
export async function disarmCaseDeadlines(deps: { timers: TimerScheduler }, caseId: string): Promise<void> {
  for (const deadline of caseDeadlines) for (const name of caseDeadlineTimerNames(caseId, deadline)) await deps.timers.cancel(name);
}
