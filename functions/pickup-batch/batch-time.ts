/** Which courier batch a pickup run belongs to, and when its parcels count as handed over. */
import type { PickupSchedule } from '../../core/calendar/pickup-schedule.ts';
import { formatDate, formatTimeOfDay } from '../../core/time/civil.ts';

export interface BatchTime {
  /** `2025-03-03T13:00` for a scheduled batch (Asia/Shanghai); `2025-03-09T14:02:05-manual` for a run by hand. */
  batchId: string;
  /** The instant the batch stands for (epoch ms): parcels planned before it missed theirs. */
  at: number;
  /** When the parcels are handed over (epoch ms). */
  handedOverAt: number;
}

/**
 * A scheduled run within this long after its batch time is that batch (Scheduler fires within a
 * minute; a short delay must not make every parcel late); a later one (the platform was down) hands
 * over at the run's own time.
 */
export const SCHEDULED_RUN_GRACE_MS = 5 * 60_000;

/**
 * A scheduled run belongs to the latest batch of the day at or before `now` (before the day's first
 * batch, the run is its own batch at `now`); its parcels are handed over at the batch's instant if
 * it fired on time. A manual run (`POST /pickups/run`: the courier came) is its own batch, named
 * for the run's local time and marked manual, and hands over at the run's time.
 */
export function batchOf(pickup: PickupSchedule, now: number, manual = false): BatchTime {
  const zone = pickup.zone;
  const day = zone.dayOf(now);
  if (manual) return { batchId: `${zone.formatIso(now).slice(0, 19)}-manual`, at: now, handedOverAt: now };
  const minute = zone.minuteOfDay(now);
  const batch = [...pickup.batches].reverse().find((b) => b.at <= minute);
  const at = batch ? zone.instant(day, batch.at) : now;
  return { batchId: `${formatDate(day)}T${formatTimeOfDay(batch ? batch.at : minute)}`, at, handedOverAt: now - at <= SCHEDULED_RUN_GRACE_MS ? at : now };
}
