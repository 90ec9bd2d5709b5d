/** Completing a case's waiting step on the storefront's word (`order.paid`, `order.delivered`, `goods.received`, `refund.settled`). */
import { StepNotOpen } from '../../core/cases/errors.ts';
import { isStepActive, type StepRecord } from '../../core/cases/step.ts';
import { completeStepNow } from '../staff-api/step-completion.ts';
import type { EffectDeps } from './deps.ts';

/** Who completes steps on the storefront's behalf (`completedBy`). */
export const STOREFRONT = 'storefront';

/** The step's latest active attempt, if any. */
export function activeStep(steps: readonly StepRecord[], stepId: string): StepRecord | undefined {
  return steps.filter((s) => s.step === stepId && isStepActive(s.status)).sort((a, b) => b.attempt - a.attempt)[0];
}

/**
 * Completes the case's active `stepId` with the event's facts; returns whether it did (false when
 * the step was not open: the fact is only recorded on the timeline by the caller).
 */
export async function completeWaitingStep(deps: EffectDeps, steps: readonly StepRecord[], stepId: string, completion: { outcome?: string; fields: Record<string, unknown> }): Promise<boolean> {
  const step = activeStep(steps, stepId);
  if (!step) return false;
  try {
    await completeStepNow(deps, { caseId: step.caseId, step: step.step, attempt: step.attempt }, { by: STOREFRONT, ...completion });
    return true;
  } catch (error) {
    if (error instanceof StepNotOpen) return false; // completed meanwhile (e.g. by staff)
    throw error;
  }
}
