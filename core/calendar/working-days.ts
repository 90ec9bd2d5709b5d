import { civilFromDay, weekdayOf } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import type { DutyCalendar } from './duty-calendar.ts';
import type { Interval } from './interval.ts';

export const WorkingDayKind = {
  Workday: 'workday',
  Weekend: 'weekend',
  Holiday: 'holiday',
  /** A weekend day made a working day to bridge a holiday (调休). */
  AdjustedWorkday: 'adjusted-workday',
} as const;
export type WorkingDayKind = (typeof WorkingDayKind)[keyof typeof WorkingDayKind];

export interface WorkingDayInfo {
  kind: WorkingDayKind;
  working: boolean;
  /** The holiday's name for holidays and adjusted working days. */
  name: string | undefined;
}

/**
 * The statutory PRC working-day calendar (工作日): Monday–Friday, minus public holidays, plus
 * adjusted working weekend days. A working day is on duty for its whole 24 hours.
 */
export class WorkingDayCalendar implements DutyCalendar {
  readonly id = 'working-days';
  private readonly cache = new Map<number, readonly Interval[]>();

  constructor(
    readonly zone: Zone,
    private readonly holidays: ReadonlyMap<number, string>,
    private readonly adjustedWorkdays: ReadonlyMap<number, string>,
    /** Years for which holiday data is known; other years fall back to plain Monday–Friday. */
    private readonly coveredYears: ReadonlySet<number>,
  ) {}

  info(day: number): WorkingDayInfo {
    const holiday = this.holidays.get(day);
    if (holiday !== undefined) return { kind: WorkingDayKind.Holiday, working: false, name: holiday };
    const adjusted = this.adjustedWorkdays.get(day);
    if (adjusted !== undefined) return { kind: WorkingDayKind.AdjustedWorkday, working: true, name: adjusted };
    const wd = weekdayOf(day);
    if (wd === 0 || wd === 6) return { kind: WorkingDayKind.Weekend, working: false, name: undefined };
    return { kind: WorkingDayKind.Workday, working: true, name: undefined };
  }

  isWorkingDay(day: number): boolean {
    if (this.holidays.has(day)) return false;
    if (this.adjustedWorkdays.has(day)) return true;
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  }

  hasHolidayDataFor(day: number): boolean {
    return this.coveredYears.has(civilFromDay(day).year);
  }

  intervalsOn(day: number): readonly Interval[] {
    let intervals = this.cache.get(day);
    if (!intervals) {
      intervals = this.isWorkingDay(day) ? [{ start: this.zone.instant(day, 0), end: this.zone.instant(day + 1, 0) }] : [];
      this.cache.set(day, intervals);
    }
    return intervals;
  }

  describeDay(day: number): string {
    const info = this.info(day);
    switch (info.kind) {
      case WorkingDayKind.Holiday:
        return `public holiday (${info.name})`;
      case WorkingDayKind.AdjustedWorkday:
        return `adjusted working day 调休 (${info.name})`;
      case WorkingDayKind.Weekend:
        return 'weekend';
      default:
        return 'working day';
    }
  }
}
