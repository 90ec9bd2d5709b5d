/**
 * Opening a step (the workflow's waitForTaskToken Task): compute `due`/`warnAt` with the policy,
 * store the step with its task token, its `step.opened` timeline entry and any case-level
 * deadline the step begins in one transaction (idempotent), arm the step's and the deadline's
 * warning and due timers, and emit `StepOpened`, stamped on the step once published. A redelivery keeps the stored
 * deadline, re-arms the same timers (same names) and publishes `StepOpened` only if the first
 * delivery died before it did. A pickup step gets no timer: the pickup run decides whether it
 * missed its batch. An order step before the pickup, given the order's `readyAt`, also gets its
 * planned batch and batch target (batch-plan.ts) with a timer for `PickupAtRisk`. A case-level
 * deadline counts from the step's `deadlineFrom` (an unpaid order's handover from its payment, §3).
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseType, Instant } from '../../core/cases/case.ts';
import type { CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import type { CaseRepository, NewCaseDeadline } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { due } from '../../core/deadline/due.ts';
import { escalatesAtWarning } from '../../core/deadline/escalate-at-warning.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { OpenStepRequest } from '../../core/lifecycles/contracts.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { Clock } from '../../core/time/clock.ts';
import { caseDeadlineStartedBy, type CaseDeadline } from '../shared/case-deadlines.ts';
import { withStep, type Log } from '../shared/logger.ts';
import { settledByPickupRun } from '../shared/pickup-rule.ts';
import { STEP_OPENED, stepOpenedEntryId } from '../shared/step-deadline.ts';
import { stepOpened } from '../shared/step-events.ts';
import { armCaseDeadlineTimers, armStepTimers } from '../shared/step-timers.ts';
import { batchPlan } from './batch-plan.ts';
import { assignNewStep } from '../people/assign.ts';
import { teamOf, type Team } from '../people/team.ts';
import type { AwsClients } from '../shared/aws-clients.ts';
import { isBatchChainStep } from '../../core/calendar/batch-targets.ts';
import { priorityMarkedAt, priorityPickupAt } from '../../core/holds/priority.ts';

export interface OpenStepDeps {
  repository: CaseRepository;
  events: EventPublisher;
  timers: TimerScheduler;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
  /** The people and rosters (functions/people/team.ts); default: from the environment. */
  team?: Team;
  clients?: AwsClients;
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
    const role = request.role ?? deadline.role;
    // A priority order (§12 Priority): its steps sort first, planned for the next batch today.
    const priorityAt = await orderPriority(deps, request);
    const priorityPickup = priorityAt !== undefined && request.step === 'order.pickup' && request.deadlineFrom !== undefined ? priorityPickupAt(deps.policy.pickup, Date.parse(request.deadlineFrom), priorityAt) : undefined;
    const stepPolicy = deps.policy.steps.get(request.step);
    const dueAt = priorityPickup !== undefined ? toInstant(priorityPickup) : deadline.due !== null ? toInstant(deadline.due) : undefined;
    const warnAt = deadline.warnAt !== null ? toInstant(deadline.warnAt) : undefined;

    const plan = batchPlan(deps.policy, request, priorityAt);
    const caseDeadline = attempt === 1 ? caseDeadlineStartedBy(request.caseType, request.step) : undefined;
    const deadlineStart = caseDeadline && caseDeadlineFrom(deps, request, from, caseDeadline);
    const { step, opened, caseDeadline: started } = await deps.repository.openStep({
      caseId: request.caseId,
      caseType: request.caseType,
      step: request.step,
      attempt,
      role,
      openedAt,
      ...(dueAt !== undefined ? { due: dueAt } : {}),
      ...(warnAt !== undefined ? { warnAt } : {}),
      ...(Date.parse(from) > now ? { startsAt: from } : {}),
      ...(deadline.provisional ? { provisional: true } : {}),
      ...(stepPolicy !== undefined && escalatesAtWarning(stepPolicy, facts) ? { escalateAtWarning: true } : {}),
      facts,
      ...(plan ? { plannedPickupAt: plan.plannedPickupAt, batchTargetAt: plan.batchTargetAt } : {}),
      ...(priorityAt !== undefined ? { priority: true } : {}),
      taskToken: request.taskToken,
      entry: {
        id: stepOpenedEntryId({ caseId: request.caseId, step: request.step, attempt }),
        at: openedAt,
        kind: STEP_OPENED,
        step: request.step,
        detail: { attempt, role, due: dueAt ?? null, warnAt: warnAt ?? null, deadlineFrom: from, facts, ...(plan ? { plannedPickupAt: plan.plannedPickupAt, batchTargetAt: plan.batchTargetAt } : {}) },
      },
      ...(deadlineStart ? { caseDeadline: deadlineStart } : {}),
    });

    // Stable id and instant: a redelivery rewrites the same entry.
    if (plan?.deferred) await deps.repository.appendTimeline(step.caseId, plan.deferred);
    if (!settledByPickupRun(deps.policy, step.step)) await armStepTimers(deps, step);
    if (caseDeadline) {
      // A redelivery starts the deadline from the same instant (kept if the first delivery stored it).
      const stored = started ?? (await startCaseDeadline(deps, step, from, caseDeadline));
      if (stored) await armCaseDeadlineTimers(deps, stored);
    }
    // Issue 23: a new human step goes to one on-duty person of its role (docs/people.md). A failure
    // (the directory down) must not fail the opening: the step stays in the pool and the sweep gives it out.
    if (opened) {
      try {
        await assignNewStep(deps, deps.team ?? teamOf(deps), step);
      } catch (error) {
        deps.log.error('could not assign the new step; it stays in the pool for the sweep', { error: error as Error });
      }
    }
    if (step.announcedAt === undefined) {
      await deps.events.publish([stepOpened(step)]);
      await deps.repository.markAnnounced(step, toInstant(deps.clock.now()));
    }
    deps.log.info(opened ? 'step opened' : 'step already open (redelivery)', { due: step.due, warnAt: step.warnAt, role: step.role });
    return { caseId: step.caseId, step: step.step, attempt: step.attempt, due: step.due ?? null, warnAt: step.warnAt ?? null, opened };
  };
}

/**
 * When the order was marked priority, for an order step before the pickup or the pickup itself (one
 * read of the case). Not for the first review: it opens as a paid order arrives, before anyone can
 * mark it (an unpaid order cannot be marked), so the webhook's path stays free of reads.
 */
async function orderPriority(deps: OpenStepDeps, request: OpenStepRequest): Promise<number | undefined> {
  if (request.caseType !== 'order' || !(isBatchChainStep(request.step) || request.step === 'order.pickup')) return undefined;
  if (request.step === 'order.review' && (request.attempt ?? 1) === 1) return undefined;
  const [record] = await deps.repository.getCaseRecords([request.caseId]);
  return record ? priorityMarkedAt(record.data) : undefined;
}

/** The case-level deadline that begins with a step whose deadline counts from `from`; none if the policy gives it no due. */
function caseDeadlineFrom(deps: OpenStepDeps, step: { caseId: string; caseType: CaseType }, from: Instant, deadline: CaseDeadline): NewCaseDeadline | undefined {
  const result = due(deadline.policyStep, Date.parse(from), {}, [], deps.policy, { explain: false });
  if (result.due === null) return undefined;
  return {
    caseId: step.caseId,
    caseType: step.caseType,
    deadline: deadline.policyStep,
    startedAt: from,
    due: toInstant(result.due),
    ...(result.warnAt !== null ? { warnAt: toInstant(result.warnAt) } : {}),
  };
}

/** Starts the step's case deadline from `from`, or returns the one stored already. */
async function startCaseDeadline(deps: OpenStepDeps, step: StepRecord, from: Instant, deadline: CaseDeadline): Promise<CaseDeadlineRecord | undefined> {
  const start = caseDeadlineFrom(deps, step, from, deadline);
  return start && deps.repository.startCaseDeadline(start);
}
