/**
 * Step transitions as pure functions: each takes the stored step and returns the next one, or
 * throws the domain error that explains why the transition is not allowed. The repository
 * applies them with an optimistic conditional write, so concurrent callers cannot both win.
 */
import type { Instant } from './case.ts';
import { StepAlreadyPaused, StepNotOpen, StepNotPaused } from './errors.ts';
import { isOnTime } from './on-time.ts';
import { isStepActive, StepStatus, type StepRecord } from './step.ts';

export interface CompleteStep {
  at: Instant;
  by: string;
  outcome?: string;
  fields?: Record<string, unknown>;
  /** The completer already answered the workflow and owes nothing (the pickup batch answers first). */
  answeredAt?: Instant;
}

export function completeStep(step: StepRecord, input: CompleteStep): StepRecord {
  assertActive(step);
  return {
    ...closePause(step, input.at),
    status: StepStatus.completed,
    completedAt: input.at,
    completedBy: input.by,
    onTime: isOnTime(step, input.at),
    outcome: input.outcome,
    fields: input.fields,
    ...(input.answeredAt !== undefined ? { answeredAt: input.answeredAt } : {}),
  };
}

/** Closes a step without its work being done (its case was cancelled or took another path). */
export function cancelStep(step: StepRecord, input: { at: Instant; by?: string; reason?: string }): StepRecord {
  assertActive(step);
  return {
    ...closePause(step, input.at),
    status: StepStatus.cancelled,
    completedAt: input.at,
    completedBy: input.by,
    outcome: input.reason,
  };
}

export interface PauseStep {
  at: Instant;
  reason: string;
  until?: Instant;
  by?: string;
}

export function pauseStep(step: StepRecord, input: PauseStep): StepRecord {
  assertActive(step);
  if (step.pausedNow) throw new StepAlreadyPaused(step.caseId, step.step);
  return { ...step, status: StepStatus.paused, pausedNow: { from: input.at, reason: input.reason, until: input.until, by: input.by } };
}

export interface ResumeStep {
  at: Instant;
  /** The deadline recomputed by the deadline engine: the old one plus the paused on-duty time. */
  due?: Instant;
  warnAt?: Instant;
  /** Whether the recomputed deadline rests on a year without published holiday data; absent: unchanged. */
  provisional?: boolean;
}

export function resumeStep(step: StepRecord, input: ResumeStep): StepRecord {
  if (!step.pausedNow) throw new StepNotPaused(step.caseId, step.step, step.status);
  const { provisional: was, ...resumed } = closePause(step, input.at);
  const provisional = input.provisional ?? was;
  return {
    ...resumed,
    status: statusFromMarks(resumed),
    due: input.due ?? step.due,
    warnAt: input.warnAt ?? step.warnAt,
    ...(provisional ? { provisional: true } : {}),
  };
}

export interface TimerOutcome {
  /** False when the timer found nothing to do: a repeat, a closed or paused step, or a stale timer. */
  changed: boolean;
  step: StepRecord;
}

/**
 * The warning timer fired at `at`. Harmless to repeat; ignores timers from before a deadline moved.
 * A step that escalates at its warning (`escalateAtWarning`) and was not escalated by hand already
 * is escalated to `escalateTo` in the same write.
 */
export function markWarned(step: StepRecord, at: Instant, escalateTo?: EscalateTo): TimerOutcome {
  const due = step.warnAt !== undefined && at >= step.warnAt;
  if (!due || step.warnedAt !== undefined || step.breachedAt !== undefined || step.status !== StepStatus.open) {
    return { changed: false, step };
  }
  const escalation = step.escalateAtWarning === true && escalateTo !== undefined && step.escalatedTo === undefined ? { escalatedTo: escalateTo.role, escalation: { level: escalateTo.level, at, seenAt: escalateTo.seenAt, warning: true as const } } : {};
  return { changed: true, step: { ...step, status: StepStatus.warned, warnedAt: at, ...escalation } };
}

/** The batch-target timer fired at `at`: the step still open passed its batch target (`PickupAtRisk`, once). Harmless to repeat. */
export function markAtRisk(step: StepRecord, at: Instant): TimerOutcome {
  const passed = step.batchTargetAt !== undefined && at >= step.batchTargetAt;
  if (!passed || step.atRiskAt !== undefined || !isStepActive(step.status)) return { changed: false, step };
  return { changed: true, step: { ...step, atRiskAt: at } };
}

/** Where an escalation goes: a level of the policy's `escalation.levels` and when it is seen (core/cases/escalation.ts). */
export interface EscalateTo {
  role: string;
  level: number;
  seenAt: Instant;
}

/** The due timer fired at `at`: the step is breached and escalated. Harmless to repeat. */
export function markBreached(step: StepRecord, at: Instant, escalateTo: EscalateTo): TimerOutcome {
  const due = step.due !== undefined && at >= step.due;
  const armed = step.status === StepStatus.open || step.status === StepStatus.warned;
  if (!due || step.breachedAt !== undefined || !armed) return { changed: false, step };
  return {
    changed: true,
    step: { ...step, status: StepStatus.breached, breachedAt: at, escalatedTo: escalateTo.role, escalation: { level: escalateTo.level, at, seenAt: escalateTo.seenAt } },
  };
}

export interface EscalateStep {
  at: Instant;
  to: EscalateTo;
  reason: string;
  by: string;
}

/** A person escalates an active step by hand (§9: "处理不了的及时上报"). Throws `StepNotOpen` for a closed step. */
export function escalateStep(step: StepRecord, input: EscalateStep): StepRecord {
  assertActive(step);
  return { ...step, escalatedTo: input.to.role, escalation: { level: input.to.level, at: input.at, seenAt: input.to.seenAt, reason: input.reason, by: input.by } };
}

function assertActive(step: StepRecord): void {
  if (!isStepActive(step.status)) throw new StepNotOpen(step.caseId, step.step, step.status);
}

function closePause(step: StepRecord, at: Instant): StepRecord {
  if (!step.pausedNow) return step;
  const { pausedNow, ...rest } = step;
  return { ...rest, pauses: [...step.pauses, { from: pausedNow.from, to: at, reason: pausedNow.reason, by: pausedNow.by }] };
}

function statusFromMarks(step: StepRecord): StepStatus {
  if (step.breachedAt !== undefined) return StepStatus.breached;
  if (step.warnedAt !== undefined) return StepStatus.warned;
  return StepStatus.open;
}
