/**
 * What a stored completion owes the rest of the platform: the waiting workflow's answer
 * (SendTaskSuccess with a StepResult), the step's timers deleted and `StepCompleted` published.
 * The completion is stored first without `answeredAt`, which keeps it in the repository's
 * unanswered list (an outbox on the step itself); `settleCompletion` does the effects and then
 * stamps `answeredAt`. A crash in between leaves the step listed, and the sweep settles it
 * again: the answer of an already answered token is a harmless `false`.
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { Log } from './logger.ts';
import { stepCompleted } from './step-events.ts';
import { stepResultOf } from './step-result.ts';
import { disarmStepTimers } from './step-timers.ts';

export interface CompletionEffectsDeps {
  repository: CaseRepository;
  workflows: WorkflowGateway;
  timers: TimerScheduler;
  events: EventPublisher;
  clock: Clock;
  log: Log;
}

/** Answers the workflow, disarms the timers, publishes `StepCompleted`, then stamps `answeredAt`. Safe to repeat. */
export async function settleCompletion(deps: CompletionEffectsDeps, done: StepRecord): Promise<void> {
  if (done.taskToken !== undefined) {
    const answered = await deps.workflows.sendSuccess(done.taskToken, stepResultOf(done, 'unknown'));
    if (!answered) deps.log.warn('the workflow no longer waited for this step (task token closed)', { caseId: done.caseId, step: done.step, attempt: done.attempt });
  }
  try {
    await disarmStepTimers(deps, done);
  } catch (error) {
    // The completion is stored and answered: a leftover timer fires for a closed step and finds nothing to do.
    deps.log.warn("could not delete the completed step's timers", { caseId: done.caseId, step: done.step, error: error instanceof Error ? error : new Error(String(error)) });
  }
  await deps.events.publish([stepCompleted(done)]);
  await deps.repository.markAnswered(done, toInstant(deps.clock.now()));
}
