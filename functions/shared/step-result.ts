import type { StepRecord } from '../../core/cases/step.ts';
import type { StepResult } from '../../core/lifecycles/contracts.ts';

/** The output the waiting Task receives for a completed step (core/lifecycles/contracts.ts); `by` when the record names no one. */
export function stepResultOf(step: StepRecord, by: string): StepResult {
  return {
    step: step.step,
    attempt: step.attempt,
    outcome: step.outcome ?? null,
    fields: step.fields ?? {},
    completedAt: step.completedAt ?? step.openedAt,
    completedBy: step.completedBy ?? by,
    onTime: step.onTime ?? null,
  };
}
