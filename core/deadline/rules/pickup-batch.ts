import type { PickupSchedule } from '../../calendar/pickup-schedule.ts';
import { formatDateWithWeekday, formatTimeOfDay } from '../../time/civil.ts';
import type { Explainer } from '../explain.ts';
import type { RuleOutcome } from './outcome.ts';

/** The planned pickup batch for an order ready to ship at `opened` (service-standards.md §2: `max(placedAt, paidAt)`). */
export function pickupBatch(schedule: PickupSchedule, opened: number, explainer: Explainer): RuleOutcome {
  const zone = schedule.zone;
  const planned = schedule.plannedFor(opened);
  const windowBatch = planned.movedFrom?.batch ?? planned.batch;
  explainer.add(
    () => `ready ${zone.formatShort(opened)}, in the window ${schedule.describeWindow(windowBatch)} of the ${formatTimeOfDay(windowBatch.at)} batch`,
  );
  const movedFrom = planned.movedFrom;
  if (movedFrom) {
    explainer.add(
      () => `${formatDateWithWeekday(movedFrom.day)} is not a pickup day: moves to the next pickup day's first batch`,
    );
  }
  const deferredFrom = planned.deferredFrom;
  if (deferredFrom !== undefined) {
    explainer.add(
      () => `ready less than ${schedule.leadMinutes} min before the ${zone.formatShort(deferredFrom)} batch (pickup.leadMinutes): planned for the following batch`,
    );
  }
  explainer.add(() => `planned pickup ${zone.formatShort(planned.at)}`);
  return { clockStart: opened, due: planned.at, budget: null, warnBasis: null, dayBased: true };
}
