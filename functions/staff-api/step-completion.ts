/**
 * Completing a step from outside its workflow (a staff member through the API, or a storefront
 * webhook such as `order.paid`): the conditional write decides the one winner of concurrent
 * completions (the rest get `StepNotOpen`, 409); only the winner answers the waiting workflow
 * (SendTaskSuccess with a StepResult), disarms the step's timers and emits `StepCompleted`.
 */
import type { CaseRepository, StepSelector } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { Clock } from '../../core/time/clock.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { Log } from '../shared/logger.ts';
import { stepCompleted } from '../shared/step-events.ts';
import { disarmStepTimers } from '../shared/step-timers.ts';
import { stepResultOf } from '../shared/step-result.ts';

export interface StepCompletionDeps {
  repository: CaseRepository;
  workflows: WorkflowGateway;
  timers: TimerScheduler;
  events: EventPublisher;
  clock: Clock;
  log: Log;
}

export interface Completion {
  by: string;
  outcome?: string;
  fields?: Record<string, unknown>;
}

/** Completes the step now. Throws `StepNotOpen` (409) for every caller but the one that won. */
export async function completeStepNow(deps: StepCompletionDeps, selector: StepSelector, completion: Completion): Promise<StepRecord> {
  const at = toInstant(deps.clock.now());
  const done = await deps.repository.completeStep(selector, { at, by: completion.by, outcome: completion.outcome, fields: completion.fields ?? {} });
  if (done.taskToken !== undefined) {
    const answered = await deps.workflows.sendSuccess(done.taskToken, stepResultOf(done, 'unknown'));
    if (!answered) deps.log.warn('the workflow no longer waited for this step (task token closed)', { caseId: done.caseId, step: done.step, attempt: done.attempt });
  }
  try {
    await disarmStepTimers(deps, done);
  } catch (error) {
    // The completion is stored and answered: a leftover timer fires for a closed step and finds nothing to do.
    deps.log.warn('could not delete the completed step\'s timers', { caseId: done.caseId, step: done.step, error: error instanceof Error ? error : new Error(String(error)) });
  }
  await deps.events.publish([stepCompleted(done)]);
  return done;
}
