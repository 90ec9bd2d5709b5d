/**
 * Arming and disarming a step's SLA timers. Each timer's name is derived from the step and kind
 * (`timer-names.ts`), so arming again replaces the timer: safe on retries and after a deadline
 * moved. A timer that fires for a step that has moved on finds nothing to do.
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import type { StepRecord, StepRef } from '../../core/cases/step.ts';
import { isStepActive } from '../../core/cases/step.ts';
import { TimerKind, type TimerPayload, type TimerScheduler } from '../../core/ports/timers.ts';
import type { Clock } from '../../core/time/clock.ts';
import { timerName } from './timer-names.ts';

export interface StepTimerDeps {
  timers: TimerScheduler;
  clock: Clock;
}

/** A timer is never set in the past: one due already fires a second from now (the payload keeps the real instant). */
const MIN_LEAD_MS = 1_000;

/**
 * Schedules the warning and due timers the step still has to fire (none for a closed or paused
 * step), and its batch-target timer (`PickupAtRisk`), which is wall-clock and runs while paused too.
 */
export async function armStepTimers(deps: StepTimerDeps, step: StepRecord): Promise<void> {
  if (!isStepActive(step.status)) return;
  if (step.batchTargetAt !== undefined && step.atRiskAt === undefined) {
    await schedule(deps, { kind: TimerKind.batchTarget, caseId: step.caseId, step: step.step, attempt: step.attempt, at: step.batchTargetAt });
  }
  if (step.pausedNow) return;
  if (step.warnAt !== undefined && step.warnedAt === undefined && step.breachedAt === undefined) {
    await schedule(deps, { kind: TimerKind.warn, caseId: step.caseId, step: step.step, attempt: step.attempt, at: step.warnAt });
  }
  if (step.due !== undefined && step.breachedAt === undefined) {
    await schedule(deps, { kind: TimerKind.due, caseId: step.caseId, step: step.step, attempt: step.attempt, at: step.due });
  }
}

/** Schedules the warning and due timers a case-level deadline still has to fire (none once breached or settled). */
export async function armCaseDeadlineTimers(deps: StepTimerDeps, d: CaseDeadlineRecord): Promise<void> {
  if (d.settledAt !== undefined || d.breachedAt !== undefined) return;
  const ref = { caseId: d.caseId, step: d.deadline, attempt: 1 };
  if (d.warnAt !== undefined && d.warnedAt === undefined && d.warnAt < d.due) await schedule(deps, { kind: TimerKind.caseWarn, ...ref, at: d.warnAt });
  await schedule(deps, { kind: TimerKind.caseDue, ...ref, at: d.due });
}

/** Schedules the automatic resume of a step paused with `until`. */
export async function armResumeTimer(deps: StepTimerDeps, step: StepRecord): Promise<void> {
  const until = step.pausedNow?.until;
  if (until === undefined) return;
  await schedule(deps, { kind: TimerKind.resume, caseId: step.caseId, step: step.step, attempt: step.attempt, at: until });
}

/** Deletes every timer of the step (it completed or was cancelled); missing timers are fine. */
export async function disarmStepTimers(deps: Pick<StepTimerDeps, 'timers'>, ref: StepRef): Promise<void> {
  for (const kind of [TimerKind.warn, TimerKind.due, TimerKind.resume, TimerKind.batchTarget]) {
    await deps.timers.cancel(timerName({ kind, caseId: ref.caseId, step: ref.step, attempt: ref.attempt }));
  }
}

/** Schedules one timer under its derived name. */
export async function schedule(deps: StepTimerDeps, payload: TimerPayload): Promise<void> {
  const at = toInstant(payload.at);
  const fireAt = Math.max(Date.parse(at), deps.clock.now() + MIN_LEAD_MS);
  await deps.timers.scheduleAt(timerName(payload), toInstant(fireAt), { ...payload, at });
}
