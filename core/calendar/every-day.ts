import type { Zone } from '../time/zone.ts';
import type { DutyCalendar } from './duty-calendar.ts';
import type { Interval } from './interval.ts';

/** Every calendar day, all day: the calendar of "same day" rules. */
export class EveryDayCalendar implements DutyCalendar {
  readonly id = 'every-day';
  private readonly cache = new Map<number, readonly Interval[]>();

  constructor(readonly zone: Zone) {}

  intervalsOn(day: number): readonly Interval[] {
    let intervals = this.cache.get(day);
    if (!intervals) {
      intervals = [{ start: this.zone.instant(day, 0), end: this.zone.instant(day + 1, 0) }];
      this.cache.set(day, intervals);
    }
    return intervals;
  }

  describeDay(): string {
    return 'all day';
  }
}
