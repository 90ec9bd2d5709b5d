/**
 * Opening a step (the workflow's waitForTaskToken Task): compute `due`/`warnAt` with the policy,
 * store the step with its task token (idempotent), arm the warning and due timers, start any
 * case-level deadline the step begins, and emit `StepOpened`. A redelivery keeps the stored
 * deadline, re-arms the same timers (same names) and emits nothing. A pickup step gets no timer:
 * the pickup run decides whether it missed its batch.
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { due } from '../../core/deadline/due.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { OpenStepRequest } from '../../core/lifecycles/contracts.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import { TimerKind, type TimerScheduler } from '../../core/ports/timers.ts';
import type { Clock } from '../../core/time/clock.ts';
import { caseDeadlineStartedBy, type CaseDeadline } from '../shared/case-deadlines.ts';
import { withStep, type Log } from '../shared/logger.ts';
import { settledByPickupRun } from '../shared/pickup-rule.ts';
import { STEP_OPENED, stepOpenedEntryId } from '../shared/step-deadline.ts';
import { stepOpened } from '../shared/step-events.ts';
import { armStepTimers, schedule } from '../shared/step-timers.ts';

export interface OpenStepDeps {
  repository: CaseRepository;
  events: EventPublisher;
  timers: TimerScheduler;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
}

export interface OpenStepResponse {
  caseId: string;
  step: string;
  attempt: number;
  due: string | null;
  warnAt: string | null;
  /** False on a redelivery: the step was already open. */
  opened: boolean;
}

export function createOpenStep(deps: OpenStepDeps): (request: OpenStepRequest) => Promise<OpenStepResponse> {
  return async (request) => {
    const attempt = request.attempt ?? 1;
    withStep(deps.log, { caseId: request.caseId, step: request.step, attempt });
    const now = deps.clock.now();
    const openedAt = toInstant(now);
    const from = request.deadlineFrom === undefined ? openedAt : toInstant(request.deadlineFrom);
    const facts = request.facts ?? {};
    const deadline = due(request.step, Date.parse(from), facts, [], deps.policy, { explain: false });

    const { step, opened } = await deps.repository.openStep({
      caseId: request.caseId,
      caseType: request.caseType,
      step: request.step,
      attempt,
      role: request.role ?? deadline.role,
      openedAt,
      ...(deadline.due !== null ? { due: toInstant(deadline.due) } : {}),
      ...(deadline.warnAt !== null ? { warnAt: toInstant(deadline.warnAt) } : {}),
      ...(Date.parse(from) > now ? { startsAt: from } : {}),
      ...(deadline.provisional ? { provisional: true } : {}),
      taskToken: request.taskToken,
    });

    if (opened) {
      await deps.repository.appendTimeline(step.caseId, {
        id: stepOpenedEntryId(step),
        at: step.openedAt,
        kind: STEP_OPENED,
        step: step.step,
        detail: { attempt: step.attempt, role: step.role, due: step.due ?? null, warnAt: step.warnAt ?? null, deadlineFrom: from, facts },
      });
    }
    if (!settledByPickupRun(deps.policy, step.step)) await armStepTimers(deps, step);
    const caseDeadline = attempt === 1 ? caseDeadlineStartedBy(request.caseType, request.step) : undefined;
    if (caseDeadline) await armCaseDeadline(deps, step, caseDeadline);
    if (opened) await deps.events.publish([stepOpened(step)]);
    deps.log.info(opened ? 'step opened' : 'step already open (redelivery)', { due: step.due, warnAt: step.warnAt, role: step.role });
    return { caseId: step.caseId, step: step.step, attempt: step.attempt, due: step.due ?? null, warnAt: step.warnAt ?? null, opened };
  };
}

/** Arms the case-level deadline that starts with this step (computed from the step's opening). */
async function armCaseDeadline(deps: OpenStepDeps, step: StepRecord, deadline: CaseDeadline): Promise<void> {
  const result = due(deadline.policyStep, Date.parse(step.openedAt), {}, [], deps.policy, { explain: false });
  if (result.due === null) return;
  await schedule(deps, { kind: TimerKind.caseDue, caseId: step.caseId, step: deadline.policyStep, attempt: 1, at: toInstant(result.due) });
}
