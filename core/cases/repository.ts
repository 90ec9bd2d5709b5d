/**
 * The case store as the core and the handlers see it. The DynamoDB adapter
 * (`adapters/case-repository/`) implements it; docs/data-model.md describes its table.
 * Every write is conditional, so each operation is safe to repeat and concurrent callers
 * cannot both win a transition.
 */
import type { CaseLink, CaseRecord, CaseStatus, CaseType, Instant, LinkRelation, TimelineEntry } from './case.ts';
import type { CaseDeadlineOutcome, CaseDeadlineRecord } from './case-deadline.ts';
import type { LookupKey } from './search.ts';
import type { StepRecord } from './step.ts';
import type { RescheduleStep } from './reschedule.ts';
import type { AssigneeChange } from '../people/step-assignment.ts';
import type { CompleteStep, EscalateStep, EscalateTo, PauseStep, ResumeStep, TimerOutcome } from './transitions.ts';

export interface CaseView {
  case: CaseRecord;
  steps: StepRecord[];
  links: CaseLink[];
  /** Oldest first. */
  timeline: TimelineEntry[];
}

export interface CreateCase {
  id: string;
  type: CaseType;
  orderId?: string;
  openedAt: Instant;
  sourceEventId?: string;
  data: Record<string, unknown>;
  /** Written in the same transaction as a new case (its `case.opened` entry), never without it. */
  entry?: TimelineEntry;
}

export interface OpenStep {
  caseId: string;
  caseType: CaseType;
  step: string;
  /** Defaults to 1. */
  attempt?: number;
  role: string;
  openedAt: Instant;
  due?: Instant;
  warnAt?: Instant;
  /** The clock starts later than the opening (`deadlineFrom` ahead of now): queues show the step from then. */
  startsAt?: Instant;
  /** The due counts days of a year without a published holiday schedule. */
  provisional?: boolean;
  /** Its warning escalates like a breach (an urgent complaint, §12). */
  escalateAtWarning?: boolean;
  /** The facts a by-fact rule chose the deadline by; kept on the step (the queue tags an urgent complaint). */
  facts?: Record<string, string>;
  /** Order steps before the pickup: the planned batch and the step's batch target (service-standards.md §2). */
  plannedPickupAt?: Instant;
  batchTargetAt?: Instant;
  /** The order is priority (§12): the step sorts first in its queue. */
  priority?: boolean;
  taskToken?: string;
  /** Written in the same transaction as a new step (its `step.opened` entry), never without it. */
  entry?: TimelineEntry;
  /** The case-level deadline this step begins (its first attempt), started in the same transaction as a new step. */
  caseDeadline?: NewCaseDeadline;
}

/** A case deadline as it starts: no warning, breach or settlement yet. */
export type NewCaseDeadline = Omit<CaseDeadlineRecord, 'warnedAt' | 'breachedAt' | 'settledAt'>;

/** What `openStep` did: `opened: false` on a redelivery; `caseDeadline` when it started the requested one with the step. */
export interface OpenedStep {
  step: StepRecord;
  opened: boolean;
  caseDeadline?: CaseDeadlineRecord;
}

/** Names a step; without `attempt`, the step's latest attempt. */
export interface StepSelector {
  caseId: string;
  step: string;
  attempt?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  nextToken?: string;
}

export interface PageRequest {
  limit?: number;
  nextToken?: string;
}

export interface CaseRepository {
  /**
   * Creates the case (with its `entry`, in one transaction); a repeat with the same id and type
   * returns the stored case with `created: false` and writes nothing. Throws `CaseIdConflict` for a different type.
   */
  createCase(input: CreateCase): Promise<{ case: CaseRecord; created: boolean }>;
  /** The case with its steps, links and timeline. Throws `CaseNotFound`. */
  getCase(caseId: string): Promise<CaseView>;
  /** The newest case of `type` (default `order`) about a storefront order. */
  findCaseByOrderId(orderId: string, type?: CaseType): Promise<CaseRecord | undefined>;
  /** Every case about an order (the order, its cancellation, returns, ...), oldest first per type. */
  listCasesForOrder(orderId: string): Promise<CaseRecord[]>;
  /** Cases of a type, optionally of one status and opened in [`openedFrom`, `openedTo`); newest first within each status. */
  listCases(filter: { type: CaseType; status?: CaseStatus; openedFrom?: Instant; openedTo?: Instant }, page?: PageRequest): Promise<Page<CaseRecord>>;
  /** Ids of the cases a lookup key (core/cases/search.ts) finds, newest first. */
  findCaseIds(key: LookupKey, page?: PageRequest): Promise<Page<string>>;
  /** The cases of these ids that exist, in the order given (unknown ids are left out). */
  getCaseRecords(caseIds: readonly string[]): Promise<CaseRecord[]>;
  /** Moves an open case to a final status. Throws `CaseClosed` if it is no longer open, `CaseNotFound`. */
  closeCase(input: { caseId: string; status: Exclude<CaseStatus, 'open'>; at: Instant }): Promise<CaseRecord>;
  /** Links two cases on both sides at once (`relation` as seen from `caseId`). Throws `CaseNotFound` for either. */
  linkCases(input: { caseId: string; otherCaseId: string; relation: LinkRelation; at: Instant }): Promise<void>;
  /** Appends to a case's timeline; an entry id seen before is overwritten, not duplicated. Throws `CaseNotFound`. */
  appendTimeline(caseId: string, entry: TimelineEntry): Promise<void>;
  /** Marks an open order priority (`data.priority: true`, `data.priorityAt`, §12 Priority); a repeat changes nothing. Throws `CaseClosed`, `CaseNotFound`. */
  markPriority(caseId: string, at: Instant): Promise<CaseRecord>;
  /** Moves an active step of a priority order to the front of its queue, with its new pickup plan when given. Throws `StepNotOpen`. */
  prioritizeStep(selector: StepSelector, plan?: { plannedPickupAt: Instant; batchTargetAt: Instant }): Promise<StepRecord>;

  /**
   * Stores a newly opened step with its deadline, task token, `entry` and `caseDeadline` in one
   * transaction. Safe to repeat: a redelivery returns the stored step with `opened: false` (a new
   * task token replaces the old one; the deadline is kept) and writes no case deadline; a case
   * deadline that exists already is kept (not returned). Throws `CaseClosed`, `CaseNotFound`, or
   * `StepNotOpen` if that attempt already closed.
   */
  openStep(input: OpenStep): Promise<OpenedStep>;
  /** Throws `StepNotFound`. */
  getStep(selector: StepSelector): Promise<StepRecord>;
  /** Exactly one of concurrent completions succeeds; the others throw `StepNotOpen`. */
  completeStep(selector: StepSelector, input: CompleteStep): Promise<StepRecord>;
  cancelStep(selector: StepSelector, input: { at: Instant; by?: string; reason?: string }): Promise<StepRecord>;
  /** Throws `StepAlreadyPaused`, `StepNotOpen`. */
  pauseStep(selector: StepSelector, input: PauseStep): Promise<StepRecord>;
  /** Throws `StepNotPaused`. */
  resumeStep(selector: StepSelector, input: ResumeStep): Promise<StepRecord>;
  /** A published policy moved the step's deadline (core/cases/reschedule.ts); `changed: false` when the step's clock is not running or nothing moved. */
  rescheduleStep(selector: StepSelector, input: RescheduleStep): Promise<TimerOutcome>;
  /** The warning timer fired; `changed: false` on a repeat or when nothing is due. A step that escalates at warning goes to `escalateTo`. */
  markWarned(selector: StepSelector, at: Instant, escalateTo?: EscalateTo): Promise<TimerOutcome>;
  /** The batch-target timer fired; sets `atRiskAt` once (`changed: false` on a repeat, a closed step or a stale timer). */
  markAtRisk(selector: StepSelector, at: Instant): Promise<TimerOutcome>;
  /** The due timer fired; marks the step breached and escalated to `escalateTo`. */
  markBreached(selector: StepSelector, at: Instant, escalateTo: EscalateTo): Promise<TimerOutcome>;
  /** A person escalates an active step (§9). Throws `StepNotOpen`, `StepNotFound`. */
  escalateStep(selector: StepSelector, input: EscalateStep): Promise<StepRecord>;
  /** `StepOpened` was published: sets `announcedAt`. False if it was set already. */
  markAnnounced(selector: StepSelector, at: Instant): Promise<boolean>;
  /** The completion's effects were done: sets `answeredAt`, which takes the step out of `listUnansweredCompletions`. False if set already. */
  markAnswered(selector: StepSelector, at: Instant): Promise<boolean>;

  /**
   * Sets who holds an active step (issue 23, core/people/step-assignment.ts): `decide` sees the
   * stored step and returns the new holder (`to: undefined` for the pool) or `keep`, or throws
   * (`StepNotOpen`, `StepAssignedToOther`, ...). Of concurrent claims exactly one wins; the loser's
   * `decide` sees the winner. `changed: false` when it kept the step as it was.
   */
  setAssignee(selector: StepSelector, decide: (step: StepRecord) => AssigneeChange, at: Instant): Promise<{ step: StepRecord; changed: boolean }>;

  /** A role's work queue: its active steps, soonest `due` first (steps without a due last). */
  listQueue(role: string, page?: PageRequest): Promise<Page<StepRecord>>;
  /** Active steps escalated to `to` (an escalation level's second queue), soonest `due` first. */
  listEscalated(to: string, page?: PageRequest): Promise<Page<StepRecord>>;
  /** Active automatic steps of one step id, soonest `due` first; `order.pickup` gives the parcels ready for a batch. */
  listAwaiting(step: string, page?: PageRequest): Promise<Page<StepRecord>>;
  /** For the sweep: steps whose next SLA timer (warning, else due) is at or before `at` and has not been handled. */
  listOpenStepsDueBefore(at: Instant, page?: PageRequest): Promise<Page<StepRecord>>;
  /** For the sweep: completed steps completed at or before `at` whose effects are still owed (no `answeredAt`), oldest first. */
  listUnansweredCompletions(at: Instant, page?: PageRequest): Promise<Page<StepRecord>>;
  /** Starts a case-level deadline; a repeat returns the stored one unchanged (its instants are kept). Throws `CaseNotFound`. */
  startCaseDeadline(input: NewCaseDeadline): Promise<CaseDeadlineRecord>;
  /** The case deadline, if it was started. */
  getCaseDeadline(caseId: string, deadline: string): Promise<CaseDeadlineRecord | undefined>;
  /**
   * Applies a pure transition (`core/cases/case-deadline.ts`) with a conditional write: of
   * concurrent callers exactly one sees `changed: true`. Throws `CaseDeadlineNotFound`.
   */
  updateCaseDeadline(caseId: string, deadline: string, apply: (d: CaseDeadlineRecord) => CaseDeadlineOutcome): Promise<CaseDeadlineOutcome>;
  /** For the sweep: case deadlines whose next instant (warning, else due) is at or before `at` and was not handled. */
  listCaseDeadlinesDueBefore(at: Instant, page?: PageRequest): Promise<Page<CaseDeadlineRecord>>;
  /** Steps completed or cancelled on an Asia/Shanghai calendar day (`YYYY-MM-DD`), in closing order. */
  listStepsClosedOn(day: string, page?: PageRequest): Promise<Page<StepRecord>>;
}
