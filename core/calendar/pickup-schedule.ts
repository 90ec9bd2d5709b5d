import { formatTimeOfDay, weekdayOf } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import type { StepShares } from './batch-targets.ts';

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
  /**
   * Set when the order was ready less than the lead time before the batch its window feeds
   * (service-standards.md §2 `pickup.leadMinutes`): that batch (epoch ms), which it is not planned for.
   */
  deferredFrom: number | undefined;
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
    /** Minutes an order needs between ready and its batch; one ready later goes with the following batch. */
    readonly leadMinutes = 0,
    /** Minutes each order step needs before the batch (`pickup.stepShares`), for its batch target (batch-targets.ts). */
    readonly stepShares: StepShares = {},
  ) {}

  isPickupDay(day: number): boolean {
    return this.exceptions.get(day) ?? this.weekdays.has(weekdayOf(day));
  }

  /**
   * The batch an order ready to ship at `readyAt` (service-standards.md §2: `max(placedAt, paidAt)`)
   * is planned for: its window's batch, or the following one when that leaves less than `leadMinutes`.
   */
  plannedFor(readyAt: number): PlannedPickup {
    const byWindow = this.windowBatch(readyAt);
    let planned = byWindow;
    // Each step moves to the window after the planned batch's, so the loop ends within a few batches.
    while (planned.at - readyAt < this.leadMinutes * 60_000) planned = this.windowBatch(this.zone.instant(planned.day, planned.batch.cutoff));
    return planned === byWindow ? byWindow : { ...planned, deferredFrom: byWindow.at };
  }

  /** The batch of the window `at` falls in, moved to the next pickup day's first batch if its day has none. */
  private windowBatch(at: number): PlannedPickup {
    const first = this.batches[0] as PickupBatch;
    const placedDay = this.zone.dayOf(at);
    const minute = this.zone.minuteOfDay(at);
    const sameDay = this.batches.find((b) => minute < b.cutoff);
    const day = sameDay ? placedDay : placedDay + 1;
    const batch = sameDay ?? first;
    if (this.isPickupDay(day)) return { at: this.zone.instant(day, batch.at), day, batch, movedFrom: undefined, deferredFrom: undefined };
    let next = day + 1;
    while (!this.isPickupDay(next)) {
      if (next - day > 366) throw new RangeError('pickup schedule has no pickup day within a year');
      next++;
    }
    return { at: this.zone.instant(next, first.at), day: next, batch: first, movedFrom: { day, batch }, deferredFrom: undefined };
  }

  /** The window of a batch as text, e.g. `[17:00 previous day, 09:00)`. */
  describeWindow(batch: PickupBatch): string {
    const index = this.batches.indexOf(batch);
    const previous = index > 0 ? this.batches[index - 1] : this.batches[this.batches.length - 1];
    const from = previous ? formatTimeOfDay(previous.cutoff) : '00:00';
    return `[${from}${index === 0 ? ' previous day' : ''}, ${formatTimeOfDay(batch.cutoff)})`;
  }
}
