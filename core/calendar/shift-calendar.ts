import { formatTimeOfDay, weekdayOf } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import type { DutyCalendar } from './duty-calendar.ts';
import type { Interval } from './interval.ts';

/** One shift in minutes of the day; `to <= from` means the shift ends after midnight. */
export interface Shift {
  from: number;
  to: number;
}

export interface WeeklyShift extends Shift {
  /** Weekdays the shift starts on (0 = Sunday). */
  weekdays: readonly number[];
}

/** Replaces the weekly shifts of one date; no shifts means a day off. */
export interface DateException {
  shifts: readonly Shift[];
  note: string | undefined;
}

/** A role's on-duty calendar: weekly shifts (split and overnight allowed) plus per-date exceptions. */
export class ShiftCalendar implements DutyCalendar {
  private readonly byWeekday: Shift[][] = [[], [], [], [], [], [], []];
  private readonly cache = new Map<number, readonly Interval[]>();

  constructor(
    readonly id: string,
    readonly zone: Zone,
    weekly: readonly WeeklyShift[],
    /** By local day number. */
    readonly exceptions: ReadonlyMap<number, DateException>,
    /** Days the weekly shifts apply on (e.g. statutory working days only); absent: every day. */
    private readonly onDay?: (day: number) => boolean,
  ) {
    for (const shift of weekly) {
      for (const wd of shift.weekdays) this.byWeekday[wd]?.push({ from: shift.from, to: shift.to });
    }
    for (const list of this.byWeekday) list.sort((a, b) => a.from - b.from);
  }

  /** The weekly shifts that start on a weekday (0 = Sunday), by start time. */
  shiftsOnWeekday(weekday: number): readonly Shift[] {
    return this.byWeekday[weekday] ?? [];
  }

  shiftsOn(day: number): readonly Shift[] {
    const exception = this.exceptions.get(day);
    if (exception !== undefined) return exception.shifts;
    if (this.onDay !== undefined && !this.onDay(day)) return [];
    return this.byWeekday[weekdayOf(day)] ?? [];
  }

  intervalsOn(day: number): readonly Interval[] {
    let intervals = this.cache.get(day);
    if (!intervals) {
      intervals = [...this.shiftsOn(day)]
        .sort((a, b) => a.from - b.from)
        .map((s) => ({
          start: this.zone.instant(day, s.from),
          end: this.zone.instant(day, s.to > s.from ? s.to : s.to + 1440),
        }));
      this.cache.set(day, intervals);
    }
    return intervals;
  }

  describeDay(day: number): string {
    const shifts = this.shiftsOn(day);
    const hours = shifts.length
      ? shifts.map((s) => `${formatTimeOfDay(s.from)}–${formatTimeOfDay(s.to)}${s.to <= s.from ? ' (+1 day)' : ''}`).join(', ')
      : 'off';
    const note = this.exceptions.get(day)?.note;
    return note ? `${hours} (${note})` : hours;
  }
}
