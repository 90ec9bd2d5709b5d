/**
 * Completing a step from outside its workflow (a staff member through the API, or a storefront
 * webhook such as `order.paid`): the conditional write decides the one winner of concurrent
 * completions (the rest get `StepNotOpen`, 409); only the winner settles it — answers the waiting
 * workflow (SendTaskSuccess with a StepResult), disarms the step's timers and emits
 * `StepCompleted` (`functions/shared/completion-effects.ts`; the sweep finishes what a crash cut short).
 */
import type { StepSelector } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { toInstant } from '../../core/cases/instant.ts';
import { settleCompletion, type CompletionEffectsDeps } from '../shared/completion-effects.ts';

export type StepCompletionDeps = CompletionEffectsDeps;

export interface Completion {
  by: string;
  outcome?: string;
  fields?: Record<string, unknown>;
}

/** Completes the step now. Throws `StepNotOpen` (409) for every caller but the one that won. */
export async function completeStepNow(deps: StepCompletionDeps, selector: StepSelector, completion: Completion): Promise<StepRecord> {
  const at = toInstant(deps.clock.now());
  const done = await deps.repository.completeStep(selector, { at, by: completion.by, outcome: completion.outcome, fields: completion.fields ?? {} });
  await settleCompletion(deps, done);
  return done;
}
