/**
 * What an SLA timer does when it fires (and what the sweep does for a timer that was lost):
 * a warning or breach for a step still open whose deadline is the one the timer was set for,
 * the automatic end of a pause, or a case-level deadline. Every path is safe to repeat: the
 * repository reports `changed: false` for a repeat, and only a change emits events.
 */
import { CaseNotFound, StepNotFound, StepNotPaused } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { StepSelector } from '../../core/cases/repository.ts';
import { isStepActive, StepStatus, type StepRecord } from '../../core/cases/step.ts';
import { domainEvent, SlaScope } from '../../core/ports/event-schemas.ts';
import { DetailType, type DomainEvent } from '../../core/ports/events.ts';
import { TimerKind, type TimerPayload } from '../../core/ports/timers.ts';
import { caseDeadlineByPolicyStep, casePromiseSteps } from '../shared/case-deadlines.ts';
import { ESCALATION_ROLE } from '../shared/escalation.ts';
import { withStep } from '../shared/logger.ts';
import { settledByPickupRun } from '../shared/pickup-rule.ts';
import { createStepClock, type StepClockDeps } from '../shared/step-clock.ts';
import { slaBreached, slaWarning } from '../shared/step-events.ts';

export type SlaTimerDeps = StepClockDeps;

export const TimerOutcome = {
  warned: 'warned',
  breached: 'breached',
  resumed: 'resumed',
  caseBreached: 'case-breached',
  /** Nothing to do: a repeat, a stale timer, a closed or paused step. */
  nothing: 'nothing',
} as const;
export type TimerOutcome = (typeof TimerOutcome)[keyof typeof TimerOutcome];

export interface SlaTimers {
  /** A timer fired. */
  fire(payload: TimerPayload): Promise<TimerOutcome>;
  /** The sweep found a step whose next timer is due: warn or breach it as its timer would have. */
  check(selector: StepSelector): Promise<TimerOutcome>;
}

export function createSlaTimers(deps: SlaTimerDeps): SlaTimers {
  const stepClock = createStepClock(deps);
  const now = (): string => toInstant(deps.clock.now());

  async function load(selector: StepSelector): Promise<StepRecord | undefined> {
    try {
      return await deps.repository.getStep(selector);
    } catch (error) {
      if (error instanceof StepNotFound || error instanceof CaseNotFound) {
        deps.log.warn('timer for an unknown step', { reason: error.message });
        return undefined;
      }
      throw error;
    }
  }

  async function warn(step: StepRecord): Promise<TimerOutcome> {
    if (step.warnAt === undefined) return TimerOutcome.nothing;
    const at = later(now(), step.warnAt);
    const outcome = await deps.repository.markWarned(step, at);
    if (!outcome.changed) return TimerOutcome.nothing;
    await deps.repository.appendTimeline(step.caseId, { id: `sla.warned#${step.step}#${step.attempt}`, at, kind: 'sla.warned', step: step.step, detail: { due: step.due, warnAt: step.warnAt } });
    await deps.events.publish([slaWarning(outcome.step)]);
    deps.log.info('SLA warning', { warnAt: step.warnAt, due: step.due });
    return TimerOutcome.warned;
  }

  async function breach(step: StepRecord): Promise<TimerOutcome> {
    if (step.due === undefined) return TimerOutcome.nothing;
    const at = later(now(), step.due);
    const outcome = await deps.repository.markBreached(step, at, ESCALATION_ROLE);
    if (!outcome.changed) return TimerOutcome.nothing;
    const breached = outcome.step;
    await deps.repository.appendTimeline(step.caseId, {
      id: `sla.breached#${step.step}#${step.attempt}`,
      at,
      kind: 'sla.breached',
      step: step.step,
      detail: { due: step.due, escalatedTo: ESCALATION_ROLE },
    });
    const promise = casePromiseSteps[step.step];
    const events: DomainEvent[] = [slaBreached(breached, promise ? SlaScope.case : SlaScope.step)];
    if (promise === DetailType.RefundOverdue) {
      const caseView = await deps.repository.getCase(step.caseId);
      const channel = caseView.case.data.paymentChannel;
      events.push(
        domainEvent(DetailType.RefundOverdue, {
          caseId: step.caseId,
          caseType: step.caseType,
          step: step.step,
          attempt: step.attempt,
          due: step.due,
          overdueAt: at,
          ...(typeof channel === 'string' ? { channel } : {}),
        }, at),
      );
    }
    await deps.events.publish(events);
    deps.log.warn('SLA breached', { due: step.due, escalatedTo: ESCALATION_ROLE });
    return TimerOutcome.breached;
  }

  async function resume(payload: TimerPayload): Promise<TimerOutcome> {
    const step = await load(payload);
    const until = step?.pausedNow?.until;
    if (!step || step.status !== StepStatus.paused || until === undefined || until !== toInstant(payload.at)) return TimerOutcome.nothing;
    try {
      await stepClock.resume({ caseId: step.caseId, step: step.step, attempt: step.attempt }, { by: 'sla-timer' });
      return TimerOutcome.resumed;
    } catch (error) {
      if (error instanceof StepNotPaused) return TimerOutcome.nothing; // resumed by hand in the meantime
      throw error;
    }
  }

  async function caseDue(payload: TimerPayload): Promise<TimerOutcome> {
    const deadline = caseDeadlineByPolicyStep(payload.step);
    if (!deadline) {
      deps.log.warn('timer for an unknown case deadline', { deadline: payload.step });
      return TimerOutcome.nothing;
    }
    const view = await deps.repository.getCase(payload.caseId);
    if (view.case.status !== 'open') return TimerOutcome.nothing;
    if (view.steps.some((s) => s.step === deadline.keptBy && s.status === StepStatus.completed)) return TimerOutcome.nothing;
    const entryId = `sla.case-breached#${deadline.policyStep}`;
    if (view.timeline.some((e) => e.id === entryId)) return TimerOutcome.nothing;
    const at = later(now(), payload.at);
    const due = toInstant(payload.at);
    await deps.repository.appendTimeline(payload.caseId, { id: entryId, at, kind: 'sla.case-breached', step: deadline.policyStep, detail: { due } });
    const role = deps.policy.steps.get(deadline.policyStep)?.role ?? 'automatic';
    await deps.events.publish([
      domainEvent(
        DetailType.SlaBreached,
        { scope: SlaScope.case, caseId: payload.caseId, caseType: view.case.type, step: deadline.policyStep, attempt: 1, role, due, breachedAt: at },
        at,
      ),
    ]);
    deps.log.warn('case-level SLA breached', { deadline: deadline.policyStep, due });
    return TimerOutcome.caseBreached;
  }

  return {
    async fire(payload) {
      withStep(deps.log, payload);
      switch (payload.kind) {
        case TimerKind.warn: {
          const step = await load(payload);
          if (!step || !isStepActive(step.status) || step.warnAt !== toInstant(payload.at)) return TimerOutcome.nothing;
          return warn(step);
        }
        case TimerKind.due: {
          const step = await load(payload);
          if (!step || !isStepActive(step.status) || step.due !== toInstant(payload.at)) return TimerOutcome.nothing;
          return breach(step);
        }
        case TimerKind.resume:
          return resume(payload);
        case TimerKind.caseDue:
          return caseDue(payload);
      }
    },

    async check(selector) {
      withStep(deps.log, selector);
      const step = await load(selector);
      if (!step || !isStepActive(step.status) || settledByPickupRun(deps.policy, step.step)) return TimerOutcome.nothing;
      const at = now();
      if (step.due !== undefined && step.due <= at) return breach(step);
      if (step.warnAt !== undefined && step.warnAt <= at) return warn(step);
      return TimerOutcome.nothing;
    },
  };
}

/** The later of two instants: a timer that fired a moment early still counts at its own instant. */
function later(a: string, b: string): string {
  return a >= b ? a : toInstant(b);
}
