import { CalendarExhausted } from './errors.ts';
import type { DutyCalendar } from './duty-calendar.ts';
import type { Interval } from './interval.ts';

/** How far ahead a scan looks for on-duty time before giving up (two years and a bit). */
export const MAX_SCAN_DAYS = 800;

/** A piece of a business-time walk, recorded when an explanation is wanted. */
export interface TraceSegment {
  kind: 'counted' | 'paused';
  start: number;
  end: number;
}

/**
 * Walks a calendar's on-duty time forward from an instant, yielding disjoint pieces in order.
 * Shifts that cross midnight or overlap the next day's are merged by never yielding time
 * before the furthest end seen so far.
 */
class DutyWalk {
  start = 0;
  end = 0;
  private day: number;
  private index = 0;
  private cursor: number;
  private readonly lastDay: number;

  constructor(
    private readonly calendar: DutyCalendar,
    from: number,
  ) {
    this.day = calendar.zone.dayOf(from) - 1; // yesterday's overnight shift may still run
    this.cursor = from;
    this.lastDay = this.day + MAX_SCAN_DAYS;
  }

  /** Advances to the next on-duty piece, setting `start`/`end`. */
  next(): void {
    for (;;) {
      const intervals = this.calendar.intervalsOn(this.day);
      while (this.index < intervals.length) {
        const interval = intervals[this.index++] as Interval;
        if (interval.end <= this.cursor) continue;
        this.start = Math.max(interval.start, this.cursor);
        this.end = interval.end;
        this.cursor = interval.end;
        return;
      }
      this.day++;
      this.index = 0;
      if (this.day > this.lastDay) {
        throw new CalendarExhausted(this.calendar.id, this.calendar.zone.formatIso(this.cursor), MAX_SCAN_DAYS);
      }
    }
  }
}

/** The first on-duty instant at or after `t`. */
export function nextOnDuty(calendar: DutyCalendar, t: number): number {
  const walk = new DutyWalk(calendar, t);
  walk.next();
  return walk.start;
}

/** True when `t` lies inside an on-duty interval (half-open: an interval's end is off duty). */
export function isOnDuty(calendar: DutyCalendar, t: number): boolean {
  return nextOnDuty(calendar, t) === t;
}

/** On-duty milliseconds in [from, to). */
export function onDutyBetween(calendar: DutyCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const walk = new DutyWalk(calendar, from);
  let total = 0;
  for (;;) {
    walk.next();
    if (walk.start >= to) return total;
    total += Math.min(walk.end, to) - walk.start;
    if (walk.end >= to) return total;
  }
}

/**
 * The instant at which `amount` ms of on-duty time, not counting `pauses`, have elapsed from
 * `from`. The result is never off duty, except exactly at the end of an interval.
 * `pauses` must be sorted and disjoint (see normalizeIntervals).
 */
export function addOnDuty(
  calendar: DutyCalendar,
  from: number,
  amount: number,
  pauses: readonly Interval[] = [],
  trace?: TraceSegment[],
): number {
  if (amount <= 0) return from;
  const walk = new DutyWalk(calendar, from);
  let remaining = amount;
  let p = 0;
  for (;;) {
    walk.next();
    let a = walk.start;
    const b = walk.end;
    while (a < b) {
      while (p < pauses.length && (pauses[p] as Interval).end <= a) p++;
      const pause = pauses[p];
      if (pause && pause.start <= a) {
        const pausedUntil = Math.min(pause.end, b);
        trace?.push({ kind: 'paused', start: a, end: pausedUntil });
        a = pausedUntil;
        continue;
      }
      const countedUntil = pause && pause.start < b ? pause.start : b;
      const length = countedUntil - a;
      if (length >= remaining) {
        trace?.push({ kind: 'counted', start: a, end: a + remaining });
        return a + remaining;
      }
      trace?.push({ kind: 'counted', start: a, end: countedUntil });
      remaining -= length;
      a = countedUntil;
    }
  }
}
