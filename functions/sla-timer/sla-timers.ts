/**
 * What an SLA timer does when it fires (and what the sweep does for a timer that was lost):
 * a warning or breach for a step still open whose deadline is the one the timer was set for,
 * the automatic end of a pause, or a case-level deadline. Every path is safe to repeat: the
 * repository reports `changed: false` for a repeat, and only a change emits events.
 */
import { isShipWaitStep } from '../../core/lifecycles/ship-wait.ts';
import { breachCaseDeadline, settleCaseDeadline, warnCaseDeadline, type CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import { CaseNotFound, StepNotFound, StepNotPaused } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { StepSelector } from '../../core/cases/repository.ts';
import { isStepActive, StepStatus, type StepRecord } from '../../core/cases/step.ts';
import { domainEvent, SlaScope } from '../../core/ports/event-schemas.ts';
import { DetailType, type DomainEvent } from '../../core/ports/events.ts';
import { TimerKind, type TimerPayload } from '../../core/ports/timers.ts';
import { caseDeadlineByPolicyStep, casePromiseSteps } from '../shared/case-deadlines.ts';
import { breachEscalation, recordEscalation } from '../shared/escalation.ts';
import { escalationPerson } from '../people/escalation-person.ts';
import { withStep } from '../shared/logger.ts';
import { settledByPickupRun } from '../shared/pickup-rule.ts';
import { createStepClock, type StepClockDeps } from '../shared/step-clock.ts';
import { slaBreached, slaWarning } from '../shared/step-events.ts';

export type SlaTimerDeps = StepClockDeps;

export const TimerOutcome = {
  warned: 'warned',
  breached: 'breached',
  resumed: 'resumed',
  /** A step passed its batch target still open: `PickupAtRisk` (service-standards.md §2). */
  atRisk: 'at-risk',
  caseBreached: 'case-breached',
  caseWarned: 'case-warned',
  /** Nothing to do: a repeat, a stale timer, a closed or paused step. */
  nothing: 'nothing',
} as const;
export type TimerOutcome = (typeof TimerOutcome)[keyof typeof TimerOutcome];

export interface SlaTimers {
  /** A timer fired. */
  fire(payload: TimerPayload): Promise<TimerOutcome>;
  /** The sweep found a step whose next timer is due: warn or breach it as its timer would have. */
  check(selector: StepSelector): Promise<TimerOutcome>;
  /** The sweep found a case deadline whose next instant came: warn, breach or settle it as its timer would have. */
  checkCase(deadline: CaseDeadlineRecord): Promise<TimerOutcome>;
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
    // An urgent complaint's warning escalates like a breach (§12 "Complaint kinds"), in the same write.
    const outcome = await deps.repository.markWarned(step, at, step.escalateAtWarning ? breachEscalation(deps.policy, at) : undefined);
    if (!outcome.changed) return TimerOutcome.nothing;
    await deps.repository.appendTimeline(step.caseId, { id: `sla.warned#${step.step}#${step.attempt}`, at, kind: 'sla.warned', step: step.step, detail: { due: step.due, warnAt: step.warnAt, ...(outcome.step.escalation?.warning ? { escalatedTo: outcome.step.escalatedTo } : {}) } });
    if (outcome.step.escalation?.warning) await recordEscalation(deps.repository, outcome.step);
    await deps.events.publish([slaWarning(outcome.step)]);
    deps.log.info('SLA warning', { warnAt: step.warnAt, due: step.due });
    return TimerOutcome.warned;
  }

  async function breach(step: StepRecord): Promise<TimerOutcome> {
    if (step.due === undefined) return TimerOutcome.nothing;
    const at = later(now(), step.due);
    const outcome = await deps.repository.markBreached(step, at, breachEscalation(deps.policy, at));
    if (!outcome.changed) return TimerOutcome.nothing;
    const breached = outcome.step;
    await deps.repository.appendTimeline(step.caseId, {
      id: `sla.breached#${step.step}#${step.attempt}`,
      at,
      kind: 'sla.breached',
      step: step.step,
      detail: { due: step.due, escalatedTo: breached.escalatedTo },
    });
    await recordEscalation(deps.repository, breached, await escalationPerson(deps, breached));
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
    deps.log.warn('SLA breached', { due: step.due, escalatedTo: breached.escalatedTo, seenAt: breached.escalation?.seenAt });
    return TimerOutcome.breached;
  }

  /** The step passed its batch target still open: flagged once, on the timeline and as `PickupAtRisk` (routed like every alarm event). */
  async function atRisk(step: StepRecord): Promise<TimerOutcome> {
    if (step.batchTargetAt === undefined || step.plannedPickupAt === undefined) return TimerOutcome.nothing;
    const at = later(now(), step.batchTargetAt);
    const outcome = await deps.repository.markAtRisk(step, at);
    if (!outcome.changed) return TimerOutcome.nothing;
    const detail = { batchTargetAt: step.batchTargetAt, plannedPickupAt: step.plannedPickupAt };
    await deps.repository.appendTimeline(step.caseId, { id: `pickup.at-risk#${step.step}#${step.attempt}`, at, kind: 'pickup.at-risk', step: step.step, detail });
    const caseView = await deps.repository.getCase(step.caseId);
    const orderId = caseView.case.orderId;
    await deps.events.publish([
      domainEvent(DetailType.PickupAtRisk, { caseId: step.caseId, caseType: step.caseType, step: step.step, attempt: step.attempt, role: step.role, ...(orderId !== undefined ? { orderId } : {}), ...detail, atRiskAt: at }, at),
    ]);
    deps.log.warn('pickup at risk', detail);
    return TimerOutcome.atRisk;
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

  /** The case deadline a case-level timer is for; one started before deadlines had items is started from the timer. */
  async function caseDeadlineOf(payload: TimerPayload): Promise<CaseDeadlineRecord | undefined> {
    const stored = await deps.repository.getCaseDeadline(payload.caseId, payload.step);
    if (stored || payload.kind !== TimerKind.caseDue) return stored;
    const view = await deps.repository.getCase(payload.caseId);
    return deps.repository.startCaseDeadline({ caseId: payload.caseId, caseType: view.case.type, deadline: payload.step, startedAt: view.case.openedAt, due: toInstant(payload.at) });
  }

  /**
   * Warns or breaches a case deadline whose instant came, or settles one whose promise was kept
   * (or whose case closed). Each change is one conditional write: of two deliveries of the same
   * timer (or a timer and the sweep) only the one that made the change emits.
   */
  async function checkCase(d: CaseDeadlineRecord): Promise<TimerOutcome> {
    const spec = caseDeadlineByPolicyStep(d.deadline);
    if (!spec) {
      deps.log.warn('timer for an unknown case deadline', { deadline: d.deadline });
      return TimerOutcome.nothing;
    }
    const at = now();
    const view = await deps.repository.getCase(d.caseId);
    // A pre-sale order or a backorder counts toward no deadline while it waits (service-standards.md §12):
    // the handover promise does not apply to it; its pack, bind, dispatch and pickup batch count from the release.
    if (view.case.status !== 'open' || view.steps.some((s) => (s.step === spec.keptBy && s.status === StepStatus.completed) || isShipWaitStep(s.step))) {
      await deps.repository.updateCaseDeadline(d.caseId, d.deadline, (current) => settleCaseDeadline(current, at));
      return TimerOutcome.nothing;
    }
    const role = deps.policy.steps.get(d.deadline)?.role ?? 'automatic';
    const ref = { scope: SlaScope.case, caseId: d.caseId, caseType: view.case.type, step: d.deadline, attempt: 1, role };
    if (d.due <= at) {
      const { changed, deadline } = await deps.repository.updateCaseDeadline(d.caseId, d.deadline, (current) => breachCaseDeadline(current, later(at, current.due)));
      if (!changed || deadline.breachedAt === undefined) return TimerOutcome.nothing;
      const breachedAt = deadline.breachedAt;
      await deps.repository.appendTimeline(d.caseId, { id: `sla.case-breached#${d.deadline}`, at: breachedAt, kind: 'sla.case-breached', step: d.deadline, detail: { due: deadline.due } });
      await deps.events.publish([domainEvent(DetailType.SlaBreached, { ...ref, due: deadline.due, breachedAt }, breachedAt)]);
      deps.log.warn('case-level SLA breached', { deadline: d.deadline, due: deadline.due });
      return TimerOutcome.caseBreached;
    }
    if (d.warnAt !== undefined && d.warnAt <= at) {
      const { changed, deadline } = await deps.repository.updateCaseDeadline(d.caseId, d.deadline, (current) => warnCaseDeadline(current, at));
      if (!changed || deadline.warnedAt === undefined || deadline.warnAt === undefined) return TimerOutcome.nothing;
      const { warnedAt, warnAt } = deadline;
      await deps.repository.appendTimeline(d.caseId, { id: `sla.case-warned#${d.deadline}`, at: warnedAt, kind: 'sla.case-warned', step: d.deadline, detail: { due: deadline.due, warnAt } });
      await deps.events.publish([domainEvent(DetailType.SlaWarning, { ...ref, due: deadline.due, warnAt, warnedAt }, warnedAt)]);
      deps.log.info('case-level SLA warning', { deadline: d.deadline, warnAt, due: deadline.due });
      return TimerOutcome.caseWarned;
    }
    return TimerOutcome.nothing;
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
        case TimerKind.batchTarget: {
          const step = await load(payload);
          if (!step || !isStepActive(step.status) || step.batchTargetAt !== toInstant(payload.at)) return TimerOutcome.nothing;
          return atRisk(step);
        }
        case TimerKind.caseDue:
        case TimerKind.caseWarn: {
          const deadline = await caseDeadlineOf(payload);
          return deadline ? checkCase(deadline) : TimerOutcome.nothing;
        }
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

    checkCase(deadline) {
      withStep(deps.log, { caseId: deadline.caseId, step: deadline.deadline, attempt: 1 });
      return checkCase(deadline);
    },
  };
}

/** The later of two instants: a timer that fired a moment early still counts at its own instant. */
function later(a: string, b: string): string {
  return a >= b ? a : toInstant(b);
}
