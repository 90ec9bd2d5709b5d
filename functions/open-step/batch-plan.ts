/**
 * The pickup plan of an order step opening (service-standards.md §2 "Batch targets"): the batch
 * planned from the moment the order became ready to ship, the step's batch target, and — on the
 * case's first review — the timeline entry saying why an order ready too close to its window's
 * batch (`pickup.leadMinutes`) is planned for the following one.
 */
import type { Instant, TimelineEntry } from '../../core/cases/case.ts';
import { toInstant } from '../../core/cases/instant.ts';
import { batchTarget, isBatchChainStep } from '../../core/calendar/batch-targets.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { OpenStepRequest } from '../../core/lifecycles/contracts.ts';
import { priorityPickupAt } from '../../core/holds/priority.ts';

/** The timeline entry kind (and id: once per case) of a plan moved to the following batch. */
export const PICKUP_DEFERRED = 'pickup.deferred';

export interface BatchPlan {
  plannedPickupAt: Instant;
  batchTargetAt: Instant;
  /** Set on the first review of an order planned for the following batch. */
  deferred?: TimelineEntry;
}

/**
 * The plan of `request`, if it is an order step before the pickup and carries the order's `readyAt`.
 * A priority order (`priorityAt`: when it was marked, §12 Priority) is planned for the next batch
 * still ahead that day when that is sooner (core/holds/priority.ts).
 */
export function batchPlan(policy: Pick<CompiledPolicy, 'pickup'>, request: Pick<OpenStepRequest, 'step' | 'attempt' | 'readyAt'>, priorityAt?: number): BatchPlan | undefined {
  if (request.readyAt === undefined || !isBatchChainStep(request.step)) return undefined;
  const schedule = policy.pickup;
  const readyAt = toInstant(request.readyAt);
  if (priorityAt !== undefined) {
    const at = priorityPickupAt(schedule, Date.parse(readyAt), priorityAt);
    return { plannedPickupAt: toInstant(at), batchTargetAt: toInstant(batchTarget(request.step, at, schedule.stepShares) as number) };
  }
  const planned = schedule.plannedFor(Date.parse(readyAt));
  const target = batchTarget(request.step, planned.at, schedule.stepShares) as number;
  const plan: BatchPlan = { plannedPickupAt: toInstant(planned.at), batchTargetAt: toInstant(target) };
  if (planned.deferredFrom === undefined || request.step !== 'order.review' || (request.attempt ?? 1) !== 1) return plan;
  const deferred: TimelineEntry = {
    id: PICKUP_DEFERRED,
    at: readyAt,
    kind: PICKUP_DEFERRED,
    detail: { readyAt, skippedBatchAt: toInstant(planned.deferredFrom), plannedPickupAt: plan.plannedPickupAt, leadMinutes: schedule.leadMinutes },
  };
  return { ...plan, deferred };
}
