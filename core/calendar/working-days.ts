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
  /** The year's holiday schedule is not published (or not loaded): only the statutory holidays are known, 调休 swaps are not. */
  provisional: boolean;
}

/** The statutory holidays of a year by law, for years without a published schedule (day number → name). */
export type StatutoryHolidays = (year: number) => ReadonlyMap<number, string>;

/**
 * The statutory PRC working-day calendar (工作日): Monday–Friday, minus public holidays, plus
 * adjusted working weekend days. A working day is on duty for its whole 24 hours. For a year
 * without holiday data, the statutory holidays by law are counted (`statutory`) and the day's
 * standing is provisional: the year's 调休 swaps are published later.
 */
export class WorkingDayCalendar implements DutyCalendar {
  readonly id = 'working-days';
  private readonly cache = new Map<number, readonly Interval[]>();
  private readonly statutoryByYear = new Map<number, ReadonlyMap<number, string>>();

  constructor(
    readonly zone: Zone,
    private readonly holidays: ReadonlyMap<number, string>,
    private readonly adjustedWorkdays: ReadonlyMap<number, string>,
    /** Years for which holiday data is known; other years count only the statutory holidays. */
    private readonly coveredYears: ReadonlySet<number>,
    private readonly statutory: StatutoryHolidays = () => new Map(),
  ) {}

  info(day: number): WorkingDayInfo {
    const provisional = !this.hasHolidayDataFor(day);
    const holiday = provisional ? this.statutoryOf(civilFromDay(day).year).get(day) : this.holidays.get(day);
    if (holiday !== undefined) return { kind: WorkingDayKind.Holiday, working: false, name: holiday, provisional };
    const adjusted = this.adjustedWorkdays.get(day);
    if (adjusted !== undefined) return { kind: WorkingDayKind.AdjustedWorkday, working: true, name: adjusted, provisional };
    const wd = weekdayOf(day);
    if (wd === 0 || wd === 6) return { kind: WorkingDayKind.Weekend, working: false, name: undefined, provisional };
    return { kind: WorkingDayKind.Workday, working: true, name: undefined, provisional };
  }

  isWorkingDay(day: number): boolean {
    return this.info(day).working;
  }

  hasHolidayDataFor(day: number): boolean {
    return this.coveredYears.has(civilFromDay(day).year);
  }

  private statutoryOf(year: number): ReadonlyMap<number, string> {
    let days = this.statutoryByYear.get(year);
    if (!days) {
      days = this.statutory(year);
      this.statutoryByYear.set(year, days);
    }
    return days;
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
        return info.provisional ? `public holiday by law (${info.name}), provisional` : `public holiday (${info.name})`;
      case WorkingDayKind.AdjustedWorkday:
        return `adjusted working day 调休 (${info.name})`;
      case WorkingDayKind.Weekend:
        return 'weekend';
      default:
        return 'working day';
    }
  }
}
