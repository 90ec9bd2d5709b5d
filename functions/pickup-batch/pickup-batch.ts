/**
 * A courier pickup batch (10:00, 13:00, 17:00 on pickup days, or `POST /pickups/run` when the
 * courier comes): every dispatched parcel — every active `order.pickup` step — is handed over.
 * Its pickup step completes at the batch's instant — a manual run's own time, with a batch id
 * ending `-manual` (batch-time.ts) — (the order's execution resumes with the
 * StepResult), the batch is recorded on its timeline, and a parcel planned for an earlier batch is
 * breached (`SlaBreached`, escalated) and raises `PickupMissed`.
 * Scheduled runs do nothing on a non-pickup day (Sunday by default).
 */
import { StepNotOpen } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { completeStep } from '../../core/cases/transitions.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { domainEvent } from '../../core/ports/event-schemas.ts';
import { DetailType, type DomainEvent, type EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { Clock } from '../../core/time/clock.ts';
import { caseDeadlineTimerNames, orderHandover } from '../shared/case-deadlines.ts';
import type { Log } from '../shared/logger.ts';
import { breachEscalation, recordEscalation } from '../shared/escalation.ts';
import { slaBreached, stepCompleted } from '../shared/step-events.ts';
import { disarmStepTimers } from '../shared/step-timers.ts';
import { readAll } from '../shared/read-all.ts';
import { batchOf } from './batch-time.ts';
import { stepResultOf } from '../shared/step-result.ts';

export interface PickupBatchDeps {
  repository: CaseRepository;
  events: EventPublisher;
  timers: TimerScheduler;
  workflows: WorkflowGateway;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
}

export interface PickupRunRequest {
  /** Run by a person (`POST /pickups/run`): the courier came, whatever the day. */
  manual: boolean;
  by?: string;
}

export interface HandedOverParcel {
  caseId: string;
  plannedAt: string | null;
  missed: boolean;
}

export interface PickupRunResult {
  batchId: string;
  ranAt: string;
  /** Set when a scheduled run found a non-pickup day and did nothing. */
  skipped?: 'not-a-pickup-day';
  handedOver: HandedOverParcel[];
}

/** The step id whose active steps are the parcels ready for the courier. */
export const PICKUP_STEP = orderHandover.keptBy;

export function createPickupBatch(deps: PickupBatchDeps): (request: PickupRunRequest) => Promise<PickupRunResult> {
  return async (request) => {
    const now = deps.clock.now();
    const ranAt = toInstant(now);
    const batch = batchOf(deps.policy.pickup, now, request.manual);
    if (!request.manual && !deps.policy.pickup.isPickupDay(deps.policy.zone.dayOf(now))) {
      deps.log.info('no pickup on a non-pickup day', { batchId: batch.batchId });
      return { batchId: batch.batchId, ranAt, skipped: 'not-a-pickup-day', handedOver: [] };
    }
    const by = request.by ?? 'pickup-batch';
    const handedOver: HandedOverParcel[] = [];
    const events: DomainEvent[] = [];
    for (const waiting of await readAll((page) => deps.repository.listAwaiting(PICKUP_STEP, page), { pageSize: 100 })) {
      const missed = waiting.due !== undefined && Date.parse(waiting.due) < batch.at;
      let parcel = waiting;
      if (missed) {
        // It missed its planned batch: breached (escalated) now, handed over with this one.
        const outcome = await deps.repository.markBreached(waiting, ranAt, breachEscalation(deps.policy, ranAt));
        parcel = outcome.step;
        if (outcome.changed) {
          await recordEscalation(deps.repository, parcel);
          events.push(slaBreached(parcel));
        }
      }
      // A scheduled batch hands over at its instant (the run fires seconds after it); a manual run at its own time.
      const handedOverAt = toInstant(Math.max(batch.handedOverAt, Date.parse(parcel.openedAt)));
      const done = await handOver(deps, parcel, { at: handedOverAt, by });
      if (!done) continue;
      handedOver.push({ caseId: parcel.caseId, plannedAt: parcel.due ?? null, missed });
      await deps.repository.appendTimeline(parcel.caseId, {
        id: `pickup#${batch.batchId}`,
        at: handedOverAt,
        kind: 'pickup.handed-over',
        step: parcel.step,
        by,
        detail: { batchId: batch.batchId, plannedAt: parcel.due ?? null, missed, manual: request.manual, ranAt },
      });
      events.push(stepCompleted(done));
      if (missed && parcel.due !== undefined) {
        events.push(domainEvent(DetailType.PickupMissed, { caseId: parcel.caseId, batchId: batch.batchId, plannedAt: parcel.due, handedOverAt }, ranAt));
      }
    }
    events.push(domainEvent(DetailType.PickupBatchRun, { batchId: batch.batchId, ranAt, manual: request.manual, parcels: handedOver }, ranAt));
    await deps.events.publish(events);
    deps.log.info('pickup batch ran', { batchId: batch.batchId, parcels: handedOver.length, missed: handedOver.filter((p) => p.missed).length });
    return { batchId: batch.batchId, ranAt, handedOver };
  };
}

/**
 * Answers the waiting workflow first, then stores the completion: if the store write is lost, the
 * next run completes the step and its second answer is a harmless `false`. Returns the completed
 * step, or undefined when someone else completed it first.
 */
async function handOver(deps: PickupBatchDeps, parcel: StepRecord, input: { at: string; by: string }): Promise<StepRecord | undefined> {
  let expected: StepRecord;
  try {
    expected = completeStep(parcel, { ...input, fields: {}, answeredAt: input.at });
  } catch (error) {
    if (error instanceof StepNotOpen) return undefined;
    throw error;
  }
  if (parcel.taskToken !== undefined) await deps.workflows.sendSuccess(parcel.taskToken, stepResultOf(expected, 'pickup-batch'));
  let done: StepRecord;
  try {
    done = await deps.repository.completeStep(parcel, { ...input, fields: {}, answeredAt: input.at });
  } catch (error) {
    if (error instanceof StepNotOpen) return undefined;
    throw error;
  }
  await disarmStepTimers(deps, done);
  for (const name of caseDeadlineTimerNames(done.caseId, orderHandover)) await deps.timers.cancel(name);
  return done;
}
