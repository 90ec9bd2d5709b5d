/** A step: one unit of work in a case's lifecycle with its SLA timer (service-standards.md §9). */
import type { CaseType, Instant } from './case.ts';

export const StepStatus = {
  open: 'open',
  /** The clock is stopped (e.g. `order.review` waiting for an agreed callback time). */
  paused: 'paused',
  /** Still open past its warning time (80 % of the budget). */
  warned: 'warned',
  /** Still open past its due time; escalated (the policy's `escalation.levels`, §9). */
  breached: 'breached',
  completed: 'completed',
  /** Closed without being done, e.g. the order's steps after a confirmed cancellation. */
  cancelled: 'cancelled',
} as const;
export type StepStatus = (typeof StepStatus)[keyof typeof StepStatus];

/** Statuses in which a step still awaits its work; the rest are closed. */
export const activeStepStatuses: readonly StepStatus[] = [StepStatus.open, StepStatus.paused, StepStatus.warned, StepStatus.breached];

export function isStepActive(status: StepStatus): boolean {
  return activeStepStatuses.includes(status);
}

/** The pseudo-role of steps the platform completes itself (`order.pickup`, `return.receive`, ...). */
export const AUTOMATIC = 'automatic';

export interface PauseInterval {
  from: Instant;
  to: Instant;
  reason: string;
  by?: string;
}

/** The pause in progress, if any. */
export interface CurrentPause {
  from: Instant;
  reason: string;
  /** Resumes by itself at this instant. */
  until?: Instant;
  by?: string;
}

/** An escalation of a step to a level of the policy's `escalation.levels` (service-standards.md §9). */
export interface StepEscalation {
  /** 1 for the first level. */
  level: number;
  at: Instant;
  /** When the level is on duty to see it: `at` when on duty then, else its next shift start. */
  seenAt: Instant;
  /** A hand escalation's reason ("处理不了的及时上报"); absent for a breach. */
  reason?: string;
  /** Who escalated by hand; absent for a breach. */
  by?: string;
  /** Escalated at its warning, as the policy asks for an urgent complaint (§12 "Complaint kinds"). */
  warning?: true;
}

/** Identifies a step of a case. A step id can open more than once in a case (the unpaid-order follow-ups of day 2 and 3), numbered by `attempt` from 1. */
export interface StepRef {
  caseId: string;
  step: string;
  attempt: number;
}

export interface StepRecord extends StepRef {
  caseType: CaseType;
  /** A role id of service-standards.md §1 (`ops-cs`, `picker`, ...) or `automatic`. */
  role: string;
  status: StepStatus;
  openedAt: Instant;
  /** Absent for steps without a deadline (`order.delivery`, `return.receive`). */
  due?: Instant;
  /** Absent for day-based rules, which have no warning. */
  warnAt?: Instant;
  /** The case facts the deadline was chosen by (a by-fact rule: a refund's `channel`, a complaint's `level`). */
  facts?: Record<string, string>;
  /** The warning escalates like a breach (policy `escalateAtWarning`, decided at opening: core/deadline/escalate-at-warning.ts). */
  escalateAtWarning?: true;
  /** When the step's clock starts, if later than its opening (an unpaid follow-up waiting out the payment wait): queues show it from then. */
  startsAt?: Instant;
  /** Set when `due` counts days of a year whose holiday schedule is not published yet: it may still move (core/deadline, `provisional`). */
  provisional?: boolean;
  /** Order steps before the pickup: the planned pickup batch (service-standards.md §2), from the moment the order was ready. */
  plannedPickupAt?: Instant;
  /** The order was marked priority (service-standards.md §12 Priority): the step sorts first in its queue. */
  priority?: boolean;
  /** The latest completion that still makes `plannedPickupAt` (§2 "Batch targets"); wall-clock, never paused. */
  batchTargetAt?: Instant;
  /** When `PickupAtRisk` was raised: the step passed its batch target still open (once per step). */
  atRiskAt?: Instant;
  warnedAt?: Instant;
  breachedAt?: Instant;
  /** The role the step is escalated to (a breach, or by hand): the level's role of `escalation`. */
  escalatedTo?: string;
  /** The latest escalation (service-standards.md §9); earlier ones are on the case's timeline. */
  escalation?: StepEscalation;
  pauses: PauseInterval[];
  pausedNow?: CurrentPause;
  /** The person who holds the step (issue 23, core/people): set by assignment, a claim or a supervisor's `/assign`; absent in the role's pool. Kept after completion. */
  assignedTo?: string;
  /** When `assignedTo` last changed. */
  assignedAt?: Instant;
  completedAt?: Instant;
  completedBy?: string;
  onTime?: boolean;
  outcome?: string;
  fields?: Record<string, unknown>;
  /** The Step Functions task token to answer with `SendTaskSuccess` when the step completes. */
  taskToken?: string;
  /** When `StepOpened` was published; absent while it is still owed (a redelivered open publishes it). */
  announcedAt?: Instant;
  /**
   * When the completion's effects were done — the waiting workflow answered, the step's timers
   * deleted, `StepCompleted` published. Absent on a completion whose effects are still owed:
   * the sweep redoes them (an outbox kept on the step itself).
   */
  answeredAt?: Instant;
}
