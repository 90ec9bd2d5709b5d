/**
 * The contracts between the workflows (workflows/*.asl.json) and the functions they call.
 * Workflows know functions only by these shapes; both sides are tested against them.
 */
import type { CaseStatus, CaseType, Instant } from '../cases/case.ts';

/**
 * The input of every lifecycle execution (StartExecution). The execution name is the case id.
 * `timings` carries the policy numbers the workflow needs as data, computed by the starter, so
 * that ASL never holds a policy literal.
 */
export interface LifecycleInput {
  caseId: string;
  caseType: CaseType;
  orderId?: string;
  /** The storefront event's `data` (order: paid, placedAt, paymentChannel, items, ...). */
  data: Record<string, unknown>;
  timings: LifecycleTimings;
}

export interface LifecycleTimings {
  /** Unpaid orders: seconds to wait for payment before the first follow-up. */
  paymentWaitSeconds?: number;
  /** Unpaid orders: instants of the later follow-ups (day 2 and 3, 10:00), then `unpaidExpiresAt`. */
  paymentFollowUpsAt?: Instant[];
  unpaidExpiresAt?: Instant;
  /** `order.review` outcome `callback`: default seconds until the agreed call. */
  reviewCallbackSeconds?: number;
}

/**
 * `open-step`, called by a workflow as `arn:aws:states:::lambda:invoke.waitForTaskToken`.
 * It computes the deadline, stores the step with the token, schedules its timers and emits
 * `StepOpened`; the execution resumes when the step completes (SendTaskSuccess with a StepResult).
 */
export interface OpenStepRequest {
  caseId: string;
  caseType: CaseType;
  step: string;
  /** Absent for a step the staff API opens beside the workflow (the hold approvals, §12), which no execution waits for. */
  taskToken?: string;
  /** Defaults to 1; `order.payment` opens once per follow-up. */
  attempt?: number;
  /** Facts for fact-dependent deadlines, e.g. `{ channel: "boc" }` for `refund.settle`. */
  facts?: Record<string, string>;
  /** The instant the deadline counts from when it is not the opening, e.g. the order's placement for `order.pickup`. */
  deadlineFrom?: Instant;
  /** The step's role when the workflow overrides the policy's, e.g. `order.pack` after an exchange. */
  role?: string;
  /**
   * Order steps before the pickup: when the order became ready to ship, `max(placedAt, paidAt)`
   * (service-standards.md §2). The step gets its planned pickup batch and batch target from it.
   */
  readyAt?: Instant;
}

/** The output of a completed step, as the workflow receives it. */
export interface StepResult {
  step: string;
  attempt: number;
  outcome: string | null;
  fields: Record<string, unknown>;
  completedAt: Instant;
  completedBy: string;
  onTime: boolean | null;
}

/** `case-action`, called by a workflow as `arn:aws:states:::lambda:invoke` for the platform's own work. */
export type CaseActionRequest =
  /** Closes the case with a final status and emits `CaseClosed`. */
  | { action: 'close-case'; caseId: string; status: Exclude<CaseStatus, 'open'>; reason?: string }
  /**
   * A confirmed cancellation: stops the order's execution and closes its open steps as `cancelled`.
   * The result's `paid` says whether the order's money was received (only then is it refunded, §4).
   */
  | { action: 'cancel-order'; caseId: string; orderId: string }
  /**
   * An order cancelled at `order.review` (`caseId` is the order's case): if it was paid, opens a
   * linked cancellation case that refunds it exactly as a confirmed `cancel.verify` does
   * (`cancel.refund`, then `refund.settle` on the order's channel, §4). The result says `paid` and
   * the cancellation case's id.
   */
  | { action: 'refund-cancelled-order'; caseId: string }
  /** Opens a linked case (an exchange from a return, a return from an exchange, a case from a complaint remedy) and starts its lifecycle. */
  | { action: 'open-linked-case'; caseId: string; type: CaseType; relation: 'converted-to' | 'gave-rise'; data: Record<string, unknown> }
  /** Notifies the payment platform of a refund (cancel.refund, return.refund). */
  | { action: 'notify-refund'; caseId: string; channel: string }
  /** Withdraws a refund notified earlier (a return whose goods failed the inspection, §5); the timeline says so. */
  | { action: 'withdraw-refund'; caseId: string; channel: string; reason: string }
  /** Records a case-level fact on the timeline and the bus (e.g. `OrderHandedOver`). */
  | { action: 'record'; caseId: string; event: string; detail?: Record<string, unknown> }
  /** Ends an order's wait (`order.presale-wait` at its `shipFrom`, service-standards.md §12): completes the open wait step; a repeat finds it closed. */
  | { action: 'end-wait'; caseId: string; step: string };

export interface CaseActionResult {
  ok: true;
  /** For open-linked-case and refund-cancelled-order: the new case's id; for cancel-order: the order's case. */
  caseId?: string;
  /** For cancel-order: the order was dispatched (labelled for the courier) but not picked up, so the picker takes the parcel back (`cancel.retrieve`). */
  parcelToRetrieve?: boolean;
  /** For cancel-order and refund-cancelled-order: whether the order was paid (only a paid order is refunded). */
  paid?: boolean;
}
