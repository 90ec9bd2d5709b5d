import { MS_PER_DAY, MS_PER_MINUTE, formatDateWithWeekday, formatTimeOfDay } from './civil.ts';

const MS_PER_HOUR = 3_600_000;

/** Thrown for a time zone name the runtime's IANA database does not know. */
export class UnknownTimeZone extends Error {
  override readonly name = 'UnknownTimeZone';
  constructor(readonly timeZone: string) {
    super(`unknown time zone "${timeZone}" (expected an IANA name such as Asia/Shanghai)`);
  }
}

/**
 * Converts between instants (epoch ms) and wall-clock time in one IANA zone.
 * Offsets are looked up through Intl once per hour of UTC and cached: calendars convert each
 * local day once, so the hot path is a Map lookup, not a formatter call.
 */
export class Zone {
  private readonly formatter: Intl.DateTimeFormat;
  /** UTC day → its offset when constant all day, or NaN when the day has a transition. */
  private readonly dayOffsets = new Map<number, number>();
  private readonly hourOffsets = new Map<number, number>();
  private lastDay = Number.NaN;
  private lastDayOffset = Number.NaN;

  constructor(readonly name: string) {
    try {
      this.formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new UnknownTimeZone(name);
    }
  }

  /**
   * The zone's UTC offset in ms at an instant (local = utc + offset). Cached per UTC day when the
   * day has one offset (nearly always), per hour on the days of a DST transition.
   */
  offsetAt(ms: number): number {
    const day = Math.floor(ms / MS_PER_DAY);
    if (day === this.lastDay) return this.lastDayOffset;
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const startOffset = this.computeOffset(day * MS_PER_DAY);
      offset = startOffset === this.computeOffset((day + 1) * MS_PER_DAY - 1) ? startOffset : Number.NaN;
      this.dayOffsets.set(day, offset);
    }
    if (!Number.isNaN(offset)) {
      this.lastDay = day;
      this.lastDayOffset = offset;
      return offset;
    }
    const hour = Math.floor(ms / MS_PER_HOUR);
    let hourly = this.hourOffsets.get(hour);
    if (hourly === undefined) {
      hourly = this.computeOffset(hour * MS_PER_HOUR);
      this.hourOffsets.set(hour, hourly);
    }
    return hourly;
  }

  /** Local day number of an instant. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / MS_PER_DAY);
  }

  /** Local minute of the day (0–1439) of an instant. */
  minuteOfDay(ms: number): number {
    const local = ms + this.offsetAt(ms);
    return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  }

  /**
   * The instant of a wall-clock time. `minutes` may be ≥ 1440 (a shift ending after midnight).
   * In a DST gap the time is pushed forward by the gap; in an overlap the earlier instant wins.
   */
  instant(day: number, minutes: number): number {
    const local = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    const withBefore = local - before;
    if (before === after) return withBefore;
    const withAfter = local - after;
    const beforeValid = this.offsetAt(withBefore) === before;
    const afterValid = this.offsetAt(withAfter) === after;
    if (beforeValid && afterValid) return Math.min(withBefore, withAfter);
    if (afterValid) return withAfter;
    // In a gap neither reading exists; the offset from before the gap pushes the time past it.
    return withBefore;
  }

  /** ISO-8601 with the zone's offset, e.g. `2026-11-27T09:00:00+08:00`. */
  formatIso(ms: number): string {
    const offset = this.offsetAt(ms);
    const local = new Date(ms + offset).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset) / MS_PER_MINUTE;
    return `${local}${sign}${formatTimeOfDay(abs)}`;
  }

  /** `2026-11-27 Fri 09:00` — how explanations name an instant. */
  formatShort(ms: number): string {
    return `${formatDateWithWeekday(this.dayOf(ms))} ${formatTimeOfDay(this.minuteOfDay(ms))}`;
  }

  /** `09:00`, or the short date form when the instant is on another day than `referenceDay`. */
  formatRelative(ms: number, referenceDay: number): string {
    return this.dayOf(ms) === referenceDay ? formatTimeOfDay(this.minuteOfDay(ms)) : this.formatShort(ms);
  }

  private computeOffset(ms: number): number {
    const parts = this.formatter.formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return asUtc - ms;
  }
}

