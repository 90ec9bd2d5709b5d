/**
 * The periods a scorecard groups by (issue 23: "per person and month/week"): calendar months and
 * Monday-to-Sunday weeks of the policy's zone (Asia/Shanghai), as local day numbers of
 * core/time/civil.ts. A period is clipped to the asked range, so its figures never count a day
 * outside it.
 */
import { formatDate, weekdayOf } from '../../time/civil.ts';

export const PeriodGroupBy = { month: 'month', week: 'week' } as const;
export type PeriodGroupBy = (typeof PeriodGroupBy)[keyof typeof PeriodGroupBy];

export interface Period {
  /** `YYYY-MM` for a month; the Monday `YYYY-MM-DD` for a week. */
  key: string;
  /** Inclusive local days, clipped to the range. */
  fromDay: number;
  toDay: number;
}

/** The Monday on or before `day`. */
export function mondayOf(day: number): number {
  return day - ((weekdayOf(day) + 6) % 7);
}

/** The period `day` falls in. */
export function periodKey(day: number, groupBy: PeriodGroupBy): string {
  return groupBy === PeriodGroupBy.week ? formatDate(mondayOf(day)) : formatDate(day).slice(0, 7);
}

/** The periods covering the inclusive range [fromDay, toDay], oldest first, each clipped to it. */
export function periodsOf(fromDay: number, toDay: number, groupBy: PeriodGroupBy): Period[] {
  const periods: Period[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const key = periodKey(day, groupBy);
    const last = periods[periods.length - 1];
    if (last?.key === key) last.toDay = day;
    else periods.push({ key, fromDay: day, toDay: day });
  }
  return periods;
}
