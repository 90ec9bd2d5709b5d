import { formatTimeOfDay, weekdayOf } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';

/** A daily courier pickup: orders placed before `cutoff` (and at or after the previous batch's cutoff) go at `at`. */
export interface PickupBatch {
  at: number;
  cutoff: number;
}

export interface PlannedPickup {
  at: number;
  day: number;
  batch: PickupBatch;
  /** Set when the window's batch fell on a non-pickup day and moved to the next pickup day. */
  movedFrom: { day: number; batch: PickupBatch } | undefined;
}

/** Pickup days (周一至周六 by default) and the batches with the order-time windows that feed them. */
export class PickupSchedule {
  constructor(
    readonly zone: Zone,
    private readonly weekdays: ReadonlySet<number>,
    /** Sorted by cutoff; windows are contiguous: the first batch takes orders from the previous day's last cutoff. */
    readonly batches: readonly PickupBatch[],
    /** Per-date overrides: true adds a pickup day, false removes one. */
    private readonly exceptions: ReadonlyMap<number, boolean>,
  ) {}

  isPickupDay(day: number): boolean {
    return this.exceptions.get(day) ?? this.weekdays.has(weekdayOf(day));
  }

  /** The batch an order placed at `placedAt` is planned for. */
  plannedFor(placedAt: number): PlannedPickup {
    const first = this.batches[0] as PickupBatch;
    const placedDay = this.zone.dayOf(placedAt);
    const minute = this.zone.minuteOfDay(placedAt);
    const sameDay = this.batches.find((b) => minute < b.cutoff);
    const day = sameDay ? placedDay : placedDay + 1;
    const batch = sameDay ?? first;
    if (this.isPickupDay(day)) return { at: this.zone.instant(day, batch.at), day, batch, movedFrom: undefined };
    let next = day + 1;
    while (!this.isPickupDay(next)) {
      if (next - day > 366) throw new RangeError('pickup schedule has no pickup day within a year');
      next++;
    }
    return { at: this.zone.instant(next, first.at), day: next, batch: first, movedFrom: { day, batch } };
  }

  /** The window of a batch as text, e.g. `[17:00 previous day, 09:00)`. */
  describeWindow(batch: PickupBatch): string {
    const index = this.batches.indexOf(batch);
    const previous = index > 0 ? this.batches[index - 1] : this.batches[this.batches.length - 1];
    const from = previous ? formatTimeOfDay(previous.cutoff) : '00:00';
    return `[${from}${index === 0 ? ' previous day' : ''}, ${formatTimeOfDay(batch.cutoff)})`;
  }
}
