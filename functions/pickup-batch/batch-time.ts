/** Which courier batch a pickup run belongs to. */
import type { PickupSchedule } from '../../core/calendar/pickup-schedule.ts';
import { formatDate, formatTimeOfDay } from '../../core/time/civil.ts';

export interface BatchTime {
  /** `2025-03-03T13:00` (Asia/Shanghai). */
  batchId: string;
  /** The planned instant of the batch (epoch ms): parcels planned before it missed theirs. */
  at: number;
}

/**
 * The latest batch of the day at or before `now` (a run fired a little late, or a courier who came
 * late, still belongs to that batch); before the day's first batch, the run is its own batch at `now`.
 */
export function batchOf(pickup: PickupSchedule, now: number): BatchTime {
  const zone = pickup.zone;
  const day = zone.dayOf(now);
  const minute = zone.minuteOfDay(now);
  const batch = [...pickup.batches].reverse().find((b) => b.at <= minute);
  const at = batch ? zone.instant(day, batch.at) : now;
  return { batchId: `${formatDate(day)}T${formatTimeOfDay(batch ? batch.at : minute)}`, at };
}
