/**
 * Stopping and restarting a step's SLA clock (service-standards.md §9: paused time does not
 * count). Used by the staff API (pause/resume routes) and the sla-timer function (a pause with
 * `until` resumes by itself). A resume recomputes `due`/`warnAt` with the deadline engine, every
 * pause excluded, and re-arms the timers under the same names, so the old ones are replaced.
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository, StepSelector } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { due } from '../../core/deadline/due.ts';
import { InvalidPause } from '../../core/deadline/errors.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import { TimerKind, type TimerScheduler } from '../../core/ports/timers.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { Log } from './logger.ts';
import { deadlineBasisOf } from './step-deadline.ts';
import { stepPaused, stepResumed } from './step-events.ts';
import { armResumeTimer, armStepTimers } from './step-timers.ts';
import { timerName } from './timer-names.ts';
import { policyForStep } from '../../core/deadline/policy-for-step.ts';

export interface StepClockDeps {
  repository: CaseRepository;
  events: EventPublisher;
  timers: TimerScheduler;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
}

export interface PauseRequest {
  reason: string;
  /** Resumes by itself at this instant. */
  until?: string;
  by?: string;
}

export interface StepClock {
  /** Stops the clock (emits `StepPaused`; with `until`, arms the resume timer). Throws `StepAlreadyPaused`, `StepNotOpen`. */
  pause(selector: StepSelector, request: PauseRequest): Promise<StepRecord>;
  /** Restarts the clock with the deadline moved by the paused time (emits `StepResumed`). Throws `StepNotPaused`. */
  resume(selector: StepSelector, request?: { by?: string }): Promise<StepRecord>;
}

export function createStepClock(deps: StepClockDeps): StepClock {
  return {
    async pause(selector, request) {
      const at = toInstant(deps.clock.now());
      const until = request.until === undefined ? undefined : toInstant(request.until);
      const step = await deps.repository.pauseStep(selector, { at, reason: request.reason, until, by: request.by });
      await armResumeTimer(deps, step);
      await deps.events.publish([stepPaused(step)]);
      return step;
    },

    async resume(selector, request = {}) {
      const at = toInstant(deps.clock.now());
      const view = await deps.repository.getCase(selector.caseId);
      const current = await deps.repository.getStep(selector);
      const moved = recomputed(deps.policy, current, view.timeline, at, deps.log);
      const step = await deps.repository.resumeStep({ ...selector, attempt: current.attempt }, { at, ...moved });
      await deps.timers.cancel(timerName({ kind: TimerKind.resume, caseId: step.caseId, step: step.step, attempt: step.attempt }));
      await armStepTimers(deps, step);
      await deps.events.publish([stepResumed(step, at, request.by)]);
      return step;
    },
  };
}

/** The deadline with every pause (the one ending now included) left out; the stored one when it cannot be recomputed. */
function recomputed(
  policy: CompiledPolicy,
  step: StepRecord,
  timeline: Parameters<typeof deadlineBasisOf>[0],
  at: string,
  log: Log,
): { due?: string; warnAt?: string; provisional?: boolean } {
  if (step.due === undefined || !step.pausedNow) return {};
  const basis = deadlineBasisOf(timeline, step) ?? { from: step.openedAt, facts: {} };
  const pauses = [...step.pauses, { from: step.pausedNow.from, to: at }].map((p) => ({ start: Date.parse(p.from), end: Date.parse(p.to) })).filter((p) => p.end > p.start);
  try {
    const result = due(step.step, Date.parse(basis.from), basis.facts, pauses, policyForStep(policy, step), { explain: false });
    return {
      ...(result.due !== null ? { due: toInstant(result.due) } : {}),
      ...(result.warnAt !== null ? { warnAt: toInstant(result.warnAt) } : {}),
      provisional: result.provisional,
    };
  } catch (error) {
    // A rule that cannot pause (the courier's pickup batch) keeps its deadline.
    if (!(error instanceof InvalidPause)) throw error;
    log.warn('deadline kept on resume: the rule cannot be paused', { reason: error.message });
    return {};
  }
}
